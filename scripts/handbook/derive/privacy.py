"""The public view of a Handbook: only people who said yes, and none of their private details."""

from __future__ import annotations

from ..book import Handbook
from ..model import Contact

# Everything not listed here is dropped from a shared person: email, phone, location, status,
# how we met, notes, touches... (README, "Privacy", promises exactly this list).
PUBLIC_FIELDS = ("name", "company", "role", "linkedin", "website", "tags", "share")


def public_contact(contact: Contact, shared: set[str]) -> Contact:
    kept = {name: getattr(contact, name) for name in PUBLIC_FIELDS}
    referrer = contact.referred_by if contact.referred_by in shared else None
    return Contact.model_construct(**kept, slug=contact.slug, referred_by=referrer, source=contact.source)


def withheld_contacts(handbook: Handbook) -> list[str]:
    """Slugs of the people a public build leaves out: everyone who has not said yes."""
    return sorted(slug for slug, contact in handbook.contacts.items() if not contact.share)


def public_view(handbook: Handbook) -> Handbook:
    """A new Handbook with shared people only, stripped of private fields, and no meetings."""
    shared = set(handbook.contacts) - set(withheld_contacts(handbook))
    contacts = {slug: public_contact(c, shared) for slug, c in handbook.contacts.items() if slug in shared}
    return Handbook(contacts=contacts, meetings={}, bank=handbook.bank).index()
