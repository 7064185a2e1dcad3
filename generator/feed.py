"""An Atom feed of operations, newest announcement first.

Atom needs a full timestamp for each entry. An operation's entry is dated by
its announcement when the year is known (at its precision, padded to the first
day), else by the date its record last changed in git; entries with neither
are left out rather than given an invented date. Each entry's text gives the
announcement date with how the site inferred it when it did, its leads and figures
with their marks (the site's reading, someone's words), and the warning on an
operation that cannot be identified.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from . import dates, outcomes
from .kinds import OPERATIONS
from .render import SITE_NAME, plain
from .site import Site

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def atom(site: Site, site_url: str = "") -> str:
    """The feed as an XML string; links are absolute when ``site_url`` is known."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    c = site.catalog
    entries = []
    for oid in site.op_order:
        op = c.operations[oid]
        first = dates.parse(op.announced.date).first_day() if op.announced else None
        if first is not None:
            updated: str | None = first.isoformat()
        else:
            updated = site.last_changed.get(c.documents[(OPERATIONS, oid)].source)
        if updated:
            entries.append((updated, oid))
    entries.sort(key=lambda pair: (pair[0], pair[1]), reverse=True)

    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{SITE_NAME}: operations"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = base + "feed.xml" if base else "urn:operations-watch:feed"
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=base + "feed.xml")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=base + OPERATIONS.url("index"))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(entries[0][0]) if entries else "1970-01-01T00:00:00Z"
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = SITE_NAME
    for updated, oid in entries:
        op = c.operations[oid]
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = op.name
        ET.SubElement(entry, f"{{{ATOM}}}id").text = (
            base + OPERATIONS.url(oid) if base else f"urn:operations-watch:{OPERATIONS.singular}:{oid}"
        )
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=base + OPERATIONS.url(oid))
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(updated)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = plain(op.summary, 400)
        facts = outcomes.facts_line(site, oid)
        if facts:
            ET.SubElement(entry, f"{{{ATOM}}}content", type="text").text = facts
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
