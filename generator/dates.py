"""Dates at the precision the source gives, in a subset of EDTF (ISO 8601-2).

Accepted forms: ``2020``, ``2020-05``, ``2020-05-30``, each optionally followed
by ``~`` (approximate), ``?`` (uncertain) or ``%`` (both), and ``XXXX-05-23`` or
``XXXX-05`` where a source gives a day or month but no year, and ``XXXX-XX-09`` where it gives
only a day ("Wednesday the 9th"). The tests check
every accepted form against the ``edtf`` library, which is too slow to call
for every date of a large catalogue.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

# ASCII digits only (\d would accept Arabic-Indic and other digits), and \Z, not $ (which allows a final newline).
_EDTF = re.compile(r"^(?P<y>[0-9]{4}|XXXX)(?:-(?P<m>[0-9]{2}|XX)(?:-(?P<d>[0-9]{2}))?)?(?P<q>[~?%])?\Z")
_MONTHS = [calendar.month_name[i] for i in range(13)]

FORMS_HELP = (
    "use 2020, 2020-05, 2020-05-30, 2020-05~ (approximate), XXXX-05-23 (year not stated) or XXXX-XX-09 (only the day stated)"
)


@dataclass(frozen=True, order=True)
class Date:
    """A parsed EDTF date; sorts by year (unknown last), month, day."""

    sort_key: tuple[int, int, int]
    year: int | None
    month: int | None
    day: int | None
    qualifier: str
    text: str

    @property
    def precision(self) -> str:
        """One of ``year``, ``month``, ``day``."""
        return "day" if self.day else "month" if self.month else "year"

    def words(self) -> str:
        """The date in words at its precision, e.g. "November 2017", "23 May (year not stated)",
        "the 9th (month and year not stated)"."""
        if self.day and not self.month:
            return f"the {_ordinal(self.day)} (month and year not stated)"
        parts = []
        if self.day:
            parts.append(str(self.day))
        if self.month:
            parts.append(_MONTHS[self.month])
        if self.year is not None:
            parts.append(str(self.year))
        text = " ".join(parts)
        if self.year is None:
            text = f"{text} (year not stated)" if text else "date not stated"
        prefix = {"~": "about ", "?": "possibly ", "%": "possibly about "}.get(self.qualifier, "")
        return prefix + text

    def iso(self) -> str | None:
        """The most precise ISO 8601 form, or None when the year is unknown."""
        if self.year is None:
            return None
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def html_datetime(self) -> str | None:
        """The HTML ``datetime`` value: the ISO form, or ``MM-DD`` for a day of an unstated year.

        HTML's yearless date may also start with "--", but the Nu Html Checker rejects that form.
        HTML has no form for a month without a year, nor for an approximate date; an approximate
        date keeps its words ("about May 2020") and its value gives the stated date."""
        if self.year is None:
            return f"{self.month:02d}-{self.day:02d}" if self.day and self.month else None
        return self.iso()

    def last_day(self) -> dt.date | None:
        """The latest calendar day this date can stand for (None if the year is unknown)."""
        if self.year is None:
            return None
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def first_day(self) -> dt.date | None:
        """The earliest calendar day this date can stand for (None if the year is unknown)."""
        if self.year is None:
            return None
        return dt.date(self.year, self.month or 1, self.day or 1)


@lru_cache(maxsize=65536)
def parse(text: str) -> Date:
    """Parse an EDTF date string; raise ValueError with a plain-language reason."""
    match = _EDTF.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a date in the accepted form ({FORMS_HELP})")
    year = None if match["y"] == "XXXX" else int(match["y"])
    if match["m"] == "XX" and (year is not None or not match["d"]):
        raise ValueError(f"'{text}': XX stands for an unstated month only before a day with no year stated, as in XXXX-XX-09")
    month = int(match["m"]) if match["m"] and match["m"] != "XX" else None
    day = int(match["d"]) if match["d"] else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text}' has month {month}; months run from 01 to 12")
    if day is not None and month is None and not 1 <= day <= 31:
        raise ValueError(f"'{text}' has day {day}; days run from 01 to 31")
    if day is not None and month is not None:  # the pattern only has a day after a month
        limit = calendar.monthrange(year if year is not None else 2000, month)[1]  # 2000: leap year
        if not 1 <= day <= limit:
            raise ValueError(f"'{text}' has day {day}, which {_MONTHS[month]} does not have")
    if year is None and month is None and day is None:
        raise ValueError(f"'{text}' says nothing; leave the date out when the source gives none")
    if year is None and match["q"]:
        raise ValueError(f"'{text}' marks an unstated year as approximate; write XXXX-MM-DD without ~, ? or %")
    if year is not None and year < 1900:
        raise ValueError(f"'{text}' is before 1900; check the year")
    sort_key = (year if year is not None else 9999, month or 0, day or 0)
    return Date(sort_key, year, month, day, match["q"] or "", text)


def _ordinal(n: int) -> str:
    """ "1st", "2nd", "9th", "11th", "23rd"."""
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
