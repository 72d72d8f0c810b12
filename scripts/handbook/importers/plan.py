"""Matching imported people against the handbook: what to create, what is already there, what conflicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from slugify import slugify

from ..book import Handbook
from ..identity import email_key, profile_key
from ..loading import without_controls
from ..model import PersonFields
from ..writing import check_fields

CREATE, THERE, CONFLICT, SKIP = "create", "already there", "conflicting", "skipped"


@dataclass
class Draft:
    """One person read from an import file, as the fields of a new person file."""

    where: str  # "Connections.csv:12", for messages
    fields: dict[str, Any]
    notes: str = ""
    skip_reason: str = ""  # set when the row cannot become a person (no name, ...)

    def __post_init__(self) -> None:
        # A CSV or vCard may carry escape codes; they would reach the new files, the terminal and pages.
        self.fields = {k: without_controls(v) if isinstance(v, str) else v for k, v in self.fields.items()}
        self.notes = without_controls(self.notes)

    @property
    def name(self) -> str:
        return str(self.fields.get("name") or "")

    @property
    def slug(self) -> str:
        return slugify(self.name)


@dataclass
class Outcome:
    draft: Draft
    action: str  # CREATE, THERE, CONFLICT or SKIP
    slug: str = ""
    reason: str = ""  # which rule matched, or what differs


@dataclass
class _Known:
    """Everyone a new draft could match: the handbook's people and the drafts planned before it."""

    by_profile: dict[str, str] = field(default_factory=dict)
    by_email: dict[str, str] = field(default_factory=dict)
    details: dict[str, tuple[str, str]] = field(default_factory=dict)  # slug -> (profile key, email key)

    def add(self, slug: str, linkedin: str, email: str) -> None:
        keys = (profile_key(linkedin), email_key(email))
        self.details.setdefault(slug, keys)
        if keys[0]:
            self.by_profile.setdefault(keys[0], slug)
        if keys[1]:
            self.by_email.setdefault(keys[1], slug)


def _differs(mine: str, theirs: str) -> bool:
    return bool(mine and theirs and mine != theirs)


def plan_import(drafts: list[Draft], handbook: Handbook, files: dict[str, Path]) -> list[Outcome]:
    """Decide each draft's fate. ``files`` holds every slug a person file claims, valid or not."""
    known = _Known()
    for contact in sorted(handbook.contacts.values(), key=lambda c: c.slug):
        known.add(contact.slug, contact.linkedin, contact.email)
    taken = set(files)
    outcomes = []
    for draft in drafts:
        if draft.skip_reason:
            outcomes.append(Outcome(draft, SKIP, reason=draft.skip_reason))
            continue
        problems = check_fields(draft.fields, PersonFields, draft.where)
        if problems or not draft.slug:
            reason = problems[0].field + ": " + problems[0].message if problems else "the name has no letters"
            outcomes.append(Outcome(draft, SKIP, reason=reason))
            continue
        profile = profile_key(draft.fields.get("linkedin", ""))
        email = email_key(draft.fields.get("email", ""))
        slug = draft.slug
        if profile and profile in known.by_profile:
            outcomes.append(Outcome(draft, THERE, known.by_profile[profile], "same LinkedIn profile"))
        elif email and email in known.by_email:
            outcomes.append(Outcome(draft, THERE, known.by_email[email], "same email"))
        elif slug in taken:
            theirs = known.details.get(slug, ("", ""))
            if _differs(profile, theirs[0]) or _differs(email, theirs[1]):
                what = "LinkedIn profile" if _differs(profile, theirs[0]) else "email"
                outcomes.append(Outcome(draft, CONFLICT, slug, f"a different {what}"))
            else:
                outcomes.append(Outcome(draft, THERE, slug, "same name"))
        else:
            outcomes.append(Outcome(draft, CREATE, slug))
            taken.add(slug)
            known.add(slug, draft.fields.get("linkedin", ""), draft.fields.get("email", ""))
    return outcomes
