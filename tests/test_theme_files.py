"""`mkdocs serve` lists the installed theme's files once, and the site's own overrides every time."""

from __future__ import annotations

import jinja2
from conftest import write

from handbook.site.theme_files import ThemeFiles


class Theme:
    """What ThemeFiles uses of MkDocs' Theme: its folders, the site's own first, and get_env."""

    def __init__(self, custom_dir: str, installed: str):
        self.custom_dir, self.dirs = custom_dir, [custom_dir, installed]

    def get_env(self) -> jinja2.Environment:
        return jinja2.Environment(loader=jinja2.FileSystemLoader(self.dirs))


def test_the_installed_theme_is_listed_once_and_the_overrides_every_rebuild(tmp_path):
    custom, installed = tmp_path / "overrides", tmp_path / "material"
    write(custom / "main.html", "")
    write(installed / "assets" / "app.js", "")
    write(installed / "main.html", "")
    write(installed / ".icons" / "logo.svg", "")  # MkDocs copies no hidden file: not listed
    write(custom / ".cache" / "x.txt", "")
    kept = ThemeFiles()

    def listed() -> list[str]:
        theme = Theme(str(custom), str(installed))  # a new config, and so a new theme, each rebuild
        kept.install(theme)
        return theme.get_env().list_templates()

    assert listed() == ["assets/app.js", "main.html"]
    write(custom / "partials" / "extra.html", "")
    write(installed / "assets" / "new.js", "")  # cannot happen while the server runs: not looked for
    assert listed() == ["assets/app.js", "main.html", "partials/extra.html"]
