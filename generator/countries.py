"""Country data from ISO 3166 (pycountry), CLDR names (Babel) and CLDR regions (UN M49).

Regions come from CLDR's territory containment (supplementalData.xml, as the language-data package
ships it), the UN's M49 grouping: Russia is in Eastern Europe, as the UN has it, not in Asia, where
the world map package's own lists put it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from xml.etree import ElementTree

import pycountry
from babel import Locale

# Codes people often write that ISO 3166-1 does not use for the country they mean.
_COMMON_MISTAKES = {"UK": "GB", "EL": "GR"}

REGIONS: dict[str, str] = {
    "africa": "Africa",
    "asia": "Asia",
    "europe": "Europe",
    "north_america": "North America and the Caribbean",
    "south_america": "South America",
    "oceania": "Oceania",
}
_M49: dict[str, tuple[str, ...]] = {
    "africa": ("002",),
    "asia": ("142",),
    "europe": ("150",),
    "north_america": ("021", "013", "029"),  # Northern America, Central America, the Caribbean
    "south_america": ("005",),
    "oceania": ("009",),
}
"""The site's regions as UN M49 codes: the Americas (019) are split in two, as the site lists them."""


@dataclass(frozen=True)
class Country:
    """An ISO 3166-1 country as the site shows it."""

    code: str
    """Lower-case alpha-2 code, also the page slug."""
    name: str
    """Short English name (CLDR)."""
    iso_name: str
    """The ISO 3166-1 name, kept as a search alias."""
    alpha3: str
    region: str


@cache
def _region_of() -> dict[str, str]:
    """Lower-case alpha-2 code → the site's region, from CLDR's territory containment."""
    data = resources.files("language_data").joinpath("data/supplementalData.xml").read_bytes()
    contains: dict[str, list[str]] = {}
    for group in ElementTree.fromstring(data).iter("group"):
        if group.get("status") is None:  # "grouping" (EU, UN) and "deprecated" are not regions
            contains.setdefault(group.get("type", ""), []).extend(group.get("contains", "").split())

    def territories(code: str) -> list[str]:
        inner = contains.get(code)
        return [t for c in inner for t in territories(c)] if inner else [code]

    return {t.lower(): key for key, codes in _M49.items() for code in codes for t in territories(code)}


@cache
def _cldr_names() -> dict[str, str]:
    return dict(Locale("en").territories)


@cache
def get(code: str) -> Country | None:
    """The country with this alpha-2 code (any case), or None."""
    record = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    if record is None:
        return None
    alpha2 = record.alpha_2
    iso_name = getattr(record, "common_name", None) or record.name
    name = _cldr_names().get(alpha2, iso_name)
    return Country(alpha2.lower(), name, record.name, record.alpha_3, _region_of().get(alpha2.lower(), "other"))


def all_codes() -> list[str]:
    """Every ISO 3166-1 alpha-2 code, lower case, sorted (the JSON Schemas list them with their names)."""
    return sorted(c.alpha_2.lower() for c in pycountry.countries)


def suggest(text: str) -> str | None:
    """The alpha-2 code someone probably meant by a name, alpha-3 code or common mistake."""
    if text.upper() in _COMMON_MISTAKES:
        return _COMMON_MISTAKES[text.upper()].lower()
    try:
        return pycountry.countries.lookup(text).alpha_2.lower()
    except LookupError:
        return None
