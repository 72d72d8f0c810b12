"""Keys that say two records may be the same person, whatever the spelling of their details.

Shared by the duplicate warnings of ``handbook check`` and by the importers' matching.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import unquote, urlsplit


def email_key(email: str) -> str:
    text = (email or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:"):]
    return text.casefold()


def profile_key(url: str) -> str:
    """A web address without scheme, 'www.', query, fragment or trailing slash, in lower case.

    LinkedIn also serves profiles from country hosts (uk.linkedin.com), so any *.linkedin.com
    counts as linkedin.com.
    """
    text = (url or "").strip()
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = (parts.hostname or "").lower().removeprefix("www.")
    if host.endswith(".linkedin.com"):
        host = "linkedin.com"
    path = unquote(parts.path).rstrip("/")
    return f"{host}{path}".casefold()


def name_key(name: str) -> str:
    """Case, accents and spacing ignored: 'Zoë  Núñez' and 'zoe nunez' give the same key."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())
