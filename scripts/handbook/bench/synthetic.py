"""A deterministic synthetic handbook: N people and M meetings that look like years of networking.

The size says how many; the ``Shape`` says what they look like: follow-ups per meeting, the share
of people introduced by someone, how long the notes are, and how many tasks are overdue. Same seed,
size, shape and "today" give the same files, byte for byte. Besides what the shape sets, the data
has what a real heavy user has: referral chains, tags, keep-in-touch cadences, touches, 3–8
questions from the real bank, thank-yous and shared people. Files are written with the same writer
as ``handbook new``, so they read back exactly as real ones.
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
DUE_WITHIN = 21  # a follow-up is due 1 to this many days after its meeting


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


@dataclass(frozen=True)
class Shape:
    """What the data looks like, whatever its size. Ranges are inclusive and drawn uniformly."""

    follow_ups: tuple[int, int] = (0, 3)  # follow-up tasks per meeting
    referred: float = 0.4  # share of people introduced by someone, exactly (rounded to a person)
    notes: tuple[int, int] = (50, 300)  # words of notes per person and per meeting held
    overdue: float | None = None  # share of all follow-up tasks open and past due; None: most are done

    def __post_init__(self) -> None:
        low, high = self.follow_ups
        if not 0 <= low <= high <= len(words.TASKS):
            raise ValueError(f"follow-ups per meeting must be between 0 and {len(words.TASKS)}")
        if not 0 <= self.notes[0] <= self.notes[1]:
            raise ValueError("notes must be a number of words, or a range low-high")
        for name in ("referred", "overdue"):
            share = getattr(self, name)
            if share is not None and not 0 <= share <= 1:
                raise ValueError(f"{name} is a share between 0% and 100%")

    @classmethod
    def parse(cls, text: str) -> "Shape":
        """'follow-ups=0-5,referred=60%,notes=2000,overdue=50%'; what is left out keeps the
        reference value."""
        values: dict = {}
        for part in filter(None, (p.strip() for p in text.split(","))):
            key, sep, value = part.partition("=")
            field = key.strip().replace("-", "_")
            if not sep or field not in SHAPE_FIELDS:
                keys = ", ".join(f.replace("_", "-") for f in SHAPE_FIELDS)
                raise ValueError(f"'{part}' is not a shape setting: write key=value, with a key among {keys}")
            try:
                values[field] = _range(value) if field in ("follow_ups", "notes") else _share(value)
            except ValueError as exc:
                raise ValueError(f"'{part}': {exc}") from None
        return cls(**values)

    def __str__(self) -> str:
        parts = [f"follow-ups {_span(self.follow_ups)}", f"referred {self.referred:.0%}",
                 f"notes {_span(self.notes)} words"]
        if self.overdue is not None:
            parts.append(f"overdue {self.overdue:.0%}")
        return ", ".join(parts)


SHAPE_FIELDS = ("follow_ups", "referred", "notes", "overdue")


def _range(text: str) -> tuple[int, int]:
    low, _, high = text.strip().partition("-")
    if not low.isdigit() or not (high or low).isdigit():
        raise ValueError("write a number or low-high")
    return int(low), int(high or low)


def _share(text: str) -> float:
    text = text.strip()
    try:
        return float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise ValueError("write a share such as 40% or 0.4") from None


# The reference shape is the "handbook the team has not seen"; each other shape moves one
# setting of it to an extreme.
SHAPES = {
    "reference": Shape(),
    "no-follow-ups": Shape(follow_ups=(0, 0)),
    "five-follow-ups": Shape(follow_ups=(5, 5)),
    "no-referrals": Shape(referred=0.0),
    "referred-60": Shape(referred=0.6),
    "no-notes": Shape(notes=(0, 0)),
    "long-notes": Shape(notes=(2000, 2000)),
    "half-overdue": Shape(overdue=0.5),
}


def _span(bounds: tuple[int, int]) -> str:
    return str(bounds[0]) if bounds[0] == bounds[1] else f"{bounds[0]}–{bounds[1]}"


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


def _person(rng: random.Random, name: str, slug: str, met: bool, today: dt.date) -> dict:
    company = f"{rng.choice(words.COMPANY_FIRST)} {rng.choice(words.COMPANY_LAST)}"
    first, last = slug.split("-")[0], slug.split("-")[-1]
    fields: dict = {
        "name": name, "company": company, "role": rng.choice(words.ROLES), "location": rng.choice(words.CITIES),
        "email": f"{first}.{last}@example.org", "phone": f"+1 555 01{rng.randint(0, 99):02d}",
        "linkedin": f"https://www.linkedin.com/in/example-{slug}", "prefers": rng.choice(CHANNELS),
        "how_we_met": rng.choice(words.HOW_WE_MET), "tags": sorted(rng.sample(words.TAGS, rng.randint(1, 3))),
        "status": rng.choice(("met", "keep-in-touch")) if met else rng.choice(("prospect", "contacted", "dormant")),
    }
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


def _meeting(rng: random.Random, people: list[dict], when: dt.datetime, bank_ids: list[str], today: dt.date,
             shape: Shape) -> tuple[dict, str]:
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
    for task in rng.sample(words.TASKS, rng.randint(*shape.follow_ups)):
        due = when.date() + dt.timedelta(days=rng.randint(1, DUE_WITHIN))
        follow_ups.append({"task": task, "due": due, "done": due < today and rng.random() < 0.9})
    if follow_ups:
        fields["follow_ups"] = follow_ups
    if status == "done" and rng.random() < 0.95:
        fields["thanked"] = when.date() + dt.timedelta(days=1)
    return fields, notes(rng, *shape.notes) if status == "done" else ""


def _make_overdue(rng: random.Random, meetings: list[dict], share: float, today: dt.date) -> None:
    """Exactly ``share`` of all follow-ups (rounded) open and past due; every other past one done."""
    tasks = [task for fields in meetings for task in fields.get("follow_ups", [])]
    past = [task for task in tasks if task["due"] < today]
    overdue = rng.sample(range(len(past)), min(len(past), round(share * len(tasks))))
    for task in past:
        task["done"] = True
    for index in overdue:
        past[index]["done"] = False


def _write_new(path: Path, text: str) -> None:
    with path.open("x", encoding="utf-8") as handle:  # "x": never replaces an existing file
        handle.write(text)


def generate(contacts_dir: Path, size: Size, *, today: dt.date, seed: int = 0, shape: Shape = Shape()) -> Size:
    """Write ``size.people`` people and ``size.meetings`` meetings of ``shape`` into an empty
    ``contacts_dir``."""
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
    # The first person knows no one earlier, so at most everyone else was introduced.
    referred = set(rng.sample(range(1, size.people), min(size.people - 1, round(shape.referred * size.people))))

    records: dict[str, dict] = {}
    for index, (name, slug) in enumerate(names):
        fields = _person(rng, name, slug, slug in have_met, today)
        if index in referred:  # by one of the 50 people met just before: referral chains never loop
            fields["referred_by"] = rng.choice(names[max(0, index - 50):index])[1]
        records[slug] = fields
        _write_new(people_dir / f"{slug}.md", person_text(fields, notes(rng, *shape.notes)))

    # Meetings are written once all exist: the overdue share is counted over all their tasks.
    used: set[str] = set()
    meetings: list[tuple[str, dict, str]] = []
    for when, group in zip(slots, attendees):
        group = list(dict.fromkeys(group))
        fields, body = _meeting(rng, [{"slug": s, **records[s]} for s in group], when, bank_ids, today, shape)
        stem, number = f"{when:%Y-%m-%d}-{group[0]}", 1
        while stem in used:
            number += 1
            stem = f"{when:%Y-%m-%d}-{group[0]}-{number}"
        used.add(stem)
        meetings.append((stem, fields, body))
    if shape.overdue is not None:
        _make_overdue(rng, [fields for _, fields, _ in meetings], shape.overdue, today)
    for stem, fields, body in meetings:
        _write_new(meetings_dir / f"{stem}.md", "---\n" + dump_fields(fields) + "---\n" + (body + "\n" if body else ""))
    return size
