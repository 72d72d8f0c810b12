"""The documents Pagefind reads (site/search_pages.py): one a page, as the page's content is drawn."""

from __future__ import annotations

from types import SimpleNamespace

from handbook.site.search_pages import SearchPage, search_pages, without_exclude_marks, write_documents


def page(dest: str, content: str | None, title: str = "Title", **meta):
    return SimpleNamespace(file=SimpleNamespace(dest_uri=dest), content=content, title=title, meta=meta)


def test_a_page_without_a_heading_gets_its_title_as_one_escaped():
    [found] = search_pages([page("a/index.html", "<p>Text</p>", title="Ana & <Bo>")], "en")
    assert '<html lang="en">' in found.document
    assert "<div data-pagefind-body>\n<h1>Ana &amp; &lt;Bo&gt;</h1>\n<p>Text</p>" in found.document
    [found] = search_pages([page("a/index.html", '<h1 id="a">Own</h1>')], "en")
    assert "<h1>Title</h1>" not in found.document


def test_the_frontmatters_search_settings_become_pagefinds_attributes():
    weighed, labelled, odd = search_pages([
        page("a/index.html", "<p>a</p>", search={"boost": 0.2}),
        page("b/index.html", "<p>b</p>", search={"kind": 'Person "x"'}),
        page("c/index.html", "<p>c</p>", search={"boost": True, "kind": ""}),
    ], "en")
    assert '<div data-pagefind-body data-pagefind-weight="0.2">' in weighed.document
    assert '<div data-pagefind-body data-pagefind-meta="kind:Person &quot;x&quot;">' in labelled.document
    assert "<div data-pagefind-body>" in odd.document  # a yes/no is no weight


def test_an_excluded_page_has_no_document_and_one_not_read_again_keeps_its_last():
    found = search_pages([page("cal/index.html", "<p>x</p>", search={"exclude": True}),
                          page("kept/index.html", None), page("odd/index.html", "<p>y</p>", search="yes")], "de")
    assert [(f.path, f.document is None) for f in found] == [("kept/index.html", True), ("odd/index.html", False)]
    assert '<html lang="de">' in found[1].document


def test_documents_are_written_kept_and_deleted_as_the_pages_are(tmp_path):
    written = write_documents(tmp_path, [SearchPage("a/index.html", "A1"), SearchPage("b/index.html", "B1")])
    written = write_documents(tmp_path, [SearchPage("a/index.html", None), SearchPage("c/index.html", "C1")], written)
    assert written == {"a/index.html": "", "c/index.html": ""}
    assert {p.relative_to(tmp_path).as_posix(): p.read_text() for p in tmp_path.rglob("*.html")} == {
        "a/index.html": "A1", "c/index.html": "C1"}


def test_a_document_not_written_again_follows_its_page_into_another_part(tmp_path):
    pages = [SearchPage("a/index.html", "A1"), SearchPage("b/index.html", "B1")]
    written = write_documents(tmp_path, pages, part=lambda path: "0")
    # The site grew into two parts: the unread page's last document moves, a read one is written anew.
    written = write_documents(tmp_path, [SearchPage("a/index.html", None), SearchPage("b/index.html", "B2")],
                              written, part=lambda path: "1")
    assert written == {"a/index.html": "1", "b/index.html": "1"}
    assert {p.relative_to(tmp_path).as_posix(): p.read_text() for p in tmp_path.rglob("*.html")} == {
        "1/a/index.html": "A1", "1/b/index.html": "B2"}


def test_the_marks_go_from_tags_and_stay_in_text_that_shows_them():
    shown = "<pre><code>&lt;div data-search-exclude&gt;</code></pre><p>data-search-exclude is an attribute</p>"
    content = ('<section class="a" data-search-exclude><h2 id="b" data-search-exclude>B</h2>'
               '<dd data-search-exclude="">c</dd><p data-search-exclude=\'yes\' title="d">e</p>'
               '<br data-search-exclude/><i data-search-excluded>f</i></section>' + shown)
    assert without_exclude_marks(content) == (
        '<section class="a"><h2 id="b">B</h2><dd>c</dd><p title="d">e</p><br/>'
        '<i data-search-excluded>f</i></section>' + shown)
    [found] = search_pages([page("a/index.html", content)], "en")
    assert without_exclude_marks(content) != content and content in found.document  # search reads the marks


def test_documents_are_written_in_the_order_of_their_paths_whatever_order_mkdocs_holds_them_in(tmp_path, monkeypatch):
    # Pagefind numbers pages as it finds them, and tmpfs lists files in the order they were made.
    from handbook.site import search_pages as module
    made = []
    real_open = open
    monkeypatch.setattr(module, "open", lambda path, *args, **kwargs: made.append(path.relative_to(tmp_path).as_posix())
                        or real_open(path, *args, **kwargs), raising=False)
    pages = search_pages([page("b/index.html", "<p>b</p>"), page("a/index.html", "<p>a</p>"),
                          page("a/c/index.html", "<p>c</p>")], "en")
    write_documents(tmp_path, pages)
    assert made == ["a/c/index.html", "a/index.html", "b/index.html"]
