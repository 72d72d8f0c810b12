"""The home page dashboard: appended to the user's landing text, private builds only."""

from __future__ import annotations

import datetime as dt
import re

from handbook import pipeline
from handbook.book import load_handbook
from handbook.render import RenderOptions
from handbook.render.dashboard import render_dashboard, today_lists
from handbook.derive.agenda import agenda

from conftest import FIXTURE, REPO, TODAY, person, run_mkdocs, write

SECTIONS = [f">{title}<a class=\"headerlink\"" for title in ("Today", "Pipeline", "Activity", "Referrals")]


def dashboard(root, profile="private", today=TODAY) -> str:
    built = pipeline.build(root / "contacts", RenderOptions(profile=profile, today=today), root)
    return render_dashboard(built.handbook, RenderOptions(profile=profile, today=today))


def test_the_dashboard_has_its_four_sections_in_order():
    text = dashboard(FIXTURE)
    assert [text.index(s) for s in SECTIONS] == sorted(text.index(s) for s in SECTIONS)
    assert 'aria-labelledby="hb-chart-pipeline-title hb-chart-pipeline-desc"' in text
    assert 'aria-labelledby="hb-chart-activity-title hb-chart-activity-desc"' in text
    svgs = re.findall(r"<svg.*?</svg>", text, re.S)
    assert len(svgs) == 2 and not any("\n\n" in svg for svg in svgs)  # a blank line would end the HTML block


def test_today_lists_overdue_tasks_this_weeks_items_and_the_next_meetings():
    handbook, _ = load_handbook(FIXTURE / "contacts", FIXTURE)
    lists = today_lists(agenda(handbook, TODAY), TODAY)
    assert all(i.bucket(TODAY) == "overdue" and i.is_task for i in lists["overdue"]) and lists["overdue"]
    assert all(i.bucket(TODAY) == "week" for i in lists["week"])
    meetings = [i for i in lists["later"] if i.kind == "meeting"]
    assert [m.date for m in meetings] == sorted(m.date for m in meetings) and 0 < len(meetings) <= 3
    assert all(i.date < TODAY + dt.timedelta(days=14) for i in lists["later"] if i.is_task)


def test_the_public_build_has_no_dashboard():
    assert dashboard(FIXTURE, profile="public") == ""


def test_an_empty_handbook_gets_a_dashboard_of_zeros_and_kind_words(empty_handbook):
    text = dashboard(empty_handbook)
    assert "Nothing is overdue." in text and "No meetings have taken place yet." in text
    assert "Nobody has introduced you to anyone yet." in text and "0 meetings held" in text


def test_names_on_the_dashboard_are_escaped(empty_handbook):
    people = empty_handbook / "contacts" / "people"
    write(people / "boss.md", person("'<img src=x onerror=alert(1)>'"))
    write(people / "ann.md", person("Ann", referred_by="boss"))
    text = dashboard(empty_handbook)
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;</a> introduced you to 1 person" in text


def test_the_built_home_page_keeps_the_landing_text_and_adds_the_dashboard(example_site):
    home = (example_site / "index.html").read_text(encoding="utf-8")
    landing = (REPO / "content" / "index.md").read_text(encoding="utf-8")
    first_sentence = landing.split("\n\n")[1].split(".")[0]  # the paragraph after the title
    assert first_sentence in home
    assert home.index(first_sentence) < home.index('id="today"') < home.index("hb-chart-pipeline-title")
    assert home.count("<svg class=\"hb-chart") == 2


def test_the_public_home_page_is_only_the_landing_text(handbook_copy):
    site = handbook_copy / "site-public"
    result = run_mkdocs(handbook_copy, "build", "--strict", site=site, config="mkdocs.public.yml")
    assert result.returncode == 0, result.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    for private in ('id="today"', "hb-chart", "data-hb-item", "Coffee with", "Marcus", "Priya", "door"):
        assert private not in home, private
    network = (site / "network" / "index.html").read_text(encoding="utf-8")
    assert "Jane Doe" in network and "Marcus" not in network and "Priya" not in network
