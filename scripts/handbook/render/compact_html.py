"""Pages without their templates' indentation and blank lines: about a fifth of every page's bytes.

Material's templates and ours indent their HTML and leave blank lines where a ``{% if %}`` or a
``{% for %}`` stood, and every page carries them: 4.8 KB of a 21.4 KB meeting page that plain
Material drew in the benchmark. A browser shows the text the same with every run of white space
that holds a line break written as one line break, under the white-space rules a page uses outside
its code (``normal`` and ``nowrap`` collapse such a run). So it is done everywhere but in the
elements whose spaces can show, where a line's indentation is content: ``pre``, ``code``, ``kbd``,
``textarea``, ``script`` and ``style``. No other element of the site keeps line breaks
(``pre-line`` or ``pre-wrap``): a browser test checks every page of the example. A tag written over
several lines loses the indentation between its attributes, which changes nothing; an attribute's
value over several lines would lose its lines' indentation, and no template writes one.
"""

from __future__ import annotations

import re

# Kept as they are: an element whose spaces may show, with all it holds, and comments. There are a
# few a page, so the loop is short; the rest goes in one C-speed substitution a stretch.
_KEPT = re.compile(r"<(pre|code|kbd|textarea|script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.S | re.I)
# HTML's white space (not \s: a no-break space is text) after a line break. Spaces before one stay:
# matching them too would try a match at every space of the text, three times as slow.
_BREAK = re.compile(r"\n[ \t\r\n\f]+")


def compact(html: str) -> str:
    parts = []
    at = 0
    for kept in _KEPT.finditer(html):
        parts.append(_BREAK.sub("\n", html[at:kept.start()]))
        parts.append(kept.group())
        at = kept.end()
    parts.append(_BREAK.sub("\n", html[at:]))
    return "".join(parts)
