"""Pages without their templates' indentation: about a sixth of every page's bytes.

Material's templates and ours indent their HTML for people reading the templates, and every page
carries that indentation: about 5 KB of a 29 KB meeting page. A browser shows text the same
without the spaces that start a line, under the white-space rules a page uses outside its code:
``normal`` collapses them, and ``pre-line`` drops them next to a line break. So they are removed
everywhere but in the elements whose spaces can show, where a line's indentation is content:
``pre``, ``code``, ``kbd``, ``textarea``, ``script`` and ``style``. Line breaks stay (``pre-line``
shows them). A tag written over several lines loses the indentation between its attributes, which
changes nothing; an attribute's value over several lines would lose its lines' indentation, and no
template writes one.
"""

from __future__ import annotations

import re

# Kept as they are: an element whose spaces may show, with all it holds, and comments. There are a
# few a page, so the loop is short; the indentation goes in one C-speed substitution a stretch.
_KEPT = re.compile(r"<(pre|code|kbd|textarea|script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]+")


def compact(html: str) -> str:
    parts = []
    at = 0
    for kept in _KEPT.finditer(html):
        parts.append(_INDENT.sub("\n", html[at:kept.start()]))
        parts.append(kept.group())
        at = kept.end()
    parts.append(_INDENT.sub("\n", html[at:]))
    return "".join(parts)
