"""Files that editors make beside the file being edited, which are never records.

While a file is open or being saved, editors write backups (``x.yml~``), lock files
(``.#x.yml``), swap files (``.x.yml.swp``), auto-saves (``#x.yml#``), a write test
(Vim's ``4913``) and temporary copies (``x.yml.tmp``, JetBrains' ``x.yml___jb_tmp___``).
The loader skips them and the preview does not rebuild for them, so saving a record
never reports a problem in a file the contributor did not write.
"""

from __future__ import annotations

_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".tmp", "___jb_tmp___", "___jb_old___")


def is_temporary(name: str) -> bool:
    """Whether a file name (no folder) is an editor's backup, lock, swap or temporary file."""
    return (
        name.endswith(_SUFFIXES)
        or name.startswith(".#")
        or (len(name) > 1 and name.startswith("#") and name.endswith("#"))
        or _vim_write_test(name)
    )


def _vim_write_test(name: str) -> bool:
    # Vim checks that it may write in a folder with a file named 4913, or 4913 + 123, 4913 + 246, ...
    # if that one exists (bufwrite.c); other all-digit names stay visible as misnamed records.
    return name.isdigit() and int(name) >= 4913 and (int(name) - 4913) % 123 == 0
