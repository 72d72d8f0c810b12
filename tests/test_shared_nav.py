"""Pages outside the nav share one drawing of it (site/shared_nav.py): the site must be the same,
byte for byte, as when Material draws the nav on every page, and the drawings must really be shared."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_handbook, write
from mkdocs.commands.build import build
from mkdocs.config import load_config

from handbook.site import shared_nav


def built(root: Path, site: Path) -> dict[str, bytes]:
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(site)))
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    root = copy_handbook(tmp_path / "handbook")
    # Pages outside the nav at other depths, one beside a nav page and one below it.
    write(root / "content" / "loose.md", "# Loose\n\nNot in the nav.\n")
    write(root / "content" / "guide" / "why" / "deeper.md", "# Deeper\n\nBelow a page of the nav.\n")
    return root


def test_the_site_is_the_same_as_when_every_page_draws_its_nav(handbook, tmp_path, monkeypatch):
    drawn: list[str] = []
    draw = shared_nav.SharedNav.draw

    def counting(self, context, name, caller):
        def counted():
            drawn.append(name)
            return caller()
        return draw(self, context, name, counted)

    monkeypatch.setattr(shared_nav.SharedNav, "draw", counting)
    shared = built(handbook, tmp_path / "shared")
    monkeypatch.setattr(shared_nav.SharedNav, "draw", lambda self, context, name, caller: caller())
    alone = built(handbook, tmp_path / "alone")

    assert shared.keys() == alone.keys()
    assert [path for path in shared if shared[path] != alone[path]] == []
    pages = len(shared)
    assert 0 < len(drawn) < pages  # the sidebar and the tabs, drawn for far fewer pages than there are
    assert {"loose/index.html", "guide/why/deeper/index.html", "contacts/jane-doe/index.html"} <= shared.keys()
