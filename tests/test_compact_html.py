"""Pages lose their templates' indentation and blank lines, and nothing a reader sees
(render/compact_html.py)."""

from __future__ import annotations

import re

import pytest

from handbook.render.compact_html import compact

# Every white-space rule a page uses: the text a browser shows must not change under any of them.
SAMPLE = """<!doctype html>
<html><head><style>
  .nav a { white-space: nowrap; }
</style>
    <script>
      const kept = `two
        lines`;
    </script>
</head>
<body>
    <div class="md-nav">
        <a href="#one"
           title="a tag over two lines">One</a>
        <span>two</span>   <span>three</span>
    </div>
    <div class="hb-research">

        <p>Research note</p>


        <p>second paragraph 	
          goes on</p>

    </div>
    <pre class="hb-message__text">Dear Sam,
    indented on purpose
</pre>
    <p>Inline <code>a
        b</code> and <kbd>Ctrl
   C</kbd></p>
    <textarea>
      kept
    </textarea>
    <!-- a comment
         stays -->
</body></html>
"""


def _outside_kept(html: str) -> str:
    return re.sub(r"<(pre|code|kbd|textarea|script|style)\b.*?</\1>|<!--.*?-->", "§", html, flags=re.S)


def test_indentation_and_blank_lines_go_and_one_line_break_stays():
    out = compact(SAMPLE)
    rest = _outside_kept(out)
    assert "\n\n" not in rest and "\n " not in rest and "\n\t" not in rest
    assert "\n<div class=\"md-nav\">\n<a href" in out and "<span>two</span>   <span>three</span>" in out
    assert "<p>second paragraph \t\ngoes on</p>" in out  # a line break is still a space between words
    assert len(out) < len(SAMPLE) - 80


def test_a_no_break_space_after_a_line_break_is_text_and_stays():
    assert compact("<p>a\n\u00a0 b</p>") == "<p>a\n\u00a0 b</p>"


@pytest.mark.parametrize("element", [r"<pre class=\"hb-message__text\">.*?</pre>", r"<code>.*?</code>",
                                     r"<kbd>.*?</kbd>", r"<textarea>.*?</textarea>", r"<script>.*?</script>",
                                     r"<style>.*?</style>", r"<!--.*?-->"])
def test_elements_whose_spaces_can_show_are_kept_byte_for_byte(element):
    before = re.search(element, SAMPLE, re.S).group()
    assert before in compact(SAMPLE) and "\n " in before


def test_a_page_without_indentation_is_unchanged_and_compacting_twice_changes_nothing():
    once = compact(SAMPLE)
    assert compact(once) == once
    assert compact("<p>plain</p>\n<p>text</p>") == "<p>plain</p>\n<p>text</p>"


@pytest.mark.browser
def test_chromium_shows_the_same_text_and_layout_before_and_after(page):
    seen = []
    for html in (SAMPLE, compact(SAMPLE)):
        page.set_content(html)
        seen.append(page.evaluate("""() => [...document.querySelectorAll('body > *')].map(
            (el) => [el.innerText, el.getBoundingClientRect().height])"""))
    assert seen[0] == seen[1] and len(seen[0]) == 5


# Elements whose spaces may show, which compact() keeps as they are.
KEPT = "pre, code, kbd, textarea, script, style"


@pytest.mark.browser
def test_no_element_of_the_site_outside_those_kept_shows_line_breaks(page, example_url, example_site):
    """compact() writes a run of white space as one line break: only pre-line, pre-wrap, pre and
    break-spaces would show the difference, and only the kept elements may have them."""
    pages = sorted(p.relative_to(example_site).parent.as_posix() for p in example_site.rglob("index.html"))
    assert len(pages) > 30
    for path in pages:
        page.goto(f"{example_url}{'' if path == '.' else path + '/'}")
        showing = page.evaluate("""(kept) => [...document.body.querySelectorAll('*')]
            .filter((el) => !el.closest(kept) && /^(pre|break-spaces)/.test(getComputedStyle(el).whiteSpace)
                            && [...el.childNodes].some((n) => n.nodeType === 3 && /\\n/.test(n.data)))
            .map((el) => el.outerHTML.slice(0, 120))""", KEPT)
        assert showing == [], path
