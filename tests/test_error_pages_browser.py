"""What `mkdocs serve` shows while a file has errors, in Chromium (issue 16, part 5): a banner
anyone can read, in light and in dark mode."""

from __future__ import annotations

import pytest
from conftest import write
from serving import serving, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.wall_clock]

# WCAG 2 contrast of the element's text against the first opaque background behind it.
CONTRAST = """element => {
  const rgba = text => (text.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  let node = element, background = null;
  while (node && node.nodeType === 1) {
    const [r, g, b, a = 1] = rgba(getComputedStyle(node).backgroundColor);
    if (a > 0) { background = [r, g, b]; break; }
    node = node.parentElement;
  }
  background = background || [255, 255, 255];
  const [r, g, b, a = 1] = rgba(getComputedStyle(element).color);
  const text = [r, g, b].map((c, i) => c * a + background[i] * (1 - a));
  const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}"""


@pytest.fixture(scope="module")
def served_with_an_error(tmp_path_factory):
    from conftest import copy_handbook

    root = copy_handbook(tmp_path_factory.mktemp("errors") / "handbook")
    write(root / "contacts/people/oops.md", "---\nname: Oops\nstatus: friend\n---\n")
    with serving(root) as served:
        wait_for(lambda: "handbook-errors/" in served.fetch())
        yield served


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_error_banner_reaches_wcag_aa_contrast(page, served_with_an_error, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(served_with_an_error.url)
    link = page.locator(".md-banner a.hb-announce-errors")
    assert link.inner_text().startswith("1 problem(s) in your contacts folder")
    assert link.evaluate(CONTRAST) >= 4.5
    link.hover()
    assert link.evaluate(CONTRAST) >= 4.5, "and while the pointer is on it"
    link.focus()
    assert link.evaluate(CONTRAST) >= 4.5, "and with the keyboard focus on it"
    link.click()
    page.wait_for_url("**/handbook-errors/")
    assert "contacts/people/oops.md:3" in page.locator("article").inner_text()
