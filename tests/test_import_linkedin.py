"""`handbook import linkedin`: a real-looking Connections.csv in, one prospect per new person out,
and running it again changes nothing at all."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from conftest import write
from handbook_cli import handbook, snapshot

from handbook.book import load_handbook
from handbook.importers.linkedin import parse_connected, read_linkedin

EXPORT = Path(__file__).parent / "data" / "linkedin" / "Connections.csv"
NEW = {"zoe-nunez", "li-xiao-long", "patrick-o-brien-jr", "kofi-mensah", "amara-okonkwo"}


def people(root: Path) -> set[str]:
    return {p.stem for p in (root / "contacts" / "people").glob("*.md")}


def summary(result) -> str:
    return result.stdout.strip().splitlines()[-1]


def test_the_export_has_what_makes_real_ones_awkward():
    raw = EXPORT.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + b"Notes:")
    text = raw.decode("utf-8-sig")
    assert '"Acme, Inc."' in text and "Zoë,Ñúñez" in text and "李,小龍" in text and "\n,," in text


def test_first_import_creates_one_prospect_per_new_person(handbook_copy):
    before = people(handbook_copy)
    result = handbook(handbook_copy, "import", "linkedin", str(EXPORT))
    assert result.exit_code == 0, result.output
    assert summary(result) == "created 5 · already there 3 · conflicting 1 · skipped 1"
    assert people(handbook_copy) - before == NEW
    book, problems = load_handbook(handbook_copy / "contacts", handbook_copy)
    assert problems == []
    zoe = book.contacts["zoe-nunez"]
    assert (zoe.name, zoe.company, zoe.role, zoe.email) == ("Zoë Ñúñez", "Acme, Inc.", "Analyst, Data", "")
    assert (zoe.status, zoe.how_we_met, zoe.linkedin) == ("prospect", "LinkedIn",
                                                          "https://www.linkedin.com/in/example-zoe-nunez")
    assert zoe.notes.strip() == "Connected on LinkedIn on 2024-03-05."
    assert zoe.touches == []  # a note, not a touch: an old connection must not restart a keep-in-touch clock
    assert book.contacts["li-xiao-long"].name == "李 小龍"
    assert book.contacts["patrick-o-brien-jr"].role == 'VP, "Special" Projects'
    assert book.contacts["kofi-mensah"].role == "Founder Advisor"  # a line break inside quotes
    assert "not a date" in book.contacts["amara-okonkwo"].notes
    assert handbook(handbook_copy, "check").exit_code == 0


def test_conflicts_and_skipped_rows_are_reported_with_their_line(handbook_copy):
    result = handbook(handbook_copy, "import", "linkedin", str(EXPORT))
    assert "Connections.csv:12: Elena García: contacts/people/elena-garcia.md has this name but a different " \
           "LinkedIn profile" in result.stdout
    assert "--slug elena-garcia-2" in result.stdout
    assert "Connections.csv:14: no first or last name" in result.stdout


def test_second_run_creates_nothing_and_leaves_edited_files_alone(handbook_copy):
    handbook(handbook_copy, "import", "linkedin", str(EXPORT))
    contacts = handbook_copy / "contacts"
    zoe = contacts / "people" / "zoe-nunez.md"
    zoe.write_text(zoe.read_text(encoding="utf-8").replace("status: prospect", "status: contacted")
                   + "\nMet her at the meetup; she offered to review my portfolio.\n", encoding="utf-8")
    # The user renames a file: the LinkedIn URL still finds the person.
    (contacts / "people" / "kofi-mensah.md").rename(contacts / "people" / "kofi.md")
    before = snapshot(contacts)
    result = handbook(handbook_copy, "import", "linkedin", str(EXPORT))
    assert result.exit_code == 0, result.output
    assert summary(result) == "created 0 · already there 8 · conflicting 1 · skipped 1"
    assert snapshot(contacts) == before


def test_dry_run_shows_the_plan_and_writes_nothing(handbook_copy):
    before = snapshot(handbook_copy / "contacts")
    result = handbook(handbook_copy, "import", "linkedin", str(EXPORT), "--dry-run")
    assert result.exit_code == 0
    assert "would create contacts/people/zoe-nunez.md  (Zoë Ñúñez)" in result.stdout
    assert "already there: Jane Doe is contacts/people/jane-doe.md (same LinkedIn profile)" in result.stdout
    assert "already there: Sam Lee is contacts/people/sam-lee.md (same email)" in result.stdout
    assert summary(result).startswith("would create 5 · already there 3 · conflicting 1 · skipped 1")
    assert snapshot(handbook_copy / "contacts") == before


def test_windows_line_ends_and_semicolons_give_the_same_people(tmp_path):
    text = EXPORT.read_text(encoding="utf-8-sig")
    semicolons = io.StringIO()
    csv.writer(semicolons, delimiter=";").writerows(csv.reader(io.StringIO(text)))  # as a spreadsheet saves it
    variants = {"crlf.csv": text.replace("\n", "\r\n"), "semicolons.csv": semicolons.getvalue()}
    expected, _ = read_linkedin(EXPORT, "x")
    for name, variant in variants.items():
        path = write(tmp_path / name, "\ufeff" + variant if name == "crlf.csv" else variant)
        drafts, problems = read_linkedin(path, name)
        assert problems == []
        assert [d.name for d in drafts] == [d.name for d in expected], name


def test_a_file_that_is_not_an_export_is_refused_clearly(handbook_copy, tmp_path):
    not_export = write(tmp_path / "other.csv", "Name,Phone\nJane,123\n")
    result = handbook(handbook_copy, "import", "linkedin", str(not_export))
    assert result.exit_code == 1
    assert "no header row with 'First Name' and 'Last Name'" in result.stdout
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("First Name,Last Name\nZoë,Núñez\n".encode("latin-1"))
    result = handbook(handbook_copy, "import", "linkedin", str(latin1))
    assert result.exit_code == 1 and "latin1.csv:2: encoding: byte 0xeb is not valid UTF-8" in result.stdout


def test_connected_on_dates_are_read_without_the_locale():
    assert parse_connected("05 Mar 2024") == dt.date(2024, 3, 5)
    assert parse_connected("5 March 2024") == dt.date(2024, 3, 5)
    assert parse_connected("2024-03-05") == dt.date(2024, 3, 5)
    assert parse_connected("31 Feb 2024") is None
    assert parse_connected("Mär 2024") is None


def test_a_person_twice_in_one_file_is_created_once(empty_handbook):
    from handbook.importers.plan import CREATE, THERE, Draft, plan_import

    def draft(line, **fields):
        return Draft(f"x.csv:{line}", {"status": "prospect", **fields})

    drafts = [draft(5, name="Ana Ruiz", linkedin="https://linkedin.com/in/ana"),
              draft(6, name="Ana R.", linkedin="https://www.linkedin.com/in/ana/"),
              draft(7, name="Ana Ruiz", email="ana@example.org")]
    book, _ = load_handbook(empty_handbook / "contacts", empty_handbook)
    outcomes = plan_import(drafts, book, {})
    assert [(o.action, o.slug) for o in outcomes] == [(CREATE, "ana-ruiz"), (THERE, "ana-ruiz"), (THERE, "ana-ruiz")]
