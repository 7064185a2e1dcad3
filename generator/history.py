"""When each record last changed, from git history; empty where there is none (a downloaded archive)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def last_changed(content: Path) -> dict[str, str]:
    """Date (YYYY-MM-DD) of the last commit touching each file under ``content``.

    Keyed like ``Document.source``: the path from the folder that holds ``content``.
    """
    try:
        top = subprocess.run(
            ["git", "-C", str(content), "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True, timeout=30
        ).stdout.strip()
        log = subprocess.run(
            ["git", "-C", str(content), "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", "."],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    try:  # git names files from the top of the repository; re-base them on the folder holding content/
        prefix = content.resolve().parent.relative_to(Path(top).resolve()).as_posix()
    except ValueError:
        return {}
    prefix = "" if prefix == "." else prefix + "/"
    dates: dict[str, str] = {}
    current = ""
    for line in log.splitlines():
        if line.startswith("\x00"):
            current = line[1:]
        elif line and current and line.startswith(prefix):
            dates.setdefault(line[len(prefix) :], current)
    return dates
