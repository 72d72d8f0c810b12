"""Reading (and, for the benchmark, rewriting) mkdocs.yml without importing MkDocs.

mkdocs.yml uses tags PyYAML's safe loader refuses (``!ENV``, ``!relative``, ``!!python/name:``).
They are kept as ``Tagged`` values, so a config can be changed and written back unchanged otherwise,
and ``!ENV`` can be resolved the way MkDocs does when a setting is needed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Tagged:
    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.SequenceNode):
        value: Any = loader.construct_sequence(node, deep=True)
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    else:
        value = loader.construct_scalar(node)
    return Tagged(node.tag, value)


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_Dumper.add_representer(Tagged, _represent_tagged)


def read_config(path: Path) -> dict:
    data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_Loader)  # noqa: S506 (safe loader subclass)
    return data if isinstance(data, dict) else {}


def dump_config(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000)


def resolved(value: Any) -> Any:
    """A setting as MkDocs would see it: ``!ENV [NAME, default]`` reads the environment."""
    if isinstance(value, Tagged) and value.tag == "!ENV":
        names = value.value if isinstance(value.value, list) else [value.value]
        *variables, default = names if len(names) > 1 else [*names, None]
        for name in variables:
            if isinstance(name, str) and name in os.environ:
                return yaml.safe_load(os.environ[name]) if os.environ[name] else ""
        return default
    return value


def plugin_names(plugins: Any) -> list[str]:
    """The names in a ``plugins:`` setting, written as a list or as a mapping."""
    if isinstance(plugins, dict):
        return list(plugins)
    items = plugins if isinstance(plugins, list) else []
    return [next(iter(item)) if isinstance(item, dict) and item else str(item) for item in items]


def without_plugin(plugins: Any, name: str) -> Any:
    if isinstance(plugins, dict):
        return {key: value for key, value in plugins.items() if key != name}
    return [item for item in plugins or [] if plugin_names([item]) != [name]]
