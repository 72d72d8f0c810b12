"""The /companies/ pages: every organisation in the data, and who there you can reach and how.

The private build shows warmth (met, warm through a chain of introductions, or cold) and the best
chain to each person. Warmth comes from private meetings, so the public build lists only the
shared people at each organisation, with no warmth and no chains.
"""

from __future__ import annotations

from typing import Iterable

from ..book import Handbook
from ..derive.introductions import organisations
from .site import Page, RenderOptions, meta, render
from .urls import COMPANIES_SRC, company_src


def companies_pages(handbook: Handbook, options: RenderOptions) -> Iterable[Page]:
    orgs = organisations(handbook, options.today)
    yield render("companies_index.md.j2", handbook, options, COMPANIES_SRC,
                 meta=meta(title="Companies"), orgs=orgs, company_src=company_src)
    for org in orgs:
        yield render("company.md.j2", handbook, options, company_src(org.slug),
                     meta=meta(title=org.name), org=org, index=COMPANIES_SRC)
