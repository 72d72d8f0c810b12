"""Introduction paths: for each organisation, who there you have met, who you could be introduced
to, and through whom.

A referral links two people who know each other, whichever way it went (A referred B: A and B
know each other), so the referral graph read in both directions is the map of who could introduce
whom. A chain starts with someone you have met (you can ask them directly) and follows those
links to the person you want to reach: you → Ana → Bruno → them.

- **met**: a meeting with them took place (the agenda's rule);
- **warm**: a chain reaches them; the best one is the shortest, and among equally short ones the
  one whose people you touched most recently, person by person from your end, then by slug;
- **cold**: no chain reaches them yet.

People are grouped by their ``company`` slug, so "Acme Health", "acme health" and "Acme  Health"
are one organisation. Everything here is pure and deterministic.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..book import Handbook
from ..identity import organisation_slug
from .agenda import last_touch, took_place
from .referrals import ReferralGraph, referral_graph

LEVELS = ("met", "warm", "cold")  # the order people are listed in


@dataclass(frozen=True)
class Reach:
    """How you can reach one person: ``chain`` runs from the first person you know to them."""

    slug: str
    level: str  # "met", "warm" or "cold"
    chain: tuple[str, ...] = ()  # ("jane-doe",) when met; ("jane-doe", "marcus-okafor") when warm
    last_touch: dt.date | None = None

    @property
    def introducers(self) -> tuple[str, ...]:
        """Who would pass you along, nearest to you first (empty when met or cold)."""
        return self.chain[:-1]


@dataclass(frozen=True)
class Organisation:
    slug: str
    name: str  # the spelling most people in it use
    people: tuple[Reach, ...]  # met, then warm, then cold
    best: Reach | None  # the best way in: someone met, else the best chain to anyone there

    def count(self, level: str) -> int:
        return sum(1 for reach in self.people if reach.level == level)


class Chains:
    """The best chain to everyone a chain reaches, found breadth first from everyone you have met."""

    def __init__(self, handbook: Handbook, today: dt.date, graph: ReferralGraph | None = None):
        self.graph = graph or referral_graph(handbook)
        self.touched = {slug: last_touch(handbook, c, today) for slug, c in handbook.contacts.items()}
        self.met = {slug for slug in handbook.contacts
                    if any(took_place(m, today) for m in handbook.meetings_with(slug))}
        self.best = self._search()

    def rank(self, slug: str) -> tuple:
        # Most recently touched first; never touched after everyone touched; then the slug.
        last = self.touched.get(slug)
        return ((0, -last.toordinal()) if last else (1, 0), slug)

    def key(self, chain: tuple[str, ...]) -> tuple:
        return (len(chain), tuple(self.rank(slug) for slug in chain))

    def neighbours(self, slug: str) -> Iterable[str]:
        referrer = self.graph.referrer_of(slug)
        return (*self.graph.referred(slug), *((referrer,) if referrer else ()))

    def _search(self) -> dict[str, tuple[str, ...]]:
        # One layer at a time, so every chain found is a shortest one. Among equally short chains to
        # a person, the best one extends the best chain of one of the previous layer: keep the least.
        best = {slug: (slug,) for slug in self.met}
        layer = sorted(self.met)
        while layer:
            found: dict[str, tuple[str, ...]] = {}
            for slug in layer:
                for other in self.neighbours(slug):
                    if other in best:
                        continue  # reached in an earlier layer (this also ends every cycle)
                    chain = best[slug] + (other,)
                    if other not in found or self.key(chain) < self.key(found[other]):
                        found[other] = chain
            best.update(found)
            layer = sorted(found)
        return best

    def reach(self, slug: str) -> Reach:
        chain = self.best.get(slug, ())
        level = "met" if slug in self.met else "warm" if chain else "cold"
        return Reach(slug, level, chain, self.touched.get(slug))


def _display_name(spellings: list[str]) -> str:
    counts = Counter(spellings)
    return min(counts, key=lambda name: (-counts[name], name.casefold(), name))


def organisations(handbook: Handbook, today: dt.date, graph: ReferralGraph | None = None) -> list[Organisation]:
    """Every organisation named in a ``company`` field, by name, each with its people and their reach."""
    members: dict[str, list[str]] = defaultdict(list)
    spellings: dict[str, list[str]] = defaultdict(list)
    for contact in handbook.contacts.values():
        slug = organisation_slug(contact.company)
        if slug:
            members[slug].append(contact.slug)
            spellings[slug].append(" ".join(contact.company.split()))
    if not members:
        return []
    chains = Chains(handbook, today, graph)
    result = []
    for slug, people in members.items():
        reaches = [chains.reach(person) for person in people]

        def order(reach: Reach) -> tuple:
            name = handbook.contacts[reach.slug].name
            return (LEVELS.index(reach.level), *chains.key(reach.chain), name.casefold(), reach.slug)

        reaches.sort(key=order)
        reachable = [r for r in reaches if r.chain]
        best = min(reachable, key=lambda r: chains.key(r.chain)) if reachable else None
        result.append(Organisation(slug, _display_name(spellings[slug]), tuple(reaches), best))
    return sorted(result, key=lambda org: (org.name.casefold(), org.slug))


def find_organisation(orgs: list[Organisation], query: str) -> tuple[Organisation | None, str]:
    """The organisation a typed name means (case, spacing and punctuation aside), else (None, a hint)."""
    wanted = organisation_slug(query)
    for org in orgs:
        if org.slug == wanted:
            return org, ""
    # A part of the name ("acme") is the likeliest meaning; else a close spelling ("Acme Helth").
    partial = [org.name for org in orgs if wanted and wanted in org.slug]
    if not partial:
        spelled = {org.name.casefold(): org.name for org in orgs}
        close = difflib.get_close_matches(" ".join(query.split()).casefold(), sorted(spelled), n=1, cutoff=0.6)
        partial = [spelled[name] for name in close]
    if len(partial) == 1:
        return None, f"did you mean '{partial[0]}'?"
    if partial:
        return None, "did you mean one of: " + ", ".join(f"'{name}'" for name in partial[:5]) + "?"
    return None, ""
