"""Country data from ISO 3166 (pycountry), CLDR names (Babel) and the map package's regions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry
from babel import Locale
from pygal_maps_world import i18n as map_regions

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
    table: dict[str, str] = {}
    for key in REGIONS:
        for code in getattr(map_regions, key.upper()):
            table.setdefault(code, key)
    return table


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
