"""The pre-commit hook's question: does the staged change break other documents?

Other documents depend on a document's ``title`` (usage documents name methods and tools by
it), its ``categorie`` and ``ordre`` (a unique ``ordre`` per category), on a document or an
asset existing at its path, and on ``_config.yml``. When the staged change touches any of
those in a site (a file added, deleted, renamed or retyped, an indexed key edited, the site
configuration edited), the site is checked with the cross-file rules as it is and as it was at
``HEAD``, and the findings the change creates are reported (:mod:`methlint.cross_file`).
Otherwise nothing more is done: a body edit costs the hook a few git calls, no site check.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from methlint.changed_lines import Repository, StagedFile
from methlint.collection import indexed_keys
from methlint.cross_file import Site, created_findings, cross_file_rules, shown_as
from methlint.diagnostics import Diagnostic
from methlint.placement import Placement, placement_of_folder
from methlint.workspace import Run, Workspace


@dataclass
class Dependents:
    findings: list[Diagnostic] = field(default_factory=list)
    sites: list[Path] = field(default_factory=list)  # the sites checked against HEAD
    documents: set[str] = field(default_factory=set)  # real paths of their documents


def dependents(workspace: Workspace, runs: Sequence[Run], cwd: Path) -> Dependents:
    """The findings the staged change creates in other documents, in every site it touches."""
    from methlint.linter import enabled_rules

    repository = Repository.around(cwd)
    sites: dict[Path, Site] = {}
    for change in repository.staged():
        folder = _existing_folder(change.path.parent)
        config = workspace.config_for(folder)
        where = placement_of_folder(folder, config)
        if where.root is None or not _alters_dependencies(repository, change, where, indexed_keys(config)):
            continue
        site = sites.setdefault(where.root, Site(where.root, config, cross_file_rules(enabled_rules(config))))
        if _feeds_every_document(change, where.root):
            site.rules = enabled_rules(config)  # defaults and layouts reach every rule's view
    found = Dependents(sites=list(sites))
    if sites:
        head = repository.git("rev-parse", "HEAD").decode().strip()
        shown = shown_as([target for run in runs for target in run.targets], cwd)
        for site in sites.values():
            found.findings += created_findings(repository, head, site, shown, cwd)
            found.documents |= site.documents
    return found


def _feeds_every_document(change: StagedFile, root: Path) -> bool:
    """``_config.yml`` (its defaults merge into every document) or a layout."""
    relative = os.path.relpath(change.path, root).replace(os.sep, "/")
    return relative == "_config.yml" or relative.startswith("_layouts/")


def _existing_folder(folder: Path) -> str:
    """The folder, or its nearest existing ancestor (a deleted file's folder may be gone too)."""
    current = os.path.abspath(folder)
    while not os.path.isdir(current) and os.path.dirname(current) != current:
        current = os.path.dirname(current)
    return current


def _alters_dependencies(repository: Repository, change: StagedFile, where: Placement, keys: tuple[str, ...]) -> bool:
    if change.status != "M":
        return True  # added, deleted, retyped: what exists at a path changed
    if change.path.name == "_config.yml":
        return True
    if where.collection is None or change.path.suffix != ".md":
        return False  # a page's or an asset's content: nothing of it is read by other documents
    relative = change.path.relative_to(repository.top).as_posix()
    before, after = repository.blobs(f"HEAD:{relative}", f":{relative}")
    return _indexed(before, keys) != _indexed(after, keys)


def _indexed(raw: bytes | None, keys: tuple[str, ...]) -> dict[str, object] | None:
    """The values other documents depend on (``title``, ``categorie``, ``ordre``…)."""
    from methlint.collection import indexed_values
    from methlint.document import decode

    text = None if raw is None else decode(raw)[0]
    return None if text is None else indexed_values(text, keys)
