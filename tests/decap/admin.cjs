// The admin page in headless Chromium, as an editor uses it:
//   node admin.cjs PLAN.json
// PLAN: {modules, chromium, admin (URL of admin/index.html), collection, screenshot,
//        image: {label, file}, texts: {label: value}, lists: {label: item}, date: {label, value},
//        number: {label, value}}
// Logs in to the local backend (decap-server), opens a new document of the collection,
// records every field label, takes a screenshot of the form, fills it, publishes it.
// Prints one JSON line: {labels, errors}. The page loads Decap from unpkg.com as Decap's
// documentation says; those requests are answered from the npm package of the same version,
// and every other request outside localhost is refused (the test runs offline).
'use strict';
const fs = require('fs');
const path = require('path');

const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const { chromium } = require(require.resolve('playwright-core', { paths: [plan.modules] }));
const dist = path.join(plan.modules, 'decap-cms', 'dist');
const CDN = 'https://unpkg.com/decap-cms@';

async function main() {
  const browser = await chromium.launch({
    executablePath: plan.chromium,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const errors = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 2800 }, timezoneId: 'UTC' });
    const page = await context.newPage();
    page.on('pageerror', err => errors.push(String(err)));
    await page.route('**/*', route => {
      const url = route.request().url();
      if (url.startsWith(CDN)) {
        const file = path.join(dist, url.split('/dist/')[1].split('?')[0]);
        return route.fulfill({ path: file, contentType: 'application/javascript' });
      }
      return /^(https?:\/\/(localhost|127\.0\.0\.1)[:/]|data:|blob:)/.test(url) ? route.continue() : route.abort();
    });
    await page.goto(plan.admin);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.goto(`${plan.admin}#/collections/${plan.collection}/new`);
    await page.getByLabel(Object.keys(plan.texts)[0], { exact: true }).waitFor();
    const labels = await page.locator('label').allTextContents();
    await page.screenshot({ path: plan.screenshot });
    for (const [label, value] of Object.entries(plan.texts)) {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
    await page.getByRole('button', { name: 'Choose an image' }).first().click();
    await page.getByPlaceholder('Search...').fill(plan.image.file.replace(/\.[^.]+$/, ''));
    await page.getByText(plan.image.file, { exact: true }).click();
    await page.getByRole('button', { name: 'Choose selected' }).click();
    await page.getByLabel(plan.date.label, { exact: true }).fill(plan.date.value);
    for (const [label, item] of Object.entries(plan.lists)) {
      await page.getByRole('button', { name: `Add ${label}` }).click();
      await page.getByLabel(label, { exact: true }).fill(item);
    }
    await page.getByLabel(plan.number.label, { exact: true }).fill(plan.number.value);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Publish now').click();
    await page.getByText('Entry saved').waitFor();
    process.stdout.write(JSON.stringify({ labels, errors }) + '\n');
  } finally {
    await browser.close();
  }
}

main().catch(err => {
  process.stderr.write(String(err.stack || err) + '\n');
  process.exit(1);
});
