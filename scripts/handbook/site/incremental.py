"""`mkdocs serve --dirty` that skips unchanged generated pages.

MkDocs' dirty mode rebuilds a page when its source file is newer than its HTML, and a page made in
memory always counts as new: a dirty build of a big handbook still rebuilt every contact and
meeting. Here a generated page is skipped when its source equals the last build's and its HTML is
still on disk. Two things MkDocs' dirty mode would then get wrong are put right:
- a page that is not read has no title, so the nav of rebuilt pages gets the last build's titles;
- the home page carries the dashboard, which depends on every contact: it is rebuilt when the
  dashboard changed.
When a hand-written page, the nav or the error banner (shown on every page) changes, every page is
rebuilt. The page of a person or meeting whose file is gone is deleted from the site. The search
index needs nothing here: a skipped page keeps the search document it had (search_pages.py), and
Pagefind reads every document after each build (pagefind_index.py).
"""

from __future__ import annotations

import os

from mkdocs.structure.files import File, Files, InclusionLevel

HOME_PAGES = ("index.md", "README.md")


class ReusablePage(File):
    """A page a dirty build may leave as it is."""

    reuse = False  # set when its source and what it shows are as in the last build

    def is_modified(self) -> bool:
        return not self.reuse


class Incremental:
    def __init__(self):
        self.enabled = False  # only in `mkdocs serve --dirty`
        self._sources: dict[str, str] = {}  # generated page -> its markdown, last build
        self._pending: dict[str, str] = {}
        self._frame: tuple = ()  # the hand-written pages, the nav and the error count, last build
        self._dashboard: str | None = None
        self._titles: dict[str, str] = {}
        self._dests: dict[str, str] = {}  # generated page -> its HTML file, last build

    def page_file(self, config, src: str, source: str, inclusion: InclusionLevel) -> File:
        """The page's File; in serve --dirty one that may be skipped when ``source`` is as last time."""
        if not self.enabled:
            return File.generated(config, src, content=source, inclusion=inclusion)
        self._pending[src] = source
        return ReusablePage.generated(config, src, content=source, inclusion=inclusion)

    def mark(self, files: Files, config, dashboard: str, errors: int) -> None:
        """Decide, once all files are known, which pages this build can skip."""
        if not self.enabled:
            return
        written = [f for f in files.documentation_pages() if not isinstance(f, ReusablePage)]
        frame = (repr(config.nav), tuple(sorted((f.src_uri, _mtime(f)) for f in written)), errors)
        same_frame = frame == self._frame
        for file in files.documentation_pages():
            if isinstance(file, ReusablePage):
                file.reuse = (same_frame and self._sources.get(file.src_uri) == self._pending.get(file.src_uri)
                              and os.path.isfile(file.abs_dest_path))
            elif file.src_uri in HOME_PAGES and file.abs_src_path:
                files.remove(file)  # replaced by a page reused only while its dashboard is the same
                home = ReusablePage.generated(config, file.src_uri, abs_src_path=file.abs_src_path,
                                              inclusion=file.inclusion)
                home.reuse = same_frame and dashboard == self._dashboard and os.path.isfile(home.abs_dest_path)
                files.append(home)
        dests = {f.src_uri: f.abs_dest_path for f in files.documentation_pages() if isinstance(f, ReusablePage)}
        for src in self._dests.keys() - dests.keys():
            _remove_page(self._dests[src])  # its person or meeting is gone: a dirty build would leave it
        self._sources, self._pending, self._frame, self._dashboard = self._pending, {}, frame, dashboard
        self._dests = dests

    def keep_titles(self, files: Files) -> None:
        """Skipped pages are never read: give them the titles they had, for the nav of the others."""
        if not self.enabled:
            return
        for file in files.documentation_pages():
            if file.page is not None and not file.is_modified() and file.src_uri in self._titles:
                file.page.title = self._titles[file.src_uri]

    def remember(self, page) -> None:
        if self.enabled and page.title:
            self._titles[page.file.src_uri] = page.title


def _remove_page(path: str) -> None:
    try:
        os.remove(path)
        os.rmdir(os.path.dirname(path))  # contacts/jane-doe/ when it held only the page
    except OSError:
        pass


def _mtime(file: File) -> int:
    try:
        return os.stat(file.abs_src_path).st_mtime_ns if file.abs_src_path else 0
    except OSError:
        return 0
