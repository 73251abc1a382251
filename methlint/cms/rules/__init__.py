"""The rules of ``methlint cms check`` (CMS001…), one module per rule; the registry is
:mod:`methlint.rules`. Each reads the configuration once per run through :func:`site_of`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from methlint.document import Document
from methlint.i18n import _
from methlint.rules._base import Context

if TYPE_CHECKING:
    from methlint.cms.form import Site


def site_of(doc: Document, ctx: Context) -> Site:
    """The configuration ``doc`` with its forms, documents and contracts, read once per run.

    Imported here, not above: `methlint check` loads the registry, never the CMS modules."""
    from methlint.cms.form import read_site

    site: Site = ctx.memo("cms-site", doc, lambda: read_site(doc, ctx.config))
    return site


def contracts_text(kinds: list[str]) -> str:
    """ "the 'tool' contract", "the 'method' and 'tool' contracts": those a finding is about."""
    if len(kinds) == 1:
        return _("the '{kind}' contract").format(kind=kinds[0])
    listed = ", ".join(_("'{kind}'").format(kind=kind) for kind in kinds[:-1])
    return _("the {kinds} and '{last}' contracts").format(kinds=listed, last=kinds[-1])
