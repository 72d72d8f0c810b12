"""`mkdocs serve` lists every file of the theme on each rebuild, to find its static files: for
Material, thousands of icons, about 70 ms a rebuild at any size. An installed theme does not change
while the server runs, so its folders are listed once; the site's own ``custom_dir`` (overrides/)
is listed afresh each time, so an added or deleted override is seen as before. Neither lists hidden
files, which MkDocs never copies."""

from __future__ import annotations

import os

import jinja2


class _KeptListing(jinja2.FileSystemLoader):
    def __init__(self, searchpath: list[str], kept: dict[str, list[str]], fresh: set[str]):
        super().__init__(searchpath)
        self._kept, self._fresh = kept, fresh

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            if folder in self._fresh:
                found.update(_shown(folder))
            else:
                if folder not in self._kept:
                    self._kept[folder] = _shown(folder)
                found.update(self._kept[folder])
        return sorted(found)  # as FileSystemLoader lists them


def _shown(folder: str) -> list[str]:
    """The folder's files, less hidden ones: MkDocs copies no file with a part that starts with a
    dot, and Material's .icons alone hold thousands (about 40 ms a rebuild to filter out)."""
    return [name for name in jinja2.FileSystemLoader(folder).list_templates()
            if not any(part.startswith(".") for part in name.split("/"))]


class ThemeFiles:
    """Kept between the rebuilds of `mkdocs serve`: the listings of the installed theme's folders."""

    def __init__(self) -> None:
        self._kept: dict[str, list[str]] = {}

    def install(self, theme) -> None:
        """Make ``theme``'s environments list its installed folders from memory."""
        get_env = theme.get_env
        custom = getattr(theme, "custom_dir", None)
        fresh = {os.fspath(custom)} if custom else set()

        def env() -> jinja2.Environment:
            made = get_env()
            made.loader = _KeptListing(list(theme.dirs), self._kept, fresh)
            return made

        theme.get_env = env
