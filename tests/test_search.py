"""Search is Pagefind's, in Material's search box: what the build writes and what the index holds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import copy_handbook, run_mkdocs, write
from search_index import index_text, indexed_pages, indexed_parts
from serving import serving, wait_for

from handbook.book import load_handbook
from handbook.site.pagefind_index import PARTS_FILE, UNUSED_FILES, BackgroundIndex
from handbook.site.search_pages import SearchPage, document


def test_the_build_writes_pagefinds_index_and_not_materials(example_site):
    assert (example_site / "pagefind" / "pagefind.js").is_file()
    assert not (example_site / "search").exists()  # no lunr index for every reader to download
    assert len(indexed_pages(example_site)) > 20


def test_the_site_ships_none_of_pagefinds_own_search_interfaces(example_site):
    shipped = {path.name for path in (example_site / "pagefind").iterdir()}
    assert {"pagefind.js", "pagefind-worker.js"} <= shipped  # what handbook.js loads, and what that loads
    assert not shipped & set(UNUSED_FILES) and not [name for name in shipped if "-ui." in name]


def test_the_search_box_is_in_materials_header_on_every_page(example_site):
    for page in ("index.html", "contacts/jane-doe/index.html", "guide/why/index.html", "404.html"):
        header = (example_site / page).read_text(encoding="utf-8").split('class="md-container"')[0]
        assert 'for="__search"' in header, page  # Material's search button
        assert "data-hb-search-input" in header and 'role="search"' in header, page
        assert 'data-md-component="search"' not in header, page  # Material's own search stays off


def test_every_page_is_indexed_except_those_marked_out(example_site):
    pages = indexed_pages(example_site)
    assert {"", "contacts/jane-doe/", "meetings/2026-10-02-jane-doe/", "questions/", "guide/why/"} <= set(pages)
    assert "calendar/" not in pages  # `search: {exclude: true}`: it repeats the meeting and contact pages
    assert "404/" not in pages and not any(url.startswith("pagefind") for url in pages)


def test_the_index_keeps_what_the_user_wrote_and_leaves_out_what_is_marked(example_site):
    jane = indexed_pages(example_site)["contacts/jane-doe/"]
    assert jane["meta"]["title"] == "Jane Doe"
    assert "Acme Health" in jane["content"] and "Data Analyst" in jane["content"]
    for label in ("Next touch", "Keep in touch", "Status", "¶"):  # data-search-exclude, permalinks
        assert label not in jane["content"]


def test_the_marks_that_leave_text_out_of_search_are_not_shipped_in_the_pages(example_site):
    marked = [str(path.relative_to(example_site)) for path in example_site.rglob("*.html")
              if re.search(r"<[^<>]*\sdata-search-exclude", path.read_text(encoding="utf-8"))]
    assert marked == []
    jane = (example_site / "contacts/jane-doe/index.html").read_text(encoding="utf-8")
    assert "Next touch" in jane  # on the page, still out of the index (the test above)


def test_a_config_that_still_lists_materials_search_gets_pagefind_only(handbook_copy, tmp_path):
    config = handbook_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins:\n", "plugins:\n  search: {}\n", 1),
                      encoding="utf-8")
    result = run_mkdocs(handbook_copy, "build", "--strict", site=tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "search").exists()
    assert "contacts/jane-doe/" in indexed_pages(tmp_path / "site")


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> tuple[Path, Path]:
    root = copy_handbook(tmp_path_factory.mktemp("public-search") / "handbook")
    result = run_mkdocs(root, "build", "--strict", config="mkdocs.public.yml")
    assert result.returncode == 0, result.stderr
    return root, root / "site-public"


def test_the_public_index_holds_shared_people_and_no_one_else(public):
    root, site = public
    handbook, _ = load_handbook(root / "contacts", root)
    unshared = [c for c in handbook.contacts.values() if not c.share]
    shared = [c for c in handbook.contacts.values() if c.share]
    assert unshared and shared
    text = index_text(site)
    pages = indexed_pages(site)
    guide = " ".join(p.read_text(encoding="utf-8") for p in (root / "content").rglob("*.md"))
    for contact in shared:
        assert contact.name in pages[f"contacts/{contact.slug}/"]["content"]
    for contact in unshared:
        assert contact.name not in text and contact.slug not in text, contact.slug
        surname = re.compile(rf"\b{re.escape(contact.name.split()[-1])}\b", re.IGNORECASE)
        if not surname.search(guide):  # the guide's example messages greet a "Mr. Okafor"
            assert not any(surname.search(page["content"]) for page in pages.values()), contact.slug
    assert not any(url.startswith("meetings/") for url in pages)


def indexed_words(site: Path, url: str) -> str:
    """A page's words in the index, or "" while the index (written in the background) is not there yet."""
    return indexed_pages(site).get(url, {}).get("content", "")


@pytest.mark.wall_clock  # waits on a real server
def test_serve_indexes_after_each_rebuild_and_search_stays_up(handbook_copy, tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    with serving(handbook_copy, env={"TMPDIR": str(scratch)}) as served:
        site = next(scratch.glob("mkdocs_*"))
        wait_for(lambda: "Data Analyst" in indexed_words(site, "contacts/jane-doe/"))
        jane = handbook_copy / "contacts/people/jane-doe.md"
        jane.write_text(jane.read_text(encoding="utf-8").replace("Data Analyst", "Staff Data Analyst"), encoding="utf-8")
        wait_for(lambda: "Staff Data Analyst" in served.fetch("contacts/jane-doe/"))
        wait_for(lambda: "Staff Data Analyst" in indexed_words(site, "contacts/jane-doe/"))
        assert served.status("pagefind/pagefind.js") == 200
        assert served.status("pagefind/pagefind-ui.js") == 404
    assert "Traceback" not in served.output and "search index not updated" not in served.output


def test_a_rebuild_keeps_the_last_index_until_the_new_one_is_written(tmp_path):
    site = write(tmp_path / "site" / "pagefind" / "pagefind.js", "// last build's").parents[1]
    index = BackgroundIndex(report=pytest.fail)
    try:
        index.keep(site)  # MkDocs now empties the site folder
        assert not (site / "pagefind").exists()
        index.keep(site)  # a build that failed before putting it back: the index stays aside
        index.put_back(site)
        assert (site / "pagefind" / "pagefind.js").read_text(encoding="utf-8") == "// last build's"
        guide = SearchPage("guide/index.html", document("Guide", "<p>Coffee chats</p>", {}, "en"))
        index.start([guide], site, directory_urls=True)
        wait_for(lambda: (site / "pagefind" / "pagefind-entry.json").is_file())
        assert indexed_pages(site)["guide/"]["meta"]["title"] == "Guide"
        # The next rebuild did not read the guide again (--dirty): its last document stands.
        (site / "pagefind" / "pagefind-entry.json").unlink()
        index.start([SearchPage("guide/index.html", None)], site, directory_urls=True)
        wait_for(lambda: (site / "pagefind" / "pagefind-entry.json").is_file())
        assert "Coffee chats" in indexed_pages(site)["guide/"]["content"]
        (site / "pagefind" / "pagefind-entry.json").unlink()
        home = SearchPage("index.html", document("Home", "<p>Welcome</p>", {}, "en"))
        index.start([home], site, directory_urls=True)  # ...and then the guide page was deleted
        wait_for(lambda: (site / "pagefind" / "pagefind-entry.json").is_file())
        assert set(indexed_pages(site)) == {""}
    finally:
        index.close()


def test_a_big_index_is_written_in_parts_each_page_in_one_and_the_bundle_lists_them(tmp_path):
    site = tmp_path / "site"
    pages = [SearchPage(f"p{n}/index.html", document(f"Page {n}", f"<p>word{n}</p>", {}, "en")) for n in range(9)]
    index = BackgroundIndex(report=pytest.fail)
    try:
        index.start(pages, site, directory_urls=True, part_pages=3)
        wait_for(lambda: (site / "pagefind" / PARTS_FILE).is_file())
        parts = indexed_parts(site)
        assert sorted(url for urls in parts.values() for url in urls) == [f"p{n}/" for n in range(9)]
        assert len(parts) > 1 and "" in parts  # the bundle's own part, and others inside it
        listed = json.loads((site / "pagefind" / PARTS_FILE).read_text(encoding="utf-8"))["parts"]
        assert sorted(listed) == sorted(f"{part}/" for part in parts if part)
        assert all((site / "pagefind" / part / "pagefind-entry.json").is_file() for part in parts)
        # The handbook shrank below one part while no page was read again: every page is still found.
        (site / "pagefind" / PARTS_FILE).unlink()
        index.start([SearchPage(page.path, None) for page in pages], site, directory_urls=True, part_pages=100)
        wait_for(lambda: (site / "pagefind" / PARTS_FILE).is_file())
        assert {part: sorted(urls) for part, urls in indexed_parts(site).items()} == {"": [f"p{n}/" for n in range(9)]}
        assert json.loads((site / "pagefind" / PARTS_FILE).read_text(encoding="utf-8")) == {"parts": []}
    finally:
        index.close()


def test_a_part_size_below_one_page_is_refused_with_a_hint(handbook_copy, tmp_path):
    config = handbook_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    contacts_dir: contacts\n", "    contacts_dir: contacts\n    search_part_pages: 0\n", 1), encoding="utf-8")
    result = run_mkdocs(handbook_copy, "build", site=tmp_path / "site")
    printed = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in printed
    assert "search_part_pages is 0" in printed and "1 or more" in printed


def test_a_dirty_build_says_which_pages_search_leaves_out(handbook_copy, tmp_path):
    site = tmp_path / "site"
    assert run_mkdocs(handbook_copy, "build", site=site).returncode == 0
    again = run_mkdocs(handbook_copy, "build", "--dirty", site=site)  # the guide's files are older than their pages
    assert again.returncode == 0, again.stderr
    assert "mkdocs build --dirty did not read" in again.stderr and "search leaves them out" in again.stderr
    assert "contacts/jane-doe/" in indexed_pages(site)  # generated pages are always read again
