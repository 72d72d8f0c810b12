"""The theme's templates are compiled once for all the rebuilds of `mkdocs serve`, and again when edited."""

from __future__ import annotations

import jinja2

from handbook.site.compiled_templates import CompiledTemplates


def test_a_new_environment_reuses_the_code_and_an_edited_template_is_compiled_again(tmp_path, monkeypatch):
    (tmp_path / "page.html").write_text("Hello {{ name }}", encoding="utf-8")
    kept = CompiledTemplates()
    compiled: list[str] = []

    def environment() -> jinja2.Environment:  # as MkDocs makes one for each rebuild
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=kept)
        real = env.compile
        env.compile = lambda source, name=None, filename=None, **kw: compiled.append(name) or real(
            source, name, filename, **kw)
        return env

    assert environment().get_template("page.html").render(name="Ana") == "Hello Ana"
    assert environment().get_template("page.html").render(name="Bo") == "Hello Bo"
    assert compiled == ["page.html"]
    (tmp_path / "page.html").write_text("Hi {{ name }}", encoding="utf-8")
    assert environment().get_template("page.html").render(name="Cy") == "Hi Cy"
    assert compiled == ["page.html", "page.html"]
