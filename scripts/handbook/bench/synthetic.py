"""A deterministic synthetic handbook: N people and M meetings that look like years of networking.

Same seed, same sizes and same "today" give the same files, byte for byte. The data exercises what
a real heavy user has: referral chains, tags, keep-in-touch cadences, touches, 3–8 questions from
the real bank, notes of 50–300 words, follow-ups (most of them done), thank-yous and shared people.
Files are written with the same writer as ``handbook new``, so they read back exactly as real ones.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from ..book import MEETINGS_DIR, PEOPLE_DIR
from ..model import CHANNELS, MEETING_KINDS
from ..questions import BUILTIN_BANK, load_bank
from ..writing import dump_fields, person_text
from . import words

HISTORY_DAYS = 3 * 365  # meetings reach this far back from today...
AHEAD_DAYS = 60  # ...and this far ahead


@dataclass(frozen=True)
class Size:
    people: int
    meetings: int

    @classmethod
    def parse(cls, text: str) -> "Size":
        """'1000/3000' -> Size(1000, 3000)."""
        people, sep, meetings = text.partition("/")
        if not sep or not people.strip().isdigit() or not meetings.strip().isdigit() or int(people) < 2:
            raise ValueError(f"'{text}' is not a size: write people/meetings, e.g. 100/300")
        return cls(int(people), int(meetings))

    @property
    def pages(self) -> int:
        return self.people + self.meetings

    def __str__(self) -> str:
        return f"{self.people}/{self.meetings}"


def _sentence(rng: random.Random) -> str:
    chosen = [rng.choice(words.WORDS) for _ in range(rng.randint(6, 14))]
    return " ".join(chosen).capitalize() + "."


def notes(rng: random.Random, low: int = 50, high: int = 300) -> str:
    """Paragraphs of filler sentences, between ``low`` and ``high`` words in all."""
    target, count, paragraphs, current = rng.randint(low, high), 0, [], []
    while count < target:
        sentence = _sentence(rng).split()[: target - count]
        current.append(" ".join(sentence).rstrip(".") + ".")
        count += len(sentence)
        if len(current) >= rng.randint(2, 5):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def _names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(name, slug) pairs; repeated names get a middle initial, then a number, as people do."""
    taken: set[str] = set()
    people = []
    for index in range(count):
        name = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
        if slugify(name) in taken:
            name = name.replace(" ", f" {chr(65 + index % 26)}. ", 1)
        slug, number = slugify(name), 1
        while slug in taken:
            number += 1
            slug = f"{slugify(name)}-{number}"
        taken.add(slug)
        people.append((name, slug))
    return people


def _person(rng: random.Random, name: str, slug: str, earlier: list[str], met: bool, today: dt.date) -> dict:
    company = f"{rng.choice(words.COMPANY_FIRST)} {rng.choice(words.COMPANY_LAST)}"
    first, last = slug.split("-")[0], slug.split("-")[-1]
    fields: dict = {
        "name": name, "company": company, "role": rng.choice(words.ROLES), "location": rng.choice(words.CITIES),
        "email": f"{first}.{last}@example.org", "phone": f"+1 555 01{rng.randint(0, 99):02d}",
        "linkedin": f"https://www.linkedin.com/in/example-{slug}", "prefers": rng.choice(CHANNELS),
        "how_we_met": rng.choice(words.HOW_WE_MET), "tags": sorted(rng.sample(words.TAGS, rng.randint(1, 3))),
        "status": rng.choice(("met", "keep-in-touch")) if met else rng.choice(("prospect", "contacted", "dormant")),
    }
    if earlier and rng.random() < 0.3:
        fields["referred_by"] = rng.choice(earlier)  # only earlier people: referral chains never loop
    cadence = rng.random()
    if cadence < 0.25:
        fields["stay_in_touch"] = rng.choice((60, 90, 180))
    elif cadence < 0.4:
        fields["stay_in_touch"] = {"ideal": 60, "max": 120}
    if met and rng.random() < 0.5:
        fields["touches"] = [
            {"date": today - dt.timedelta(days=rng.randint(1, 700)), "via": rng.choice(CHANNELS),
             "note": _sentence(rng)}
            for _ in range(rng.randint(1, 3))
        ]
    fields["share"] = rng.random() < 0.2
    return fields


def _meeting(rng: random.Random, people: list[dict], when: dt.datetime, bank_ids: list[str], today: dt.date) -> tuple[dict, str]:
    past = when.date() < today
    status = rng.choices(("done", "cancelled", "planned"), (90, 5, 5))[0] if past else "planned"
    first = people[0]
    fields: dict = {
        "date": when, "with": [p["slug"] for p in people], "kind": rng.choice(MEETING_KINDS),
        "place": rng.choice(words.PLACES), "minutes": rng.choice((30, 45, 60)),
        "goal": rng.choice(words.GOALS).format(role=first["role"].lower(), company=first["company"],
                                               tag=first["tags"][0]),
        "status": status,
    }
    if rng.random() < 0.5:
        fields["research"] = notes(rng, 20, 60)
    fields["questions"] = rng.sample(bank_ids, rng.randint(3, 8))
    follow_ups = []
    for task in rng.sample(words.TASKS, rng.randint(0, 3)):
        due = when.date() + dt.timedelta(days=rng.randint(1, 21))
        follow_ups.append({"task": task, "due": due, "done": past and due < today and rng.random() < 0.9})
    if follow_ups:
        fields["follow_ups"] = follow_ups
    if status == "done" and rng.random() < 0.95:
        fields["thanked"] = when.date() + dt.timedelta(days=1)
    return fields, notes(rng) if status == "done" else ""


def _write_new(path: Path, text: str) -> None:
    with path.open("x", encoding="utf-8") as handle:  # "x": never replaces an existing file
        handle.write(text)


def generate(contacts_dir: Path, size: Size, *, today: dt.date, seed: int = 0) -> Size:
    """Write ``size.people`` people and ``size.meetings`` meetings into an empty ``contacts_dir``."""
    people_dir, meetings_dir = contacts_dir / PEOPLE_DIR, contacts_dir / MEETINGS_DIR
    for folder in (people_dir, meetings_dir):
        folder.mkdir(parents=True, exist_ok=True)
        if any(folder.glob("*.md")):
            raise FileExistsError(f"{folder} already holds files; generate into an empty folder")
    rng = random.Random(seed)
    bank, _ = load_bank([(BUILTIN_BANK, "handbook/data/questions.yml")])
    bank_ids = list(bank.questions)

    start = dt.datetime.combine(today, dt.time(0, 0)) - dt.timedelta(days=HISTORY_DAYS)
    slots = sorted(start + dt.timedelta(days=rng.randint(0, HISTORY_DAYS + AHEAD_DAYS),
                                        minutes=30 * rng.randint(16, 35)) for _ in range(size.meetings))
    names = _names(rng, size.people)
    # About two thirds of the people have met you; a few of them many times.
    met = [slug for _, slug in names[: max(1, size.people * 2 // 3)]]
    attendees = [[rng.choice(met)] + ([rng.choice(met)] if rng.random() < 0.1 else []) for _ in slots]
    have_met = {slug for group in attendees for slug in group}

    records: dict[str, dict] = {}
    for index, (name, slug) in enumerate(names):
        earlier = [s for _, s in names[max(0, index - 50):index]]
        records[slug] = _person(rng, name, slug, earlier, slug in have_met, today)
        _write_new(people_dir / f"{slug}.md", person_text(records[slug], notes(rng)))

    used: set[str] = set()
    for when, group in zip(slots, attendees):
        group = list(dict.fromkeys(group))
        fields, body = _meeting(rng, [{"slug": s, **records[s]} for s in group], when, bank_ids, today)
        stem, number = f"{when:%Y-%m-%d}-{group[0]}", 1
        while stem in used:
            number += 1
            stem = f"{when:%Y-%m-%d}-{group[0]}-{number}"
        used.add(stem)
        text = "---\n" + dump_fields(fields) + "---\n" + (body + "\n" if body else "")
        _write_new(meetings_dir / f"{stem}.md", text)
    return size
