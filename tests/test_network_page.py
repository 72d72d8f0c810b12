"""The /network/ page, each contact's two-hop neighbourhood and the contacts index, as page sources."""

from __future__ import annotations

import re

from handbook import pipeline
from handbook.render import RenderOptions
from handbook.render.network import DIAGRAM_LIMIT

from conftest import FIXTURE, TODAY, person, write

NETWORK = "network/index.md"
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
