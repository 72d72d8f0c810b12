"""Keys that say two records may be the same person or organisation, whatever the spelling.

Shared by the duplicate warnings of ``handbook check``, the importers' matching, and the grouping
of people by ``company`` (which is also how a company file finds its people).
"""

from __future__ import annotations

import hashlib
import re
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


TAG_SLUG_LENGTH = 60  # a folder name on every file system, with room for the fingerprint
_TAG_GAPS = re.compile(r"[\s_-]+")


@lru_cache(maxsize=4096)
def tag_slug(tag: str) -> str:
    """A tag's page address. Spellings of one tag share it: "Data Science", "data_science" and
    "data-science" are one tag, as are "Zoë" and "zoe". A tag its slug does not spell in full gets a
    fingerprint after two hyphens, which no plain slug has: "C++", "C#" and "C" are three tags
    ("c--…", "c--…", "c"), and so are two long tags that start alike."""
    spelled = _TAG_GAPS.sub("-", name_key(tag)).strip("-")
    slug = slugify(tag or "", max_length=TAG_SLUG_LENGTH, word_boundary=True)
    if slug and slug == spelled:
        return slug
    return f"{slug or 'tag'}--{hashlib.sha1(spelled.encode('utf-8')).hexdigest()[:8]}"
