"""An allowlist for the HTML of a user's notes: what the notes' markdown makes, and nothing more.

Notes come from the user's files, and from other programs through the importers (a vCard NOTE), so
their HTML is kept to the tags, attributes and classes the notes' markdown extensions produce
(``render/notes.py``), cleaned by nh3 (Ammonia, an HTML5 parser): no style, no event handlers, no
ids, no class that Material lays out the page with. Links go to web, mail and phone addresses or
within the site; a picture is shown only from the site itself, because loading one from elsewhere
would tell that server who reads the page. A remote picture becomes a link to it instead.
"""

from __future__ import annotations

import html
import re
from functools import cache

import nh3
from pygments.token import STANDARD_TYPES

TAGS = {"a", "blockquote", "br", "code", "del", "details", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "img", "input", "label", "li", "ol", "p", "pre", "span", "strong", "summary", "table",
        "tbody", "td", "th", "thead", "tr", "ul"}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}, "th": {"colspan"},
              "input": {"checked", "disabled", "type"}, "details": {"open"}}
ALIGN = {"align": {"left", "center", "right"}}  # a table column's alignment (tables' use_align_attribute)
SCHEMES = {"http", "https", "mailto", "tel"}
# Admonitions and collapsible blocks (`!!! tip`, `??? note`): Material's kinds and their aliases.
KINDS = {"note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check",
         "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing",
         "danger", "error", "bug", "example", "quote", "cite"}
_CODE = {name for name in STANDARD_TYPES.values() if name} | {"hll", "normal", "filename"}  # Pygments' spans
CLASSES = {
    "div": KINDS | {"admonition", "inline", "end", "highlight", "linenodiv"},
    "details": KINDS | {"inline", "end"},
    "p": {"admonition-title"},
    "ul": {"task-list"},
    "li": {"task-list-item"},
    "label": {"task-list-control"},
    "span": _CODE | {"task-list-indicator"},
    "table": {"highlighttable"},
    "th": {"filename"},
    "td": {"linenos", "code"},
}
LINK_REL = "noopener noreferrer"  # nor does a click say which page of the handbook it came from

# nh3 writes every attribute as name="value", with any '"' in the value as &quot;.
_ATTRS = r'((?:\s+[^\s"\'=<>/]+(?:="[^"]*")?)*)\s*/?>'
_FIXED = re.compile(rf"<(a|img|input){_ATTRS}|</a>")
_NO_CLASS = re.compile(r'(<[a-z0-9]+(?:\s+[^\s"\'=<>/]+(?:="[^"]*")?)*?)\s+class=""')  # every class was dropped
_ATTR = re.compile(r'([^\s"\'=<>/]+)(?:="([^"]*)")?')
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_IGNORED = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in an address


def is_local(url: str) -> bool:
    """Whether a browser reads ``url`` as an address on this site: relative, or from the site's root."""
    url = _IGNORED.sub("", url).lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12"
                                         "\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    # A backslash counts as a slash (/\host is //host, another server), so none is allowed at all.
    return bool(url) and not _SCHEME.match(url) and not url.startswith("//") and "\\" not in url


def _fixed(clean: str) -> str:
    """Remote pictures as links, and task boxes always disabled checkboxes, whatever the HTML said."""
    depth = 0  # inside a link, a remote picture leaves only its words: links do not nest

    def replace(match: re.Match) -> str:
        nonlocal depth
        if match.group(1) is None:
            depth = max(depth - 1, 0)
            return match.group(0)
        if match.group(1) == "a":
            depth += 1
            return match.group(0)
        attrs = {name: html.unescape(value or "") for name, value in _ATTR.findall(match.group(2))}
        if match.group(1) == "input":  # (nh3's set_tag_attribute_values would write them in any order)
            return f'<input type="checkbox" disabled{" checked" if "checked" in attrs else ""}>'
        src = attrs.get("src", "")
        if is_local(src):
            return match.group(0)
        words = html.escape(attrs.get("alt") or src, quote=False)
        if depth or not src:
            return words
        # In the order nh3 writes a link's attributes in, so cleaning the result again changes nothing.
        return (f'<a href="{html.escape(src)}" title="{html.escape("Picture not loaded: " + src)}" rel="{LINK_REL}">'
                f"{words}</a>")

    return _FIXED.sub(replace, clean)


@cache
def _cleaner() -> nh3.Cleaner:
    # One cleaner for every note: nh3.clean() converts the allowlist anew on each call, at three times the cost.
    return nh3.Cleaner(tags=TAGS, clean_content_tags={"script", "style"}, attributes=ATTRIBUTES,
                       tag_attribute_values={"th": ALIGN, "td": ALIGN}, url_schemes=SCHEMES,
                       allowed_classes=CLASSES, link_rel=LINK_REL, strip_comments=True)


def sanitise(fragment: str) -> str:
    """The HTML fragment with only what notes may contain; remote pictures become links to them."""
    clean = _cleaner().clean(fragment)
    if 'class=""' in clean:
        clean = _NO_CLASS.sub(r"\1", clean)
    return _fixed(clean) if "<img" in clean or "<input" in clean else clean
