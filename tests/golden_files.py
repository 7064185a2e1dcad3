"""Golden files: the complete generated output of the test fixtures (never of the shipped records in content/).

``tests/golden/<case>/`` holds every file the generator writes (Markdown pages, data
downloads, feed, redirects) for one content tree, byte for byte. ``test_golden.py``
compares a fresh build with them; an intended change regenerates them with

    .venv/bin/python tests/golden_files.py

and shows up as a reviewable diff in ``git diff tests/golden``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
CASES: dict[str, Path] = {
    "mini": ROOT / "tests" / "fixtures" / "mini",
    "seeds": ROOT / "tests" / "fixtures" / "seeds",
}
"""Case name → the content tree it is built from."""

SITE_URL = "https://golden.invalid/ow/"
"""A fixed published address, so absolute links do not depend on mkdocs.yml."""

_SKIP = {".manifest.json", ".gitignore"}  # the writer's bookkeeping, not output
_SKIP_FOLDERS = {".cache"}  # the build's cache, not output


def generate(content: Path) -> dict[str, bytes]:
    """Every file a build of ``content`` writes, by POSIX path, with no git history (dates would vary)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from generator import build

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "docs"
        build.build(content, out, with_history=False, site_url=SITE_URL)
        return read_tree(out)


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (bookkeeping files left out), by POSIX path relative to it."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name not in _SKIP and path.relative_to(folder).parts[0] not in _SKIP_FOLDERS
    }


def update() -> None:
    """Rewrite every case's golden folder from a fresh build."""
    for case, content in CASES.items():
        target = GOLDEN / case
        files = generate(content)
        if target.exists():
            shutil.rmtree(target)
        for rel, data in files.items():
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        print(f"tests/golden/{case}: {len(files)} files")


def update_html() -> None:
    """Rewrite tests/golden/html/mini: the mini fixture built by MkDocs with the plugin, normalised
    for dates (tests/test_canary.py compares a fresh build with it)."""
    import tempfile

    from tests.helpers import MINI, build_site, make_project
    from tests.test_canary import REPO_URL, SITE_URL, write_golden_html

    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp), MINI)
        run = build_site(project, Path(tmp) / "site", SITE_URL=SITE_URL, REPO_URL=REPO_URL)
        if run.returncode != 0:
            raise SystemExit(run.stderr[-3000:])
        write_golden_html(Path(tmp) / "site")
    print("tests/golden/html/mini: written")


if __name__ == "__main__":
    import sys

    if "--html" in sys.argv:
        update_html()
    else:
        update()
    print("Review the change with: git diff --stat tests/golden && git diff tests/golden")
