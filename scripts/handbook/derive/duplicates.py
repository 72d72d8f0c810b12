"""Possible duplicates: two people with the same email, LinkedIn profile or name.

These are warnings, never errors: two different people can share a name. ``handbook check``
shows them; the site build does not, so ``mkdocs build --strict`` never fails because of them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from ..book import Handbook
from ..identity import email_key, name_key, profile_key
from ..model import Contact
from ..problems import Problem

KEYS: tuple[tuple[str, str, Callable[[str], str]], ...] = (
    ("email", "email address", email_key),
    ("linkedin", "LinkedIn profile", profile_key),
    ("name", "name", name_key),
)


def duplicate_groups(handbook: Handbook) -> list[tuple[str, str, list[Contact]]]:
    """(field, label, people sorted by slug) for every detail that two or more people share."""
    groups = []
    people = sorted(handbook.contacts.values(), key=lambda c: c.slug)
    for field, label, key_of in KEYS:
        by_key: dict[str, list[Contact]] = defaultdict(list)
        for contact in people:
            key = key_of(getattr(contact, field))
            if key:
                by_key[key].append(contact)
        groups += [(field, label, group) for group in by_key.values() if len(group) > 1]
    return groups


def find_duplicates(handbook: Handbook) -> list[Problem]:
    """One warning on every later file of a group, pointing at the first."""
    problems = []
    for field, label, (first, *others) in duplicate_groups(handbook):
        for other in others:
            problems.append(Problem(
                other.source.path, other.source.line_of(field), field,
                f"possible duplicate: same {label} as {first.source.path}",
                "if they are one person, merge the two files; if not, ignore this warning",
                severity="warning"))
    return sorted(problems)
