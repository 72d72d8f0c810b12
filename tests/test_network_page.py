"""The /network/ page (its referral tree on pages of paging.ROWS people), each contact's two-hop neighbourhood
and the contacts index, as page sources."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser

import pytest
import yaml

from handbook import pipeline
from handbook.render import RenderOptions, paging, urls
from handbook.render.network import DIAGRAM_LIMIT

from conftest import FIXTURE, TODAY, copy_handbook, person, write

NETWORK = "network/index.md"
ROWS = 10  # paging.ROWS in the tests of a tree on several pages
EXAMPLE_NAMES = ["Elena García", "Jane Doe", "Lina Park", "Marcus Okafor", "Priya Raman", "Sam Lee", "Tomáš Novák"]


def pages(root, profile="private") -> dict[str, str]:
    return pipeline.build(root / "contacts", RenderOptions(profile=profile, today=TODAY), root).pages


def tree_of(page: str) -> str:
    return page[page.index('<ul class="hb-tree">'):]


def diagram_of(page: str) -> str:
    return page[page.index("<svg"):page.index("</svg>")]


def test_every_example_person_is_in_the_diagram_and_the_tree_once():
    page = pages(FIXTURE)[NETWORK]
    tree, diagram = tree_of(page), diagram_of(page)
    for name in EXAMPLE_NAMES:
        assert tree.count(f">{name}</a>") == 1, name
        assert diagram.count(f">{name}</text>") == 1, name
    assert diagram.count("<path ") == 3  # Sam -> Jane -> Marcus and Priya


def test_the_tree_nests_people_under_whoever_referred_them():
    tree = tree_of(pages(FIXTURE)[NETWORK])
    sam, jane, marcus, tomas = (tree.index(f">{n}</a>") for n in ("Sam Lee", "Jane Doe", "Marcus Okafor", "Tomáš Novák"))
    assert sam < jane < marcus < tomas
    between = tree[sam:jane]
    assert "<ul>" in between and "</ul>" not in between
    assert tree.count("<ul") == tree.count("</ul>") and tree.count("<li") == tree.count("</li>")


def test_a_big_network_keeps_the_tree_and_skips_the_diagram(empty_handbook):
    people = empty_handbook / "contacts" / "people"
    for n in range(DIAGRAM_LIMIT + 1):  # everyone after the first was referred by someone earlier
        write(people / f"p{n:03d}.md", person(f"Person {n:03d}", **({"referred_by": f"p{n // 3:03d}"} if n else {})))
    page = pages(empty_handbook)[NETWORK]
    assert "<svg" not in page
    assert f"{DIAGRAM_LIMIT + 1} people, more than the {DIAGRAM_LIMIT}" in page
    assert len(re.findall(r'<li id="net-p\d{3}">', page)) == DIAGRAM_LIMIT + 1


def test_names_are_escaped_in_the_diagram_and_the_tree(empty_handbook):
    people = empty_handbook / "contacts" / "people"
    write(people / "boss.md", person("'<script>alert(1)</script>'"))
    write(people / "ann.md", person("Ann & <b>Co</b>", referred_by="boss"))
    page = pages(empty_handbook)[NETWORK]
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in diagram_of(page)
    assert "Ann &amp; &lt;b&gt;Co&lt;/b&gt;" in tree_of(page)


def test_a_referral_cycle_still_renders_everyone(empty_handbook):
    people = empty_handbook / "contacts" / "people"
    for slug, ref in (("ann", "cy"), ("bo", "ann"), ("cy", "bo")):
        write(people / f"{slug}.md", person(slug.title(), referred_by=ref))
    page = pages(empty_handbook)[NETWORK]
    assert [n for n in ("Ann", "Bo", "Cy") if tree_of(page).count(f">{n}</a>") == 1] == ["Ann", "Bo", "Cy"]


def test_the_public_network_shows_only_shared_people():
    page = pages(FIXTURE, profile="public")[NETWORK]
    for name in ("Elena García", "Jane Doe", "Sam Lee"):
        assert f">{name}</a>" in page
    for name in ("Lina", "Marcus", "Priya", "Tomáš", "lina-park", "marcus-okafor", "priya-raman", "tomas-novak"):
        assert name not in page
    assert "introduced 1" in page  # Sam introduced Jane, and both are shared


def test_a_contact_page_shows_two_hops_each_way():
    built = pages(FIXTURE)
    marcus = built["contacts/marcus-okafor/index.md"]
    assert re.search(r"Referred by</dt><dd[^>]*><a [^>]*>Jane Doe</a>, whom <a [^>]*>Sam Lee</a> introduced", marcus)
    sam = built["contacts/sam-lee/index.md"]
    assert re.search(r"<li><a [^>]*>Jane Doe</a>, who introduced me to <a [^>]*>Marcus Okafor</a>, "
                     r"<a [^>]*>Priya Raman</a></li>", sam)
    assert 'href="../../network/#net-sam-lee"' in sam
    assert "Referred by" not in built["contacts/lina-park/index.md"]


def test_the_contacts_index_rows_carry_what_the_filters_and_sorting_need():
    index = pages(FIXTURE)["contacts/index.md"]
    jane = re.search(r'<tr data-search="Jane Doe Acme Health[^"]*"[^>]*>', index).group(0)
    assert 'data-status="keep-in-touch"' in jane and 'data-rank="4"' in jane
    assert 'data-last-met="2026-10-02"' in jane and 'data-next-touch="2026-12-31"' in jane
    assert "data-tags='[\"example\", \"healthcare\", \"analytics\"]'" in jane
    assert '<option value="keep-in-touch">' in index and "data-hb-filter hidden" in index


def test_the_public_contacts_index_has_no_status_or_dates():
    index = pages(FIXTURE, profile="public")["contacts/index.md"]
    assert "data-status" not in index and "data-next-touch" not in index and "data-hb-filter-status" not in index
    assert "data-hb-filter-tag" in index and "Jane Doe" in index


# A handbook of 3 x ROWS people in five trees, ROWS = 10: A (6 people) fills page 1 alone, as B (7)
# would not fit beside it; B and C (3) fill page 2; D (13: a chain of eleven, and d11 -> d12 under
# its root) fills page 3 and goes on to page 4, which E (alone) shares. Everyone is shared but B's
# six, so the public build makes other pages: A, B's root and C, then D over two pages with E.
TREES = {
    "a": {"a01": "a00", "a02": "a00", "a03": "a01", "a04": "a01", "a05": "a02"},
    "b": {f"b0{n}": "b00" for n in range(1, 7)},
    "c": {"c01": "c00", "c02": "c01"},
    "d": {**{f"d{n:02d}": f"d{n - 1:02d}" for n in range(1, 11)}, "d11": "d00", "d12": "d11"},
    "e": {},
}
WITHHELD = {f"b0{n}" for n in range(1, 7)}


def add_trees(root, trees: dict[str, dict[str, str]]) -> list[str]:
    slugs = []
    for tree, referrers in trees.items():
        for slug in [f"{tree}00", *referrers]:
            fields = {"referred_by": referrers[slug]} if slug in referrers else {}
            text = person(f"Tree {tree.upper()} Person {slug[1:]}", share=str(slug not in WITHHELD).lower(), **fields)
            write(root / "contacts" / "people" / f"{slug}.md", text)
            slugs.append(slug)
    return slugs


@pytest.fixture(scope="module")
def forest(tmp_path_factory):
    root = copy_handbook(tmp_path_factory.mktemp("forest") / "handbook", with_examples=False)
    assert len(add_trees(root, TREES)) == 3 * ROWS
    return root


@pytest.fixture
def rows(monkeypatch):
    monkeypatch.setattr(paging, "ROWS", ROWS)


def network_pages(built: dict[str, str]) -> list[str]:
    """The network page's sources in order: page 1, then _pages/2, _pages/3..."""
    more = sorted((src for src in built if src.startswith(f"{urls.NETWORK_FOLDER}/_pages/")),
                  key=lambda src: int(src.rsplit("/", 1)[1][:-3]))
    assert len(more) == len([src for src in built if src.startswith(f"{urls.NETWORK_FOLDER}/")]) - 1
    return [NETWORK, *more]


def anchors(page: str) -> list[str]:
    return re.findall(r'<li id="net-([^"]+)">', page)


class Tree(HTMLParser):
    """Each entry of a page's referral tree: (nesting depth, its id or class, the name it shows)."""

    def __init__(self, page: str):
        super().__init__()
        self.depth, self.entries, self._open = -1, [], None
        self.feed(tree_of(page))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ul":
            self.depth += 1
        elif tag == "li":
            self._open = [self.depth, attrs.get("id") or attrs.get("class"), None]
            self.entries.append(self._open)
        elif tag == "a" and self._open and self._open[2] is None:
            self._open[2] = ""

    def handle_data(self, data):
        if self._open and self._open[2] == "":
            self._open[2] = data

    def handle_endtag(self, tag):
        if tag == "ul":
            self.depth -= 1
        elif tag == "a":
            self._open = None


def resolves(src: str, href: str, built: dict[str, str]) -> tuple[str, str]:
    """The page source a link on ``src`` leads to, and its anchor."""
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(urls.page_url(src), path))
    [found] = [s for s in built if urls.page_url(s).rstrip("/") == target]
    return found, anchor


def test_the_tree_goes_onto_pages_that_list_everyone_exactly_once(forest, rows):
    built = pages(forest)
    network = network_pages(built)
    assert len(network) == 4
    listed = [slug for src in network for slug in anchors(built[src])]
    assert sorted(listed) == sorted(slug for tree, kids in TREES.items() for slug in [f"{tree}00", *kids])
    assert all(len(anchors(built[src])) <= ROWS for src in network)


def test_a_tree_that_fits_on_a_page_is_not_split(forest, rows):
    built = pages(forest)
    on = {slug: n for n, src in enumerate(network_pages(built), start=1) for slug in anchors(built[src])}
    for tree in "abce":
        assert len({on[slug] for slug in [f"{tree}00", *TREES[tree]]}) == 1, tree
    assert (on["a00"], on["b00"], on["c00"], on["e00"]) == (1, 2, 2, 4)  # B waits for page 2 rather than split
    assert {on[slug] for slug in ["d00", *TREES["d"]]} == {3, 4}


def test_a_tree_bigger_than_a_page_goes_on_under_the_people_above_it(forest, rows):
    built = pages(forest)
    third, fourth = network_pages(built)[2:]
    assert [entry[1] for entry in Tree(built[third]).entries] == [f"net-d{n:02d}" for n in range(10)]
    # Page 4 repeats D's root and d09, whom its rows hang from; "…" stands for d01 to d08.
    assert Tree(built[fourth]).entries == [
        [0, "hb-tree__above", "Tree D Person 00"], [1, "hb-tree__above", "Tree D Person 09"],
        [2, "net-d10", "Tree D Person 10"], [1, "net-d11", "Tree D Person 11"], [2, "net-d12", "Tree D Person 12"],
        [0, "net-e00", "Tree E Person 00"]]
    above = re.findall(r'<li class="hb-tree__above">(.*)', built[fourth])
    assert "…" not in above[0] and "…" in above[1]
    for line, slug in zip(above, ("d00", "d09")):
        href = re.search(r'<a class="hb-tree__page" href="([^"]+)">continued from page 3</a>', line).group(1)
        assert resolves(fourth, href, built) == (third, f"net-{slug}")
    tree = tree_of(built[fourth])
    assert tree.count("<ul") == tree.count("</ul>") and tree.count("<li") == tree.count("</li>")


@pytest.mark.parametrize("profile", ["private", "public"])
def test_each_contact_page_links_to_the_network_page_holding_that_person(forest, rows, profile):
    built = pages(forest, profile)
    network = network_pages(built)
    assert len(network) == (4 if profile == "private" else 3)
    shown = [slug for tree, kids in TREES.items() for slug in [f"{tree}00", *kids]
             if profile == "private" or slug not in WITHHELD]
    assert sorted(slug for src in network for slug in anchors(built[src])) == sorted(shown)
    if profile == "public":
        assert not any(slug in built[src] for src in network for slug in WITHHELD)
    linked = {}
    for slug in shown:
        src = urls.contact_src(slug)
        link = re.search(r'<a href="([^"]+)">See [^<]+ in your network</a>', built[src])
        if slug == "e00" or (profile == "public" and slug == "b00"):
            assert link is None  # nobody referred them, and they referred nobody shown
            continue
        target, anchor = resolves(src, link.group(1), built)
        assert f'<li id="{anchor}">' in built[target] and anchor == f"net-{slug}"
        linked[slug] = network.index(target) + 1
    assert linked["a00"] == 1 and linked["d10"] == len(network)
    assert set(linked.values()) == set(range(1, len(network) + 1))


def chain(root, people: int) -> None:
    """One chain of introductions: p000 introduced p001, who introduced p002..."""
    for n in range(people):
        write(root / "contacts" / "people" / f"p{n:03d}.md",
              person(f"Person {n:03d}", **({"referred_by": f"p{n - 1:03d}"} if n else {})))


def test_network_pages_stay_the_same_size_however_long_the_chain_above_them(tmp_path, rows):
    largest = {}
    for people in (3 * ROWS, 6 * ROWS):
        root = copy_handbook(tmp_path / str(people), with_examples=False)
        chain(root, people)
        built = pages(root)
        network = network_pages(built)
        assert len(network) == people // ROWS
        # Each page after the first repeats only p000 and the last person of the page before.
        assert all(built[src].count("<li") <= ROWS + 2 for src in network)
        trees = [tree_of(built[src]) for src in network]
        largest[people] = max(len(tree[:tree.rindex("</ul>")].encode()) for tree in trees)
    assert largest[6 * ROWS] <= 1.05 * largest[3 * ROWS], largest


def test_a_small_handbook_has_one_network_page_and_no_pager():
    built = pages(FIXTURE)
    assert network_pages(built) == [NETWORK]
    assert "hb-pager" not in built[NETWORK] and "hb-tree__above" not in built[NETWORK]
    assert len(anchors(built[NETWORK])) == len(EXAMPLE_NAMES)


def test_pages_after_the_first_are_titled_left_out_of_search_and_hold_no_summary(forest, rows):
    built = pages(forest)
    first, *more = network_pages(built)
    assert "hb-network-summary" in built[first] and "<svg" in built[first]
    for number, src in enumerate(more, start=2):
        head = yaml.safe_load(built[src].split("\n---\n", 1)[0].removeprefix("---\n"))
        assert head["title"] == f"Network, page {number}" and head["search"] == {"exclude": True}
        assert "hb-network-summary" not in built[src] and "<svg" not in built[src]
        assert f'aria-current="page">{number}<' in built[src]


def test_serve_makes_again_only_the_network_pages_that_show_an_edited_person(tmp_path, rows):
    from handbook.render.reuse import Reuse, reusing

    root = copy_handbook(tmp_path / "handbook", with_examples=False)
    add_trees(root, TREES)
    options = RenderOptions(today=TODAY)
    reuse = Reuse()
    pipeline.build(root / "contacts", options, root, reuse=reuse)

    def made_after(text: str) -> set[str]:
        write(root / "contacts" / "people" / "d11.md", text)
        with reusing(reuse):  # the block keeps this build's list of pages made until the end
            pipeline.start(root / "contacts", options, root).finish()
            return {src for src in reuse.made_pages if src.startswith(f"{urls.NETWORK_FOLDER}/")}

    d11 = person("Tree D Person 11", share="true", referred_by="d00")
    assert made_after(d11) == set()
    assert made_after(d11 + "A note.\n") == {"network/_pages/4.md"}  # the page that lists d11
    assert made_after(d11.replace("Person 11", "Person 11b")) == {NETWORK, "network/_pages/4.md"}  # and the diagram
