"""Turn one Document into a typed record, translating pydantic errors into Problems.

The build, ``handbook check`` and the importers all go through here, so each rule has one home.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .loading import Document
from .problems import Problem, did_you_mean

M = TypeVar("M", bound=BaseModel)


def _field_name(loc: tuple) -> str:
    parts = []
    for part in loc:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1]}[{part}]" if parts else f"[{part}]"]
        else:
            parts.append("with" if part == "with_" else str(part))
    return ".".join(parts) or "frontmatter"


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys a mapping at this location accepts, for 'did you mean'."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return []
        annotation = field.annotation
        args = getattr(annotation, "__args__", ())
        current = next((a for a in (annotation, *args) if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if current is None:
            return []
    return [f.alias or name for name, f in current.model_fields.items()]


def _describe(error: dict, model: type[BaseModel]) -> tuple[str, str]:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    shown = repr(value) if isinstance(value, str) else str(value)
    if kind == "missing":
        return "is required", f"add a line '{_field_name(error['loc'])}: ...'"
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        hint = did_you_mean(key, _allowed_keys(model, error["loc"]))
        return f"unknown key '{key}'", hint or "see the data format in README.md"
    if kind == "literal_error":
        return f"{shown} is not allowed", f"use one of: {ctx.get('expected', '').replace(' or ', ', ')}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        if isinstance(value, str) and ":" in value:
            return (f"{shown} looks like a time, but this field takes a whole number",
                    "YAML reads unquoted 12:30 as the number 750; write a number of days or minutes")
        return f"{shown} is not a whole number", "write digits only, e.g. 30"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{shown} is out of range", error["msg"].lower()
    if kind in ("string_too_short", "too_short"):
        return "must not be empty", "fill it in or remove the line"
    if kind in ("bool_parsing", "bool_type"):
        return f"{shown} is not true or false", "write true or false"
    if kind in ("list_type", "tuple_type"):
        return f"{shown} should be a list", "write it as [a, b] or as '- a' lines"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{shown} should be a set of 'key: value' fields", "see the data format in README.md"
    if kind in ("string_type", "str_type"):
        return f"{shown} should be text", "put the value in quotes"
    if kind == "value_error":
        message = error["msg"].removeprefix("Value error, ")
        return message, ""
    return error["msg"], ""


def validate(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate a document's frontmatter against ``model``; never raises for bad user data."""
    try:
        return model.model_validate(doc.meta), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            message, hint = _describe(error, model)
            key = tuple("with" if p == "with_" else p for p in loc)
            problems.append(Problem(doc.path, doc.line_of(key), _field_name(loc), message, hint))
        return None, sorted(set(problems))
