"""Pages lose their templates' indentation and nothing a reader sees (render/compact_html.py)."""

from __future__ import annotations

import re

import pytest

from handbook.render.compact_html import compact

# Every white-space rule a page uses: the text a browser shows must not change under any of them.
SAMPLE = """<!doctype html>
<html><head><style>
  .line { white-space: pre-line; }
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
    <div class="line">
        <p>Research note</p>

        <p>second paragraph</p>
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


def test_indentation_goes_and_line_breaks_stay():
    out = compact(SAMPLE)
    assert out.count("\n") == SAMPLE.count("\n")
    assert "\n<div class=\"md-nav\">\n<a href" in out and "<span>two</span>   <span>three</span>" in out
    assert len(out) < len(SAMPLE) - 60


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
