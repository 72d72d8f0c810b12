"""serve --dirty keeps the File of a page outside the nav whose text is as last build's
(site/incremental.py): MkDocs works a File's paths and address out again each time it is made."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from mkdocs.structure.files import Files, InclusionLevel

from handbook.site.incremental import Incremental

OUTSIDE = InclusionLevel.NOT_IN_NAV


class Config(dict):
    """What File.generated and Incremental read of MkDocs' config, which is a mapping with attributes."""

    __getattr__ = dict.__getitem__


def config(site: Path, directory_urls: bool = True, **more) -> Config:
    return Config(site_dir=str(site), use_directory_urls=directory_urls, nav=None,
                  plugins=SimpleNamespace(_current_plugin="handbook"), **more)


def build(incremental: Incremental, cfg, pages: dict[str, tuple[str, InclusionLevel]]) -> dict:
    incremental.start(cfg)
    made = {src: incremental.page_file(cfg, src, text, inclusion) for src, (text, inclusion) in pages.items()}
    incremental.mark(Files(list(made.values())), cfg, "dashboard", 0)
    for file in made.values():  # what MkDocs then writes
        Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        Path(file.abs_dest_path).write_text("<html>", encoding="utf-8")
    return made


def test_an_unchanged_page_outside_the_nav_keeps_its_file_and_a_changed_one_gets_a_new_one(tmp_path):
    incremental = Incremental()
    incremental.enabled = True
    cfg = config(tmp_path / "site")
    first = build(incremental, cfg, {"contacts/ana/index.md": ("Ana", OUTSIDE), "contacts/bo/index.md": ("Bo", OUTSIDE),
                                     "contacts/index.md": ("All", InclusionLevel.UNDEFINED)})
    second = build(incremental, cfg, {"contacts/ana/index.md": ("".join(["A", "na"]), OUTSIDE),  # equal, not the same str
                                      "contacts/bo/index.md": ("Bo, edited", OUTSIDE),
                                      "contacts/index.md": ("All", InclusionLevel.UNDEFINED)})
    assert second["contacts/ana/index.md"] is first["contacts/ana/index.md"]
    assert second["contacts/bo/index.md"] is not first["contacts/bo/index.md"]
    assert second["contacts/bo/index.md"].content_string == "Bo, edited"
    # A page in the nav is always new: MkDocs settles its inclusion on the File itself.
    assert second["contacts/index.md"] is not first["contacts/index.md"]
    # Which pages the build may skip is decided as before.
    assert second["contacts/ana/index.md"].reuse and not second["contacts/bo/index.md"].reuse
    assert second["contacts/index.md"].reuse


def test_a_kept_file_is_made_again_when_where_or_how_the_site_is_written_changes(tmp_path):
    incremental = Incremental()
    incremental.enabled = True
    page = {"contacts/ana/index.md": ("Ana", OUTSIDE)}
    first = build(incremental, config(tmp_path / "site"), page)["contacts/ana/index.md"]
    flat = build(incremental, config(tmp_path / "site", directory_urls=False), page)["contacts/ana/index.md"]
    assert flat is not first and flat.url == "contacts/ana/index.html"
    moved = build(incremental, config(tmp_path / "elsewhere", directory_urls=False), page)["contacts/ana/index.md"]
    assert moved is not flat and moved.abs_dest_path.startswith(str(tmp_path / "elsewhere"))
    hosted = build(incremental, config(tmp_path / "elsewhere", directory_urls=False, site_url="https://example.org/"),
                   page)["contacts/ana/index.md"]
    assert hosted is not moved
    edited = build(incremental, config(tmp_path / "elsewhere", directory_urls=False, site_url="https://example.org/",
                                       repo_url="https://example.org/repo"), page)["contacts/ana/index.md"]
    assert edited is not hosted
    hidden = build(incremental, config(tmp_path / "elsewhere", directory_urls=False, site_url="https://example.org/",
                                       repo_url="https://example.org/repo"),
                   {"contacts/ana/index.md": ("Ana", InclusionLevel.EXCLUDED)})["contacts/ana/index.md"]
    assert hidden is not edited


def test_mkdocs_build_makes_every_file_anew(tmp_path):
    incremental = Incremental()  # not serve --dirty
    cfg = config(tmp_path / "site")
    page = {"contacts/ana/index.md": ("Ana", OUTSIDE)}
    assert build(incremental, cfg, page)["contacts/ana/index.md"] is not build(incremental, cfg, page)["contacts/ana/index.md"]
