"""LinkedIn's Connections.csv (Settings > Data privacy > Get a copy of your data).

The export starts with a few "Notes:" lines before the real header, is UTF-8 with a byte order
mark, quotes fields holding commas, and leaves Email Address empty for most people. Dates look
like "05 Mar 2024" and are read without the locale, so a German or French system reads them too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from ..problems import Problem
from .plan import Draft

HOW_WE_MET = "LinkedIn"
COLUMNS = {  # our field -> the export's column
    "first": "First Name", "last": "Last Name", "linkedin": "URL", "email": "Email Address",
    "company": "Company", "role": "Position", "connected": "Connected On",
}
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                       "nov", "dec"), start=1)}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*\.?[ -](\d{4})$")


def parse_connected(text: str) -> dt.date | None:
    """'05 Mar 2024' (also '5-Mar-2024' or '2024-03-05'); None when it is something else."""
    text = text.strip()
    match = _DAY_MONTH_YEAR.match(text)
    try:
        if match and match.group(2).lower() in _MONTHS:
            return dt.date(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _is_header(row: list[str]) -> bool:
    cells = {c.strip().lstrip("\ufeff").casefold() for c in row}
    return COLUMNS["first"].casefold() in cells and COLUMNS["last"].casefold() in cells


def _rows(text: str) -> tuple[list[tuple[int, list[str]]], str]:
    """The rows with their line numbers, and the delimiter that gives a header row."""
    for delimiter in (",", ";", "\t"):  # a spreadsheet may have saved it with ';' or tabs
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows = []
        line = 1
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
        if any(_is_header(row) for _, row in rows):
            return rows, delimiter
    return [], ","


def _note(connected: str) -> str:
    day = parse_connected(connected)
    if day:
        return f"Connected on LinkedIn on {day.isoformat()}."
    return f"Connected on LinkedIn (the export says: {connected.strip()})." if connected.strip() else ""


def read_linkedin(path: Path, display: str) -> tuple[list[Draft], list[Problem]]:
    """People from a Connections.csv; a row without a name becomes a skipped draft, not a problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [Problem(display, 1, "file", f"cannot be read: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return [], [Problem(display, line, "encoding", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
                            "use the file exactly as LinkedIn sent it, or save it as 'CSV UTF-8'")]
    rows, _ = _rows(text)
    start = next((i for i, (_, row) in enumerate(rows) if _is_header(row)), None)
    if start is None:
        return [], [Problem(display, 1, "header", "no header row with 'First Name' and 'Last Name'",
                            "this does not look like LinkedIn's Connections.csv")]
    header = [c.strip().lstrip("\ufeff").casefold() for c in rows[start][1]]
    index = {ours: header.index(theirs.casefold()) for ours, theirs in COLUMNS.items() if theirs.casefold() in header}

    drafts = []
    for line, row in rows[start + 1:]:
        if not any(cell.strip() for cell in row):
            continue  # a blank line, as spreadsheets like to leave at the end

        def cell(key: str) -> str:
            position = index.get(key)
            return " ".join(row[position].split()) if position is not None and position < len(row) else ""

        name = " ".join(f"{cell('first')} {cell('last')}".split())
        fields = {"name": name, "company": cell("company"), "role": cell("role"), "email": cell("email"),
                  "linkedin": cell("linkedin"), "how_we_met": HOW_WE_MET, "status": "prospect"}
        draft = Draft(f"{display}:{line}", {k: v for k, v in fields.items() if v}, _note(cell("connected")))
        if not name:
            draft.skip_reason = "no first or last name"
        drafts.append(draft)
    return drafts, []
