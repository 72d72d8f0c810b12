"""Property tests: whatever a file holds, loading returns problems instead of raising, and whatever
loads renders without raising and without letting user text become a <script> element.

Hypothesis runs derandomized and without its example database, so every run checks the same cases.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from conftest import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from handbook.book import load_handbook
from handbook.model import FollowUp, MeetingFields, PersonFields, Touch
from handbook.pipeline import build
from handbook.problems import Problem
from handbook.render import RenderOptions

CHECKS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FIELD_NAMES = sorted({*PersonFields.model_fields, *MeetingFields.model_fields, *FollowUp.model_fields,
                      *Touch.model_fields, "with"} - {"with_"})
PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "{{ 7*7 }}", "{% raw %}",
            "[x](javascript:alert(1))", "<SCRIPT src=//evil.example></SCRIPT>", "\u202e", "\x00", "---"]

texts = st.one_of(
    st.text(max_size=40),
    st.sampled_from(PAYLOADS),
    st.builds(lambda a, b: a + b, st.text(max_size=10), st.sampled_from(PAYLOADS)),
)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
scalars = st.one_of(
    texts, dates, st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1),
                               timezones=st.sampled_from([None, dt.timezone.utc, dt.timezone(dt.timedelta(hours=-5))])),
    st.integers(min_value=-10**12, max_value=10**12), st.floats(allow_nan=True), st.booleans(), st.none(),
    st.builds(lambda d, h, m: f"{d.isoformat()} {h}:{m:02d}", dates, st.integers(0, 30), st.integers(0, 70)),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=12))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=12)
mappings = st.dictionaries(keys, values, max_size=10)


def people_like(slugs):
    """Mappings that often pass validation, so rendering gets exercised too."""
    return st.fixed_dictionaries(
        {"name": st.one_of(texts, st.just("Ana Example"))},
        optional={"company": texts, "role": texts, "location": texts, "email": texts, "phone": texts,
                  "linkedin": texts, "website": texts, "how_we_met": texts, "tags": st.lists(texts, max_size=3),
                  "status": st.sampled_from(["met", "prospect", "friend"]), "share": st.booleans(),
                  "stay_in_touch": st.one_of(st.integers(-5, 400), st.none()), "referred_by": st.sampled_from(slugs),
                  "touches": st.lists(st.fixed_dictionaries({"date": dates}, optional={"note": texts, "via": texts}),
                                      max_size=2)},
    )


def meetings_like(slugs):
    return st.fixed_dictionaries(
        {"date": st.one_of(dates, scalars), "with": st.lists(st.sampled_from(slugs), min_size=1, max_size=2)},
        optional={"place": texts, "goal": texts, "research": texts, "minutes": st.integers(0, 700),
                  "kind": st.sampled_from(["coffee", "video", "zoom"]), "thanked": dates,
                  "status": st.sampled_from(["planned", "done", "cancelled"]),
                  "follow_ups": st.lists(st.fixed_dictionaries({"task": texts}, optional={"due": dates,
                                                                                        "done": st.booleans()}),
                                         max_size=2)},
    )


SLUGS = ["ana", "bo"]


def dump(fields) -> str:
    return yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)


def write_handbook(root: Path, files: dict[str, str | bytes]) -> Path:
    contacts = root / "contacts"
    for folder in ("people", "meetings"):
        (contacts / folder).mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = contacts / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", errors="surrogatepass"))
    return contacts


def load(files: dict[str, str | bytes]):
    with tempfile.TemporaryDirectory() as folder:
        contacts = write_handbook(Path(folder), files)
        handbook, problems = load_handbook(contacts, Path(folder))
    assert all(isinstance(p, Problem) and p.line >= 1 and p.path.startswith("contacts/") for p in problems)
    return handbook, problems


@CHECKS
@given(person=mappings, meeting=mappings, notes=st.text(max_size=200))
def test_random_frontmatter_never_makes_the_loader_raise(person, meeting, notes):
    load({"people/ana.md": f"---\n{dump(person)}---\n{notes}",
          "meetings/2026-12-01-ana.md": f"---\n{dump(meeting)}---\n{notes}"})


@CHECKS
@given(text=st.text(max_size=300), raw=st.binary(max_size=300))
def test_random_files_never_make_the_loader_raise(text, raw):
    load({"people/ana.md": "---\n" + text, "people/bo.md": text, "meetings/2026-12-01-ana.md": raw})


@CHECKS
@given(fields=mappings)
def test_the_models_raise_nothing_but_their_validation_error(fields):
    for model in (PersonFields, MeetingFields):
        try:
            model.model_validate(fields)
        except ValidationError:
            pass


def rendered_outputs(contacts: Path, root: Path) -> dict[str, str]:
    outputs = {}
    for profile in ("private", "public"):
        built = build(contacts, RenderOptions(profile=profile, today=TODAY), root)
        outputs |= {f"{profile}:{src}": text for src, text in built.pages.items()}
        outputs |= {f"{profile}:{path}": data.decode("utf-8", errors="replace")
                    for path, data in built.files.items() if path.endswith((".html", ".svg", ".md"))}
    return outputs


@CHECKS
@given(data=st.data())
def test_whatever_loads_renders_with_no_script_from_the_data(data):
    ana, bo = data.draw(people_like(SLUGS)), data.draw(people_like(SLUGS))
    meeting = data.draw(meetings_like(SLUGS))
    notes = data.draw(texts)
    with tempfile.TemporaryDirectory() as folder:
        contacts = write_handbook(Path(folder), {
            "people/ana.md": f"---\n{dump(ana)}---\n{notes}",
            "people/bo.md": f"---\n{dump(bo)}---\n",
            "meetings/2026-12-01-ana.md": f"---\n{dump(meeting)}---\n{notes}",
        })
        for name, page in rendered_outputs(contacts, Path(folder)).items():
            assert "<script" not in page.lower(), name


def test_the_generators_do_reach_the_renderer():
    """Guards the property above against passing vacuously: valid handbooks are generated too."""
    loaded = []

    @settings(max_examples=60, deadline=None, derandomize=True, database=None)
    @given(person=people_like(SLUGS), meeting=meetings_like(SLUGS))
    def count(person, meeting):
        handbook, problems = load({"people/ana.md": f"---\n{dump(person)}---\n",
                                   "people/bo.md": "---\nname: Bo\n---\n",
                                   "meetings/2026-12-01-ana.md": f"---\n{dump(meeting)}---\n"})
        loaded.append(bool(handbook.meetings) and not [p for p in problems if p.is_error])

    count()
    assert sum(loaded) >= 10

