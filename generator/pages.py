"""Which pages the site has, what records each one shows (see plan.py), and what its front matter says."""

from __future__ import annotations

import json
from collections import defaultdict
from functools import partial

from . import citations, dates, html, lists, loader, paging, seriestable, vocab
from .countries import REGIONS
from .html import Markup
from .kinds import AGENCIES, COUNTRIES, OPERATIONS, PAGES, SERIES, SOURCES
from .plan import ALL, Bundle, Output, Page, Plan, first, keys, render_all
from .render import SEARCH_EXCLUDE, jsonld, plain, render_page
from .site import Basis, Site


def _edit(site: Site, kind: str, rid: str) -> str:
    """The record file a page is made from: the "edit this page" target."""
    return site.catalog.documents[(kind, rid)].source


def _meta(site: Site, title: str, description: str, about: dict | None, edit_path: str | None = None, **extra) -> dict:
    meta: dict = {"title": title, "description": description}
    if edit_path:
        meta["edit_path"] = edit_path
        if edit_path in site.last_changed:
            meta["last_changed"] = site.last_changed[edit_path]
    meta.update(extra)
    page: dict[str, object] = {"@type": "WebPage", "name": title, "description": description}
    if about:
        page["about"] = about
    meta["jsonld"] = jsonld(page)
    return meta


def _record_extra(site: Site, kind: str, rid: str) -> tuple[str, str | None]:
    """What a record page shows beyond its records: its file (the edit link) and when git last changed it."""
    edit = _edit(site, kind, rid)
    return (edit, site.last_changed.get(edit))


def operation_pages(site: Site) -> list[Page]:
    """An operation's page shows the records it names (agencies, sources, related operations)
    and the operations that name it as related."""
    out = []
    for oid in site.catalog.operations:
        inputs = frozenset([(OPERATIONS, oid), *site.references[(OPERATIONS, oid)], *keys(OPERATIONS, site.related.get(oid, ()))])
        path = OPERATIONS.page(oid)
        out.append(Page(path, inputs, _record_extra(site, OPERATIONS, oid), partial(_operation_page, site, oid, path)))
    return out


def _operation_page(site: Site, oid: str, path: str) -> str:
    op = site.catalog.operations[oid]
    meta = _meta(site, op.name, plain(op.summary), _event(site, op), _edit(site, OPERATIONS, oid), aliases=list(op.aliases))
    return render_page("operation.md.j2", path, site, meta, citations.operation(site, oid), oid=oid, op=op)


def _iso_duration(text: str) -> str:
    """'2 years' → 'P2Y' (ISO 8601), for schema.org."""
    number, unit = text.split()
    return f"P{number}{unit[0].upper()}" if unit[0] != "w" else f"P{number}W"


def _when(about: dict, span) -> None:
    """Dates of a span or phase, at the precision their source gives; never an end worked out from a duration,
    and none the site inferred (schema.org cannot say that a date is the site's reading)."""
    if getattr(span, "inferred", None):
        return
    for name, key in (("start", "startDate"), ("end", "endDate")):
        value = getattr(span, name, None)
        if value and dates.parse(value).iso():
            about[key] = dates.parse(value).iso()
    if getattr(span, "duration", None):
        about["duration"] = _iso_duration(span.duration)


PLACE_ROLES = frozenset({"location", "host"})
"""Country roles that say the action took place in the country."""
ORGANIZER_ROLES = frozenset({"lead", "coordinator"})
"""Agency roles that schema.org's ``organizer`` states."""


def places_of_action(op) -> list[str]:
    """The countries where the record says the action took place, in record order: those whose role is
    a place (location, host), and the lead of an action no other country took part in (a national action:
    no other country listed and no count of countries given). A country that only took part or helped is
    not a place where the event happened."""
    stated = [p for p in op.countries if Basis.of(p).stated]
    places = [p.country for p in stated if p.role in PLACE_ROLES]
    others = [p for p in op.countries if p.role not in ("support",)]
    if len(others) == 1 and others[0].role == "lead" and Basis.of(others[0]).stated and op.countries_count is None:
        places.append(others[0].country)
    return list(dict.fromkeys(places))


def organizers(op) -> list[str]:
    """The agencies the sources give, in their own voice, as leading or coordinating the operation."""
    return [p.agency for p in op.agencies if p.role in ORGANIZER_ROLES and Basis.of(p).stated]


def _event(site: Site, op) -> dict:
    """schema.org data of an operation: dates, phases, places and organisers, only as the records state
    them. Figures are not given: schema.org has no property for them that could carry their precision;
    nor is anything the site inferred or a report puts in someone's mouth, since schema.org cannot say
    "according to"."""
    c = site.catalog
    about: dict = {"@type": "Event", "name": op.name, "description": plain(op.summary, 300)}
    if op.period:
        _when(about, op.period)
    if op.phases:
        about["subEvent"] = []
        for ph in op.phases:
            sub: dict = {"@type": "Event", "name": f"{op.name}: {ph.name}"}
            _when(sub, ph)
            if ph.countries:
                sub["location"] = [{"@type": "Country", "name": site.countries[code].name} for code in ph.countries]
            about["subEvent"].append(sub)
    places = places_of_action(op)
    if places:
        about["location"] = [{"@type": "Country", "name": site.countries[code].name} for code in places]
    if op.series:
        series = c.series[op.series]
        about["superEvent"] = {"@type": "EventSeries", "name": series.name}
    leads = organizers(op)
    if leads:
        about["organizer"] = [{"@type": "GovernmentOrganization", "name": c.agencies[a].name} for a in leads]
    return about


def series_pages(site: Site) -> list[Page]:
    """A series' page shows its editions (the operations naming it) and the records it names."""
    out = []
    for sid in site.catalog.series:
        inputs = frozenset([(SERIES, sid), *site.references[(SERIES, sid)], *keys(OPERATIONS, site.editions.get(sid, ()))])
        path = SERIES.page(sid)
        out.append(Page(path, inputs, _record_extra(site, SERIES, sid), partial(_series_page, site, sid, path)))
    return out


def _series_page(site: Site, sid: str, path: str) -> str:
    series = site.catalog.series[sid]
    about = {"@type": "EventSeries", "name": series.name, "description": plain(series.summary, 300)}
    meta = _meta(site, series.name, plain(series.summary), about, _edit(site, SERIES, sid), aliases=list(series.aliases))
    return render_page(
        "series.md.j2",
        path,
        site,
        meta,
        citations.series(site, sid),
        sid=sid,
        series=series,
        editions=site.editions.get(sid, []),
        ops=site.catalog.operations,
        table=seriestable.columns(site, site.editions.get(sid, [])),
    )


def agency_pages(site: Site) -> list[Page]:
    """An agency's page shows its operations (all of them count), its units, parent and partners."""
    out = []
    for aid in site.catalog.agencies:
        inputs = frozenset(
            [
                (AGENCIES, aid),
                *site.references[(AGENCIES, aid)],
                *keys(AGENCIES, site.units.get(aid, ())),
                *keys(AGENCIES, map(first, site.partners.get(aid, ()))),
                *keys(OPERATIONS, map(first, site.ops_by_agency.get(aid, ()))),
            ]
        )
        path = AGENCIES.page(aid)
        out.append(Page(path, inputs, _record_extra(site, AGENCIES, aid), partial(_agency_page, site, aid, path)))
    return out


def _agency_page(site: Site, aid: str, path: str) -> str:
    agency = site.catalog.agencies[aid]
    kind = "NGO" if agency.kind == "ngo" else "GovernmentOrganization"
    if agency.kind in ("alliance", "intergovernmental-organisation", "programme", "database", "unspecified"):
        kind = "Organization"
    about = {"@type": kind, "name": agency.name, "description": plain(agency.summary, 300)}
    if agency.short_name:
        about["alternateName"] = agency.short_name
    if agency.website:
        about["url"] = agency.website
    meta = _meta(site, agency.name, plain(agency.summary), about, _edit(site, AGENCIES, aid))
    ops, pager = lists.first_part(site.ops_by_agency.get(aid, []), AGENCIES, aid)
    return render_page(
        "agency.md.j2", path, site, meta, citations.agency(site, aid), aid=aid, agency=agency, ops=ops, pager=pager
    )


def country_pages(site: Site) -> list[Page]:
    """A country's page shows its notes, every operation it took part in (its totals count them),
    those it only hosted or supported (listed apart, not counted), the figures given for it alone
    and the agencies based there."""
    out = []
    for code in site.countries:
        inputs = frozenset(
            [
                (COUNTRIES, code),
                *site.references.get((COUNTRIES, code), ()),
                *keys(OPERATIONS, map(first, site.ops_by_country.get(code, ()))),
                *keys(OPERATIONS, map(first, site.hosted_by_country.get(code, ()))),
                *keys(OPERATIONS, map(first, site.country_figures.get(code, ()))),
                *keys(AGENCIES, site.agencies_by_country.get(code, ())),
            ]
        )
        extra = _record_extra(site, COUNTRIES, code) if code in site.catalog.countries else None
        path = COUNTRIES.page(code)
        out.append(Page(path, inputs, extra, partial(_country_page, site, code, path)))
    return out


def _country_page(site: Site, code: str, path: str) -> str:
    country = site.countries[code]
    n = len(site.ops_by_country.get(code, []))
    description = (
        f"{country.name} in the catalogue: {n} operation{'s' if n != 1 else ''} that list{'s' if n == 1 else ''} it, "
        "the agencies based there and the figures those operations reported."
    )
    about = {"@type": "Country", "name": country.name, "identifier": country.code.upper()}
    edit = _edit(site, COUNTRIES, code) if code in site.catalog.countries else None
    meta = _meta(site, country.name, description, about, edit)
    ops, pager = lists.first_part(site.ops_by_country.get(code, []), COUNTRIES, code)
    return render_page(
        "country.md.j2",
        path,
        site,
        meta,
        citations.country(site, code),
        code=code,
        country=country,
        ops=ops,
        pager=pager,
        hosted=site.hosted_by_country.get(code, []),
        own=site.country_figures.get(code, []),
    )


def source_pages(site: Site) -> list[Page]:
    """A source's page shows the records that cite it."""
    out = []
    for sid in site.catalog.sources:
        inputs = frozenset([(SOURCES, sid), *site.cited_by.get(sid, ())])
        path = SOURCES.page(sid)
        out.append(Page(path, inputs, _record_extra(site, SOURCES, sid), partial(_source_page, site, sid, path)))
    return out


def _source_page(site: Site, sid: str, path: str) -> str:
    source = site.catalog.sources[sid]
    about = {"@type": "CreativeWork", "name": source.title}
    if source.url:
        about["url"] = source.url
    description = f"Source record: {plain(source.title, 120)}, and every record that cites it."
    meta = _meta(site, source.title, description, about, _edit(site, SOURCES, sid))
    return render_page("source.md.j2", path, site, meta, sid=sid, source=source)


def index_pages(site: Site) -> list[Page]:
    """The countries index and the home page (totals, map, newest operations) show the whole
    catalogue; the glossary shows the vocabularies only."""
    c = site.catalog
    home = next((p.source for p in c.pages if p.name == "home"), None)
    return [
        Page(COUNTRIES.page("index"), ALL, None, partial(_countries_index, site)),
        Page("glossary.md", frozenset(), None, partial(_glossary, site)),
        Page(
            "index.md",
            ALL,
            (home, site.last_changed.get(home) if home else None, _freshness(site)),
            partial(_home, site, home),
        ),
    ]


def _countries_index(site: Site) -> str:
    c = site.catalog
    by_region: dict[str, list[str]] = defaultdict(list)
    for code, country in sorted(site.countries.items(), key=lambda kv: kv[1].name):
        by_region[country.region].append(code)
    regions = {**REGIONS, "other": "Other territories"}
    # Countries that no operation lists: say how the catalogue names them instead of "(0)".
    places: dict[str, set[str]] = defaultdict(set)
    for op in c.operations.values():
        for place in op.places:
            if place.country:
                places[place.country].add(place.name)
    named_as: dict[str, str] = {}
    for code in site.countries:
        if code in site.ops_by_country:
            continue
        ways = []
        if code in places:
            ways.append("place named: " + ", ".join(sorted(places[code])))
        if code in site.hosted_by_country:
            n = len(site.hosted_by_country[code])
            ways.append(f"host or supporter of {n} operation{'s' if n != 1 else ''}")
        if code in site.agencies_by_country:
            n = len(site.agencies_by_country[code])
            ways.append(f"{n} agenc{'ies' if n != 1 else 'y'} based here")
        if code in c.countries:
            ways.append(COUNTRIES.record_word)
        named_as[code] = "; ".join(ways)
    description = "Every country named in the catalogue, grouped by region, with the number of operations that list it."
    by_regions = [(regions[r], by_region[r]) for r in regions if r in by_region]
    meta = _meta(site, "Countries", description, None)
    return render_page("countries_index.md.j2", COUNTRIES.page("index"), site, meta, by_region=by_regions, named_as=named_as)


def _glossary(site: Site) -> str:
    c = site.catalog
    description = "Definitions of every term the records use: measures, qualifiers, crime areas, kinds and roles."
    sections = [(stem, vocab.FILES[stem][2], c.vocab.get(stem)) for stem in vocab.FILES if stem in c.vocab.by_file]
    return render_page("glossary.md.j2", "glossary.md", site, _meta(site, "Glossary", description, None), sections=sections)


def _freshness(site: Site) -> tuple[str, str] | None:
    """How fresh the catalogue is, and what that date is: the last change git records to an operation
    record (the build's history), else the latest date of any operation in it."""
    c = site.catalog
    changed = [
        site.last_changed[d.source]
        for (kind, _), d in c.documents.items()
        if kind == OPERATIONS and d.source in site.last_changed
    ]
    if changed:
        day = max(changed)
        return day, "the latest change to an operation record, from the repository's history"
    dated = next((oid for oid in site.op_order if (d := site.op_date[oid]) is not None and d.year is not None), None)
    if dated is not None:
        date = site.op_date[dated]
        assert date is not None
        return date.text, "the latest date of an operation in the catalogue; no change history was available"
    return None


def _home(site: Site, home: str | None) -> str:
    description = (
        "An explainer of international law-enforcement operations against child sexual exploitation and human trafficking, "
        "built from sourced records."
    )
    intro = next((p.text for p in site.catalog.pages if p.name == "home"), "")
    meta = _meta(site, "Home", description, None, home)
    # Newest first among the records with a known year; those with none are listed apart, never among them.
    dated = [oid for oid in site.op_order if site.year_stated(oid)]
    no_year = [oid for oid in site.op_order if not site.year_stated(oid)]
    return render_page(
        "home.md.j2",
        "index.md",
        site,
        meta,
        intro=intro,
        world_map=_world_map(site),
        latest=dated[:5],
        no_year=no_year[: paging.EXAMPLES],
        no_year_more=max(0, len(no_year) - paging.EXAMPLES),
        freshness=_freshness(site),
    )


def _world_map(site: Site) -> Markup:
    from . import mapsvg

    counts = {code: len(pairs) for code, pairs in site.ops_by_country.items()}

    def label(code: str) -> str:
        n = counts.get(code, 0)
        return f"{site.countries[code].name}: {n} operation{'s' if n != 1 else ''}"

    # The same counts as a list, most operations first: readable on a phone, where Europe, the Gulf
    # and West Africa are too small on the map, and for anyone who does not use the map.
    ranked = sorted(counts, key=lambda code: (-counts[code], site.countries[code].name))
    listing = _MAP_LIST(
        str(len(ranked)), html.join("", [_MAP_ITEM(code, site.countries[code].name, str(counts[code])) for code in ranked])
    )
    svg = mapsvg.world_map(
        counts,
        href=lambda code: COUNTRIES.url(code),
        label=label,
        title="Countries listed in the operations in the catalogue",
        description="World map; each country listed in at least one operation (taking part or as the place of action) is "
        "shaded by the number of operations and links to its page; small countries are marked with a dot. "
        "The same information follows as a list.",
    )
    return html.join("\n", [_MAP_LEGEND, svg, listing])


_MAP_LEGEND = html.literal(
    '<ul class="ow-map-legend" aria-hidden="true">'
    '<li><span class="ow-swatch c0"></span>none</li><li><span class="ow-swatch c1"></span>1 operation</li>'
    '<li><span class="ow-swatch c2"></span>2–3</li><li><span class="ow-swatch c3"></span>4–9</li>'
    '<li><span class="ow-swatch c4"></span>10 or more</li>'
    '<li><span class="ow-swatch ow-swatch--dot c1"></span>small country, drawn as a dot</li></ul>'
)
_MAP_ITEM = html.template('<li><a href="countries/{}.html">{}</a> <span class="ow-muted">({})</span></li>')
_MAP_LIST = html.template(
    '<p class="ow-map-list-title">The {} countries listed in operations, by number of operations:</p>'
    '<ol class="ow-map-list">{}</ol>'
)


def hand_written_pages(site: Site) -> list[Page]:
    """content/pages/*.md as written, with their source file named for the edit link
    (home.md is the home page's introduction)."""
    return [
        Page(f"{page.name}.md", frozenset([(PAGES, page.name)]), page.source, partial(_hand_written, page))
        for page in site.catalog.pages
        if page.name != "home"
    ]


def _hand_written(page: loader.Page) -> str:
    # Kept out of Material's search index, as every generated page is (render.theme_meta).
    edit = "edit_path: " + json.dumps(page.source) + "\nsearch: " + json.dumps(SEARCH_EXCLUDE) + "\n"
    if page.text.startswith("---\n"):
        return "---\n" + edit + page.text[4:]
    return "---\n" + edit + "---\n\n" + page.text


def plan(site: Site) -> Plan:
    """Every generated file (pages, data downloads, feed, redirects, search index), not yet rendered."""
    from . import export, feed, redirects, search_index

    out: Plan = []
    for build in (operation_pages, series_pages, agency_pages, country_pages, source_pages, index_pages, hand_written_pages):
        out.extend(build(site))
    out.extend(lists.list_pages(site))
    out.extend(export.data_pages(site))
    feed_extra = (site.site_url, tuple(sorted(site.last_changed.items())))
    out.append(Page("feed.xml", ALL, feed_extra, partial(feed.atom, site, site.site_url)))
    out.extend(redirects.redirect_pages(site))
    out.append(Bundle(search_index.FOLDER + "/", ALL, None, partial(search_index.search_files, site)))
    return out


def all_files(site: Site) -> dict[str, Output]:
    """Every generated file, rendered, by path relative to the output folder."""
    return render_all(plan(site))
