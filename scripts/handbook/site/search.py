"""Site search with Pagefind, in the place of Material's own (lunr) search.

Material draws its search box in the header when the site has a plugin called "material/search"
whose ``enabled`` is on. The handbook's plugin puts this one under that name: the box stays where
readers expect it, overrides/partials/search.html fills it with Pagefind's search, and Material's
lunr index (the whole site's text in one JSON file every reader downloads) is not written. A config
that still lists Material's ``search`` plugin gets it switched off, so no page is indexed twice.

``mkdocs build`` starts Pagefind at the ``env`` event, when every page has been read and none drawn
yet, and waits for it after the last page is written (pagefind_index.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, get_plugin_logger

from .pagefind_index import BUNDLE, PART_PAGES, BackgroundIndex, Indexing, SearchIndexError
from .search_pages import SearchPage, search_pages, without_exclude_marks

log = get_plugin_logger(__name__)
MATERIAL_SEARCH = "material/search"


class SearchConfig(Config):
    enabled = opt.Type(bool, default=True)  # what Material's header asks before drawing the box


class PagefindSearch(BasePlugin[SearchConfig]):
    def __init__(self, serving: bool):
        super().__init__()
        self.load_config({})
        self.part_pages = PART_PAGES  # the handbook plugin's `search_part_pages`
        self.background = BackgroundIndex(report=log.warning) if serving else None
        self.pages: list[SearchPage] = []
        self.indexing: Indexing | None = None  # mkdocs build's, from the env event to the end

    def on_pre_build(self, config):
        if self.background is not None:
            self.background.keep(Path(config.site_dir))

    def on_files(self, files, config):
        if self.background is not None:
            self.background.put_back(Path(config.site_dir))
        return files

    def on_env(self, env, config, files):
        # The pages MkDocs read in this build: in a dirty rebuild, those not read have no content.
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        self.pages = search_pages(pages, config.theme.get("language") or "en")
        if self.background is None:
            unread = [page.path for page in self.pages if not page.read]
            if unread:  # only `mkdocs build --dirty` leaves pages unread
                log.warning(f"mkdocs build --dirty did not read {len(unread)} page(s) again, such as "
                            f"{unread[0]}: search leaves them out until a full mkdocs build")
            size = sum(len(page.content or "") for page in pages) * 2  # text, and a margin for what is not ASCII
            self.indexing = Indexing(self.pages, Path(config.site_dir) / BUNDLE, directory_urls=config.use_directory_urls,
                                     part_pages=self.part_pages, size=size)
            self.pages = []  # written: only `mkdocs serve` needs them again
        return env

    def on_page_context(self, context, page, config, nav):
        # The page's document (on_env) keeps the marks; the page readers get does without them. Here,
        # one page at a time as it is drawn: all pages at once held every content twice (at
        # 10,000/30,000, 0.26 GB more at the peak).
        if page.content is not None:
            page.content = without_exclude_marks(page.content)
        return context

    def on_post_build(self, config):
        if self.background is not None:
            self.background.start(self.pages, Path(config.site_dir), directory_urls=config.use_directory_urls,
                                  part_pages=self.part_pages)
            return
        indexing, self.indexing = self.indexing, None
        try:
            indexing.wait()
        except SearchIndexError as error:
            raise Abort(f"Could not write the search index (Pagefind): {error}") from None

    def on_build_error(self, error):
        if self.indexing is not None:
            self.indexing.cancel()
            self.indexing = None

    def on_shutdown(self):
        if self.background is not None:
            self.background.close()


def install(config, *, serving: bool, kept: PagefindSearch | None = None,
            part_pages: int = PART_PAGES) -> PagefindSearch:
    """Register Pagefind's search as "material/search"; returns the instance to pass as ``kept`` next
    time. `mkdocs serve` loads a new config for each rebuild: the same instance goes into each, so a
    rebuild stops the index the last one started, and shutting down stops the last one."""
    current = config.plugins.get(MATERIAL_SEARCH)
    if isinstance(current, PagefindSearch):
        current.part_pages = part_pages
        return current
    if current is not None:
        current.config.enabled = False  # Material's lunr search, from a config that still lists it
    plugin = kept if kept is not None else PagefindSearch(serving)
    plugin.part_pages = part_pages
    config.plugins[MATERIAL_SEARCH] = plugin
    return plugin
