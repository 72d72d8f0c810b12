"""vCards: export people for a phone, import an address book, and a round trip that loses nothing we keep."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_handbook, write
from handbook_cli import handbook, snapshot

from handbook.book import load_handbook
from handbook.importers.vcard import read_vcards

ADDRESS_BOOK = """BEGIN:VCARD
VERSION:3.0
FN:Zoë Ñúñez
N:Ñúñez;Zoë;;;
EMAIL;TYPE=INTERNET,HOME:zoe.home@example.org
EMAIL;TYPE=INTERNET,WORK,PREF:zoe@example.org
TEL;TYPE=CELL:0123 456 789
ORG:Acme\\, Inc.;Research
TITLE:Lead Analyst
URL:https://example.org/zoe
URL:https://www.linkedin.com/in/example-zoe-nunez/
NOTE:Met at the data meetup.\\nLikes early calls. A long note that is folded onto
  the next line by the phone.
END:VCARD
BEGIN:VCARD
VERSION:4.0
N:Okafor;Marcus;;;
EMAIL:marcus@another.example
X-SOCIALPROFILE;TYPE=linkedin:https://linkedin.com/in/someone-else
END:VCARD
BEGIN:VCARD
VERSION:3.0
TEL:+1 555 0199
END:VCARD
BEGIN:VCARD
VERSION:2.1
FN:李 小龍
TEL;CELL:+86 10 5555 0100
END:VCARD
"""


def test_export_then_import_into_an_empty_handbook_gives_the_same_people(handbook_copy, tmp_path):
    empty_handbook = copy_handbook(tmp_path / "empty", with_examples=False)
    card_file = tmp_path / "people.vcf"
    result = handbook(handbook_copy, "export", "vcard", "-o", str(card_file))
    assert result.exit_code == 0, result.output
    assert "7 people written to" in result.stdout
    imported = handbook(empty_handbook, "import", "vcard", str(card_file))
    assert imported.exit_code == 0, imported.output
    assert imported.stdout.strip().splitlines()[-1] == "created 7 · already there 0 · conflicting 0 · skipped 0"
    original, _ = load_handbook(handbook_copy / "contacts", handbook_copy)
    copy, problems = load_handbook(empty_handbook / "contacts", empty_handbook)
    assert problems == []

    def kept(book):
        return {slug: (c.name, c.email, c.phone, c.company, c.role, c.linkedin) for slug, c in book.contacts.items()}

    assert kept(copy) == kept(original)
    assert b"\r\nEND:VCARD\r\n" in card_file.read_bytes()  # CRLF, as the standard asks
    again = handbook(empty_handbook, "import", "vcard", str(card_file))
    assert again.stdout.strip().splitlines()[-1] == "created 0 · already there 7 · conflicting 0 · skipped 0"


def test_export_is_the_same_bytes_every_time_and_can_pick_people(handbook_copy):
    first = handbook(handbook_copy, "export", "vcard", "sam-lee", "jane-doe").stdout
    assert first == handbook(handbook_copy, "export", "vcard", "sam-lee", "jane-doe").stdout
    assert first.count("BEGIN:VCARD") == 2
    assert first.index("FN:Jane Doe") < first.index("FN:Sam Lee")  # sorted, whatever the order asked
    assert "EMAIL;TYPE=INTERNET:jane.doe@example.org" in first and "TEL:+1 555 0100" in first


def test_export_refuses_unknown_people_and_existing_files(handbook_copy, tmp_path):
    unknown = handbook(handbook_copy, "export", "vcard", "jane-do")
    assert unknown.exit_code == 1 and "did you mean 'jane-doe'?" in unknown.stderr
    existing = write(tmp_path / "mine.vcf", "my own file\n")
    refused = handbook(handbook_copy, "export", "vcard", "-o", str(existing))
    assert refused.exit_code == 1 and "already exists" in refused.stderr
    assert existing.read_text() == "my own file\n"


def test_import_reads_what_phones_write(handbook_copy, tmp_path):
    source = write(tmp_path / "phone.vcf", ADDRESS_BOOK)
    result = handbook(handbook_copy, "import", "vcard", str(source))
    assert result.exit_code == 0, result.output
    assert "phone.vcf:21: no name (FN or N)" in result.stdout
    assert "conflicting: " in result.stdout and "Marcus Okafor" in result.stdout  # same name, another profile
    assert result.stdout.strip().splitlines()[-1] == "created 2 · already there 0 · conflicting 1 · skipped 1"
    book, problems = load_handbook(handbook_copy / "contacts", handbook_copy)
    assert problems == []
    zoe = book.contacts["zoe-nunez"]
    assert (zoe.email, zoe.phone, zoe.company, zoe.role) == ("zoe@example.org", "0123 456 789", "Acme, Inc.",
                                                             "Lead Analyst")
    assert zoe.linkedin == "https://www.linkedin.com/in/example-zoe-nunez/"
    assert zoe.notes.startswith("Met at the data meetup.\nLikes early calls.")
    assert "folded onto the next line" in zoe.notes
    assert book.contacts["li-xiao-long"].phone == "+86 10 5555 0100"
    before = snapshot(handbook_copy / "contacts")
    again = handbook(handbook_copy, "import", "vcard", str(source))
    assert again.stdout.strip().splitlines()[-1] == "created 0 · already there 2 · conflicting 1 · skipped 1"
    assert snapshot(handbook_copy / "contacts") == before


def test_a_damaged_file_keeps_the_cards_before_the_damage(tmp_path):
    damaged = write(tmp_path / "bad.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD\n"
                                          "BEGIN:VCARD\nVERSION:3.0\nFN:Bo\nthis line is not a property\n")
    drafts, problems = read_vcards(damaged, "bad.vcf")
    assert [d.name for d in drafts] == ["Ana"]
    assert problems and problems[0].path == "bad.vcf" and problems[0].field == "vcard"
    assert read_vcards(write(tmp_path / "empty.vcf", "hello\n"), "empty.vcf")[1][0].message == "no BEGIN:VCARD found"


def test_dry_run_writes_nothing(handbook_copy, tmp_path):
    source = write(tmp_path / "phone.vcf", ADDRESS_BOOK)
    before = snapshot(handbook_copy / "contacts")
    result = handbook(handbook_copy, "import", "vcard", str(source), "--dry-run")
    assert "would create contacts/people/zoe-nunez.md" in result.stdout
    assert snapshot(handbook_copy / "contacts") == before


def test_round_trip_keeps_awkward_values(empty_handbook, tmp_path):
    people = empty_handbook / "contacts" / "people"
    write(people / "odd.md", '---\nname: "O\'Brien; Ana, Jr."\ncompany: "Acme, Inc.; Labs"\nphone: "0123"\n'
                             'email: ana@example.org\nrole: "VP: \\"Data\\""\n---\n')
    card_file = tmp_path / "odd.vcf"
    assert handbook(empty_handbook, "export", "vcard", "-o", str(card_file)).exit_code == 0
    (people / "odd.md").unlink()
    assert handbook(empty_handbook, "import", "vcard", str(card_file)).exit_code == 0
    book, _ = load_handbook(empty_handbook / "contacts", empty_handbook)
    (person,) = book.contacts.values()
    assert (person.name, person.company, person.phone, person.role) == ("O'Brien; Ana, Jr.", "Acme, Inc.; Labs",
                                                                        "0123", 'VP: "Data"')


def test_export_is_for_the_valid_people_and_says_so(handbook_copy):
    write(handbook_copy / "contacts/people/broken.md", "---\nname: Broken\nstatus: nope\n---\n")
    result = handbook(handbook_copy, "export", "vcard")
    assert result.exit_code == 0 and "FN:Broken" not in result.stdout
    assert "handbook check" in result.stderr
