"""Every fact from the seed list is expressed in the handbook, in fresh words."""
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


def _norm(text):
    return " ".join(text.split())


def _coverage():
    with COVERAGE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def test_every_fact_has_an_entry():
    data = _coverage()
    missing = [fid for fid in FACT_IDS if fid not in data]
    assert not missing, f"facts without a coverage entry: {missing}"


@pytest.mark.parametrize("fact_id", FACT_IDS)
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
