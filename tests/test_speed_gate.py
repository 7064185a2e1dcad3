"""The seam between the site and its engine: overrides that read only the front matter, copied
Material templates that name their version, and a speed layer that loads only on the pinned versions."""

from __future__ import annotations

import re
from importlib import metadata

import pytest

from opswatch_mkdocs import speed
from tests.helpers import ROOT

OVERRIDES = ROOT / "overrides"
_COPIED = re.compile(r"Copied from Material for MkDocs (\d+\.\d+\.\d+)")


def _templates() -> list:
    return sorted(p for p in OVERRIDES.rglob("*") if p.suffix in (".html", ".xml"))


def test_copied_templates_name_the_installed_material_version():
    copied = {p.relative_to(OVERRIDES).as_posix(): _COPIED.search(p.read_text("utf-8")) for p in _templates()}
    named = {rel: found.group(1) for rel, found in copied.items() if found}
    assert {"partials/search.html", "partials/source.html", "partials/tabs-item.html", "partials/ow-config.html"} <= set(named)
    installed = metadata.version("mkdocs-material")
    stale = {rel: version for rel, version in named.items() if version != installed}
    assert not stale, f"copied from another Material than the installed {installed}: compare and copy again: {stale}"


def test_overrides_read_no_plugin_globals():
    for path in _templates():
        text = path.read_text("utf-8")
        assert "opswatch_cache" not in text and "opswatch-original:" not in text, path  # the speed layer's names
        assert "material:" not in text, path


def test_the_speed_layer_is_pinned_to_requirements():
    pins = dict(
        line.split("==", 1)
        for line in (ROOT / "requirements.txt").read_text("utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    )
    assert all(pins.get(name) == version for name, version in speed.PINNED.items()), (speed.PINNED, pins)
    assert speed.mismatch() is None  # this environment installs requirements.txt


def test_on_another_version_the_speed_layer_says_why_in_one_line(monkeypatch):
    real = metadata.version
    monkeypatch.setattr(speed.metadata, "version", lambda name: "9.9.9" if name == "mkdocs-material" else real(name))
    reason = speed.mismatch()
    assert reason is not None and "\n" not in reason and "9.9.9" in reason and "9.8.1" in reason

    def missing(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(speed.metadata, "version", missing)
    assert "not installed" in (speed.mismatch() or "")


@pytest.mark.parametrize("module", ["plugin", "publish", "notices", "sitemap"])
def test_the_core_imports_no_private_mkdocs_name(module):
    text = (ROOT / "opswatch_mkdocs" / f"{module}.py").read_text("utf-8")
    owners = set(re.findall(r"(\w+)\._(?!_)\w+", text))
    assert owners <= {"self"}, f"private names of other objects: {owners - {'self'}}"
