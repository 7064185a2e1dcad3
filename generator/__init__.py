"""Static explainer-site generator: curated records → Markdown pages for MkDocs."""

__version__ = "0.1.0"
