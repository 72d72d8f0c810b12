"""MkDocs hooks that give a build without our plugin the handbook's search (Pagefind in Material's
search box): the benchmark's exported-pages site lists this file under ``hooks:`` (bench/runner.py),
so it is compared with our site on equal terms."""

from __future__ import annotations

from handbook.site import search  # hooks are loaded by file path: no relative import

_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    search.install(config, serving=_serving)
    return config
