"""The target list: every organisation, ranked by how much you want to work there, whether it posts
roles in your field, and how you could get in (the LAMP method of *The 2-Hour Job Search*).

The way in is computed from the data, never typed:
- **met**: you have met someone there (a meeting took place);
- **warm**: a chain of introductions reaches someone there (derive/introductions.py, its best chain);
- **alumni**: someone there shares a school with you: a ``school`` of contacts/me.yml appears in
  their ``tags`` or ``how_we_met`` (case, accents and punctuation aside, as whole words);
- **cold**: none of these, whether or not anyone there is in your handbook yet.

Ranking: motivation (0-3, from the company file), then postings (0-3: the number written, or how
many openings are listed), then the way in (met, warm by the length of the chain, alumni, cold),
then the name and the slug, so the order never changes between builds. An organisation that only
appears in people's ``company`` has no file: it ranks with motivation and postings 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from ..book import Handbook
from ..identity import organisation_slug
from ..model import Company, Contact
from .introductions import Organisation, organisations
from .referrals import ReferralGraph

WAYS_IN = ("met", "warm", "alumni", "cold")  # best first
TOP_TARGETS = 5  # the head of the list: a target here with nobody known there is nudged


@dataclass(frozen=True)
class WayIn:
    kind: str  # one of WAYS_IN
    # Who it goes through: met, everyone met there; warm, the chain from someone you have met to
    # someone there; alumni, the fellow alumni there; cold, everyone there (maybe nobody).
    people: tuple[str, ...] = ()
    school: str = ""  # alumni: the school you share, as written in me.yml

    @property
    def order(self) -> tuple[int, int]:
        return WAYS_IN.index(self.kind), len(self.people) if self.kind == "warm" else 0


@dataclass(frozen=True)
class Part:
    """A piece of a next step's sentence, linked to a contact or a web page when it names one."""

    text: str
    contact: str = ""  # the slug of the person named
    url: str = ""


@dataclass(frozen=True)
class Target:
    slug: str  # the organisation's address: companies/<slug>/
    name: str  # the company file's name, else the spelling most of its people use
    company: Company | None  # the file, when there is one
    organisation: Organisation | None  # its people and how each is reached, when anyone works there
    way_in: WayIn

    @property
    def motivation(self) -> int:
        return self.company.motivation if self.company else 0

    @property
    def postings(self) -> int:
        return self.company.posting_score if self.company else 0

    @property
    def people(self) -> tuple[str, ...]:
        return tuple(reach.slug for reach in self.organisation.people) if self.organisation else ()

    @property
    def rank_key(self) -> tuple:
        return (-self.motivation, -self.postings, *self.way_in.order, self.name.casefold(), self.slug)


def _words(text: str) -> str:
    """Text as dash-separated lowercase words without accents, framed by dashes for whole-word search."""
    return f"-{organisation_slug(text)}-"


def shared_school(contact: Contact, schools: Iterable[str]) -> str:
    """The first of your schools that this person's tags or how_we_met names, else ""."""
    said = [_words(text) for text in (*contact.tags, contact.how_we_met) if text]
    for school in schools:
        words = _words(school)
        if words != "--" and any(words in text for text in said):
            return school
    return ""


def _way_in(handbook: Handbook, org: Organisation | None, schools: tuple[str, ...]) -> WayIn:
    if org is None:
        return WayIn("cold")
    met = tuple(reach.slug for reach in org.people if reach.level == "met")
    if met:
        return WayIn("met", met)
    if org.best is not None:
        return WayIn("warm", org.best.chain)
    alumni = [(reach.slug, shared_school(handbook.contacts[reach.slug], schools)) for reach in org.people]
    alumni = [(slug, school) for slug, school in alumni if school]
    if alumni:
        return WayIn("alumni", tuple(slug for slug, _ in alumni), alumni[0][1])
    return WayIn("cold", tuple(reach.slug for reach in org.people))


def targets(handbook: Handbook, today: dt.date, graph: ReferralGraph | None = None,
            orgs: list[Organisation] | None = None) -> list[Target]:
    """Every organisation with people or a company file, best target first."""
    by_slug = {org.slug: org for org in (organisations(handbook, today, graph) if orgs is None else orgs)}
    schools = tuple(handbook.me.school) if handbook.me else ()
    found = []
    for slug in sorted(by_slug.keys() | handbook.companies.keys()):
        company, org = handbook.companies.get(slug), by_slug.get(slug)
        name = company.name if company else org.name
        found.append(Target(slug, name, company, org, _way_in(handbook, org, schools)))
    return sorted(found, key=lambda target: target.rank_key)


def top_targets(ranked: list[Target]) -> list[Target]:
    """The head of the list: the first TOP_TARGETS companies you said you want (motivation 1 or more)."""
    return [target for target in ranked if target.motivation > 0][:TOP_TARGETS]


def _name(handbook: Handbook, slug: str) -> Part:
    return Part(handbook.contacts[slug].name, contact=slug)


def _search(target: Target, schools: tuple[str, ...]) -> list[Part]:
    """Where to look for someone there: your school's alumni, and the company's own page."""
    alumni = f"{schools[0]} alumni" if schools else "your school's alumni"
    page = (target.company.linkedin or target.company.website) if target.company else ""
    return [Part(f"find someone here: an alumni search ({alumni} at {target.name}) or "),
            Part("the company page", url=page)]


def _listed(handbook: Handbook, slugs: Iterable[str], shown: int = 3) -> list[Part]:
    """'Ana', 'Ana and Bo', 'Ana, Bo and Cy', 'Ana, Bo, Cy and 4 others': each name a part of its own."""
    slugs = list(slugs)
    names = [_name(handbook, slug) for slug in slugs[:shown]]
    if len(slugs) > shown:
        names.append(Part(f"{len(slugs) - shown} other{'' if len(slugs) - shown == 1 else 's'}"))
    parts: list[Part] = []
    for index, name in enumerate(names):
        if index:
            parts.append(Part(" and " if index == len(names) - 1 else ", "))
        parts.append(name)
    return parts


def reason(handbook: Handbook, target: Target) -> tuple[Part, ...]:
    """Why the way in is what it is, with the names: "you met Jane Doe", "you → Sam Lee → Jane Doe"."""
    way = target.way_in
    if way.kind == "met":
        return (Part("you met "), *_listed(handbook, way.people))
    if way.kind == "warm":
        chain = [Part("you")]
        for slug in way.people:
            chain += [Part(" → "), _name(handbook, slug)]
        return tuple(chain)
    if way.kind == "alumni":
        verb = " went" if len(way.people) == 1 else " all went"
        return (*_listed(handbook, way.people), Part(f"{verb} to {way.school}, as you did"))
    if way.people:
        return (Part("nobody you know links to "), *_listed(handbook, way.people), Part(" yet"))
    return (Part("nobody there is in your handbook yet"),)


def next_step(handbook: Handbook, target: Target) -> tuple[Part, ...]:
    """What to do to get in, as a sentence in parts; empty when you have already met someone there."""
    way = target.way_in
    if way.kind == "met":
        return ()
    if way.kind == "warm":
        first, second, *rest = way.people
        parts = [Part("ask "), _name(handbook, first), Part(" to introduce you to "), _name(handbook, second)]
        for slug in rest:
            parts += [Part(", who can introduce you to "), _name(handbook, slug)]
        return tuple(parts)
    schools = tuple(handbook.me.school) if handbook.me else ()
    if way.kind == "alumni":
        return (Part("write to "), _name(handbook, way.people[0]), Part(f" as a fellow {way.school} alum"))
    if way.people:  # cold, but someone there is in your handbook
        return (Part("write to "), _name(handbook, way.people[0]), Part(" directly, or "), *_search(target, schools))
    return tuple(_search(target, schools))


def step_text(parts: Iterable[Part]) -> str:
    return "".join(part.text for part in parts)
