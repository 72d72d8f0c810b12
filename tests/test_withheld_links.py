"""Every way a guide page can write a link to a page the public build leaves out is caught
(tests/test_privacy.py builds a public site with all of them and scans every output file)."""

from __future__ import annotations

import pytest

from handbook.site.withheld import PRIVATE_PAGE, Withheld

WITHHELD = Withheld(("contacts/hidden-person/", "meetings/"), {"contacts/shared/index.md", "contacts/shared"},
                    site_url="https://example.org/handbook/")


@pytest.mark.parametrize("href", [
    "contacts/hidden-person/index.md", "contacts/hidden-person/", "./contacts/./hidden-person",
    "/contacts/hidden-person/", "/handbook/contacts/hidden-person/", "../contacts/hidden-person/",
    "../../../contacts/hidden-person/", "https://example.org/handbook/contacts/hidden-person/",
    "HTTPS://EXAMPLE.ORG/handbook/contacts/hidden-person/#notes", "//example.org/handbook/contacts/hidden-person",
    "https://example.org/contacts/hidden-person/", "http://elsewhere.example/contacts/hidden-person/",
    "%63ontacts/hidden%2Dperson/", "&#99;ontacts/hidden-person/", "..\\contacts\\hidden-person\\",
    "contacts/hidden-person?from=guide", "contacts/hidden-person/photo.png", "meetings/", "meetings/index.md",
])
def test_a_link_into_a_withheld_page_is_caught_however_it_is_written(href):
    assert WITHHELD.hides_link("", href)


@pytest.mark.parametrize("href", [
    "contacts/shared/", "/contacts/shared/index.md", "https://example.org/handbook/contacts/shared/",
    "mailto:hidden-person@example.org", "#contacts/hidden-person", "", "guide/why.md",
    "contacts/hidden-personal/",  # another page that merely starts the same way: MkDocs reports it if broken
])
def test_other_links_are_left_alone(href):
    assert not WITHHELD.hides_link("", href)


def test_raw_html_links_become_words_with_or_without_quotes():
    page = ('<p><a href=../contacts/hidden-person/>a mentor</a> <A HREF = "/contacts/hidden-person/" class=x>two</A> '
            "<a title='>' href='contacts/hidden-person/'>three</a> <a href=contacts/shared/>kept</a> "
            '<img src=../contacts/hidden-person/p.png alt=x> <a href="../contacts/hidden-person/">left open</p>')
    assert WITHHELD.unlink_html("people-i-met/", "people-i-met.md", page) == (
        "<p><span>a mentor</span> <span>two</span> <span>three</span> <a href=contacts/shared/>kept</a> "
        "<img alt=x> <a>left open</p>")


def test_a_link_whose_words_name_the_page_loses_them_too():
    page = ('<a href="https://example.org/handbook/contacts/hidden-person/">'
            "https://example.org/handbook/contacts/hidden-person/</a> "
            '<a href="../contacts/hidden-person/">Hidden-Person\'s page</a> <a href="../meetings/">my meetings</a>')
    assert WITHHELD.unlink_html("people-i-met/", "people-i-met.md", page) == (
        f"<span>{PRIVATE_PAGE}</span> <span>{PRIVATE_PAGE}</span> <span>my meetings</span>")


def test_the_nav_drops_withheld_entries_written_any_way():
    nav = [{"Guide": "guide/why.md"}, {"Hidden": "/contacts/hidden-person/"}, {"Meetings": ["meetings/index.md"]},
           {"Shared": "contacts/shared/index.md"}]
    assert WITHHELD.nav(nav) == [{"Guide": "guide/why.md"}, {"Shared": "contacts/shared/index.md"}]


def test_a_private_build_changes_nothing():
    page = '<a href="contacts/hidden-person/">x</a>'
    assert Withheld().unlink_html("a/", "a.md", page) == page
    assert not Withheld().hides_link("", "contacts/hidden-person/")
