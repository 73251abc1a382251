// Decap CMS's own validation of configuration files, run under Node:
//   node validate.cjs NODE_MODULES_DIR CONFIG.yml...
// For each file, one JSON line: {"path", "valid", "errors"}. The configuration is parsed by
// Decap's parseConfig and checked by validateConfig (decap-cms-core/src/constants/configSchema.js)
// with every widget decap-cms-app registers (their option schemas take part), then applyDefaults,
// as Decap does when the admin page loads (actions/config.ts, loadConfig). Decap's modules are
// bundled once with esbuild (they are written for a browser bundler) and run under a jsdom DOM.
'use strict';
const fs = require('fs');
const path = require('path');

const modules = path.resolve(process.argv[2]);
const bundle = path.join(modules, '..', 'decap-validate.cjs');
const fromModules = id => require(require.resolve(id, { paths: [modules] }));

async function bundled() {
  const stamp = path.join(modules, '.package-lock.json');
  if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < fs.statSync(stamp).mtimeMs) {
    await fromModules('esbuild').build({
      stdin: {
        contents: [
          "export { validateConfig } from 'decap-cms-core/dist/esm/constants/configSchema';",
          "export { parseConfig, normalizeConfig, applyDefaults } from 'decap-cms-core/dist/esm/actions/config';",
          "import 'decap-cms-app/dist/esm/extensions';",
        ].join('\n'),
        resolveDir: modules,
      },
      bundle: true,
      platform: 'node',
      mainFields: ['module', 'main'], // one copy of decap-cms-core: the widgets register where validateConfig looks
      format: 'cjs',
      outfile: bundle,
      logLevel: 'error',
      loader: { '.css': 'empty', '.svg': 'text', '.wasm': 'empty' },
      define: { 'process.env.NODE_ENV': '"production"' },
    });
  }
  const { JSDOM } = fromModules('jsdom');
  const page = '<!doctype html><html><head><script src="http://localhost/decap.js"></script></head><body></body></html>';
  const dom = new JSDOM(page, { url: 'http://localhost/' });
  dom.window.URL.createObjectURL = () => 'blob:http://localhost/none';
  for (const name of ['window', 'document', 'navigator', 'location', 'localStorage', 'HTMLElement', 'Node', 'Element']) {
    if (!(name in globalThis)) globalThis[name] = dom.window[name];
  }
  console.error = () => {}; // Decap logs what it throws; the JSON line says it
  return require(bundle);
}

bundled().then(decap => {
  for (const file of process.argv.slice(3)) {
    let errors = '';
    try {
      const config = decap.parseConfig(fs.readFileSync(file, 'utf8'));
      decap.validateConfig(config);
      decap.applyDefaults(decap.normalizeConfig(config));
    } catch (err) {
      errors = String(err.message || err);
    }
    process.stdout.write(JSON.stringify({ path: file, valid: !errors, errors }) + '\n');
  }
});
