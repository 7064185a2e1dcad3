"""Problems found in the records, and how they are printed."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .textcheck import printable


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located as precisely as possible."""

    file: str
    """Path of the file, as the contributor sees it (e.g. content/operations/x.yml)."""
    line: int
    """1-based line number (1 when the whole file is at fault)."""
    column: int
    """1-based column number."""
    field: str
    """Field path inside the record, e.g. outcomes[2].qualifier; empty for the whole file."""
    message: str
    """What is wrong and what to do, in plain language."""

    def text(self) -> str:
        """``file:line:col: field: message``, the form editors and CI logs link."""
        where = f"{printable(self.file)}:{self.line}:{self.column}"
        # Always one line, whatever a library said, and never a character a terminal acts on.
        message = _short(printable(" ".join(self.message.split())), MAX_MESSAGE)
        field = _short(printable(self.field), MAX_FIELD)
        return f"{where}: {field}: {message}" if self.field else f"{where}: {message}"

    def github(self) -> str:
        """A GitHub Actions workflow command that annotates the line in a pull request."""

        def prop(value: str) -> str:
            value = printable(value.replace("\r", " ").replace("\n", " "))
            return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")

        def data(value: str) -> str:
            value = _short(printable(" ".join(value.split())), MAX_MESSAGE)
            return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        title = prop(_short(self.field, MAX_FIELD) or "record")
        return f"::error file={prop(self.file)},line={self.line},col={self.column},title={title}::{data(self.message)}"


# A record can hold a field name or value of a megabyte; a problem line quotes at most this much of it.
MAX_FIELD = 200
MAX_MESSAGE = 1_000


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class UsageError(Exception):
    """A mistake in how a command was run (folders, options), not in the records; the message says what to do."""


class ContentError(Exception):
    """Raised once, at the end, when the content has problems; carries all of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in the content")


_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def _quoted(key: str) -> str:
    """A key in double quotes, shown as itself ("São Paulo"), with only what a terminal cannot show
    escaped (line breaks, control and invisible characters)."""
    inner = json.dumps(key, ensure_ascii=False)[1:-1]
    return '"' + "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in inner) + '"'


def field_path(loc: Iterable[str | int]) -> str:
    """``('outcomes', 2, 'qualifier')`` → ``outcomes[2].qualifier``; odd keys are quoted."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not _PLAIN_KEY.match(str(part)):
            out += f"[{_quoted(str(part))}]"  # a key with spaces, newlines or symbols
        else:
            out += f".{part}" if out else str(part)
    return out


def format_all(problems: Sequence[Problem], style: str = "text") -> str:
    """Every problem, one line each, sorted by file and line, with a closing count."""
    lines = [p.github() if style == "github" else p.text() for p in sorted(set(problems))]
    count = len(lines)
    lines.append(f"{count} problem{'s' if count != 1 else ''} found; nothing was built. Fix them and run the check again.")
    return "\n".join(lines)
