"""Target employers: company files, the way in (met, warm, alumni, cold), the ranking, the next step,
and the nudge for a top target where nobody is known yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.book import load_handbook
from handbook.derive.nudges import nudges, silenced
from handbook.derive.privacy import public_view
from handbook.derive.targets import TOP_TARGETS, next_step, reason, step_text, targets

from conftest import TODAY, person, write, write_record


def add(root: Path, slug: str, company: str = "", referred_by: str = "", met: str = "", **fields) -> None:
    fields = {**({"company": company} if company else {}), **fields}
    if referred_by:
        fields["referred_by"] = referred_by
    write_record(root / "contacts" / "people" / f"{slug}.md", {"name": slug.replace("-", " ").title(), **fields})
    if met:
        write(root / "contacts" / "meetings" / f"{met}-{slug}.md", f"---\ndate: {met}\nwith: [{slug}]\nstatus: done\n---\n")


def company(root: Path, slug: str, name: str, body: str = "", **fields) -> None:
    write_record(root / "contacts" / "companies" / f"{slug}.md", {"name": name, **fields}, body)


def school(root: Path, *schools: str) -> None:
    write(root / "contacts" / "me.yml", f"name: Alex Example\nschool: {list(schools)}\n")


def load(root: Path):
    handbook, problems = load_handbook(root / "contacts", root)
    assert [p for p in problems if p.is_error] == []
    return handbook


def ranked(root: Path):
    handbook = load(root)
    return handbook, targets(handbook, TODAY)


def by_name(root: Path) -> dict:
    handbook, found = ranked(root)
    return {t.name: t for t in found}


# -- the company file ----------------------------------------------------------------------------

def test_a_company_file_finds_its_people_whatever_the_case_spacing_and_accents(tmp_path):
    company(tmp_path, "societe-generale-sante", "Société Générale Santé", motivation=2)
    add(tmp_path, "ana", company="SOCIETE  generale sante")
    add(tmp_path, "bo", company="Société Générale Santé")
    found = by_name(tmp_path)
    assert list(found) == ["Société Générale Santé"]  # one organisation, named as the file names it
    assert found["Société Générale Santé"].people == ("ana", "bo") and found["Société Générale Santé"].motivation == 2


def test_a_company_only_in_people_files_is_listed_with_no_motivation_or_postings(tmp_path):
    add(tmp_path, "ana", company="Northwind Labs")
    target = by_name(tmp_path)["Northwind Labs"]
    assert (target.company, target.motivation, target.postings, target.people) == (None, 0, 0, ("ana",))


def test_a_company_file_with_nobody_there_is_a_cold_target(tmp_path):
    company(tmp_path, "riverbend", "Riverbend Clinics", motivation=3)
    target = by_name(tmp_path)["Riverbend Clinics"]
    assert (target.way_in.kind, target.people, target.organisation) == ("cold", (), None)


@pytest.mark.parametrize("postings, score", [(2, 2), (0, 0), ([], 0), ([{"title": "A"}], 1),
                                             ([{"title": t} for t in "ABCDE"], 3)])
def test_postings_are_the_number_written_or_how_many_openings_are_listed_up_to_three(tmp_path, postings, score):
    company(tmp_path, "acme", "Acme", postings=postings)
    assert by_name(tmp_path)["Acme"].postings == score


def test_a_listed_opening_keeps_its_title_address_and_day(tmp_path):
    company(tmp_path, "acme", "Acme", postings=[{"title": "Analyst", "url": "https://jobs.example.org/1",
                                                  "seen": "2026-11-10"}], body="Notes.\n")
    acme = load(tmp_path).companies["acme"]
    assert (acme.postings[0].title, acme.postings[0].url, acme.postings[0].seen.isoformat()) == (
        "Analyst", "https://jobs.example.org/1", "2026-11-10")
    assert acme.notes == "Notes." and acme.source.path == "contacts/companies/acme.md"


def test_bad_company_files_are_reported_with_file_and_line_and_left_out(tmp_path):
    write(tmp_path / "contacts" / "companies" / "acme.md", "---\nname: Acme\nmotivation: 7\n---\n")
    write(tmp_path / "contacts" / "companies" / "typo.md", "---\nname: Typo\nmotivaton: 2\n---\n")
    handbook, problems = load_handbook(tmp_path / "contacts", tmp_path)
    assert [str(p) for p in problems] == [
        "contacts/companies/acme.md:3: motivation: 7 is too large: the largest allowed is 3",
        "contacts/companies/typo.md:3: motivaton: unknown key 'motivaton' (did you mean 'motivation'?)"]
    assert handbook.companies == {}


def test_the_public_view_holds_no_company_file(tmp_path):
    company(tmp_path, "acme", "Acme", motivation=3, body="Private notes.\n")
    add(tmp_path, "ana", company="Acme", share="true")
    public = public_view(load(tmp_path))
    assert public.companies == {} and list(public.contacts) == ["ana"]


# -- the way in ----------------------------------------------------------------------------------

def test_met_means_a_meeting_with_someone_there_took_place_and_names_them(tmp_path):
    add(tmp_path, "ana", company="Acme", met="2026-10-01")
    add(tmp_path, "bo", company="Acme", met="2026-11-01")
    add(tmp_path, "cy", company="Acme")
    handbook, (target,) = ranked(tmp_path)
    assert (target.way_in.kind, target.way_in.people) == ("met", ("bo", "ana"))  # the latest first
    assert step_text(reason(handbook, target)) == "you met Bo and Ana"
    assert next_step(handbook, target) == ()  # nothing to do to get in


def test_a_planned_meeting_is_not_met_yet(tmp_path):
    add(tmp_path, "ana", company="Acme")
    write(tmp_path / "contacts" / "meetings" / "2026-12-01-ana.md", "---\ndate: 2026-12-01\nwith: [ana]\n---\n")
    assert by_name(tmp_path)["Acme"].way_in.kind == "cold"


def test_a_warm_path_two_introductions_long_names_each_step(tmp_path):
    # you met Ana Lima; Ana referred Bo Chen, who referred Dana Okafor at Acme Health.
    add(tmp_path, "ana-lima", met="2026-10-01")
    add(tmp_path, "bo-chen", referred_by="ana-lima")
    add(tmp_path, "dana-okafor", company="Acme Health", referred_by="bo-chen")
    company(tmp_path, "acme-health", "Acme Health", motivation=3)
    handbook, found = ranked(tmp_path)
    target = next(t for t in found if t.name == "Acme Health")
    assert (target.way_in.kind, target.way_in.people) == ("warm", ("ana-lima", "bo-chen", "dana-okafor"))
    assert step_text(reason(handbook, target)) == "you → Ana Lima → Bo Chen → Dana Okafor"
    step = next_step(handbook, target)
    assert step_text(step) == "ask Ana Lima to introduce you to Bo Chen, who can introduce you to Dana Okafor"
    assert [p.contact for p in step if p.contact] == ["ana-lima", "bo-chen", "dana-okafor"]  # linked on pages


def test_one_introduction_is_asked_for_directly(tmp_path):
    add(tmp_path, "ana-lima", met="2026-10-01")
    add(tmp_path, "dana-okafor", company="Acme Health", referred_by="ana-lima")
    handbook, found = ranked(tmp_path)
    target = next(t for t in found if t.name == "Acme Health")
    assert step_text(next_step(handbook, target)) == "ask Ana Lima to introduce you to Dana Okafor"


@pytest.mark.parametrize("fields", [{"tags": ["example-state-university"]},
                                    {"how_we_met": "Alumni search: Example State University, class of 2019"},
                                    {"how_we_met": "ÉXAMPLE state  university mixer"}])
def test_alumni_is_your_school_named_in_their_tags_or_how_we_met(tmp_path, fields):
    school(tmp_path, "Example State University")
    add(tmp_path, "dana-okafor", company="Acme Health", **fields)
    add(tmp_path, "eli", company="Acme Health")
    handbook, (target,) = ranked(tmp_path)
    assert (target.way_in.kind, target.way_in.people, target.way_in.school) == (
        "alumni", ("dana-okafor",), "Example State University")
    assert step_text(reason(handbook, target)) == "Dana Okafor went to Example State University, as you did"
    assert step_text(next_step(handbook, target)) == "write to Dana Okafor as a fellow Example State University alum"


def test_any_of_several_schools_counts_and_only_whole_words_match(tmp_path):
    school(tmp_path, "UMN", "Hennepin Tech")
    add(tmp_path, "ana", company="Acme", tags=["umnx-club"])  # 'umn' inside another word: no
    add(tmp_path, "bo", company="Bluebird", tags=["umn-alumni"])
    add(tmp_path, "cy", company="Civic", how_we_met="Hennepin Tech career fair")
    found = by_name(tmp_path)
    assert {name: t.way_in.kind for name, t in found.items()} == {"Acme": "cold", "Bluebird": "alumni",
                                                                "Civic": "alumni"}
    assert found["Civic"].way_in.school == "Hennepin Tech"


def test_without_a_school_in_me_yml_nobody_is_alumni(tmp_path):
    add(tmp_path, "ana", company="Acme", how_we_met="alumni search")
    assert by_name(tmp_path)["Acme"].way_in.kind == "cold"


def test_met_beats_warm_and_warm_beats_alumni(tmp_path):
    school(tmp_path, "Example State University")
    add(tmp_path, "ana", met="2026-10-01")
    add(tmp_path, "bo", company="Acme", referred_by="ana")
    add(tmp_path, "cy", company="Acme", tags=["example-state-university"])
    assert by_name(tmp_path)["Acme"].way_in.kind == "warm"
    add(tmp_path, "dee", company="Acme", met="2026-11-01")
    assert by_name(tmp_path)["Acme"].way_in.kind == "met"


def test_cold_with_someone_there_suggests_writing_to_them_or_searching(tmp_path):
    company(tmp_path, "acme", "Acme", linkedin="https://www.linkedin.com/company/example-acme")
    add(tmp_path, "zoe", company="Acme")
    handbook, (target,) = ranked(tmp_path)
    assert step_text(reason(handbook, target)) == "nobody you know links to Zoe yet"
    step = next_step(handbook, target)
    assert step_text(step) == ("write to Zoe directly, or find someone here: an alumni search "
                               "(your school's alumni at Acme) or the company page")
    assert [p.url for p in step if p.url] == ["https://www.linkedin.com/company/example-acme"]


def test_cold_with_nobody_there_suggests_an_alumni_search_and_the_company_page(tmp_path):
    school(tmp_path, "Example State University")
    company(tmp_path, "riverbend", "Riverbend Clinics", motivation=3)
    handbook, (target,) = ranked(tmp_path)
    assert step_text(reason(handbook, target)) == "nobody there is in your handbook yet"
    assert step_text(next_step(handbook, target)) == (
        "find someone here: an alumni search (Example State University alumni at Riverbend Clinics) "
        "or the company page")


# -- the ranking ---------------------------------------------------------------------------------

def test_targets_rank_by_motivation_then_postings_then_way_in_then_name(tmp_path):
    school(tmp_path, "Example State University")
    add(tmp_path, "me-friend", met="2026-10-01")
    company(tmp_path, "a", "Alpha", motivation=2, postings=3)  # lower motivation: after every 3
    company(tmp_path, "b", "Bravo", motivation=3, postings=1)
    company(tmp_path, "c", "Charlie", motivation=3, postings=2)  # cold
    company(tmp_path, "d", "Delta", motivation=3, postings=2)
    add(tmp_path, "dee", company="Delta", met="2026-11-01")  # met
    company(tmp_path, "e", "Echo", motivation=3, postings=2)
    add(tmp_path, "eve", company="Echo", referred_by="me-friend")  # warm, one introduction
    company(tmp_path, "f", "Foxtrot", motivation=3, postings=2)
    add(tmp_path, "fay", company="Foxtrot", tags=["example-state-university"])  # alumni
    company(tmp_path, "g", "Golf", motivation=3, postings=2)
    add(tmp_path, "gus", referred_by="me-friend")
    add(tmp_path, "gil", company="Golf", referred_by="gus")  # warm, two introductions
    company(tmp_path, "h", "hotel", motivation=3, postings=2)  # cold too: ties with Charlie go by name
    _, found = ranked(tmp_path)
    assert [(t.name, t.way_in.kind) for t in found] == [
        ("Delta", "met"), ("Echo", "warm"), ("Golf", "warm"), ("Foxtrot", "alumni"), ("Charlie", "cold"),
        ("hotel", "cold"), ("Bravo", "cold"), ("Alpha", "cold")]


def test_the_ranking_does_not_depend_on_the_order_files_are_read_in(tmp_path):
    for name in ("Zulu", "alpha", "Mike"):
        company(tmp_path, name.lower(), name, motivation=1)
    _, found = ranked(tmp_path)
    assert [t.name for t in found] == ["alpha", "Mike", "Zulu"]
    assert [t.rank_key for t in found] == sorted(t.rank_key for t in found)


# -- the nudge -----------------------------------------------------------------------------------

def find_someone(root: Path):
    handbook = load(root)
    return [n for n in nudges(handbook, TODAY) if n.rule == "find-someone"], silenced(handbook, TODAY)


def test_a_top_target_with_nobody_known_there_is_nudged_with_its_file_and_page(tmp_path):
    company(tmp_path, "acme", "Acme Health", motivation=3)
    company(tmp_path, "bluebird", "Bluebird", motivation=3)
    add(tmp_path, "bo", company="Bluebird", met="2026-11-01", prefers="email", stay_in_touch=90)  # ranks first
    (nudge,), quiet = find_someone(tmp_path)
    assert (nudge.title, nudge.path, nudge.line, nudge.company, quiet) == (
        "Find someone at Acme Health", "contacts/companies/acme.md", 2, "acme-health", 0)
    assert "number 2 on your target list" in nudge.why and "alumni search" in nudge.why


def test_only_the_top_targets_are_nudged_and_in_their_order(tmp_path):
    for n in range(TOP_TARGETS + 2):
        company(tmp_path, f"c{n}", f"Company {n}", motivation=3 if n else 2)
    company(tmp_path, "unwanted", "Aardvark Inc", motivation=0)  # not a wish: never nudged
    found, _ = find_someone(tmp_path)
    assert [n.company for n in found] == [f"company-{n}" for n in range(1, TOP_TARGETS + 1)]


def test_quiet_in_the_company_file_silences_the_nudge(tmp_path):
    company(tmp_path, "acme", "Acme Health", motivation=3, quiet=["find-someone"])
    company(tmp_path, "bravo", "Bravo", motivation=3, quiet=True)
    assert find_someone(tmp_path) == ([], 2)


def test_a_person_file_cannot_quiet_a_company_nudge(tmp_path):
    add(tmp_path, "ana", quiet=["find-someone"])
    _, problems = load_handbook(tmp_path / "contacts", tmp_path)
    assert [(p.path, p.field, p.line) for p in problems] == [("contacts/people/ana.md", "quiet[0]", 4)]
