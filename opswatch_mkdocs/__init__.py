"""The MkDocs adapter: the only code that imports MkDocs.

``plugin.py`` is the plugin MkDocs loads (``plugins: [opswatch]`` in mkdocs.yml, registered by
the entry point in pyproject.toml): it runs the generator before each build and adjusts pages
for the Material theme. ``preview.py`` keeps ``mkdocs serve`` alive through record problems;
``publish.py`` swaps a finished ``mkdocs build`` into place, one build at a time.
"""
