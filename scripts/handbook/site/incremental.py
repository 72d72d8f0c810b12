"""`mkdocs serve --dirty` that skips unchanged generated pages.

MkDocs' dirty mode rebuilds a page when its source file is newer than its HTML, and a page made in
memory always counts as new: a dirty build of a big handbook still rebuilt every contact and
meeting. Here a generated page is skipped when its source equals the last build's and its HTML is
still on disk. Two things MkDocs' dirty mode would then get wrong are put right:
- a page that is not read has no title, so the nav of rebuilt pages gets the last build's titles;
- the home page carries the dashboard, which depends on every contact: it is rebuilt when the
  dashboard changed.
When a hand-written page, the nav or the error banner (shown on every page) changes, every page is
rebuilt. A page outside the nav whose text is as last build's keeps last build's File, and so the
Page MkDocs made for it (MkDocs makes a Page only for a File that has none). The page of a person
or meeting whose file is gone is deleted from the site. The search index needs nothing here: a
skipped page keeps the search document it had (search_pages.py), and Pagefind reads every
document after each build (pagefind_index.py).
"""

from __future__ import annotations

import os

from mkdocs.structure.files import File, Files, InclusionLevel

HOME_PAGES = ("index.md", "README.md")
# The settings MkDocs makes a File and its Page from, besides the page's text and inclusion.
MADE_WITH = ("site_dir", "use_directory_urls", "site_url", "repo_url", "edit_uri", "edit_uri_template")


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
        self._files: dict[str, ReusablePage] = {}  # pages outside the nav -> last build's File
        self._made_with: tuple = ()

    def start(self, config) -> None:
        """A build is about to make its files: last build's are kept only if made with the same settings."""
        made_with = tuple(config.get(key) for key in MADE_WITH)
        if made_with != self._made_with:
            self._files = {}
        self._made_with = made_with

    def page_file(self, config, src: str, source: str, inclusion: InclusionLevel) -> File:
        """The page's File; in serve --dirty one that may be skipped when ``source`` is as last time."""
        if not self.enabled:
            return File.generated(config, src, content=source, inclusion=inclusion)
        self._pending[src] = source
        last = self._files.get(src)
        if last is not None and last.inclusion is inclusion and self._sources.get(src) == source:
            # Last build's File, and with it the Page MkDocs made for it: both are worked out from
            # the text and ``MADE_WITH`` alone, and making thousands again (paths, addresses) took
            # a sixth of a rebuild at 1,000/3,000. MkDocs reads and draws the page again only when
            # ``mark`` says it changed, as before.
            return last
        return ReusablePage.generated(config, src, content=source, inclusion=inclusion)

    def mark(self, files: Files, config, dashboard: str, errors: int) -> None:
        """Decide, once all files are known, which pages this build can skip."""
        if not self.enabled:
            return
        pages = files.documentation_pages()
        written = [f for f in pages if not isinstance(f, ReusablePage)]
        frame = (repr(config.nav), tuple(sorted((f.src_uri, _mtime(f)) for f in written)), errors)
        same_frame = frame == self._frame
        dests: dict[str, str] = {}
        for file in pages:
            if isinstance(file, ReusablePage):
                file.reuse = (same_frame and self._sources.get(file.src_uri) == self._pending.get(file.src_uri)
                              and os.path.isfile(file.abs_dest_path))
                dests[file.src_uri] = file.abs_dest_path
            elif file.src_uri in HOME_PAGES and file.abs_src_path:
                files.remove(file)  # replaced by a page reused only while its dashboard is the same
                home = ReusablePage.generated(config, file.src_uri, abs_src_path=file.abs_src_path,
                                              inclusion=file.inclusion)
                home.reuse = same_frame and dashboard == self._dashboard and os.path.isfile(home.abs_dest_path)
                files.append(home)
                dests[home.src_uri] = home.abs_dest_path
        for src in self._dests.keys() - dests.keys():
            _remove_page(self._dests[src])  # its person or meeting is gone: a dirty build would leave it
        self._sources, self._pending, self._frame, self._dashboard = self._pending, {}, frame, dashboard
        self._dests = dests
        self._files = {f.src_uri: f for f in pages
                       if isinstance(f, ReusablePage) and f.inclusion is InclusionLevel.NOT_IN_NAV}

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
