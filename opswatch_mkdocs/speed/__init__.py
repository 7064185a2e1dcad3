"""The speed layer: what makes MkDocs build and preview the generated site faster, and nothing else.

- ``fastpage.py`` / ``lightpages.py``: generated pages skip Python-Markdown and keep no HTML in memory.
- ``navcache.py``: the navigation and other partials rendered once for the pages they look the same on.
- ``htmlspace.py``: theme templates lose their indentation when loaded.
- ``rerender.py``: the preview renders again only the pages a record edit rewrote.
- ``layer.py``: the plugin's entry into all of these.

They use MkDocs' and Python-Markdown's private names and Material's template layout, so they load
only on the versions they were written and tested against (``PINNED``, the versions in
requirements.txt; a test keeps the two equal). On any other version the plugin says so in one line
and MkDocs takes its usual path: the site is the same, built more slowly.
"""

from __future__ import annotations

from importlib import metadata

PINNED = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.1", "Markdown": "3.11.3"}
"""The distributions the speed layer reaches into, at the versions it was written for."""


def mismatch() -> str | None:
    """Why the speed layer must stay off here (an installed version other than the pinned one), or None."""
    for name, pinned in PINNED.items():
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            found = "not installed"
        if found != pinned:
            return f"{name} is {found}, the speed layer is written for {pinned}"
    return None
