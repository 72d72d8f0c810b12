"""The public build leaks nothing: every byte of every output file is searched for private values.

The handbook is the example one plus 40 generated people, half of them shared, whose private
values are all distinctive (leak-07@example.org, PRIVATE-NOTE-07 ...), so a single hit is a leak.
"""

from __future__ import annotations

import html
import itertools
import json
import posixpath
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ENGINES, REPO, copy_handbook, run_mkdocs, write, write_record
from search_index import unpacked
from mkdocs.config import load_config

from handbook.book import load_handbook

GIVEN = ["Ardith", "Bexley", "Calloway", "Dorinda", "Ephraim", "Fenella", "Gideon", "Hollis"]
FAMILY = ["Quarrington", "Rosewarne", "Sallowby", "Tregothnan", "Umberleigh"]
GUIDE_PAGE = "people-i-met.md"


@dataclass
class Person:
    n: int
    name: str
    slug: str
    shared: bool
    public: dict[str, str] = field(default_factory=dict)   # must appear when shared
    private: list[str] = field(default_factory=list)      # must never appear in a public build


def generated_people(count: int = 40) -> list[Person]:
    people = []
    for n, (family, given) in enumerate(itertools.islice(itertools.product(FAMILY, GIVEN), count)):
        people.append(Person(n, f"{given} {family}", f"{given}-{family}".lower(), shared=n % 2 == 0))
    return people


def write_generated(contacts: Path, people: list[Person]) -> list[str]:
    """Writes each person and a meeting with them; returns the private values of the meetings."""
    meeting_values = []
    for p in people:
        k = f"{p.n:02d}"
        company, role, tag = f"Company{k} Ltd", f"Role{k} Analyst", f"tag{k}"
        fields = {
            "name": p.name, "greeting": f"Dr. GREETING{k}", "company": company, "role": role,
            "location": f"Leakville{k}, MN", "email": f"leak-{k}@example.org", "phone": f"+1 555 77{k}",
            "linkedin": f"https://www.linkedin.com/in/shared-{k}", "prefers": "email",
            "how_we_met": f"HOWWEMET-{k} at the spring meetup", "tags": [tag, "generated"],
            "status": "met", "stay_in_touch": 90,
            "touches": [{"date": "2026-10-01", "via": "email", "note": f"TOUCH-NOTE-{k} sent the article"}],
            "share": p.shared,
        }
        if p.n:  # everyone was referred by the previous person: shared and unshared mix
            fields["referred_by"] = people[p.n - 1].slug
        note = f"PRIVATE-NOTE-{k} confided that the team is being reorganised."
        write_record(contacts / "people" / f"{p.slug}.md", fields, note + "\n")
        p.private += [fields["email"], fields["phone"], fields["phone"].replace(" ", ""), fields["location"],
                      fields["how_we_met"], f"GREETING{k}", f"TOUCH-NOTE-{k}", f"PRIVATE-NOTE-{k}"]
        if p.shared:
            p.public = {"name": p.name, "company": company, "role": role, "tag": tag, "linkedin": fields["linkedin"]}
        else:
            p.private += [p.name, p.slug, company, role, tag]

        meeting = f"2026-12-{1 + p.n % 28:02d}-{p.slug}"
        values = [meeting, f"MEETING-PLACE-{k} Cafe", f"MEETING-GOAL-{k} learn how hiring works",
                  f"MEETING-RESEARCH-{k} read the annual report", f"FOLLOWUP-TASK-{k} send the portfolio",
                  f"MEETING-NOTE-{k} said to apply in March"]
        with_ = [p.slug] if p.n % 5 else [p.slug, people[(p.n + 1) % len(people)].slug]
        write_record(contacts / "meetings" / f"{meeting}.md", {
            "date": f"2026-12-{1 + p.n % 28:02d} 10:00", "with": with_, "kind": "coffee",
            "place": values[1], "minutes": 30, "goal": values[2], "research": values[3],
            "follow_ups": [{"task": values[4], "due": "2026-12-30"}], "status": "planned",
        }, values[5] + "\n")
        meeting_values += values
    return meeting_values


def example_private_values(root: Path) -> list[str]:
    """The example handbook's private values that the hand-written guide does not happen to contain."""
    handbook, _ = load_handbook(root / "contacts", root)
    guide = "\n".join(p.read_text(encoding="utf-8") for p in (root / "content").rglob("*.md"))
    values = []
    for c in handbook.contacts.values():
        values += [c.email, c.phone, c.location, c.how_we_met, c.greeting, *c.notes.splitlines()]
        values += [t.note for t in c.touches]
        if not c.share:
            values += [c.name, c.slug]
    for m in handbook.meetings.values():
        values += [m.slug, m.place, m.goal, *m.research.splitlines(), *m.notes.splitlines()]
        values += [f.task for f in m.follow_ups]
    return sorted({v.strip() for v in values if len(v.strip()) >= 8 and v.strip() not in guide})


def output_texts(site: Path) -> dict[str, str]:
    """Every output file as text, in every form a value could hide in: raw, HTML- and URL-decoded,
    JSON-decoded, and gunzipped (sitemap.xml.gz, and every file of the search index in pagefind/)."""
    texts = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = unpacked(path.read_bytes())
        text = data.decode("utf-8", errors="replace")
        forms = [text, html.unescape(text), unquote(text)]
        if path.suffix == ".json":
            forms.append(json.dumps(json.loads(text), ensure_ascii=False))
        texts[path.relative_to(site).as_posix()] = "\n".join(forms)
    return texts


def leaks(texts: dict[str, str], values: list[str]) -> list[tuple[str, str]]:
    return [(value, name) for value in values for name, text in texts.items() if value in text]


@pytest.fixture(scope="module")
def handbook(tmp_path_factory):
    root = copy_handbook(tmp_path_factory.mktemp("privacy") / "handbook")
    # A hosted site sets site_url; only then does MkDocs list every page in the sitemap.
    with (root / "mkdocs.public.yml").open("a", encoding="utf-8") as config:
        config.write("\nsite_url: https://handbook.example.org/\n")
    people = generated_people()
    meeting_values = write_generated(root / "contacts", people)
    hidden = next(p for p in people if not p.shared)
    # A hand-written guide page that links to an unshared person and to the meetings, every way a
    # link can be written: none may carry the person's slug into the public site.
    encoded = "".join(f"%{ord(c):02X}" for c in hidden.slug)
    write(root / "content" / GUIDE_PAGE,
          "# People I met\n\n"
          f"A markdown link to [a friend at a startup](contacts/{hidden.slug}/index.md), "
          f"a folder link to [the same friend](contacts/{hidden.slug}/), "
          f'an HTML link to <a href="../contacts/{hidden.slug}/">my mentor</a>, '
          f'one written from the source file <a class="x" href=\'contacts/{hidden.slug}/\'>an old colleague</a>, '
          "a link to [all my meetings](meetings/index.md), "
          f"and one to [a shared person](contacts/{people[0].slug}/index.md).\n\n"
          f"From the root: [a neighbour](/contacts/{hidden.slug}/), "
          f"by the site's address [a cousin](https://handbook.example.org/contacts/{hidden.slug}/), "
          f"percent-encoded [a classmate](%63ontacts/{encoded}/), "
          f"by reference [a coach][coach], "
          f"unquoted <a href=../contacts/{hidden.slug}/>a teammate</a>, "
          f'with character references <a href="&#99;ontacts/{hidden.slug}/">a landlord</a>, '
          f"with backslashes <a href='..\\contacts\\{hidden.slug}\\'>a tutor</a>, "
          f'a picture <img src="/contacts/{hidden.slug}/photo.png" alt="a portrait">, '
          f"and the bare address <https://handbook.example.org/contacts/{hidden.slug}/>.\n\n"
          f"[coach]: /contacts/{hidden.slug}/\n")
    return root, people, meeting_values


@pytest.fixture(scope="module")
def public_site(handbook):
    root, _, _ = handbook
    result = run_mkdocs(root, "build", "--strict", config="mkdocs.public.yml")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return root / "site-public"


@pytest.fixture(scope="module")
def public_texts(public_site):
    return output_texts(public_site)


def test_public_config_inherits_the_site_and_switches_the_profile():
    config = load_config(str(REPO / "mkdocs.public.yml"))
    assert config.plugins["handbook"].config.profile == "public"
    assert "material/search" not in config.plugins  # search is Pagefind's, added by our plugin
    assert Path(config.site_dir).name == "site-public"
    assert config.theme.name == "material" and config.nav  # everything else comes from mkdocs.yml


def test_no_private_value_reaches_any_output_file(handbook, public_texts):
    root, people, meeting_values = handbook
    private = [v for p in people for v in p.private] + meeting_values + example_private_values(root)
    assert len(private) > 500
    assert {"pagefind/pagefind-entry.json", "sitemap.xml", "sitemap.xml.gz", "404.html"} <= set(public_texts)
    assert sum(name.startswith("pagefind/fragment/") for name in public_texts) >= 20  # every shared person
    assert leaks(public_texts, private) == []


def test_the_same_scan_finds_those_values_in_the_private_build(handbook, tmp_path):
    """Proof that the scan can fail: the private site holds every one of them."""
    root, people, meeting_values = handbook
    result = run_mkdocs(root, "build", "--strict", site=tmp_path / "site")
    assert result.returncode == 0, result.stderr
    texts = output_texts(tmp_path / "site")
    private = [v for p in people for v in p.private] + meeting_values
    found = {value for value, _ in leaks(texts, private)}
    assert sorted(set(private) - found) == []


def test_shared_people_show_their_public_fields(handbook, public_site, public_texts):
    _, people, _ = handbook
    shared = [p for p in people if p.shared]
    assert len(shared) == 20
    for p in shared:
        page = html.unescape((public_site / "contacts" / p.slug / "index.html").read_text(encoding="utf-8"))
        for value in p.public.values():
            assert value in page, (p.slug, value)
        assert any(p.public["company"] in text for name, text in public_texts.items() if name.startswith("pagefind/"))
        assert f"contacts/{p.slug}/" in public_texts["sitemap.xml"]


def test_only_shared_people_get_pages_and_no_meeting_does(handbook, public_site):
    root, people, _ = handbook
    full, _ = load_handbook(root / "contacts", root)
    expected = sorted(slug for slug, c in full.contacts.items() if c.share)
    assert sorted(p.parent.name for p in (public_site / "contacts").glob("*/index.html")) == expected
    assert not (public_site / "meetings").exists()


def test_a_shared_person_referred_by_an_unshared_one_shows_no_referrer(handbook, public_site):
    _, people, _ = handbook
    page = (public_site / "contacts" / people[2].slug / "index.html").read_text(encoding="utf-8")
    assert people[1].name not in page and "Referred by" not in page


def test_guide_links_to_withheld_pages_become_plain_text(handbook, public_site):
    _, people, _ = handbook
    hidden = next(p for p in people if not p.shared)
    page = (public_site / "people-i-met" / "index.html").read_text(encoding="utf-8")
    for words in ("a friend at a startup", "the same friend", "my mentor", "an old colleague", "all my meetings",
                  "a neighbour", "a cousin", "a classmate", "a coach", "a teammate", "a landlord", "a tutor",
                  "a page this site does not share"):
        assert f"<span>{words}</span>" in page
    assert 'alt="a portrait"' in page
    assert hidden.slug not in unquote(html.unescape(page)) and "meetings/" not in page
    assert f'href="../contacts/{people[0].slug}/"' in page  # a shared person keeps the link


def test_the_public_nav_has_no_meetings_tab(public_site):
    index = (public_site / "index.html").read_text(encoding="utf-8")
    assert "Questions" in index and "Contacts" in index
    assert "Meetings" not in index


def test_every_internal_link_of_the_public_site_resolves(public_site):
    broken = []
    for page in public_site.rglob("*.html"):
        base = posixpath.dirname(page.relative_to(public_site).as_posix())
        for href in re.findall(r'\bhref="([^"]*)"', page.read_text(encoding="utf-8")):
            scheme, netloc, path, _, _ = urlsplit(html.unescape(href))
            if scheme or netloc or not path:
                continue
            # 404.html links from the site root, since it is served at any depth.
            target = public_site / posixpath.normpath(posixpath.join(base, unquote(path))).lstrip("/")
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append((page.relative_to(public_site).as_posix(), href))
    assert broken == []


def test_the_profile_can_also_come_from_the_environment(handbook, tmp_path):
    root, people, _ = handbook
    result = run_mkdocs(root, "build", "--strict", site=tmp_path / "site", env={"HANDBOOK_PROFILE": "public"})
    assert result.returncode == 0, result.stderr
    shared, hidden = people[0], people[1]
    assert (tmp_path / "site/contacts" / shared.slug / "index.html").is_file()
    assert not (tmp_path / "site/contacts" / hidden.slug).exists()
    assert leaks(output_texts(tmp_path / "site"), hidden.private) == []


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)


@pytest.fixture
def deployable(tmp_path):
    """A handbook in its own git repo whose 'origin' is a local bare repo, so nothing leaves the machine."""
    root = copy_handbook(tmp_path / "handbook")
    remote = tmp_path / "remote.git"
    git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    git("init", "-q", cwd=root)
    git("remote", "add", "origin", str(remote), cwd=root)
    return root, remote


GIT_IDENTITY = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}


@pytest.mark.parametrize("engine", ENGINES)
def test_gh_deploy_of_the_private_profile_refuses_before_doing_anything(deployable, engine):
    root, remote = deployable
    result = run_mkdocs(root, "gh-deploy", "--force", env=GIT_IDENTITY, engine=engine)
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Refusing to publish the private build" in said
    assert "mkdocs gh-deploy -f mkdocs.public.yml" in said
    assert "Traceback" not in said
    assert not (root / "site").exists()
    assert git("branch", "--list", "gh-pages", cwd=root).stdout == ""
    assert subprocess.run(["git", "show-ref"], cwd=remote, capture_output=True, text=True).stdout == ""


def test_gh_deploy_of_the_public_profile_publishes_shared_people_only(deployable):
    root, remote = deployable
    result = run_mkdocs(root, "gh-deploy", "--force", config="mkdocs.public.yml", env=GIT_IDENTITY)
    assert result.returncode == 0, result.stderr
    published = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).stdout.split()
    people = sorted({p.split("/")[1] for p in published if re.match(r"contacts/[^/]+/index\.html$", p)})
    full, _ = load_handbook(root / "contacts", root)
    assert people == sorted(slug for slug, c in full.contacts.items() if c.share)
    assert not any(p.startswith("meetings/") for p in published)
