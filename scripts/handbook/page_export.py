"""The generated pages and files written out as plain files: what the MkDocs plugin adds in memory.

Together with content/, the folder is a docs_dir that plain MkDocs (or another site generator)
builds into the same site. The user's own folders are never written to.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Callable

from .files import create_file, replace_file, user_folder_at
from .mkdocs_yaml import read_config, resolved
from .pipeline import Built, today_from_env
from .render import RenderOptions
from .render.dashboard import HOME_SRC

NOT_IN_NAV = "/*/*/"  # MkDocs `not_in_nav` pattern for detail pages, as the plugin marks them


class Refused(Exception):
    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.hint = hint


def render_options(root: Path, profile: str = "private") -> RenderOptions:
    """The options the plugin would use, with the URL settings read from the handbook's mkdocs.yml."""
    config_file = root / "mkdocs.yml"
    config = read_config(config_file) if config_file.is_file() else {}
    directory_urls = resolved(config.get("use_directory_urls", True))
    return RenderOptions(profile=profile, today=today_from_env(), directory_urls=directory_urls is not False,
                         site_url=str(resolved(config.get("site_url")) or ""))


def docs_dir(root: Path) -> Path:
    """The folder of hand-written pages, as mkdocs.yml names it (content/ in this layout)."""
    config_file = root / "mkdocs.yml"
    config = read_config(config_file) if config_file.is_file() else {}
    return root / str(resolved(config.get("docs_dir")) or "docs")


def outputs(built: Built, docs: Path) -> dict[str, bytes]:
    """Every page source and file the site adapter adds, by path under docs_dir. That includes the
    home page from ``docs`` with the dashboard the plugin appends to it."""
    found = {src: markdown.encode("utf-8") for src, markdown in built.pages.items()}
    found.update(built.files)
    dashboard = built.dashboard
    home = docs / HOME_SRC
    if dashboard and HOME_SRC not in found and home.is_file():
        found[HOME_SRC] = (home.read_text(encoding="utf-8-sig").rstrip("\n") + "\n" + dashboard).encode("utf-8")
    return dict(sorted(found.items()))


def check_destination(dest: Path, root: Path, force: bool) -> None:
    """Refuse a folder that overlaps the user's sources, is a file, or (without force) holds files."""
    target = dest.resolve()
    name = user_folder_at(target, root, or_above=True)
    if name:
        raise Refused(f"{dest} overlaps {name}/, which holds your own files",
                      "export into a new folder outside contacts/ and content/, e.g. build/pages")
    if target.exists() and not target.is_dir():
        raise Refused(f"{dest} is a file, not a folder", "give a new or empty folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise Refused(f"{dest} is not empty", "choose a new or empty folder, or pass --force to replace "
                      "the generated files in it (other files there are left alone)")


def _inside(dest: Path, relative: str) -> Path:
    parts = PurePosixPath(relative).parts
    if not parts or parts[0] == "/" or ".." in parts:  # page paths come from slugs; this is a second lock
        raise ValueError(f"refusing to write outside the export folder: {relative!r}")
    return dest.joinpath(*parts)


def write_outputs(found: dict[str, bytes], dest: Path, *, replace: bool = False,
                  advance: Callable[[], None] = lambda: None) -> list[Path]:
    """Write each output atomically. Without ``replace`` an existing file is never overwritten."""
    written = []
    for relative, data in found.items():
        path = _inside(dest, relative)
        written.append(replace_file(path, data) if replace else create_file(path, data))
        advance()
    return written
