"""Small wording and markup rules of the generated pages (issue 20): a referrer named once on the prep
sheet, long addresses that break at their dots, "Self-employed" not taken for an organisation, and a
public build that says nothing to its owner."""

from __future__ import annotations

from conftest import write, write_record

from handbook import pipeline
from handbook.identity import organisation_slug
from handbook.render.inline import break_points, link_mention
from handbook.render.site import RenderOptions


def pages(root, profile="private"):
    return pipeline.build(root / "contacts", RenderOptions(profile=profile), root).pages


def test_a_mention_of_the_referrer_becomes_the_link_and_anything_else_stays_text():
    assert link_mention("Introduced by Sam", "Sam Lee", "../sam-lee/") == 'Introduced by <a href="../sam-lee/">Sam</a>'
    assert link_mention("Sam Lee's colleague", "Sam Lee", "x") == '<a href="x">Sam Lee</a>&#39;s colleague'
    assert link_mention("Met at Samsung <b>", "Sam Lee", "x") == ""  # a whole word only
    assert "&lt;b&gt;" in link_mention("<b> Sam", "Sam Lee", "x")


def test_a_long_address_may_break_only_at_its_dots_slashes_and_after_the_at_sign():
    broken = break_points("maximiliana.featherstonehaugh@example.org")
    assert broken == ('<span class="hb-address">maximiliana<wbr>.featherstonehaugh@<wbr>example<wbr>.org</span>')
    assert break_points("ana@example.org") == "ana@example.org"
    assert "&lt;" in break_points("https://example.org/<script>alert(1)</script>")


def test_the_prep_sheet_names_the_referrer_once(handbook_copy):
    page = pages(handbook_copy)["meetings/2026-12-02-jane-doe/index.md"]
    assert "Introduced by <a href=\"../../contacts/sam-lee/\">Sam</a>" in page
    assert "referred by" not in page


def test_self_employed_is_not_an_organisation(empty_handbook):
    assert organisation_slug("Self-employed") == organisation_slug("freelance") == ""
    assert organisation_slug("Acme Health") == "acme-health"
    write_record(empty_handbook / "contacts/people/ana.md", {"name": "Ana", "company": "Self-employed"})
    write_record(empty_handbook / "contacts/people/bo.md", {"name": "Bo", "company": "Acme Health"})
    built = pages(empty_handbook)
    assert "companies/acme-health/index.md" in built
    assert not any("self-employed" in path for path in built)
    assert "Self-employed" not in built["companies/index.md"]
    assert "Self-employed" in built["contacts/index.md"]  # still said on the person's row


def test_an_empty_public_build_says_so_to_a_visitor(empty_handbook):
    write(empty_handbook / "contacts/people/ana.md", "---\nname: Ana\ncompany: Acme Health\n---\n")  # not shared
    built = pages(empty_handbook, profile="public")
    assert "Nobody is listed here yet." in built["contacts/index.md"]
    assert "data-hb-filter" not in built["contacts/index.md"]
    assert "No organisations are listed here yet." in built["companies/index.md"]
    assert "<code>" not in built["companies/index.md"] + built["contacts/index.md"]
    assert not any(path.startswith(("calendar/", "meetings/")) for path in built)
