"""The site builds the same under MkDocs 1.6 and under ProperDocs, its maintained fork."""

from __future__ import annotations

import re

from conftest import copy_handbook, run_mkdocs

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_mkdocs_and_properdocs_build_the_same_pages(tmp_path):
    root = copy_handbook(tmp_path / "handbook")
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        result = run_mkdocs(root, "build", "--strict", site=tmp_path / engine, engine=engine)
        assert result.returncode == 0, result.stderr
        folder = tmp_path / engine
        sites[engine] = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    assert mkdocs.keys() == properdocs.keys()
    assert "contacts/jane-doe/index.html" in mkdocs
    generators = {GENERATOR.search(site["index.html"]).group() for site in sites.values()}
    assert len(generators) == 2 and any(b"ProperDocs" in g for g in generators)
    differ = [path for path in mkdocs
              if GENERATOR.sub(b"", mkdocs[path]) != GENERATOR.sub(b"", properdocs[path])]
    assert differ == []
