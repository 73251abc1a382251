"""The commands that describe methlint: `config`, `rules`, `explain`, `schema`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from methlint.cli.options import EXIT_ERROR, config_option, language_option, load_config
from methlint.i18n import N_, _

# the words of `methlint rules`
_FIX_WORDS = {"never": N_("never"), "sometimes": N_("sometimes"), "always": N_("always")}
_DEFAULT_WORDS = {"on": N_("on"), "off": N_("off")}
_COLUMNS = {"code": N_("CODE"), "name": N_("NAME"), "fix": N_("FIX"), "default": N_("DEFAULT")}


@click.command("config")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--output-format", type=click.Choice(["toml", "json"]), default="toml", show_default=True)
@config_option
@language_option
def show_config(paths: tuple[Path, ...], output_format: str, config_path: Path | None) -> None:
    """Print the effective configuration for these paths (default: the current folder)."""
    import json

    from methlint.config_file import as_toml, effective

    config = load_config(config_path, paths)
    if output_format == "json":
        click.echo(json.dumps(effective(config), ensure_ascii=False, indent=2))
    else:
        click.echo(as_toml(config), nl=False)


@click.command("rules")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@language_option
def list_rules(output_format: str) -> None:
    """List every rule: code, name, fix availability, default on/off, summary."""
    import json

    from methlint.rules import ALL_RULES

    rows = [
        {
            "code": rule.code,
            "name": rule.name,
            "fix": rule.fix.value,
            "default": "on" if rule.default_enabled else "off",
            "summary": _(rule.summary),
        }
        for rule in ALL_RULES
    ]
    if output_format == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    shown = [{**row, "fix": _(_FIX_WORDS[row["fix"]]), "default": _(_DEFAULT_WORDS[row["default"]])} for row in rows]
    headers = {c: _(title) for c, title in _COLUMNS.items()}
    widths = {c: max(len(headers[c]), *(len(row[c]) for row in shown)) for c in headers}
    click.echo("  ".join(headers[c].ljust(widths[c]) for c in headers) + "  " + _("SUMMARY"))
    for row in shown:
        click.echo("  ".join(row[c].ljust(widths[c]) for c in headers) + "  " + row["summary"])


@click.command()
@click.argument("code")
@language_option
def explain(code: str) -> None:
    """Show the documentation of a rule, by code (YML001) or name (yaml-syntax)."""
    from methlint.rule_docs import translated
    from methlint.rules import get

    try:
        rule = get(code)
    except KeyError:
        click.echo(_("unknown rule {code!r}: `methlint rules` lists them all").format(code=code), err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"# {rule.code} ({rule.name})\n\n{_(rule.summary)}\n\n{translated(rule.doc.strip())}")


@click.command()
@click.argument("kind", required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "markdown"]),
    default="json",
    show_default=True,
    help="markdown: a table of keys for editors (every document kind without KIND).",
)
@language_option
def schema(kind: str | None, output_format: str) -> None:
    """Print the JSON Schema of a document kind (method, tool, usage) or of config / output.

    Without KIND, list the schemas available. With --format markdown, the site's own contracts
    (those its configuration names, by file) are shown after methlint's.
    """
    import json

    from methlint.schemas import KINDS, load_schema

    available = {**KINDS, "config": "config.schema.json", "output": "output.schema.json"}
    if output_format == "markdown":
        from methlint.schema_docs import markdown, site_contracts

        # the shipped contracts, then those the configuration found from here names (by their file)
        config = load_config(None, (Path.cwd(),))
        contracts = {**{name: name for name in KINDS}, **site_contracts(config)}
        kinds = [kind] if kind else list(contracts)
        if any(k not in contracts for k in kinds):
            raise click.UsageError(_("choose a document kind: {kinds}").format(kinds=", ".join(contracts)))
        click.echo("\n".join(markdown(contracts[k], config) for k in kinds), nl=False)
        return
    if kind is None:
        for name, filename in available.items():
            click.echo(f"{name}\t{filename}")
        return
    if kind not in available:
        click.echo(
            _("unknown schema {kind!r}: choose one of {kinds}").format(kind=kind, kinds=", ".join(available)), err=True
        )
        sys.exit(EXIT_ERROR)
    click.echo(json.dumps(load_schema(available[kind]), ensure_ascii=False, indent=2))
