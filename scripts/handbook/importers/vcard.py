"""vCard files (.vcf) from a phone or an address book, read with vobject."""

from __future__ import annotations

from pathlib import Path

import vobject

from ..problems import Problem
from .plan import Draft


def _values(card, name: str) -> list:
    return [line.value for line in card.contents.get(name, [])]


def _text(value) -> str:
    if isinstance(value, (list, tuple)):  # ORG is a list: company, then departments
        value = next((v for v in value if str(v).strip()), "")
    return " ".join(str(value or "").split())


def _preferred(card, name: str) -> str:
    """The value marked PREF, else the first one."""
    lines = card.contents.get(name, [])
    for line in lines:
        types = [t.lower() for t in line.params.get("TYPE", [])]
        if "pref" in types or "PREF" in line.params:
            return _text(line.value)
    return _text(lines[0].value) if lines else ""


def _name(card) -> str:
    full = _text(_values(card, "fn")[0]) if _values(card, "fn") else ""
    if full:
        return full
    for n in _values(card, "n"):
        parts = [n.prefix, n.given, n.additional, n.family, n.suffix]
        return " ".join(" ".join(p) if isinstance(p, list) else str(p or "") for p in parts).strip()
    return ""


def _linkedin(card) -> str:
    urls = [_text(u) for key in ("url", "x-socialprofile") for u in _values(card, key)]
    return next((u for u in urls if "linkedin.com" in u.lower()), "")


def _draft(card, where: str) -> Draft:
    name = " ".join(_name(card).split())
    fields = {"name": name, "company": _text(_values(card, "org")[0]) if _values(card, "org") else "",
              "role": _text(_values(card, "title")[0]) if _values(card, "title") else "",
              "email": _preferred(card, "email"), "phone": _preferred(card, "tel"),
              "linkedin": _linkedin(card), "status": "prospect"}
    notes = "\n\n".join(str(n).strip() for n in _values(card, "note") if str(n).strip())
    draft = Draft(where, {k: v for k, v in fields.items() if v}, notes)
    if not name:
        draft.skip_reason = "no name (FN or N)"
    return draft


def _card_lines(text: str) -> list[int]:
    return [number for number, line in enumerate(text.split("\n"), start=1)
            if line.strip().upper() == "BEGIN:VCARD"]


def read_vcards(path: Path, display: str) -> tuple[list[Draft], list[Problem]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return [], [Problem(display, 1, "file", f"cannot be read: {exc.strerror or exc}")]
    except UnicodeDecodeError as exc:
        return [], [Problem(display, 1, "encoding", f"not valid UTF-8 ({exc.reason})",
                            "export the contacts again as vCard 3.0 or 4.0, which are UTF-8")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    starts = _card_lines(text)
    drafts: list[Draft] = []
    problems: list[Problem] = []
    try:
        for number, card in enumerate(vobject.readComponents(text, ignoreUnreadable=True)):
            if card.name.upper() != "VCARD":
                continue
            line = starts[number] if number < len(starts) else 1
            drafts.append(_draft(card, f"{display}:{line}"))
    except Exception as exc:  # noqa: BLE001  (vobject raises many kinds; the cards read so far are kept)
        line = getattr(exc, "lineNumber", None) or 1
        problems.append(Problem(display, line, "vcard", f"cannot read past this point: {exc}",
                                "check the card at this line; the cards before it were read"))
    if not drafts and not problems:
        problems.append(Problem(display, 1, "vcard", "no BEGIN:VCARD found", "is this a .vcf file?"))
    return drafts, problems
