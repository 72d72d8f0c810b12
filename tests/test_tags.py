"""Tags: every tag has a page of its people, cut into pages of paging.ROWS rows, and an index of all
tags that is cut the same way, so no tags page grows with the handbook. The public build lists
shared people only, and a tag of withheld people alone has no page."""

from __future__ import annotations

import posixpath
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import TODAY, copy_handbook, write_record
from handbook.identity import TAG_SLUG_LENGTH, name_key, tag_slug
from handbook.pipeline import build
from handbook.render import RenderOptions, paging, urls

PRIVATE = RenderOptions(today=TODAY)
PUBLIC = RenderOptions(profile="public", today=TODAY)
PEOPLE = 300  # "a few hundred": more than one page of a tag's people
BOUND = 100_000  # bytes of a tags page's source; the site's chrome adds about 30 KB
ROW = re.compile(r'<tr><td><a href="([^"]+)">')


def add_person(root, n: int, tags: list[str], share: bool = False) -> str:
    slug = f"person-{n:03d}"
    write_record(root / "contacts" / "people" / f"{slug}.md", {
        "name": f"Person {n:03d} Longfamilyname", "company": f"Company Number {n % 40} Incorporated",
        "role": "Senior Data Analyst, Population Health", "tags": tags, "status": "met", "share": share})
    return slug


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """300 people share the tag "everyone", each also has a tag of their own (301 tags), and every
    third is shared; "secret-club" belongs only to people who are not."""
    root = copy_handbook(tmp_path_factory.mktemp("tags") / "handbook", with_examples=False)
    for n in range(PEOPLE):
        add_person(root, n, ["everyone", f"own-{n:03d}"] + (["secret-club"] if n % 3 else []), share=n % 3 == 0)
    return root


@pytest.fixture(scope="module")
def private(many):
    built = build(many / "contacts", PRIVATE, many)
    assert [p for p in built.problems if p.is_error] == []
    return built


def tag_sources(pages: dict[str, str]) -> dict[str, str]:
    return {src: text for src, text in pages.items() if src.startswith(urls.TAGS_FOLDER + "/")}


def resolved(src: str, href: str) -> str:
    """Where a link on the page made from ``src`` leads, as a site path without its last slash."""
    return posixpath.normpath(posixpath.join(urls.page_url(src), href))


def pages_of(pages: dict[str, str], folder: str) -> list[str]:
    """A list's pages in order: page 1 at the folder's index, then _pages/2, _pages/3..."""
    numbered = sorted((src for src in pages if src.startswith(f"{folder}/_pages/")),
                      key=lambda src: int(src.rsplit("/", 1)[1][:-3]))
    return [f"{folder}/index.md", *numbered]


def test_spellings_of_one_tag_share_an_address_and_tags_a_slug_would_mix_up_do_not():
    assert tag_slug("Data Science") == tag_slug("data_science") == tag_slug("data-science") == "data-science"
    assert tag_slug("Zoë") == tag_slug("zoe") == "zoe"
    mixed = {tag: tag_slug(tag) for tag in ("C", "C++", "C#", "c sharp", "a&b", "a-b", "🙂", "☕")}
    assert len(set(mixed.values())) == len(mixed), mixed
    assert mixed["C"] == "c" and mixed["C++"].startswith("c--") and mixed["🙂"].startswith("tag--")
    assert tag_slug("c++") == mixed["C++"]  # case aside, still the same tag
    long_a, long_b = "x" * 70 + "a", "x" * 70 + "b"
    assert tag_slug(long_a) != tag_slug(long_b)


@given(st.text(max_size=200))
def test_a_tag_address_is_a_short_plain_folder_name(tag):
    slug = tag_slug(tag)
    assert re.fullmatch(r"[a-z0-9]+(--?[a-z0-9]+)*", slug), slug  # never "_pages", never empty
    assert len(slug) <= TAG_SLUG_LENGTH + 10


SPELLINGS = st.text(alphabet="aAbé-_ +#", max_size=5)  # few letters: pairs that slug alike are common


@given(SPELLINGS, SPELLINGS)
def test_two_tags_share_an_address_only_when_spelled_alike(first, second):
    def spelled(tag: str) -> str:  # case, accents and the gaps between words aside
        return re.sub(r"[\s_-]+", "-", name_key(tag)).strip("-")

    assert (tag_slug(first) == tag_slug(second)) == (spelled(first) == spelled(second)), (first, second)


def test_the_tags_index_and_every_tag_page_stay_small_and_list_everyone_once(private):
    pages = tag_sources(private.pages)
    largest = max(pages, key=lambda src: len(pages[src].encode("utf-8")))
    assert len(pages[largest].encode("utf-8")) <= BOUND, largest
    index = pages_of(pages, urls.TAGS_FOLDER)
    assert len(index) == 2  # 302 tags, 250 a page
    listed = [name for src in index for name in re.findall(r'class="hb-tag" href="[^"]+">([^<]+)</a>', pages[src])]
    assert len(listed) == PEOPLE + 2 and len(set(listed)) == len(listed)
    assert "<td>300</td>" in pages[urls.TAGS_SRC]  # "everyone", with its count
    everyone = pages_of(pages, urls.tag_folder("everyone"))
    assert len(everyone) == 2 and f"Rows {paging.ROWS + 1}–{PEOPLE} of {PEOPLE}" in pages[everyone[1]]
    people = [resolved(src, href) for src in everyone for href in ROW.findall(pages[src])]
    assert sorted(people) == sorted(f"contacts/{slug}" for slug in private.handbook.contacts)


def test_each_tag_on_a_persons_page_links_to_a_page_that_lists_them(private):
    pages = private.pages
    for slug in ("person-000", "person-001", "person-299"):
        src = urls.contact_src(slug)
        links = re.findall(r'<a class="hb-tag" href="([^"]+)">([^<]+)</a>', pages[src])
        assert [name for _, name in links] == list(private.handbook.contacts[slug].tags)
        for href, _ in links:
            folder = resolved(src, href)
            listed = [resolved(p, row) for p in pages_of(pages, folder) for row in ROW.findall(pages[p])]
            assert f"contacts/{slug}" in listed, (slug, href)


def test_meetings_carry_no_tags_of_their_own_but_link_their_peoples_tags(tmp_path):
    root = copy_handbook(tmp_path / "handbook")
    built = build(root / "contacts", PRIVATE, root)
    meetings = {src: text for src, text in built.pages.items() if src.startswith(urls.MEETINGS_FOLDER) and src.count("/") == 2}
    assert meetings
    for src, text in meetings.items():
        frontmatter = text.split("\n---\n", 1)[0]
        assert "\ntags:" not in frontmatter, src
    jane = next(text for text in meetings.values() if 'href="../../contacts/jane-doe/"' in text)
    assert '<a class="hb-tag" href="../../tags/healthcare/">healthcare</a>' in jane
    assert "Jane Doe" in built.pages[urls.tag_src("healthcare")]


def test_spellings_of_one_tag_are_one_page_that_names_them_all(tmp_path):
    root = copy_handbook(tmp_path / "handbook", with_examples=False)
    add_person(root, 1, ["Data Science"])
    add_person(root, 2, ["data-science", "C++"])
    add_person(root, 3, ["data-science", "C#", "data science"])  # one person, one tag, however often
    pages = tag_sources(build(root / "contacts", PRIVATE, root).pages)
    page = pages[urls.tag_src("data-science")]
    assert 'title: "Tag: data-science"' in page  # the spelling most people use
    assert "3 people tagged" in page and len(ROW.findall(page)) == 3
    assert '<span class="hb-tag">Data Science</span>' in page and '<span class="hb-tag">data science</span>' in page
    plus, sharp = (pages[urls.tag_page(tag)] for tag in ("C++", "C#"))
    assert plus != sharp and "person-002" in plus and "person-003" in sharp


def test_the_public_tags_pages_list_shared_people_and_no_tag_of_withheld_people_alone(many):
    public = build(many / "contacts", PUBLIC, many)
    pages = tag_sources(public.pages)
    shared = {f"person-{n:03d}" for n in range(0, PEOPLE, 3)}
    everyone = pages_of(pages, urls.tag_folder("everyone"))
    listed = {href.rstrip("/").rsplit("/", 1)[1] for src in everyone for href in ROW.findall(pages[src])}
    assert listed == shared
    text = "".join(pages.values())
    assert "secret-club" not in text and "secret-club" not in "".join(public.pages)
    withheld = [f"own-{n:03d}" for n in range(PEOPLE) if n % 3]
    assert not any(tag in text or urls.tag_src(tag) in public.pages for tag in withheld)
    assert urls.tag_src("own-000") in public.pages
    assert "<th>Status</th>" not in text and "hb-status" not in text  # the user's own tracking


def test_tags_pages_stay_out_of_search(private):
    pages = tag_sources(private.pages)
    assert len(pages) > PEOPLE
    assert all('\nsearch: {"exclude": true}\n' in text.split("\n---\n", 1)[0] for text in pages.values())


def test_serve_makes_a_tags_page_again_only_when_what_it_shows_changed(handbook_copy):
    from handbook import pipeline
    from handbook.render.reuse import Reuse, reusing

    reuse = Reuse()
    pipeline.build(handbook_copy / "contacts", PRIVATE, handbook_copy, reuse=reuse)

    def made_after(edit) -> set[str]:
        edit(handbook_copy / "contacts" / "people" / "jane-doe.md")
        with reusing(reuse):  # the block keeps this build's list of pages made until the end
            pipeline.start(handbook_copy / "contacts", PRIVATE, handbook_copy).finish()
            return {src for src in reuse.made_pages if src.startswith(urls.TAGS_FOLDER + "/")}

    def replace(old: str, new: str):
        return lambda path: path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    assert made_after(lambda path: path.open("a", encoding="utf-8").write("Met her dog.\n")) == set()
    jane = {urls.tag_src(tag) for tag in ("example", "healthcare", "analytics")}
    assert made_after(replace("role: Data Analyst", "role: Head of Data")) == jane
    dropped = made_after(replace("tags: [example, healthcare, analytics]", "tags: [example, healthcare]"))
    assert dropped == {urls.TAGS_SRC, urls.tag_src("analytics")}  # a count changed, and who has the tag
