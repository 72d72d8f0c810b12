"""What links you to a person, for the opening line of a first message.

The guide asks a request to start with the connection: who gave you their name, the school you
share, or where you came across their work. The files say it in three places, best first:
- ``referred_by``: someone introduced you (``introduced``);
- a school of contacts/me.yml named in their tags or ``how_we_met`` (``alumni``);
- ``how_we_met`` telling what of theirs you read, heard or saw, e.g. "Read her blog post on X",
  turned to the second person: "read your blog post on X" (``their-work``).
Anything else gives no connection, and the message leaves a placeholder rather than invent one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..book import Handbook
from ..model import Contact
from .targets import shared_school

# "Read her post on X", "Heard his talk at Y", "Saw their keynote"; the verb is kept, in the past.
_SEEN = re.compile(r"^(?P<verb>read|saw|heard|watched|attended|listened to|followed|enjoyed|found)\s+"
                   r"(?P<whose>her|his|their)\s+(?P<what>\S.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Connection:
    kind: str = ""  # "introduced", "alumni", "their-work", or "" for none known
    school: str = ""  # alumni: the school you share, as me.yml writes it
    seen: str = ""  # their-work: "read your blog post on moving from teaching to design"


def their_work(how_we_met: str) -> str:
    """how_we_met as what you did with their work, spoken to them; "" when it is not that kind of note."""
    match = _SEEN.match(" ".join(how_we_met.split()).rstrip("."))
    if not match:
        return ""
    return f"{match['verb'].lower()} your {match['what']}"


def connection(handbook: Handbook, contact: Contact) -> Connection:
    referrer = handbook.referrer_of(contact)
    if referrer is not None and referrer.slug != contact.slug:
        return Connection("introduced")
    school = shared_school(contact, handbook.me.school if handbook.me else ())
    if school:
        return Connection("alumni", school=school)
    seen = their_work(contact.how_we_met)
    return Connection("their-work", seen=seen) if seen else Connection()
