"""Every fact from the seed list, and every situation the guide promises to cover, is expressed in the
handbook in fresh words; and the guide speaks to the reader, not about how it was written."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COVERAGE = Path(__file__).resolve().parent / "data" / "facts_coverage.yml"
CHECK_FRESH = Path(__file__).resolve().parents[2] / "shared/tools/check_fresh.py"
FACT_IDS = [f"F{i}" for i in range(1, 38)]
# Situations beyond the seed facts that career-centre guides cover (issue 18).
SITUATION_IDS = ["no-reply-follow-up", "no-reply-second-person", "no-reply-stop", "no-or-not-now", "rescheduling",
                 "running-late", "cancelling", "call-logistics", "time-zones", "camera-and-sound",
                 "nerves-and-introversion", "permission-to-take-notes", "confidentiality",
                 "referral-or-opening-offered", "linkedin-profile", "subject-line", "connection-first"]
GUIDE = ROOT / "content"


def _norm(text):
    return " ".join(text.split())


def _coverage():
    with COVERAGE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def test_every_fact_and_situation_has_an_entry():
    data = _coverage()
    missing = [fid for fid in FACT_IDS + SITUATION_IDS if fid not in data]
    assert not missing, f"facts without a coverage entry: {missing}"


@pytest.mark.parametrize("fact_id", list(_coverage()))
def test_fact_phrase_is_in_file(fact_id):
    entry = _coverage().get(fact_id)
    assert entry, f"{fact_id} has no coverage entry"
    path = ROOT / entry["file"]
    assert path.is_file(), f"{fact_id}: {entry['file']} does not exist"
    phrase = _norm(entry["phrase"])
    assert phrase, f"{fact_id}: empty phrase"
    text = _norm(path.read_text(encoding="utf-8"))
    assert phrase in text, f"{fact_id}: {phrase!r} not found in {entry['file']}"


def test_no_copied_sentences():
    if not CHECK_FRESH.is_file():
        pytest.skip(f"{CHECK_FRESH} not found")
    result = subprocess.run(
        [sys.executable, str(CHECK_FRESH)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    output = result.stdout + result.stderr
    assert "0 copied runs" in output, output
    # "10 copied runs" also contains "0 copied runs": demand an exact zero.
    assert re.search(r"(?m)^0 copied runs\b", output), output


def _guide_text() -> str:
    return _norm(" ".join(p.read_text(encoding="utf-8") for p in sorted(GUIDE.rglob("*.md"))))


@pytest.mark.parametrize("meta", [
    "37 facts", "no sentences were copied", "sources disagree", "this handbook reconciles",
    "the rule this handbook uses", "where each fact is covered",
])
def test_the_guide_does_not_talk_about_how_it_was_written(meta):
    assert meta not in _guide_text().lower()


def test_the_guide_does_not_claim_people_are_short_of_requests():
    assert "not flooded" not in _guide_text()


def test_the_guide_asks_for_the_same_length_everywhere():
    # 15-20 minutes, 30 at most: "15-30" would contradict it.
    assert not re.search(r"15\s*(–|-|to)\s*30", _guide_text())
    assert "15–20 minutes" in _guide_text()


def test_the_home_page_links_every_guide_page_in_the_menu_and_counts_none():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    guide = next(item["Guide"] for item in config["nav"] if isinstance(item, dict) and "Guide" in item)
    home = (GUIDE / "index.md").read_text(encoding="utf-8")
    assert guide and all(f"]({page})" in home for page in guide), guide
    assert not re.search(r"\b(four|five|six|seven|eight|nine|\d+) guide pages\b", home)
