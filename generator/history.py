"""When each record last changed, from git history; empty where there is none (a downloaded archive)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .loader import display_path


def last_changed(content: Path) -> dict[str, str]:
    """Date (YYYY-MM-DD) of the last commit touching each file under ``content``, by display path."""
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
    dates: dict[str, str] = {}
    current = ""
    for line in log.splitlines():
        if line.startswith("\x00"):
            current = line[1:]
        elif line and current:
            dates.setdefault(display_path(Path(top) / line), current)
    return dates
