"""The user's own details and settings, from the optional contacts/me.yml (`handbook init` writes it).

    name: Alex Rivera
    pitch: I'm finishing a data analytics certificate and moving over from hospital nursing.
    school: Example State University   # or a list; finds fellow alumni at your target companies
    country: US                 # business days skip this country's public holidays
    follow_up_clock: {second_person: 3, follow_up: 7, stop: 7}   # business days
    warn_on_public_push: true   # the pre-push hook's warning; false silences it
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .loading import read_yaml_file
from .model import Text, Texts
from .problems import Problem, did_you_mean
from .validation import validate

ME_FILE = "me.yml"
BusinessDays = Annotated[int, Field(ge=1, le=60)]


class FollowUpClock(BaseModel):
    """The "3B7" routine for a request with no answer, in business days (see derive/follow_up_clock.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    second_person: BusinessDays = 3  # then write to a second person at the same organisation
    follow_up: BusinessDays = 7  # then send the first person one polite follow-up
    stop: BusinessDays = 7  # this long after the follow-up, stop and let it rest


def holiday_countries() -> set[str]:
    """The country codes the holidays package knows (US, GB, DEU...), without loading every country."""
    from holidays import registry  # only a me.yml with `country:` pays for the import

    return {code for names in registry.COUNTRIES.values() for code in names[1:3]}


class Me(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text = Field(min_length=1)
    pitch: Text = ""  # one or two sentences about you, for outreach
    school: Texts = []  # schools you went to: people whose tags or how_we_met name one are fellow alumni
    email: Text = ""
    country: Text = ""  # ISO code; its public holidays are not business days
    follow_up_clock: FollowUpClock = FollowUpClock()
    warn_on_public_push: bool = True

    @field_validator("country")
    @classmethod
    def _known_country(cls, code: str) -> str:
        code = code.upper()
        if code and code not in holiday_countries():
            hint = did_you_mean(code, holiday_countries()) or "write a two-letter code such as US, GB, DE or IN"
            raise ValueError(f"'{code}' is not a country the holidays package knows; {hint}")
        return code


def load_me(path: Path, display: str) -> tuple[Me | None, list[Problem]]:
    """Your details, or None when the file is absent or invalid (with the problems)."""
    if not path.is_file():
        return None, []
    doc, problems = read_yaml_file(path, display)
    if doc is None:
        return None, problems
    me, found = validate(doc, Me)
    return me, problems + found
