"""Keys that say two records may be the same person or organisation, whatever the spelling.

Shared by the duplicate warnings of ``handbook check``, the importers' matching, and the grouping
of people by ``company`` (which is also how a company file finds its people).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from slugify import slugify


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


# A `company:` that says how someone works rather than where: no organisation page, no target.
NOT_AN_ORGANISATION = frozenset({"self-employed", "self", "freelance", "freelancer", "independent",
                                 "retired", "unemployed", "between-jobs", "none", "n-a"})


@lru_cache(maxsize=4096)
def organisation_slug(company: str) -> str:
    """An organisation's key and page address: "Acme Health", "acme  health" and "ACME-Health" are
    one organisation, and so are "Société X" and "Societe X". "" when the name has no letters or
    digits, or says how someone works ("Self-employed", "Freelance") rather than for whom."""
    slug = slugify(company or "")
    return "" if slug in NOT_AN_ORGANISATION else slug
