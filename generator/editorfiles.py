"""Files that editors make beside the file being edited, which are never records.

While a file is open or being saved, editors write backups (``x.yml~``), lock files
(``.#x.yml``), swap files (``.x.yml.swp``), auto-saves (``#x.yml#``), a write test
(Vim's ``4913``) and temporary copies (``x.yml.tmp``, JetBrains' ``x.yml___jb_tmp___``).
The loader skips them and the preview does not rebuild for them, so saving a record
never reports a problem in a file the contributor did not write.
"""

from __future__ import annotations

import re

_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".tmp", "___jb_tmp___", "___jb_old___")
_SYSTEM = {"thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"}
"""Files the operating system puts in any folder it shows (Windows' thumbnails and folder settings)."""
_LEFTOVER = re.compile(
    r"^(?P<record>.+?)(?:\.(?P<ext>orig|rej|bak|backup|old)|_(?P<side>BACKUP|BASE|LOCAL|REMOTE)_\d+(?P<yml>\.yml)?)$"
)


def is_temporary(name: str) -> bool:
    """Whether a file name (no folder) is an editor's backup, lock, swap or temporary file, or a file the
    operating system leaves in folders (Thumbs.db, desktop.ini)."""
    return (
        name.endswith(_SUFFIXES)
        or name.lower() in _SYSTEM
        or name.startswith(".#")
        or (len(name) > 1 and name.startswith("#") and name.endswith("#"))
        or _vim_write_test(name)
    )


def _vim_write_test(name: str) -> bool:
    # Vim checks that it may write in a folder with a file named 4913, or 4913 + 123, 4913 + 246, ...
    # if that one exists (bufwrite.c); other all-digit names stay visible as misnamed records.
    return name.isdigit() and int(name) >= 4913 and (int(name) - 4913) % 123 == 0


def leftover(name: str) -> str | None:
    """What to do with a copy that a merge, a patch or a backup left beside a record
    (``x.yml.orig``, ``x.yml.rej``, ``x.yml.bak``, git mergetool's ``x_BASE_1234.yml``), or None:
    renaming it to end in .yml would publish a second copy of the record."""
    found = _LEFTOVER.match(name)
    if found is None:
        return None
    record = found["record"] + (found["yml"] or "")
    if found["side"] is None and not record.endswith(".yml"):
        return None
    if found["side"]:
        what = f"git mergetool's {found['side']} copy of {record}"
    elif found["ext"] == "orig":
        what = f"a copy of {record} that a merge or a patch kept"
    elif found["ext"] == "rej":
        what = f"the part of a patch to {record} that could not be applied"
    else:
        what = f"a backup of {record}"
    return f"this is {what}, not a record: bring any change you need into {record}, then delete this file"
