"""MkDocs plugin: adds the generated pages as virtual files and reports problems MkDocs-style."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from .. import pipeline
from ..book import Handbook
from ..problems import errors, warnings
from ..read_cache import ReadCache
from ..render import RenderOptions, urls
from ..render.messages import remember_between_builds
from ..render.reuse import Reuse
from ..render.compact_html import compact
from ..render.headings import anchored
from ..render.site import render_errors
from . import search
from .compiled_templates import CompiledTemplates
from .idle_gc import IdleCollector
from .incremental import Incremental
from .shared_nav import SharedNav
from .theme_files import ThemeFiles
from .watch import watch_folder
from .withheld import Withheld, WithheldLinks

log = get_plugin_logger(__name__)


class HandbookConfig(Config):
    contacts_dir = opt.Type(str, default="contacts")
    profile = opt.Choice(("private", "public"), default="private")
    # Pagefind holds an index part in memory whole (about 75 KB a page): lower it where memory is short.
    search_part_pages = opt.Type(int, default=search.PART_PAGES)


class HandbookPlugin(BasePlugin[HandbookConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.command = "build"
        self.built: pipeline.Built | None = None
        self.started: pipeline.Started | None = None
        self.dashboard = ""  # HTML appended to the home page
        self.generated: set[str] = set()
        self.bodies: dict[str, str] = {}  # generated page -> its HTML, between reading and rendering
        self.withheld = Withheld()
        self.cache = ReadCache()  # `mkdocs serve` reads a contact file again only when it changed
        self.reuse = Reuse()  # ... and makes a page again only when what it shows changed
        self.incremental = Incremental()
        self.shared_nav = SharedNav()
        self.compiled = CompiledTemplates()  # the theme's, kept between the rebuilds of `mkdocs serve`
        self.theme_files = ThemeFiles()  # ... and the list of its files
        self.watcher = None
        self.search: search.PagefindSearch | None = None  # one for every rebuild of `mkdocs serve`
        self.idle_gc = IdleCollector()

    def on_startup(self, *, command, dirty):
        self.command = command
        remember_between_builds(command == "serve")
        self.incremental.enabled = command == "serve" and dirty

    def on_config(self, config):
        if self.command == "serve":
            self.idle_gc.busy()  # the first event of every rebuild
            self.theme_files.install(config.theme)
        root = Path(config.config_file_path or ".").resolve().parent
        self.root = root
        self.contacts_dir = (root / self.config.contacts_dir).resolve()
        if self.command == "gh-deploy" and self.config.profile != "public":
            raise Abort(
                "Refusing to publish the private build: it holds emails, phone numbers and notes.\n"
                "Deploy the public profile instead:  mkdocs gh-deploy -f mkdocs.public.yml"
            )
        if not any(isinstance(ext, WithheldLinks) for ext in config.markdown_extensions):
            config.markdown_extensions.append(WithheldLinks(self.withheld))
        if self.config.search_part_pages < 1:
            raise Abort(f"search_part_pages is {self.config.search_part_pages} in {config.config_file_path}: "
                        "give the number of pages a search index part may hold, "
                        f"1 or more ({search.PART_PAGES} by default).")
        self.search = search.install(config, serving=self.command == "serve", kept=self.search,
                                     part_pages=self.config.search_part_pages)
        return config

    def on_pre_build(self, config):
        # Load before MkDocs cleans site/, so a failing build leaves the previous site intact.
        options = RenderOptions(
            profile=self.config.profile,
            today=pipeline.today_from_env(),
            directory_urls=config.use_directory_urls,
            site_url=config.site_url or "",
        )
        self.options = options
        serving = self.command == "serve"
        self.started = pipeline.start(self.contacts_dir, options, self.root, cache=self.cache if serving else None,
                                      reuse=self.reuse if serving else None)
        self.cache.sweep()
        # Data warnings (too many questions, a huge note) must not fail `mkdocs build --strict`,
        # which counts every logged warning; `handbook check` and `mkdocs serve` show them as warnings.
        report = log.warning if self.command == "serve" else log.info
        for problem in warnings(self.started.problems):
            report(f"warning: {problem}")
        found = errors(self.started.problems)
        if found:
            for problem in found:
                log.error(str(problem))
            if self.command != "serve":
                raise Abort(f"{len(found)} error(s) in {self.config.contacts_dir}/: fix them and build again.")

    def on_files(self, files: Files, config) -> Files:
        assert self.started is not None
        if self.command == "serve":
            # Nothing reads a local server's sitemap, and drawing it lists every page on each save.
            # Here, not in on_config: the theme's files are listed by now, and the template among
            # them would be copied as it is.
            config.theme.static_templates.discard("sitemap.xml")
        self.built = self.started.finish()
        pages = self.built.pages
        found = errors(self.built.problems)
        extra = {urls.ERRORS_SRC: render_errors(found)} if found else {}
        self.generated = set(pages) | set(extra)
        self.incremental.start(config)
        for src in sorted(self.generated):
            existing = files.src_uris.get(src)  # ``src`` is a posix path already
            if existing is not None:
                files.remove(existing)
            # Single contacts and meetings stay out of the nav: every page embeds the whole nav.
            inclusion = InclusionLevel.NOT_IN_NAV if src.count("/") > 1 else InclusionLevel.UNDEFINED
            files.append(self.incremental.page_file(config, src, extra[src] if src in extra else pages[src], inclusion))
        for path, data in sorted(self.built.files.items()):
            files.append(File.generated(config, path, content=data))
        # The public build has no page for unshared people or meetings: nav entries and links to
        # them are dropped or become text (see withheld.py), instead of dead links.
        self.withheld.folders = self.built.withheld
        self.withheld.site_url = config.site_url or ""
        # Only the public profile withholds anything; the private one needs no list of pages.
        self.withheld.present = ({f.src_uri for f in files} | {f.url.rstrip("/") for f in files}
                                 if self.built.withheld else frozenset())
        if self.built.withheld and config.nav:
            config.nav = self.withheld.nav(config.nav) or []
        # Everything below needs only the dashboard, the problems and the list of pages: let the
        # Handbook go, so a big handbook's records are not held in memory beside every page.
        self.dashboard = self.built.dashboard
        self.incremental.mark(files, config, self.dashboard, len(found))
        self.built = replace(self.built, handbook=Handbook(), pages={})
        self.started = None
        return files

    def on_nav(self, nav, config, files):
        self.incremental.keep_titles(files)
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        self.withheld.page_src = page.file.src_uri
        if page.file.src_uri in self.generated:
            # A generated page is HTML already (its title and tags were in its frontmatter):
            # Python-Markdown gets nothing to parse, and on_page_content puts the HTML back.
            self.bodies[page.file.src_uri] = markdown
            page.file.content_string = ""  # one copy of the page in memory, not two
            # Nor does MkDocs set up a Markdown converter, with every extension, for nothing: about
            # a millisecond a page. MkDocs calls page.render right after this event.
            page.render = partial(_no_markdown, page)
            return ""
        return markdown

    def on_page_content(self, html, page, config, files):
        src = page.file.src_uri
        if src in self.generated:
            return self._with_toc(page, self.bodies.pop(src, ""))
        html = self.withheld.unlink_html(page.url, src, html)
        if page.is_homepage and self.dashboard:
            # The user's landing text stays theirs; the dashboard follows it (nothing in public builds).
            return self._with_toc(page, html + "\n" + self.dashboard)
        return html

    @staticmethod
    def _with_toc(page, html: str) -> str:
        html, tokens = anchored(html)
        page.toc = get_toc(tokens)
        return html

    def on_env(self, env, config, files):
        # The theme's templates do not change during a build (`mkdocs serve` makes a new environment
        # for each): no need to check every {% include %} on disk, thousands of times a build.
        env.auto_reload = False
        env.bytecode_cache = self.compiled
        self.shared_nav.install(env)
        return env

    def on_page_context(self, context, page, config, nav):
        self.incremental.remember(page)
        if self.built and errors(self.built.problems):
            context["handbook_errors"] = len(errors(self.built.problems))
        return context

    def on_post_page(self, output, page, config):
        return compact(output)  # the templates' indentation and blank lines: a fifth of a page's bytes

    def on_post_template(self, output, template_name, config):
        return compact(output) if template_name.endswith(".html") else output  # 404.html

    def on_serve(self, server, config, builder):
        self.watcher = watch_folder(server, self.contacts_dir)
        return server

    def on_post_build(self, config):
        if self.command == "serve":
            self.idle_gc.idle()

    def on_build_error(self, error):
        if self.command == "serve":
            self.idle_gc.idle()

    def on_shutdown(self):
        self.idle_gc.stop()
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None


def _no_markdown(page, config, files) -> None:
    """What Page.render leaves behind, for a page with no markdown: on_page_content fills it in."""
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = None  # links to its headings are not checked (its ids come from our templates)
