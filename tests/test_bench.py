"""The benchmark's logic, on tiny handbooks: the generator's shapes are what they claim, the
hand-written baseline holds the same facts, the report's ratios and targets, and one whole case run
end to end. Nothing here is timed, and no time is asserted: `make bench` is the measurement."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import CHROMIUM, TODAY, copy_handbook, run_mkdocs
from typer.testing import CliRunner

from handbook.bench import __main__ as cli
from handbook.bench import by_hand, report, runner
from handbook.bench.browser import Sample
from handbook.bench.measure import Run
from handbook.bench.runner import Case, CaseResult, Settings, SiteResult
from handbook.bench.synthetic import SHAPES, Shape, Size, generate
from handbook.book import load_handbook

TINY = Size(30, 90)


def _generated(tmp_path: Path, shape: Shape, size: Size = TINY, seed: int = 0):
    generate(tmp_path / "contacts", size, today=TODAY, seed=seed, shape=shape)
    handbook, problems = load_handbook(tmp_path / "contacts", tmp_path)
    assert [p for p in problems if p.is_error] == []
    return handbook


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_each_shape_generates_the_handbook_it_claims(tmp_path, name):
    shape = SHAPES[name]
    handbook = _generated(tmp_path, shape)
    people, meetings = list(handbook.contacts.values()), list(handbook.meetings.values())
    assert (len(people), len(meetings)) == (TINY.people, TINY.meetings)
    low, high = shape.follow_ups
    assert all(low <= len(m.follow_ups) <= high for m in meetings)
    if low < high:  # a range is really used, not just its ends
        assert len({len(m.follow_ups) for m in meetings}) > 2
    assert sum(1 for c in people if c.referred_by) == round(shape.referred * TINY.people)
    held = [m for m in meetings if m.status == "done"]
    words = [len(c.notes.split()) for c in people] + [len(m.notes.split()) for m in held]
    assert held and all(shape.notes[0] <= count <= shape.notes[1] for count in words)
    tasks = [task for m in meetings for task in m.follow_ups]
    overdue = [task for task in tasks if not task.done and task.due < TODAY]
    if shape.overdue is not None:
        assert len(overdue) == round(shape.overdue * len(tasks))
    elif tasks:
        assert len(overdue) < len(tasks) / 4  # most past tasks are done


def test_a_shape_is_the_same_files_for_the_same_seed_and_other_files_for_another(tmp_path):
    shape = Shape.parse("follow-ups=1-4,referred=50%,notes=10-20,overdue=30%")
    texts = {}
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        generate(tmp_path / name, Size(10, 30), today=TODAY, seed=seed, shape=shape)
        texts[name] = {p.relative_to(tmp_path / name).as_posix(): p.read_bytes() for p in (tmp_path / name).rglob("*.md")}
    assert texts["a"] == texts["b"] and texts["a"] != texts["c"]


def test_shapes_are_read_from_the_command_line_form_and_bad_ones_are_refused():
    shape = Shape.parse("follow-ups=0-5, referred=60%, notes=2000, overdue=0.5")
    assert shape == Shape(follow_ups=(0, 5), referred=0.6, notes=(2000, 2000), overdue=0.5)
    assert Shape.parse("notes=0") == Shape(notes=(0, 0))
    assert str(SHAPES["reference"]) == "follow-ups 0–3, referred 40%, notes 50–300 words"
    for bad, says in (("colour=red", "not a shape setting"), ("notes=lots", "low-high"),
                      ("referred=140%", "between 0% and 100%"), ("follow-ups=9", "between 0 and"),
                      ("overdue=half", "such as 40%")):
        with pytest.raises(ValueError, match=says):
            Shape.parse(bad)


def _text(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, dt.datetime) else str(value)


def test_the_hand_written_pages_hold_every_fact_of_the_handbook(tmp_path):
    handbook = _generated(tmp_path, SHAPES["reference"])
    pages = by_hand.pages(handbook)
    left_out = {"share", "quiet", "added", "tags", "touches", "stay_in_touch", "referred_by", "slug", "notes", "source"}
    for contact in handbook.contacts.values():
        page = pages[f"contacts/{contact.slug}.md"]
        for field, value in contact.model_dump(exclude=left_out).items():
            assert value in (None, "") or str(value) in page, (contact.slug, field)
        assert all(f"  - {tag}\n" in page.split("---")[1] for tag in contact.tags)  # frontmatter tags
        assert contact.notes.strip() in page
        for touch in contact.touches:
            assert f"- {touch.date}, {touch.via}: {touch.note}" in page
        if contact.referred_by:
            assert f"[{handbook.contacts[contact.referred_by].name}]({contact.referred_by}.md)" in page
        if contact.stay_in_touch:
            assert f"every {contact.stay_in_touch.ideal} days" in page
        for meeting in handbook.meetings_with(contact.slug):
            assert f"../meetings/{meeting.slug}.md" in page
    for meeting in handbook.meetings.values():
        page = pages[f"meetings/{meeting.slug}.md"]
        for value in (meeting.date, meeting.kind, meeting.place, meeting.minutes, meeting.goal, meeting.status,
                      meeting.thanked or "", meeting.research.strip(), meeting.notes.strip()):
            assert _text(value) in page, meeting.slug
        assert all(f"[{handbook.contacts[s].name}](../contacts/{s}.md)" in page for s in meeting.with_)
        assert all(handbook.bank.questions[q].text in page for q in meeting.question_ids)
        for task in meeting.follow_ups:
            assert f"- [{'x' if task.done else ' '}] {task.task} (due {task.due})" in page
    table = pages["contacts/index.md"]
    assert all(f"[{c.name}]({c.slug}.md) | {c.company} |" in table for c in handbook.contacts.values())
    listing = pages["meetings/index.md"]
    assert all(f"]({m.slug}.md)" in listing for m in handbook.meetings.values())
    assert all(q.text in pages["questions/index.md"] for q in handbook.bank.questions.values())


def test_the_hand_written_site_is_plain_material_and_builds_a_page_per_person_and_meeting(tmp_path):
    root = copy_handbook(tmp_path / "handbook", with_examples=False)
    generate(root / "contacts", Size(6, 12), today=TODAY, seed=0)
    handbook, _ = load_handbook(root / "contacts", root)
    config = runner.write_by_hand(root, handbook)
    written = config.read_text(encoding="utf-8")
    assert "handbook" not in written.split("plugins:")[1].split("markdown_extensions:")[0]
    assert "custom_dir" not in written and "overrides" not in written
    result = run_mkdocs(root, "build", site=root / "site", config=config.name)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert all((site / "contacts" / slug / "index.html").is_file() for slug in handbook.contacts)
    assert all((site / "meetings" / slug / "index.html").is_file() for slug in handbook.meetings)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="contacts/"' in home and not re.search(r'href="contacts/[a-z-]+/"', home)  # nav: index pages only


def test_rounds_put_each_kind_first_equally_often():
    kinds = ("a", "b", "c")
    firsts = [runner.rotated(kinds, number)[0] for number in range(6)]
    assert sorted(firsts) == ["a", "a", "b", "b", "c", "c"]
    assert all(sorted(runner.rotated(kinds, n)) == list(kinds) for n in range(6))


def test_the_default_matrix_is_the_issue_s_shapes_and_sizes():
    sizes = [Size.parse(s) for s in cli.DEFAULT_SIZES]
    shapes = [(n, s) for n, s in SHAPES.items() if n != "reference"]
    chosen = cli.cases(sizes, shapes, Size(300, 900))
    assert [str(c) for c in chosen[:2]] == ["reference 300/900", "reference 1000/3000"]
    assert {c.shape_name for c in chosen[2:]} == set(SHAPES) - {"reference"}
    assert all(c.size == Size(300, 900) for c in chosen[2:])
    large = cli.cases([Size(300, 900)], [], Size(300, 900), large=True, serve=True)
    assert [(str(c), c.large, c.serve) for c in large] == [
        ("reference 300/900", False, True), ("reference 1000/3000", False, True), ("reference 10000/30000", True, False)]


def test_help_documents_every_option():
    result = CliRunner().invoke(cli.app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for option in ("--sizes", "--shape", "--matrix-size", "--quick", "--runs", "--loads", "--no-browser", "--serve",
                   "--large", "--format", "--output", "--seed", "--keep", "--profile"):
        assert option in result.stdout, option


def test_a_bad_shape_or_size_is_a_usage_error_not_a_traceback():
    for args, says in ((["--shape", "notes=lots"], "low-high"), (["--sizes", "12"], "not a size")):
        result = CliRunner().invoke(cli.app, args)
        assert result.exit_code == 2 and says in result.output, result.output


def _site(seconds: list[float], bytes_: int, home: int, load: float | None = None, first: float | None = None,
          calendar: int | None = None) -> SiteResult:
    return SiteResult(runs=[Run(s, s, 100_000_000) for s in seconds], bytes=bytes_, pages=10,
                      largest=("calendar/index.html" if calendar else "index.html", max(home, calendar or 0)),
                      home_bytes=home, calendar_bytes=calendar, search="material",
                      home_load=[Sample(load, 0)] if load else [], first_result=[Sample(first, 0)] if first else [])


def _result(size: Size = Size(300, 900)) -> CaseResult:
    return CaseResult(Case("reference", SHAPES["reference"], size), query="Ada Abara", sites={
        "handbook": _site([30.0, 12.0, 13.0], 24_000_000, 200_000, load=0.9, first=0.3, calendar=350_000),
        "by-hand": _site([10.0, 8.0, 9.0], 20_000_000, 20_000, load=0.5, first=1.0),
        "exported": _site([12.0, 11.0, 13.0], 24_000_000, 200_000, load=1.0, first=0.4, calendar=350_000),
    })


def test_each_measure_is_a_ratio_against_the_hand_written_site_and_the_exported_pages():
    rows = {row.measure.split(",")[0]: row for row in report.case_rows(_result())}
    build = rows["build"]
    assert build.values == {"handbook": 13.0, "by-hand": 9.0, "exported": 12.0}  # medians
    assert build.ratio("by-hand") == pytest.approx(13 / 9) and build.ratio("exported") == pytest.approx(13 / 12)
    assert build.mark() == "✗ goal, ✓ must"  # 1.44: over 1.0, under 1.5
    assert rows["site"].ratio("by-hand") == pytest.approx(1.2) and rows["site"].mark() == "✓"
    assert rows["home page"].mark() == "✗"  # 200 KB against at most 150 KB
    assert rows["calendar page"].mark() == "✓" and rows["calendar page"].ratio("by-hand") is None
    assert rows["home page load"].ratio("by-hand") == pytest.approx(1.8) and rows["home page load"].mark() == "✗"
    assert rows["first search result"].ratio("by-hand") == pytest.approx(0.3) and rows["first search result"].mark() == "✓"
    assert rows["largest page"].notes["handbook"] == "calendar/"
    missed = report.summary(report.rows([_result()]))
    assert [line.split(": ", 1)[1].split(" is ")[0] for line in missed] == [
        "build, median of 3", "home page", "home page load, median of 1"]


def test_the_absolute_search_and_serve_targets_apply_at_4000_pages():
    small, big = (report.case_rows(_result(size)) for size in (Size(300, 900), Size(1000, 3000)))
    assert sum(row.measure.startswith("first search") for row in small) == 1
    absolute = [row for row in big if row.measure.startswith("first search") and not row.target.ratio]
    assert len(absolute) == 1 and absolute[0].mark() == "✓"  # 0.3 s, at most 0.5 s


def test_the_large_run_is_compared_per_page_with_1000_3000():
    reference = _result(Size(1000, 3000))
    large = CaseResult(Case("reference", SHAPES["reference"], Size(10000, 30000), large=True), sites={
        "handbook": _site([140.0], 1, 1), "by-hand": _site([90.0], 1, 1)})
    large.sites["handbook"].pages = 100
    rows = report.large_rows([reference, large])
    per_page = rows[0]
    assert per_page.values["handbook"] == pytest.approx((140 / 100) / (13 / 10)) and per_page.mark() == "✓"
    assert rows[1].measure == "build peak memory" and rows[1].mark() == "✓"  # 100 MB, at most 1.5 GB


def test_the_markdown_table_has_a_line_per_measure_and_the_json_is_complete():
    result = _result()
    rows = report.rows([result])
    lines = report.markdown(rows).splitlines()
    assert lines[0].startswith("| case | measure | handbook | by hand | ÷ by hand |") and len(lines) == 2 + len(rows)
    assert "| reference 300/900 | build, median of 3 | 13.00 s | 9.00 s | 1.44× | 12.00 s | 1.08× |" in lines[2]
    data = json.loads(json.dumps(report.as_json([result], Path("."), {"runs": 3})))
    assert data["cases"][0]["sites"]["by-hand"]["build_wall_s"] == [10.0, 8.0, 9.0]
    assert [row["measure"] for row in data["rows"]] == [row.measure for row in rows]


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_one_case_runs_end_to_end_with_as_many_steps_as_the_progress_bar_expects(tmp_path, monkeypatch):
    from handbook.bench.browser import Browser

    monkeypatch.setenv("HANDBOOK_TODAY", TODAY.isoformat())
    repo = copy_handbook(tmp_path / "repo", with_examples=False)
    case, settings = Case("reference", SHAPES["reference"], Size(5, 10)), Settings(runs=1, loads=1)
    steps: list[str] = []
    chromium = Browser()
    try:
        result = runner.measure_case(repo, tmp_path / "work", case, settings, chromium, steps.append)
    finally:
        chromium.close()
    assert len(steps) == settings.steps(case)
    assert set(result.sites) == {"handbook", "by-hand", "exported"} and result.same_files
    for kind, site in result.sites.items():
        assert len(site.runs) == 1 and len(site.home_load) == 1 and len(site.first_result) == 1, kind
        assert site.pages > 15 and site.home_bytes > 0 and site.search
        assert all(sample.outside == 0 for sample in site.home_load + site.first_result)
    assert result.sites["handbook"].calendar_bytes and result.sites["by-hand"].calendar_bytes is None
    people = (tmp_path / "work").glob("*/contacts/people/*.md")
    assert any(f"name: {result.query}\n" in p.read_text(encoding="utf-8") for p in people)  # a name was typed


# A search box whose first result is drawn 150 ms after the input event, and an image on another host.
_DELAYED_RESULT = """<!doctype html><html><head><title>t</title></head><body>
<img src="http://example.org/tracker.png" alt="">
<input data-hb-search-input aria-label="search"><ol data-hb-search-results></ol>
<script>
  document.querySelector("input").addEventListener("input", () => setTimeout(() => {
    document.querySelector("ol").innerHTML = '<li class="md-search-result__item">found</li>';
  }, 150), { once: true });
</script></body></html>"""


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_the_browser_times_a_search_by_the_pages_clock_and_counts_requests_that_leave(tmp_path):
    from handbook.bench.browser import PAGEFIND, Browser, served

    (tmp_path / "index.html").write_text(_DELAYED_RESULT, encoding="utf-8")
    chromium = Browser()
    try:
        with served(tmp_path) as url:
            loaded = chromium.home_load(url)
            found = chromium.first_result(url, PAGEFIND, "Jane Doe")
    finally:
        chromium.close()
    assert loaded.outside == 1 and found.outside == 1  # the image was asked for, and went nowhere
    # From the click to the result: never less than the page's own delay (the watcher saw both ends).
    assert found.seconds >= 0.15
