"""Characters a record may not hold, and how any text is shown safely in a terminal.

YAML escapes (``"\\x01"``, ``"\\e"``, ``"\\0"``, ``"\\uFFFE"``) put characters in a record
that no one can see in a review: control characters (which break the feed's XML,
put NULs in pages and downloads, and drive the terminal of whoever runs the check),
bidirectional overrides and isolates (which reorder the site's own text around a
name), and invisible or blank-looking characters (which make two names look the
same, or a name look empty). Every string in a record, field names included, is
scanned once; each finding is one located problem naming the character as U+XXXX.

Right-to-left names need none of these: Arabic, Urdu, Persian and Hebrew letters
are accepted, the joiners (ZWNJ, ZWJ) are accepted between letters of scripts that
use them, and directional marks (LRM, RLM, ALM) in text that holds right-to-left
letters. The pages isolate such names with ``<bdi>``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

Loc = tuple[str | int, ...]

_NEVER = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # control characters (tab and line feed are text)
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers: blank-looking letters
    "\u00ad\u034f\u17b4\u17b5\u2800"  # soft hyphen, grapheme joiner, Khmer inherent vowels, Braille blank
    "\U0001d173-\U0001d17a"  # musical formatting characters
    "\u180e\u200b\u2060-\u2064\u206a-\u206f\ufeff"  # invisible separators and format characters
    "\u202a-\u202e\u2066-\u2069"  # bidirectional embeddings, overrides and isolates
    "\u2028\u2029"  # line and paragraph separators
    "\ufff9-\ufffb\ufdd0-\ufdef\ufffe\uffff"  # annotation controls, non-characters
    "\ud800-\udfff"  # lone surrogates (not encodable as UTF-8)
    "\U000e0000-\U000e007f"  # tag characters: invisible ASCII
    "]"
    "|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U000efffe\U000effff"
    "\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
_JOINERS = "\u200c\u200d"  # ZWNJ, ZWJ: needed inside Persian, Urdu, Indic words and emoji
_MARKS = "\u061c\u200e\u200f"  # ALM, LRM, RLM: needed in some right-to-left text
_SELECTORS = "\u180b-\u180d\u180f\ufe00-\ufe0f\U000e0100-\U000e01ef"  # variation selectors (Mongolian, standard, ideographic)
_CONTEXTUAL = re.compile(f"[{_JOINERS}{_MARKS}{_SELECTORS}]")
RTL = re.compile("[\u0590-\u061b\u061d-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
"""A strong right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko and others); not the Arabic letter mark,
which is itself invisible."""
_SCRIPTS = {"LATIN": "Latin", "CYRILLIC": "Cyrillic", "GREEK": "Greek"}
"""Scripts whose letters look alike (Latin E, Cyrillic Е, Greek Ε): one word never mixes them."""
_WORD = re.compile(r"[^\W\d_]{2,}")
_LOOK_ALIKE = re.compile("[\uff01-\uff5e\U0001d400-\U0001d7ff]")
"""Fullwidth and mathematical forms of Latin and Greek letters and digits: plain letters in disguise."""


def _what(ch: str) -> str:
    code = ord(ch)
    name = unicodedata.name(ch, "")
    if code < 0x20 or 0x7F <= code <= 0x9F:
        kind = "a control character"
    elif 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        kind = "a bidirectional control, which reorders the text around it"
    elif 0xD800 <= code <= 0xDFFF or (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF:
        kind = "not a character"
    else:
        kind = "an invisible character"
    return f"U+{code:04X}{f' {name}' if name else ''} ({kind})"


def _letterish(ch: str) -> bool:
    return ord(ch) > 0x7F and unicodedata.category(ch)[0] in "LMS"


MAX_MARKS = 8
"""Combining marks on one letter: scripts need three or four; more pile up over the text around them."""


def _stacked_marks(text: str) -> str | None:
    run = 0
    for i, ch in enumerate(text):
        if ord(ch) >= 0x300 and unicodedata.category(ch) in ("Mn", "Me"):
            run += 1
            if run > MAX_MARKS:
                return f"the text stacks more than {MAX_MARKS} combining marks on one letter (at character {i + 1}); remove them"
        else:
            run = 0
    return None


def _selector_fits(text: str, i: int) -> bool:
    """A variation selector right after a symbol (emoji style) or a letter of a script that has variants
    (Han ideographs, Mongolian): never after a Latin letter, a space or another selector."""
    if i == 0:
        return False
    before = text[i - 1]
    return unicodedata.category(before) in ("So", "Sm", "Lo")


def _bare_mark(text: str) -> int | None:
    """Where a combining mark stands on nothing (at the start, or after a space or punctuation), or None."""
    for i, ch in enumerate(text):
        if (
            ord(ch) >= 0x300
            and unicodedata.category(ch) in ("Mn", "Me")
            and (i == 0 or unicodedata.category(text[i - 1])[0] not in "LMNS")
        ):
            return i
    return None


def _mixed_script(text: str) -> str | None:
    """A word that mixes look-alike scripts ("Оperation" with a Cyrillic О), named, or None."""
    for word in _WORD.finditer(text):
        letters: dict[str, list[str]] = {}
        for ch in word.group():
            script = _SCRIPTS.get(unicodedata.name(ch, "").split(" ", 1)[0])
            if script is not None:
                letters.setdefault(script, []).append(ch)
        if len(letters) > 1:
            most = max(letters, key=lambda script: len(letters[script]))
            odd = next(script for script in letters if script != most)
            ch = letters[odd][0]
            return (
                f"the word '{printable(word.group())}' mixes {most} and {odd} letters (U+{ord(ch):04X} "
                f"{unicodedata.name(ch, '')} looks like a {most} letter); write it in one script"
            )
    return None


def character_problem(text: str) -> str | None:
    """Why ``text`` cannot be in a record, or None."""
    if text.isascii():
        bad = _NEVER.search(text)  # ASCII text can only hold control characters
        if bad is None:
            return None
    else:
        stacked = _stacked_marks(text)
        if stacked:
            return stacked
        bare = _bare_mark(text)
        if bare is not None:
            mark = text[bare]
            return (
                f"the text holds U+{ord(mark):04X} {unicodedata.name(mark, '')} at character {bare + 1}, a combining "
                "mark on no letter; remove it or put it after its letter"
            )
        mixed = _mixed_script(text)
        if mixed:
            return mixed
        disguised = _LOOK_ALIKE.search(text)
        if disguised:
            ch = disguised.group()
            return (
                f"the text holds U+{ord(ch):04X} {unicodedata.name(ch, '')} at character {disguised.start() + 1}, "
                f"a look-alike of '{unicodedata.normalize('NFKC', ch)}'; write the plain character"
            )
    bad = _NEVER.search(text)
    if bad is None:
        for found in _CONTEXTUAL.finditer(text):
            ch, i = found.group(), found.start()
            if ch in _MARKS:
                if RTL.search(text):
                    continue
            elif ch in _JOINERS:
                if 0 < i < len(text) - 1 and _letterish(text[i - 1]) and _letterish(text[i + 1]):
                    continue
            elif _selector_fits(text, i):
                continue
            bad = found
            break
        else:
            return None
    ch, i = bad.group(), bad.start()
    return f"the text holds {_what(ch)} at character {i + 1}, which a reader cannot see; remove it" + (
        " (right-to-left names display correctly without it)"
        if ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        else ""
    )


def scan(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every (field path, message) for a string in ``data``, field names included, that holds a refused character."""
    if isinstance(data, str):
        message = character_problem(data)
        if message:
            yield loc, message
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and character_problem(key):
                yield (*loc, key), f"this field name: {character_problem(key)}"
            yield from scan(value, (*loc, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from scan(item, (*loc, i))


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on, hide or reorder written as an escape (\\x1b, \\u202e)."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)
