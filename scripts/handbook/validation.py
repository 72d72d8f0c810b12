"""Turn one Document into a typed record, translating pydantic errors into Problems.

The build, ``handbook check`` and the importers all go through here, so each rule has one home.
"""

from __future__ import annotations

from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .loading import Document
from .problems import PER_FILE, Problem, did_you_mean, field_name, not_listed

M = TypeVar("M", bound=BaseModel)


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The record type found at this location: follow_ups -> FollowUp, touches.0 -> Touch."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return None
        current = _record_type(field.annotation)
        if current is None:
            return None
    return current


def _record_type(annotation: Any) -> type[BaseModel] | None:
    """The record type a field holds, however it is wrapped: Posting in Union[int, list[Posting]]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(filter(None, map(_record_type, getattr(annotation, "__args__", ()))), None)


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys a mapping at this location accepts, for 'did you mean'."""
    current = _model_at(model, loc[:-1])
    return [f.alias or name for name, f in current.model_fields.items()] if current else []


def _is_required(model: type[BaseModel], loc: tuple) -> bool:
    parent = _model_at(model, loc[:-1]) if loc else None
    fields = parent.model_fields.items() if parent else ()
    return any(f.is_required() for name, f in fields if loc[-1] in (name, f.alias))


def _show(value: Any, limit: int = 60) -> str:
    """A value as the user would have typed it, cut short so one line stays one line."""
    try:
        dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False)
        text = repr(value) if isinstance(value, str) else dumped.strip().removesuffix("...").strip()
    except yaml.YAMLError:
        text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(error: dict, model: type[BaseModel]) -> tuple[str, str]:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    shown = _show(value)
    if kind == "missing":
        return "is required", f"add a line '{field_name(error['loc'])}: ...'"
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        allowed = _allowed_keys(model, error["loc"])
        hint = did_you_mean(key, allowed) or (f"allowed here: {', '.join(allowed)}" if allowed else "")
        return f"unknown key '{key}'", hint or "see the data format in README.md"
    if kind == "literal_error":
        return f"{shown} is not allowed", f"use one of: {ctx.get('expected', '').replace(' or ', ', ')}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        if isinstance(value, str) and ":" in value:
            return f"{shown} looks like a time, but this field takes a whole number", "write a number, e.g. 30"
        return f"{shown} is not a whole number", "write digits only, e.g. 30"
    if kind == "greater_than_equal":
        return f"{shown} is too small: the smallest allowed is {ctx.get('ge')}", ""
    if kind == "less_than_equal":
        return f"{shown} is too large: the largest allowed is {ctx.get('le')}", ""
    if kind in ("string_too_short", "too_short"):
        required = _is_required(model, error["loc"])
        return "must not be empty", "fill it in: this field is required" if required else "fill it in or remove the line"
    if kind in ("bool_parsing", "bool_type"):
        return f"{shown} is not true or false", "write true or false"
    if kind in ("list_type", "tuple_type"):
        item = _model_at(model, error["loc"])
        if item is not None:
            first = next(iter(item.model_fields))
            return f"{shown} should be a list", f"write each item on its own '- {first}: ...' line"
        return f"{shown} should be a list", "write it as [a, b] or as '- a' lines"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{shown} should be a set of 'key: value' fields", "see the data format in README.md"
    if kind in ("string_type", "str_type"):
        if isinstance(value, (list, dict)):
            return f"{shown} should be text", "write one line of text after the colon"
        return f"{shown} should be text", "put the value in quotes"
    if kind == "value_error":
        message, _, hint = error["msg"].removeprefix("Value error, ").partition("; ")
        return message, hint
    return error["msg"], ""


def validate(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate a document's frontmatter against ``model``; never raises for bad user data."""
    try:
        return model.model_validate(doc.meta), []
    except ValidationError as exc:
        problems = []
        found = exc.errors()
        for error in found[:PER_FILE]:
            loc = tuple(error["loc"])
            message, hint = _describe(error, model)
            key = tuple("with" if p == "with_" else p for p in loc)
            problems.append(Problem(doc.path, doc.line_of(key), field_name(loc), message, hint))
        if len(found) > PER_FILE:
            problems.append(not_listed(doc.path, max(p.line for p in problems), len(found) - PER_FILE))
        return None, sorted(set(problems))
