"""A 200-page synthetic handbook: it builds strictly, keeps the nav compact, exports the very pages the
plugin adds, and keeps boilerplate out of the search index. Nothing here is timed: see handbook.bench."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from conftest import TODAY, copy_handbook, run_mkdocs
from handbook_cli import handbook as run_handbook
from handbook_cli import snapshot
from search_index import indexed_pages

from handbook.bench.runner import write_configs
from handbook.bench.synthetic import Size, generate
from handbook.book import load_handbook
from handbook.page_export import docs_dir, outputs, render_options
from handbook.pipeline import build

SIZE = Size(50, 150)


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory) -> Path:
    root = copy_handbook(tmp_path_factory.mktemp("scale") / "handbook", with_examples=False)
    generate(root / "contacts", SIZE, today=TODAY, seed=0)
    return root


@pytest.fixture(scope="session")
def site(synthetic) -> Path:
    result = run_mkdocs(synthetic, "build", "--strict", site=synthetic / "site")
    assert result.returncode == 0, result.stderr
    return synthetic / "site"


class NavLinks(HTMLParser):
    """Every href inside an element whose class includes md-nav."""

    def __init__(self):
        super().__init__()
        self.open: list[bool] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        inside = bool(self.open and self.open[-1]) or "md-nav" in (attrs.get("class") or "").split()
        if tag == "a" and inside and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if tag not in ("a", "input", "img", "br", "link", "meta", "path", "use"):
            self.open.append(inside)

    def handle_endtag(self, tag):
        if tag not in ("a", "input", "img", "br", "link", "meta", "path", "use") and self.open:
            self.open.pop()


def test_the_generator_is_deterministic(tmp_path):
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        generate(tmp_path / name / "contacts", Size(12, 30), today=TODAY, seed=seed)
    first, second, other = (snapshot(tmp_path / name) for name in "abc")
    assert first == second
    assert len(first) == 42 and first != other


def test_the_generated_data_is_valid_and_realistic(synthetic):
    handbook, problems = load_handbook(synthetic / "contacts", synthetic)
    assert [p for p in problems if p.is_error] == []
    assert (len(handbook.contacts), len(handbook.meetings)) == (SIZE.people, SIZE.meetings)
    meetings = list(handbook.meetings.values())
    assert all(3 <= len(m.question_ids) <= 8 for m in meetings)
    done = [m for m in meetings if m.status == "done"]
    assert done and all(50 <= len(m.notes.split()) <= 300 for m in done)
    assert any(c.referred_by for c in handbook.contacts.values())
    assert any(c.touches for c in handbook.contacts.values()) and any(m.follow_ups for m in meetings)


def test_a_200_page_handbook_builds_strictly_with_a_page_per_person_and_meeting(site, synthetic):
    handbook, _ = load_handbook(synthetic / "contacts", synthetic)
    assert all((site / "contacts" / slug / "index.html").is_file() for slug in handbook.contacts)
    assert all((site / "meetings" / slug / "index.html").is_file() for slug in handbook.meetings)


def test_no_contact_or_meeting_page_is_listed_in_any_nav(site):
    detail = re.compile(r"(?:^|/)(?:contacts|meetings)/[^/#?]+/")
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > SIZE.pages
    for page in pages:
        parser = NavLinks()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.hrefs, page  # the nav itself is there
        listed = [href for href in parser.hrefs if detail.search(href)]
        assert listed == [], f"{page.relative_to(site)} lists {listed[:3]} in its nav"


def test_search_keeps_names_companies_roles_tags_questions_and_notes(site, synthetic):
    handbook, _ = load_handbook(synthetic / "contacts", synthetic)
    pages = indexed_pages(site)
    person = next(c for c in handbook.contacts.values() if c.notes and c.role and c.company and c.tags)
    text = pages[f"contacts/{person.slug}/"]["content"]
    assert person.name in text and person.company in text and person.role in text
    assert all(tag in text.split() for tag in person.tags)
    assert " ".join(person.notes.split()[:8]) in text
    meeting = next(m for m in handbook.meetings.values() if m.notes and m.goal)
    text = pages[f"meetings/{meeting.slug}/"]["content"]
    assert meeting.goal in text and " ".join(meeting.notes.split()[:8]) in text
    bank = pages["questions/"]["content"]
    assert all(handbook.bank.questions[q].text in bank for q in meeting.question_ids)


def test_search_leaves_out_labels_reminders_and_what_other_pages_repeat(site, synthetic):
    handbook, _ = load_handbook(synthetic / "contacts", synthetic)
    pages = indexed_pages(site)
    meeting = next(m for m in handbook.meetings.values() if not m.research and m.question_ids)
    text = pages[f"meetings/{meeting.slug}/"]["content"]
    for heading in ("Who", "When and where", "History", "Questions", "Research"):
        assert f"{heading}." not in text, heading  # Pagefind ends each heading with a full stop
    assert not any(handbook.bank.questions[q].text in text for q in meeting.question_ids)
    contact_text = " ".join(p["content"] for url, p in pages.items() if re.fullmatch(r"contacts/[^/]+/", url))
    for label in ("Keep in touch", "Next touch", "How we met", "Print prep sheet", "Arrive ten minutes early"):
        assert label not in contact_text
    assert not any(url.startswith(("calendar/", "tags/")) for url in pages)
    listing = " ".join(pages[url]["content"] for url in ("contacts/", "meetings/") if url in pages)
    assert not any(c.name in listing for c in handbook.contacts.values())


@pytest.fixture(scope="session")
def naive_site(synthetic) -> Path:
    """The same pages, exported and built by plain MkDocs with every search exclusion removed."""
    options = render_options(synthetic)
    built = build(synthetic / "contacts", options, synthetic)
    docs = synthetic / "plain-docs"
    for relative, data in outputs(built, docs_dir(synthetic)).items():
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        (docs / relative).write_bytes(data)
    for source in docs_dir(synthetic).rglob("*"):
        target = docs / source.relative_to(docs_dir(synthetic))
        if source.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    _, _, naive = write_configs(synthetic)
    result = run_mkdocs(synthetic, "build", "--strict", site=synthetic / "site-naive", config=naive.name)
    assert result.returncode == 0, result.stderr
    return synthetic / "site-naive"


def test_plain_mkdocs_builds_the_same_site_from_the_exported_pages(site, naive_site):
    ours, plain = snapshot(site), snapshot(naive_site)
    # The search index differs (the naive site indexes everything), and its files are named by content.
    assert {p for p in ours if not p.startswith("pagefind/")} == {p for p in plain if not p.startswith("pagefind/")}

    def page(folder: Path, path: str) -> str:
        # The exported pages are HTML: plain MkDocs shows them as they are, but builds no table of
        # contents from their headings (the plugin does), so the articles are what must match.
        text = re.sub(r" data-search-exclude\b", "", (folder / path).read_text(encoding="utf-8"))
        article = re.search(r"<article.*?</article>", text, re.S)
        assert article, path
        return re.sub(r">\s+<", "><", article.group())  # blank lines between blocks are Markdown's

    for path in sorted(p for p in ours if p.endswith(".html"))[::20]:
        assert page(site, path) == page(naive_site, path), path


def test_the_search_index_holds_little_more_than_half_of_a_naive_one(site, naive_site):
    # Words indexed, as plain text. Both keep every note of every person and meeting (most of the
    # words in this handbook); the naive one adds the lists, labels, dates and boxes left out here.
    ours, naive = (sum(len(p["content"]) for p in indexed_pages(folder).values()) for folder in (site, naive_site))
    assert ours <= 0.55 * naive, f"{ours:,} bytes against {naive:,} naive"


def test_export_pages_writes_exactly_what_the_plugin_adds(synthetic, tmp_path):
    dest = tmp_path / "pages"
    result = run_handbook(synthetic, "export-pages", str(dest))
    assert result.exit_code == 0, result.stderr
    options = render_options(synthetic)
    expected = outputs(build(synthetic / "contacts", options, synthetic), docs_dir(synthetic))
    written = {p.relative_to(dest).as_posix(): p.read_bytes() for p in dest.rglob("*") if p.is_file()}
    assert written == expected
    assert "contacts/index.md" in written and "index.md" in written and "follow-ups.ics" in written
    assert yaml.safe_load(written["contacts/index.md"].decode().split("---")[1])["title"] == "Contacts"


def test_export_pages_refuses_a_folder_that_is_not_empty(synthetic, tmp_path):
    dest = tmp_path / "pages"
    dest.mkdir()
    (dest / "mine.txt").write_text("keep me", encoding="utf-8")
    result = run_handbook(synthetic, "export-pages", str(dest))
    assert result.exit_code == 2 and "not empty" in result.stderr and "--force" in result.stderr
    assert snapshot(dest).keys() == {"mine.txt"}
    result = run_handbook(synthetic, "export-pages", str(dest), "--force")
    assert result.exit_code == 0 and (dest / "mine.txt").read_text(encoding="utf-8") == "keep me"
    assert (dest / "contacts/index.md").is_file()


@pytest.mark.parametrize("inside", ["contacts/pages", "content", "."])
def test_export_pages_never_writes_into_contacts_or_content(synthetic, inside):
    before = snapshot(synthetic / "contacts"), snapshot(synthetic / "content")
    result = run_handbook(synthetic, "export-pages", str(synthetic / inside), "--force")
    assert result.exit_code == 2 and "overlaps" in result.stderr
    assert (snapshot(synthetic / "contacts"), snapshot(synthetic / "content")) == before


@settings(max_examples=300, deadline=None)
@given(title=st.text(max_size=40), tags=st.lists(st.text(max_size=12), max_size=4))
@example(title='Ana "Q" <b> \u2028 line\x85 del\x7f: #1', tags=["\ufeffbom", "a: b", "- x"])
def test_page_frontmatter_reads_back_exactly_as_mkdocs_parses_it(title, tags):
    # page_meta writes JSON-form YAML for speed; MkDocs must read back the very values, escaped.
    from mkdocs.utils.meta import get_data

    from handbook.render.text import page_meta

    body, meta = get_data(page_meta(title=title, tags=tags, search={"exclude": True}) + "\nText\n")
    assert body == "Text\n"
    expected = {"title": html.escape(title, quote=False), "tags": [html.escape(t, quote=False) for t in tags],
                "search": {"exclude": True}}
    assert meta == {k: v for k, v in expected.items() if v not in ("", [])}


def test_relative_links_match_posixpath_for_site_paths():
    from handbook.render.urls import relative_url

    for here, there, link in (("contacts/jane/index.md", "meetings/m/index.md", "../../meetings/m/"),
                              ("index.md", "contacts/index.md", "contacts/"),
                              ("contacts/index.md", "contacts/jane/index.md", "jane/"),
                              ("calendar/index.md", "follow-ups.ics", "../follow-ups.ics")):
        assert relative_url(here, there) == link


def test_every_page_stays_within_its_bound(site):
    """The bounds `make bench` holds the real sizes to: a home page of at most 150 KB and a calendar
    of at most 400 KB, and no page at all over 400 KB (long lists go onto pages of their own)."""
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    assert sizes["index.html"] <= 150_000
    assert sizes["calendar/index.html"] <= 400_000
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] <= 400_000, largest
