"""The allowlist for notes: sanitise() on HTML, and notes_html() from markdown through it."""

from __future__ import annotations

import re

import pytest
from conftest import TODAY
from test_corpus import load_case

from handbook.render import RenderOptions
from handbook.render.notes import notes_html
from handbook.render.sanitise import is_local, sanitise
from handbook.render.site import render_pages

TRACKER = "https://tracker.example/p.png"


def attributes(fragment: str) -> set[str]:
    return {name.lower() for name in re.findall(r'\s([^\s"=<>/]+)=', fragment)}


def test_the_invisible_overlay_link_loses_its_style_and_keeps_its_address():
    html = str(notes_html('[Read me](https://ok.example/){: style="position:fixed;inset:0;opacity:0" }'))
    assert "style" not in html and "position" not in html
    assert '<a href="https://ok.example/" rel="noopener noreferrer">Read me</a>' in html


@pytest.mark.parametrize("attr_list", [
    '{: onclick="alert(1)" }', "{: onmouseover=alert(1) }", '{: OnFocus="x" autofocus }',
    '{: id="__drawer" }', '{: #__search }', '{: class="md-sidebar md-overlay" }', "{: .md-header }",
    '{: target="_blank" }', '{: href="javascript:alert(1)" }', '{: formaction="javascript:x" }',
])
def test_attributes_from_attr_list_that_are_not_allowed_are_dropped(attr_list):
    html = str(notes_html(f"[link](https://ok.example/){attr_list}\n\nA paragraph\n{attr_list}"))
    assert attributes(html) <= {"href", "rel"}, html
    assert "javascript" in attr_list or 'href="https://ok.example/"' in html
    assert "javascript" not in html


def test_a_remote_picture_becomes_a_link_to_it():
    html = str(notes_html(f"![The chart]({TRACKER})"))
    assert "<img" not in html
    assert re.search(rf'<a href="{re.escape(TRACKER)}"[^>]*>The chart</a>', html)


@pytest.mark.parametrize("src", [
    TRACKER, "http://tracker.example/p.png", "//tracker.example/p.png", "/\\tracker.example/p.png",
    "\\\\tracker.example\\p.png", " \t//tracker.example/p.png", "/\t/tracker.example/p.png",
    "HTTPS://TRACKER.EXAMPLE/P.PNG", "https:tracker.example/p.png", "&#x2f;/tracker.example/p.png",
])
def test_no_picture_loads_from_another_server_however_its_address_is_written(src):
    html = sanitise(f'<p><img src="{src}" alt="x"></p>')
    assert "<img" not in html, html


def test_a_picture_from_the_site_itself_stays():
    html = sanitise('<img alt="me" src="../../assets/me.png" title="Me" onerror="alert(1)" width="9999">')
    assert html == '<img alt="me" src="../../assets/me.png" title="Me">'


def test_a_remote_picture_inside_a_link_leaves_its_words_and_the_link():
    html = str(notes_html(f"[![badge]({TRACKER})](https://ok.example/)"))
    assert html == '<p><a href="https://ok.example/" rel="noopener noreferrer">badge</a></p>'


def test_a_remote_picture_without_words_shows_its_address_and_quotes_stay_quoted():
    html = sanitise(f'<img src="{TRACKER}?a=1&amp;b=&quot;2&quot;">')
    assert html.startswith('<a href="https://tracker.example/p.png?a=1&amp;b=&quot;2&quot;"')
    assert html.endswith('>https://tracker.example/p.png?a=1&amp;b="2"</a>')


@pytest.mark.parametrize("href", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "jav&#x61;script:alert(1)", "&#106;avascript:alert(1)", "javascript&colon;alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
    "ftp://files.example/", "blob:https://x.example/1",
])
def test_only_web_mail_and_phone_addresses_and_the_site_s_own_stay_links(href):
    html = sanitise(f'<a href="{href}">x</a>')
    assert "href" not in html, html


@pytest.mark.parametrize("href", ["https://a.example/", "http://a.example/", "mailto:jane@example.org",
                                  "tel:+15550100", "../../contacts/jane/", "#notes", "/calendar/"])
def test_allowed_addresses_stay(href):
    assert f'href="{href}"' in sanitise(f'<a href="{href}">x</a>')


def test_markdown_links_with_bad_schemes_lose_their_address():
    html = str(notes_html("[a](javascript:alert(1)) [b](jav&#x61;script:x) [c](data:text/html;base64,PHNjcmlwdD4=)"
                          "\n\n[ref][evil]\n\n[evil]: javascript:alert(1)"))
    assert "javascript" not in html.lower() and "data:" not in html and "href" not in html


@pytest.mark.parametrize("trick", [
    "<script>alert(1)</script>", "<scr<script>ipt>alert(1)</script>", "<svg onload=alert(1)>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "<style>*{display:none}</style>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<iframe src="https://tracker.example/"></iframe>', '<object data="https://tracker.example/x">',
    '<form action="https://tracker.example/"><button>Go</button></form>', '<input type="text" autofocus>',
    '<video poster="https://tracker.example/p.png"></video>', '<link rel="stylesheet" href="https://t.example/">',
    "<!--<img src=x onerror=alert(1)>-->", '<a href="https://ok.example/" style="position:fixed">x</a>',
    '<p style="background:url(https://tracker.example/p.png)">x</p>', '<base href="https://tracker.example/">',
])
def test_raw_html_tricks_leave_nothing_that_runs_loads_or_covers(trick):
    html = sanitise(trick)
    for banned in ("<script", "<svg", "<math", "<style", "<iframe", "<object", "<form", "<button", "<video",
                   "<link", "<base", "onerror", "onload", "style=", "javascript", "tracker.example/\"", "<!--"):
        assert banned not in html.lower(), (trick, html)
    assert not re.search(r'<input(?![^>]*type="checkbox")', html), html


def test_raw_html_in_notes_is_text_inside_code_too():
    html = str(notes_html('<b>hi</b> <img src=x onerror=alert(1)>\n\n```\nprint("<x>")\n```\n\n`<i>`'))
    assert "&lt;b&gt;hi&lt;/b&gt;" in html and "<img" not in html
    assert "&lt;x&gt;" in html and "&amp;lt;" not in html  # escaped once, so the code reads as written
    assert "<code>&lt;i&gt;</code>" in html


def test_what_the_notes_extensions_make_survives():
    html = str(notes_html(
        '!!! warning "Careful"\n    Said **this**.\n\n???+ tip "More"\n    Later.\n\n- [x] done\n- [ ] open\n\n'
        "| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n```python\nx = 1\n```\n\n> quoted *a*\n\n1. one\n\n---\n"
        "## Heading {: #hijack .md-header }\n\n<https://auto.example/>"))
    for kept in ('<div class="admonition warning">', '<p class="admonition-title">Careful</p>', "<strong>this</strong>",
                 '<details class="tip" open="open">', "<summary>More</summary>", '<ul class="task-list">',
                 '<input type="checkbox" disabled checked>', '<span class="task-list-indicator">',
                 '<th align="center">a</th>', '<td align="right">2</td>', '<div class="highlight">',
                 '<span class="n">x</span>', "<blockquote>", "<ol>", "<hr>", "<h2>Heading</h2>",
                 '<a href="https://auto.example/" rel="noopener noreferrer">https://auto.example/</a>'):
        assert kept in html, (kept, html)
    assert "md-header" not in html and "hijack" not in html


def test_a_task_box_is_always_a_disabled_checkbox():
    html = sanitise('<input type="text" value="x" name="q"><input type="checkbox" checked>')
    assert html == '<input type="checkbox" disabled><input type="checkbox" disabled checked>'


def test_is_local():
    assert is_local("img/p.png") and is_local("/assets/p.png") and is_local("../p.png?x=1#y")
    assert not is_local("") and not is_local("//x.example/p.png") and not is_local("https://x.example/")
    assert not is_local("\x01//x.example/") and not is_local("/\\x.example/") and not is_local("mailto:x@y")


def test_sanitising_is_stable():
    once = str(notes_html(f"# Title\n\n![a]({TRACKER}) [b](https://ok.example/)\n\n| a |\n|:-|\n| 1 |"))
    assert sanitise(once) == once


def test_the_hostile_notes_corpus_case_loads_and_renders_inert(tmp_path):
    handbook, problems = load_case("ok-hostile-notes", tmp_path)
    assert [p for p in problems if p.is_error] == []
    pages = render_pages(handbook, RenderOptions(today=TODAY))
    shown = {src: pages[src] for src in ("contacts/vera-card/index.md", "meetings/2026-12-01-vera-card/index.md",
                                         "companies/trackco/index.md")}
    for src, page in shown.items():
        tags = " ".join(re.findall(r"<[^<>]*>", page.split("\n---\n", 1)[1]))  # raw HTML typed in is text
        assert "tracker.example" in tags, src  # the pictures are there, as links
        assert not re.search(r"<img[^>]*tracker", tags), src
        assert not re.search(r"position:|opacity:|100vw|onclick|onmouseover|javascript:|vbscript:|data:text", tags), src
        assert "md-overlay" not in tags and "__drawer" not in tags and "md-header" not in tags, src
    assert '<a href="https://tracker.example/p.png"' in shown["contacts/vera-card/index.md"]
