"""Small pieces of markup around user values, escaped first: where a long address may break, and a
person's name inside a sentence turned into a link."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# After "@" and before ".", "/", "-" and "_": an address breaks there, not in the middle of a word.
_BREAK_POINTS = re.compile(r"(?<=@)|(?=[./_-])")


def break_points(value: object) -> Markup:
    """An e-mail address or URL with <wbr> where a line may end, should it not fit on a line of its own."""
    text = str(value or "")
    if len(text) < 20:  # short ones always fit a line
        return escape(text)
    # One box (.hb-address): it moves to the next line whole before it breaks at a <wbr>.
    broken = Markup("<wbr>").join(escape(part) for part in _BREAK_POINTS.split(text))
    return Markup('<span class="hb-address">{}</span>').format(broken)


def link_mention(text: object, name: str, href: str) -> Markup:
    """``text`` with its first mention of ``name`` (the full name, else the first name, as whole words)
    made a link to ``href``; empty when the text never mentions them."""
    text = str(text or "")
    for candidate in dict.fromkeys((name, name.split()[0] if name.split() else "")):
        if not candidate:
            continue
        match = re.search(rf"(?<!\w){re.escape(candidate)}(?!\w)", text)
        if match:
            start, end = match.span()
            return Markup('{}<a href="{}">{}</a>{}').format(text[:start], href, match.group(), text[end:])
    return Markup("")
