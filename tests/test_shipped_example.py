"""The one test that reads the repo's own contacts/: whatever is there (the shipped example, or a
user's handbook after the examples are deleted) must build strictly, in both profiles."""

from __future__ import annotations

from conftest import REPO, copy_handbook, run_mkdocs


def test_the_handbook_in_this_repo_builds_privately_and_publicly(tmp_path):
    root = copy_handbook(tmp_path / "handbook", contacts=REPO / "contacts")
    people = sorted(p.stem for p in (REPO / "contacts" / "people").glob("*.md"))
    for config, site in (("mkdocs.yml", "site"), ("mkdocs.public.yml", "site-public")):
        result = run_mkdocs(root, "build", "--strict", config=config)
        assert result.returncode == 0, f"{config}: {result.stderr}"
        assert (root / site / "index.html").is_file()
    for slug in people:  # the private build has a page for everyone in the repo's contacts/
        assert (root / "site" / "contacts" / slug / "index.html").is_file(), slug
