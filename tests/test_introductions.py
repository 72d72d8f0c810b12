"""Introduction paths: who at an organisation you have met, who a chain of referrals reaches, and
which chain is best (shortest, then the most recently touched people, then slugs)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handbook import pipeline
from handbook.book import load_handbook
from handbook.derive.introductions import Chains, find_organisation, organisations
from handbook.render import RenderOptions

from conftest import CONTACTS, FIXTURE, TODAY, person, write


def add(root: Path, slug: str, company: str = "", referred_by: str = "", met: str = "") -> None:
    fields = {"company": company} if company else {}
    if referred_by:
        fields["referred_by"] = referred_by
    write(root / "contacts" / "people" / f"{slug}.md", person(slug.title(), **fields))
    if met:
        write(root / "contacts" / "meetings" / f"{met}-{slug}.md", f"---\ndate: {met}\nwith: [{slug}]\nstatus: done\n---\n")


def chains(root: Path) -> Chains:
    handbook, _ = load_handbook(root / "contacts", root)  # a referral cycle is reported, and still loaded
    return Chains(handbook, TODAY)


def test_a_cycle_of_referrals_is_walked_once_and_every_chain_starts_with_someone_met(tmp_path):
    add(tmp_path, "ana", met="2026-10-01", referred_by="bo")
    add(tmp_path, "bo", referred_by="cy")  # bo -> cy -> dee -> bo: a loop
    add(tmp_path, "cy", referred_by="dee")
    add(tmp_path, "dee", referred_by="bo", company="Acme")
    add(tmp_path, "eve")  # nobody links her to anyone
    found = chains(tmp_path)
    assert found.best == {"ana": ("ana",), "bo": ("ana", "bo"), "cy": ("ana", "bo", "cy"), "dee": ("ana", "bo", "dee")}
    assert [(r.slug, r.level) for r in map(found.reach, ("ana", "dee", "eve"))] == [
        ("ana", "met"), ("dee", "warm"), ("eve", "cold")]
    assert found.reach("dee").introducers == ("ana", "bo")


def two_ways_to_tara(root: Path, left_met: str, right_met: str, left: str = "amy", right: str = "ben") -> None:
    """Two chains of three people to tara: left -> x1 -> tara and right -> x2 -> tara."""
    add(root, left, met=left_met)
    add(root, right, met=right_met, referred_by="x2")
    add(root, "x1", referred_by=left)
    add(root, "x2", referred_by="tara")
    add(root, "tara", referred_by="x1", company="Target Co")


@pytest.mark.parametrize("left, right", [("amy", "ben"), ("ben", "amy")])
def test_two_equally_short_chains_touched_the_same_day_go_by_slug(tmp_path, left, right):
    two_ways_to_tara(tmp_path, "2026-10-01", "2026-10-01", left, right)
    chain = chains(tmp_path).best["tara"]
    assert len(chain) == 3 and chain[0] == "amy"  # whichever side amy is on
    assert chain == chains(tmp_path).best["tara"]


@pytest.mark.parametrize("amy_met, ben_met, first", [("2026-10-01", "2026-11-01", "ben"),
                                                     ("2026-11-01", "2026-10-01", "amy")])
def test_between_equally_short_chains_the_more_recently_touched_person_wins(tmp_path, amy_met, ben_met, first):
    two_ways_to_tara(tmp_path, amy_met, ben_met)
    assert chains(tmp_path).best["tara"][0] == first


def test_a_touch_counts_as_recent_contact_too(tmp_path):
    two_ways_to_tara(tmp_path, "2026-10-01", "2026-10-01")
    write(tmp_path / "contacts" / "people" / "ben.md",
          person("Ben", referred_by="x2", touches="[{date: 2026-11-20, via: email}]"))
    assert chains(tmp_path).best["tara"] == ("ben", "x2", "tara")


def test_the_shortest_chain_beats_a_more_recent_longer_one(tmp_path):
    add(tmp_path, "old", met="2025-01-01")
    add(tmp_path, "new", met="2026-11-20", referred_by="mid")  # new -> mid -> tara: three people
    add(tmp_path, "mid", referred_by="tara")
    add(tmp_path, "tara", referred_by="old")  # old -> tara: two
    assert chains(tmp_path).best["tara"] == ("old", "tara")


def test_organisations_group_spellings_and_list_met_then_warm_then_cold(tmp_path):
    add(tmp_path, "jane", company="Acme Health", met="2026-10-02")
    add(tmp_path, "marcus", company="acme  health", referred_by="jane")
    add(tmp_path, "lina", company="ACME Health")
    add(tmp_path, "zed", company="Acme Health")
    add(tmp_path, "solo", company="!!!")  # no letters: no page, no organisation
    handbook, _ = load_handbook(tmp_path / "contacts", tmp_path)
    [acme] = organisations(handbook, TODAY)
    assert (acme.slug, acme.name) == ("acme-health", "Acme Health")  # the most common spelling
    assert [(r.slug, r.level) for r in acme.people] == [("jane", "met"), ("marcus", "warm"), ("lina", "cold"),
                                                        ("zed", "cold")]
    assert acme.best.slug == "jane" and (acme.count("met"), acme.count("warm"), acme.count("cold")) == (1, 1, 2)


def test_an_organisation_with_nobody_reachable_has_no_way_in(tmp_path):
    add(tmp_path, "lina", company="Juniper")
    handbook, _ = load_handbook(tmp_path / "contacts", tmp_path)
    [juniper] = organisations(handbook, TODAY)
    assert juniper.best is None and juniper.people[0].level == "cold"


def test_find_organisation_ignores_case_and_spacing_and_suggests_close_names(tmp_path):
    add(tmp_path, "jane", company="Acme Health")
    add(tmp_path, "priya", company="Bluebird Transit")
    add(tmp_path, "tom", company="Acme Labs")
    handbook, _ = load_handbook(tmp_path / "contacts", tmp_path)
    orgs = organisations(handbook, TODAY)
    assert find_organisation(orgs, "  acme   HEALTH ")[0].slug == "acme-health"
    assert find_organisation(orgs, "Acme Helth") == (None, "did you mean 'Acme Health'?")
    assert find_organisation(orgs, "bluebird") == (None, "did you mean 'Bluebird Transit'?")
    assert find_organisation(orgs, "acme") == (None, "did you mean one of: 'Acme Health', 'Acme Labs'?")
    assert find_organisation(orgs, "Globex") == (None, "")


def test_company_pages_show_warmth_privately_and_only_shared_people_publicly(handbook_copy):
    private = pipeline.build(handbook_copy / "contacts", RenderOptions(today=TODAY), handbook_copy).pages
    acme = private["companies/acme-health/index.md"]
    assert "hb-warmth--met" in acme and "hb-warmth--warm" in acme
    assert acme.index("Jane Doe") < acme.index("Marcus Okafor")
    assert 'href="../../contacts/jane-doe/">Jane Doe</a> <span class="hb-chain__arrow"' in acme
    assert "Companies" in private["companies/index.md"] and "juniper-learning/" in private["companies/index.md"]
    public = pipeline.build(handbook_copy / "contacts", RenderOptions(profile="public", today=TODAY),
                            handbook_copy).pages
    acme = public["companies/acme-health/index.md"]
    assert "Jane Doe" in acme and "Marcus" not in acme
    assert not any(word in acme for word in ("hb-warmth", "hb-chain", "Best way in", "warm"))
    assert "companies/juniper-learning/index.md" not in public  # Lina is not shared


def test_contact_pages_and_the_index_link_the_company(handbook_copy):
    pages = pipeline.build(handbook_copy / "contacts", RenderOptions(today=TODAY), handbook_copy).pages
    assert '<a href="../../companies/acme-health/">Acme Health</a>' in pages["contacts/jane-doe/index.md"]
    assert '<a href="../companies/acme-health/">Acme Health</a>' in pages["contacts/index.md"]


def test_the_example_shows_a_warm_chain_into_acme_health():
    handbook, _ = load_handbook(CONTACTS, FIXTURE)
    [acme] = [org for org in organisations(handbook, dt.date(2026, 11, 25)) if org.slug == "acme-health"]
    assert [(r.slug, r.level, r.chain) for r in acme.people] == [
        ("jane-doe", "met", ("jane-doe",)), ("marcus-okafor", "warm", ("jane-doe", "marcus-okafor"))]


def test_names_on_company_pages_are_escaped(tmp_path):
    add(tmp_path, "ana", met="2026-10-01")
    write(tmp_path / "contacts" / "people" / "bo.md",
          person("'<img src=x onerror=alert(1)>'", company="'<script>alert(2)</script>'", referred_by="ana"))
    pages = pipeline.build(tmp_path / "contacts", RenderOptions(today=TODAY), tmp_path).pages
    [company] = [src for src in pages if src.startswith("companies/") and src != "companies/index.md"]
    for text in (pages[company], pages["companies/index.md"], pages["contacts/bo/index.md"]):
        assert "<script>alert" not in text and "<img src=x" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;</a>" in pages[company]
