"""People as a vCard 3.0 file, for a phone or an address book. Same people, same bytes."""

from __future__ import annotations

from typing import Iterable

import vobject

from ..model import Contact


def _name_parts(name: str) -> vobject.vcard.Name:
    # A guess for N (family;given), which phones sort by; FN keeps the name exactly as written.
    words = name.split()
    if len(words) < 2:
        return vobject.vcard.Name(given=name)
    return vobject.vcard.Name(family=words[-1], given=" ".join(words[:-1]))


def contact_card(contact: Contact) -> vobject.base.Component:
    card = vobject.vCard()
    card.add("uid").value = f"handbook-{contact.slug}"
    card.add("fn").value = contact.name
    card.add("n").value = _name_parts(contact.name)
    if contact.company:
        card.add("org").value = [contact.company]
    if contact.role:
        card.add("title").value = contact.role
    if contact.email:
        email = card.add("email")
        email.value = contact.email
        email.type_param = "INTERNET"
    if contact.phone:
        card.add("tel").value = contact.phone
    for url in (contact.linkedin, contact.website):
        if url:
            card.add("url").value = url
    if contact.tags:
        card.add("categories").value = list(contact.tags)
    return card


def vcard_text(contacts: Iterable[Contact]) -> str:
    """One card per person, sorted by slug, with CRLF line ends as the standard asks."""
    return "".join(contact_card(c).serialize() for c in sorted(contacts, key=lambda c: c.slug))
