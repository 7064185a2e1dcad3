"""Closed vocabularies: every allow-list the records may use, in one place.

Each vocabulary maps the value written in a record to the words a page uses
for it. Adding a value here is the only change needed to allow it.
"""

from __future__ import annotations

from typing import NamedTuple


class Metric(NamedTuple):
    """How a measured outcome is worded on a page."""

    label: str
    """Noun phrase after the number, e.g. "arrests" in "more than 150 arrests"."""


METRICS: dict[str, Metric] = {
    "arrests": Metric("arrests"),
    "suspects-identified": Metric("suspects identified"),
    "suspects-at-large": Metric("suspects still at large"),
    "convictions": Metric("people convicted or sentenced"),
    "cases-filed": Metric("cases filed"),
    "investigations-opened": Metric("investigations opened"),
    "victims-rescued": Metric("victims rescued"),
    "victims-identified": Metric("victims identified"),
    "victims-identified-and-rescued": Metric("victims identified and rescued"),
    "minors-rescued": Metric("children rescued"),
    "networks-dismantled": Metric("criminal networks dismantled"),
    "websites-blocked": Metric("websites and apps blocked"),
    "accounts-disabled": Metric("online accounts disabled"),
    "platform-users": Metric("users of the platform"),
    "participants": Metric("participants"),
    "countries-represented": Metric("countries represented"),
}

QUALIFIERS: dict[str, str] = {
    "exact": "",
    "about": "about",
    "nearly": "nearly",
    "at-least": "at least",
    "more-than": "more than",
    "up-to": "up to",
}
"""How precise a figure is, as the source says it; the value is the page wording."""

AGENCY_ROLES: dict[str, str] = {
    "lead": "Lead",
    "coordinator": "Coordinator",
    "participant": "Participant",
    "intelligence": "Provided intelligence",
    "funder": "Funder",
    "support": "Support",
    "framework": "Umbrella programme",
    "host": "Host",
}

COUNTRY_ROLES: dict[str, str] = {
    "lead": "Lead",
    "participant": "Participant",
    "support": "Support",
    "location": "Where action took place",
    "host": "Host",
}

CRIME_AREAS: dict[str, str] = {
    "online-child-sexual-exploitation": "Online child sexual exploitation",
    "child-sexual-abuse-material": "Child sexual abuse material",
    "child-sexual-abuse": "Child sexual abuse",
    "human-trafficking": "Human trafficking",
    "forced-labour": "Forced labour",
    "forced-begging": "Forced begging",
    "sexual-exploitation": "Sexual exploitation",
    "child-exploitation": "Child exploitation",
    "missing-children": "Missing children",
}

OPERATION_KINDS: dict[str, str] = {
    "operation": "Operation",
    "case": "Investigation or case",
    "takedown": "Takedown",
    "initiative": "Initiative",
    "meeting": "Meeting",
}

AGENCY_KINDS: dict[str, str] = {
    "national-police": "National police",
    "national-agency": "National law-enforcement agency",
    "ministry": "Ministry",
    "government-department": "Government department",
    "intergovernmental-organisation": "Intergovernmental organisation",
    "unit": "Unit or bureau",
    "alliance": "Alliance or network of states",
    "ngo": "Non-governmental organisation",
    "programme": "Programme or initiative",
    "database": "Database or tool",
}

SOURCE_KINDS: dict[str, str] = {
    "official-release": "Official release",
    "news": "News report",
    "ngo": "NGO report",
    "court": "Court record",
    "blog": "Blog or opinion site",
    "report": "Report",
}

PERSON_ROLES: dict[str, str] = {
    "official": "Official",
    "spokesperson": "Spokesperson",
    "minister": "Minister",
    "coordinator": "Coordinator",
    "chair": "Chair",
}
"""Public roles only: people never appear on the site as victims or suspects."""
