"""Dashboard numbers on a handcrafted Handbook with a fixed today, and the SVG charts drawn from them."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from handbook.book import Handbook
from handbook.derive.referrals import referral_graph
from handbook.derive.stats import (PIPELINE, meetings_per_month, month_starts, people_by_status, referral_stats)
from handbook.model import Contact, Meeting, Source
from handbook.render.charts import bar_chart, column_chart

TODAY = dt.date(2026, 11, 25)
SVG = "{http://www.w3.org/2000/svg}"


def contact(slug: str, status: str = "met", referred_by: str | None = None, name: str | None = None) -> Contact:
    return Contact.model_construct(name=name or slug.title(), slug=slug, status=status, referred_by=referred_by,
                                   tags=[], touches=[], source=Source(path=f"people/{slug}.md"))


def meeting(day: str, *with_: str, status: str = "done") -> Meeting:
    return Meeting.model_construct(date=dt.date.fromisoformat(day), with_=list(with_), status=status,
                                   kind="coffee", minutes=30, follow_ups=[], slug=f"{day}-{with_[0]}",
                                   source=Source(path=f"meetings/{day}.md"))


@pytest.fixture
def handbook() -> Handbook:
    people = [contact("ann", "keep-in-touch"), contact("bob", "met", "ann"), contact("cat", "met", "ann"),
              contact("dee", "scheduled", "bob"), contact("eve", "prospect"), contact("fox", "dormant"),
              contact("gus", "prospect")]
    meetings = [
        meeting("2025-11-30", "ann"),                     # 13 months ago: outside the window
        meeting("2025-12-01", "ann"),                     # first day of the window
        meeting("2026-03-10", "bob"),                     # referred by ann
        meeting("2026-03-20", "cat", "eve"),              # one referred person is enough
        meeting("2026-10-01", "eve", status="cancelled"),  # never counts
        meeting("2026-11-20", "dee", status="planned"),   # day over, status not updated: took place
        meeting("2026-11-30", "dee", status="planned"),   # still ahead
        meeting("2026-11-24", "fox"),
    ]
    return Handbook(contacts={c.slug: c for c in people}, meetings={m.slug: m for m in meetings}).index()


def test_people_by_status_lists_every_stage_in_pipeline_order(handbook):
    counts = people_by_status(handbook)
    assert [c.key for c in counts] == list(PIPELINE) == [
        "prospect", "contacted", "scheduled", "met", "keep-in-touch", "dormant"]
    assert {c.key: c.value for c in counts} == {"prospect": 2, "contacted": 0, "scheduled": 1, "met": 2,
                                               "keep-in-touch": 1, "dormant": 1}
    assert sum(c.value for c in counts) == len(handbook.contacts)


def test_the_twelve_months_end_with_todays_month_across_a_new_year():
    assert month_starts(dt.date(2026, 1, 31))[0] == dt.date(2025, 2, 1)
    assert month_starts(dt.date(2026, 1, 31))[-1] == dt.date(2026, 1, 1)
    assert len(month_starts(TODAY)) == 12


def test_meetings_per_month_counts_only_meetings_that_took_place(handbook):
    counts = {c.key: c.value for c in meetings_per_month(handbook, TODAY)}
    assert list(counts)[0] == "2025-12" and list(counts)[-1] == "2026-11"
    assert counts["2025-12"] == 1 and counts["2026-03"] == 2 and counts["2026-10"] == 0
    assert counts["2026-11"] == 2  # the forgotten planned one and fox's; not the one on the 30th
    assert sum(counts.values()) == 5


def test_a_meeting_came_from_a_referral_when_someone_in_it_was_referred(handbook):
    stats = referral_stats(handbook, TODAY)
    # held: ann x2, bob, cat+eve, dee (past planned), fox = 6; from referrals: bob, cat+eve, dee = 3
    assert (stats.meetings, stats.from_referrals) == (6, 3)


def test_door_openers_are_ranked_by_referrals_then_name():
    people = [contact("zed"), contact("amy"), contact("kim")] + [
        contact(f"p{n}", referred_by=ref) for n, ref in enumerate(["zed", "zed", "amy", "amy", "kim"])]
    handbook = Handbook(contacts={c.slug: c for c in people}).index()
    assert referral_stats(handbook, TODAY).door_openers == [("amy", 2), ("zed", 2), ("kim", 1)]
    assert referral_stats(handbook, TODAY, top=1).door_openers == [("amy", 2)]
    assert referral_graph(handbook).top_referrers(2) == [("amy", 2), ("zed", 2)]


def parse(svg) -> ET.Element:
    return ET.fromstring(str(svg))


def bars(root: ET.Element) -> dict[str, tuple[str, str, float]]:
    """key -> (label text, value text, bar length) for every bar group in a chart."""
    found = {}
    for group in root.iter(f"{SVG}g"):
        texts = {t.get("class"): t.text for t in group.iter(f"{SVG}text")}
        rect = group.find(f"{SVG}rect")
        size = float(rect.get("width") if "hb-chart__row" in group.get("class") else rect.get("height"))
        found[group.get("data-key")] = (texts["hb-chart__label"], texts["hb-chart__value"], size)
    return found


def test_the_pipeline_chart_shows_each_count_as_text_and_as_a_proportional_bar(handbook):
    counts = people_by_status(handbook)
    root = parse(bar_chart("pipeline", "People by status", counts))
    drawn = bars(root)
    assert list(drawn) == list(PIPELINE)
    for count in counts:
        label, value, width = drawn[count.key]
        assert (label, int(value)) == (count.label, count.value)
    assert drawn["contacted"][2] == 0
    assert drawn["prospect"][2] == pytest.approx(2 * drawn["dormant"][2], rel=0.01)
    assert root.get("role") == "img"
    title, desc = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title and root.find(f"{SVG}desc").get("id") == desc
    assert "keep in touch: 1" in root.find(f"{SVG}desc").text


def test_the_activity_chart_has_a_column_per_month_with_its_count(handbook):
    counts = meetings_per_month(handbook, TODAY)
    root = parse(column_chart("activity", "Meetings per month", counts, ["2025"] + [""] * 11))
    drawn = bars(root)
    assert list(drawn) == [c.key for c in counts]
    assert [int(v) for _, v, _ in drawn.values()] == [c.value for c in counts]
    assert drawn["2026-03"][0] == "Mar" and drawn["2026-03"][2] == pytest.approx(2 * drawn["2025-12"][2], rel=0.01)
    assert "March 2026: 2" in root.find(f"{SVG}desc").text
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "hb-chart__note"] == ["2025"]


def test_names_in_a_chart_are_escaped():
    class Datum:
        key, label, name, value = "x", "<script>alert(1)</script>", "A & B", 3

    svg = str(bar_chart("c", "Title <b>", [Datum()]))
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "A &amp; B" in svg
    parse(svg)  # still well-formed


def test_charts_of_nothing_still_draw():
    empty = parse(bar_chart("e", "Nobody yet", []))
    assert bars(empty) == {}
    zeros = bars(parse(column_chart("z", "Quiet year", meetings_per_month(Handbook(), TODAY))))
    assert {v for _, v, _ in zeros.values()} == {"0"} and {h for _, _, h in zeros.values()} == {0.0}


def test_charts_are_deterministic(handbook):
    first = bar_chart("p", "People", people_by_status(handbook))
    assert first == bar_chart("p", "People", people_by_status(handbook))
    assert not re.search(r"\n\s*\n", str(first))  # a blank line would end markdown's raw HTML block
