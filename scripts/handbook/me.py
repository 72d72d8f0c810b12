"""The user's own details, from the optional contacts/me.yml: the name and pitch messages use.

    name: Alex Rivera
    pitch: I'm finishing a data analytics certificate and moving over from hospital nursing.
    school: Example State University   # or a list; finds fellow alumni at your target companies
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .loading import read_yaml_file
from .model import Text, Texts
from .problems import Problem
from .validation import validate

ME_FILE = "me.yml"


class Me(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text = Field(min_length=1)
    pitch: Text = ""  # one or two sentences about you, for outreach
    school: Texts = []  # schools you went to: people whose tags or how_we_met name one are fellow alumni


def load_me(path: Path, display: str) -> tuple[Me | None, list[Problem]]:
    """Your details, or None when the file is absent or invalid (with the problems)."""
    if not path.is_file():
        return None, []
    doc, problems = read_yaml_file(path, display)
    if doc is None:
        return None, problems
    me, found = validate(doc, Me)
    return me, problems + found
