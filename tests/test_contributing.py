"""The contributor's path: skeletons, schemas for editors, redirects for renamed records, change dates."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import checker, history, link, pages, schemas
from generator.kinds import BY_SINGULAR, KINDS
from generator.problems import ContentError
from tests.helpers import ROOT, build_site, make_project, run_generator


def test_new_writes_a_commented_skeleton_that_check_refuses_until_its_placeholders_are_replaced(mini_content):
    written = []
    for kind, extra in (
        ("source", []),
        ("operation", ["--source", "report-a"]),
        ("series", ["--source", "report-a"]),
        ("agency", ["--source", "report-a"]),
        ("country", ["--source", "report-a"]),
    ):
        rid = "de" if kind == "country" else f"new-{kind}"
        result = run_generator("new", kind, rid, "--content", str(mini_content), *extra)
        assert result.returncode == 0, result.stdout
        folder = BY_SINGULAR[kind]
        path = mini_content / folder / f"{rid}.yml"
        text = path.read_text("utf-8")
        assert text.splitlines()[0] == schemas.header(folder)
        assert "TODO" in text
        assert "# summary:" in text or kind in ("source", "country")
        written.append(path)
    # A record fresh from `new` would publish a "TODO" page: the check names each placeholder.
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    found = [p.text() for p in caught.value.problems]
    assert found and all("is still the placeholder that the new command wrote; replace it" in p for p in found), found
    assert {p.split(":")[0].rsplit("/", 1)[1] for p in found} == {path.name for path in written}
    for path in written:
        path.write_text(path.read_text("utf-8").replace("TODO", "Written"), "utf-8")
    checker.check(mini_content)  # every skeleton passes the check once its placeholders are replaced


def test_new_refuses_to_overwrite_and_bad_ids(mini_content):
    before = (mini_content / "operations" / "op-one.yml").read_bytes()
    again = run_generator("new", "operation", "op-one", "--content", str(mini_content), "--source", "report-a")
    assert again.returncode == 1 and "already exists" in again.stdout
    assert (mini_content / "operations" / "op-one.yml").read_bytes() == before
    bad = run_generator("new", "operation", "Bad_Id", "--content", str(mini_content), "--source", "report-a")
    assert bad.returncode == 1 and "not a valid id" in bad.stdout
    no_source = run_generator("new", "operation", "fine-id", "--content", str(mini_content))
    assert no_source.returncode == 1 and "--source" in no_source.stdout
    unknown = run_generator("new", "operation", "fine-id", "--content", str(mini_content), "--source", "nope")
    assert unknown.returncode == 1 and "no source 'nope'" in unknown.stdout
    assert not (mini_content / "operations" / "fine-id.yml").exists()


def test_committed_schemas_match_the_models():
    stale = [p.name for p in schemas.stale()]
    assert stale == [], (
        f"schemas/{', '.join(stale)} differ from the models and vocabularies: run .venv/bin/python -m generator schema"
    )
    result = run_generator("schema", "--check")
    assert result.returncode == 0, result.stdout


def test_schema_check_notices_a_stale_file(tmp_path):
    schemas.write(tmp_path)
    (tmp_path / "agency.schema.json").write_text("{}", "utf-8")
    assert [p.name for p in schemas.stale(tmp_path)] == ["agency.schema.json"]


def test_every_shipped_record_names_its_schema():
    for folder in KINDS:
        for path in (ROOT / "content" / folder).glob("*.yml"):
            assert path.read_text("utf-8").splitlines()[0] == schemas.header(folder), path


def _rename(content: Path) -> None:
    old = content / "operations" / "op-two.yml"
    text = old.read_text("utf-8") + "former_ids: [operation-two-old]\n"
    old.unlink()
    (content / "operations" / "op-2.yml").write_text(text, "utf-8")
    one = content / "operations" / "op-one.yml"
    one.write_text(one.read_text("utf-8").replace("related: [op-two]", "related: [op-2]"), "utf-8")


def test_former_ids_get_redirect_pages(mini_content):
    _rename(mini_content)
    files = pages.all_files(link.link(checker.check(mini_content)))
    page = files["operations/operation-two-old.html"]
    assert 'http-equiv="refresh" content="0; url=op-2.html"' in page
    assert '<a href="op-2.html">Operation Two</a>' in page


@pytest.mark.e2e
def test_redirect_page_is_in_the_built_site(tmp_path, mini_content):
    _rename(mini_content)
    project = make_project(tmp_path, mini_content)
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "url=op-2.html" in (site / "operations" / "operation-two-old.html").read_text("utf-8")
    assert (site / "operations" / "op-2.html").exists()


def test_last_changed_outside_git_is_empty(tmp_path, mini_content):
    assert history.last_changed(mini_content) == {}  # a downloaded archive: no history, no failure


def test_last_changed_from_git(tmp_path, mini_content, monkeypatch):
    env = {
        "GIT_AUTHOR_DATE": "2024-03-05T10:00:00Z",
        "GIT_COMMITTER_DATE": "2024-03-05T10:00:00Z",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "records"]):
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True)
    monkeypatch.chdir(mini_content / "agencies")  # keys do not depend on the working folder
    dates = history.last_changed(mini_content)
    assert dates["content/operations/op-one.yml"] == "2024-03-05"
    site = link.link(checker.check(mini_content), dates)
    assert "Record last changed on" in pages.all_files(site)["operations/op-one.md"]


# --- the README's promises: licences, the first run, the theme's notice -------------------------


def test_licences_are_there_and_the_readme_says_which_covers_what():
    code, records = (ROOT / "LICENSE").read_text("utf-8"), (ROOT / "content" / "LICENSE").read_text("utf-8")
    assert code.startswith("MIT License") and "content/LICENSE" in code
    assert "Attribution 4.0 International Public License" in records and "Section 8 -- Interpretation." in records
    readme = (ROOT / "README.md").read_text("utf-8")
    licence = readme[readme.index("## Licence") :]
    assert "MIT, in [`LICENSE`](LICENSE)" in licence and "CC BY 4.0), in [`content/LICENSE`](content/LICENSE)" in licence
    # The footer and the downloads say the same.
    assert "Records CC BY 4.0 · Code MIT" in (ROOT / "mkdocs.yml").read_text("utf-8")


def test_readme_leads_with_the_site_and_keeps_internals_in_architecture():
    readme = (ROOT / "README.md").read_text("utf-8")
    headings = [line for line in readme.splitlines() if line.startswith("## ")]
    assert headings[:4] == ["## Two commands", "## Preview while editing", "## Publish", "## Contribute"]
    assert "(ARCHITECTURE.md)" in readme and "(CONTRIBUTING.md)" in readme
    architecture = (ROOT / "ARCHITECTURE.md").read_text("utf-8")
    assert "## The build" in architecture and "search_index.py" in architecture
    assert len(readme.split()) < 1000  # the internals live in ARCHITECTURE.md


def test_first_setup_says_what_it_is_doing(tmp_path: Path):
    # A checkout with an empty requirements file: the venv and the install are real, and quick.
    (tmp_path / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "setup.sh", tmp_path / "scripts" / "setup.sh")
    (tmp_path / "requirements.txt").write_text("", "utf-8")
    result = subprocess.run(
        ["bash", str(tmp_path / "scripts" / "setup.sh")],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": os.environ["PATH"], "PIP_NO_INDEX": "1"},
    )
    said = result.stdout
    assert "Setting up: creating .venv/" in said
    assert "installing the pinned packages of requirements.txt" in said and "usually 1-2 minutes" in said
    assert re.search(r"packages installed in \d+ s", said), said + result.stderr


def test_the_venv_silences_the_theme_end_of_life_notice():
    # Material prints the notice when MkDocs imports its templates, unless NO_MKDOCS_2_WARNING is
    # set; scripts/setup.sh sets it in the venv, so a bare `.venv/bin/mkdocs serve` is quiet too.
    script = "import sys; sys.argv[0] = 'mkdocs'; import material.templates"
    quiet = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert quiet.returncode == 0 and "end of life" not in quiet.stdout + quiet.stderr
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "## The theme's end of life" in readme


def test_check_names_the_one_command_when_a_new_term_leaves_the_schemas_behind(mini_content, monkeypatch, capsys):
    from generator import cli, vocab

    monkeypatch.setattr(vocab, "SHIPPED", (mini_content / "vocab").resolve())
    monkeypatch.setattr(schemas, "stale", lambda folder=None: [Path("operation.schema.json")])
    cli._schema_notice(mini_content)
    out = capsys.readouterr().out
    assert "schemas/operation.schema.json" in out and "run .venv/bin/python -m generator schema" in out
    monkeypatch.setattr(schemas, "stale", lambda folder=None: [])
    cli._schema_notice(mini_content)
    assert capsys.readouterr().out == ""
