"""The /companies/ pages: the target list (every organisation, ranked) and a page for each one.

The private build ranks organisations by motivation, postings and the way in (derive/targets.py),
and each page shows its score and the next step. The way in comes from private meetings and the
company files are private, so the public build lists only the shared people at each organisation,
by name, with no score, no way in and nothing from a company file.
"""

from __future__ import annotations

from typing import Iterable

from ..book import Handbook
from ..derive.targets import WAYS_IN, next_step, reason, targets
from . import search
from .site import Page, RenderOptions, meta, render
from .urls import COMPANIES_SRC, company_src


def companies_pages(handbook: Handbook, options: RenderOptions) -> Iterable[Page]:
    ranked = targets(handbook, options.today)
    listed = ranked if options.private else sorted(ranked, key=lambda t: (t.name.casefold(), t.slug))
    tags = sorted({tag for t in ranked if t.company for tag in t.company.tags}, key=str.casefold)
    yield render("companies_index.md.j2", handbook, options, COMPANIES_SRC,
                 meta=meta(title="Companies", hide=["toc"]), targets=listed, company_src=company_src,
                 reason=reason, ways_in=WAYS_IN, all_tags=tags)
    for rank, target in enumerate(ranked, start=1):
        yield render("company.md.j2", handbook, options, company_src(target.slug),
                     meta=meta(title=target.name, search=search.COMPANY), target=target, org=target.organisation, rank=rank,
                     of=len(ranked), why=reason(handbook, target), step=next_step(handbook, target),
                     index=COMPANIES_SRC)
