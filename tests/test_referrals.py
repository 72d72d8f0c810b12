"""The referral graph: who introduced whom, built from `referred_by` on a handcrafted Handbook."""

from __future__ import annotations

import signal

import pytest

from handbook.book import Handbook
from handbook.derive.referrals import referral_graph
from handbook.model import Contact, Source


def people(**referred_by: str | None) -> Handbook:
    """A Handbook of people named after their slug ("ann" is "Ann"), referred as given."""
    contacts = {slug: Contact.model_construct(name=slug.replace("-", " ").title(), slug=slug, referred_by=ref,
                                              status="met", tags=[], source=Source(path=f"people/{slug}.md"))
                for slug, ref in referred_by.items()}
    return Handbook(contacts=contacts).index()


@pytest.fixture
def family():
    #  ann -> bea -> dan, eve       cyd (alone)
    #      -> ben -> fay
    return referral_graph(people(ann=None, ben="ann", bea="ann", cyd=None, dan="bea", eve="bea", fay="ben"))


@pytest.fixture(autouse=True)
def no_hang():
    # A walk that loops forever fails the test instead of freezing the run.
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("the referral graph did not finish"))
    signal.alarm(10)
    yield
    signal.alarm(0)


def test_roots_are_the_people_nobody_referred_in_name_order(family):
    assert family.roots == ("ann", "cyd")


def test_children_are_sorted_by_name_whatever_the_file_order():
    graph = referral_graph(people(zed="ann", ann=None, bob="ann", Amy="ann"))
    assert graph.referred("ann") == ("Amy", "bob", "zed")  # case-insensitive by name


def test_namesakes_are_ordered_by_slug():
    graph = referral_graph(Handbook(contacts={
        slug: Contact.model_construct(name="Sam Lee" if slug != "root" else "Root", slug=slug,
                                      referred_by=None if slug == "root" else "root", tags=[], source=Source(path="x"))
        for slug in ("sam-lee-2", "root", "sam-lee")}).index())
    assert graph.referred("root") == ("sam-lee", "sam-lee-2")


def test_the_tree_holds_everyone_once_depth_first(family):
    assert [(n.slug, n.depth) for n in family.in_order()] == [
        ("ann", 0), ("bea", 1), ("dan", 2), ("eve", 2), ("ben", 1), ("fay", 2), ("cyd", 0)]


def test_two_hop_neighbourhood_up_and_down(family):
    dan = family.neighbourhood("dan")
    assert dan.up == ("bea", "ann") and dan.down == ()
    ann = family.neighbourhood("ann")
    assert ann.up == ()
    assert [(n.slug, [c.slug for c in n.children]) for n in ann.down] == [("bea", ["dan", "eve"]), ("ben", ["fay"])]
    assert family.neighbourhood("cyd").empty


def test_the_neighbourhood_stops_after_two_hops():
    graph = referral_graph(people(a=None, b="a", c="b", d="c", e="d"))
    assert graph.neighbourhood("e").up == ("d", "c")
    [child] = graph.neighbourhood("a").down
    assert child.slug == "b" and [g.slug for g in child.children] == ["c"] and child.children[0].children == ()


def test_a_cycle_does_not_hang_and_everyone_is_still_in_the_tree():
    # x -> y -> z -> x, and w was referred by z: nobody in the loop has a root above them.
    graph = referral_graph(people(x="z", y="x", z="y", w="z", solo=None))
    assert graph.roots == ("solo", "x")  # w hangs from the loop, so it stays under z
    assert [(n.slug, n.depth) for n in graph.in_order()] == [("solo", 0), ("x", 0), ("y", 1), ("z", 2), ("w", 3)]
    assert graph.neighbourhood("x").up == ("z", "y")
    assert graph.neighbourhood("x").down == ()  # y and z are shown above, so not again below
    assert [n.slug for n in graph.neighbourhood("z").down] == ["w"]


def test_a_two_person_cycle_enters_at_the_first_name():
    graph = referral_graph(people(bo="al", al="bo"))
    assert graph.roots == ("al",)
    assert [(n.slug, n.depth) for n in graph.in_order()] == [("al", 0), ("bo", 1)]
    assert graph.neighbourhood("al").up == ("bo",) and graph.neighbourhood("al").down == ()


def test_self_and_unknown_referrers_are_ignored():
    graph = referral_graph(people(me="me", ghost_kid="nobody", real=None))
    assert graph.referrer == {}
    assert graph.roots == ("ghost_kid", "me", "real")


def test_a_very_long_chain_does_not_hit_the_recursion_limit():
    chain = {f"p{n:04d}": (f"p{n - 1:04d}" if n else None) for n in range(3000)}
    graph = referral_graph(people(**chain))
    nodes = graph.in_order()
    assert len(nodes) == 3000 and nodes[-1].depth == 2999


def test_top_referrers_rank_by_count_then_name(family):
    assert family.top_referrers() == [("ann", 2), ("bea", 2), ("ben", 1)]
    assert family.top_referrers(1) == [("ann", 2)]
