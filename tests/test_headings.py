"""Generated pages are HTML: their headings get ids, permalinks and toc tokens as markdown's would."""

import markdown

from handbook.render.headings import anchored


def markdown_toc(source: str):
    md = markdown.Markdown(extensions=["toc"], extension_configs={"toc": {"permalink": True}})
    return md.convert(source), md.toc_tokens


def test_ids_permalinks_and_tokens_match_what_markdown_gives():
    ours, tokens = anchored("<h2>Who &amp; why</h2>\n<h3>First <em>call</em></h3>\n<h2>Who &amp; why</h2>")
    theirs, their_tokens = markdown_toc("## Who &amp; why\n\n### First *call*\n\n## Who &amp; why")
    assert ours.split("\n") == [line for line in theirs.split("\n") if line]
    strip = lambda toks: [{k: t[k] for k in ("level", "id", "name")} | {"children": strip(t["children"])}
                          for t in toks]
    assert strip(tokens) == strip(their_tokens)
    assert [t["id"] for t in tokens] == ["who-why", "who-why_1"] and tokens[0]["children"][0]["id"] == "first-call"


def test_anchoring_twice_changes_nothing_and_keeps_existing_ids():
    once, tokens = anchored('<h2 id="mine" data-search-exclude>Plan</h2><h2>Plan</h2>')
    assert once.startswith('<h2 id="mine" data-search-exclude>Plan<a class="headerlink" href="#mine"')
    twice, again = anchored(once)
    assert twice == once and again == tokens
    assert [t["name"] for t in tokens] == ["Plan", "Plan"] and tokens[1]["id"] == "plan"


def test_taken_ids_are_not_reused_and_names_stay_escaped():
    page, tokens = anchored("<h2>Notes</h2><h2>&lt;script&gt;</h2>", taken={"notes"})
    assert 'id="notes_1"' in page
    assert tokens[1]["name"] == "&lt;script&gt;"
    assert "<script>" not in page
