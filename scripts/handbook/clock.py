"""What "today" is: the computer's date, or ``HANDBOOK_TODAY=YYYY-MM-DD`` for reproducible builds and tests.

Every stage asks here instead of calling ``date.today()`` itself, so one setting fixes the date
for a whole build, a CLI command and the tests alike."""

from __future__ import annotations

import datetime as dt
import os

TODAY_ENV = "HANDBOOK_TODAY"


def today() -> dt.date:
    value = os.environ.get(TODAY_ENV, "").strip()
    return dt.date.fromisoformat(value) if value else dt.date.today()
