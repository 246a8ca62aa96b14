"""Output formats, bundled templates, and the labels documents translate."""

from __future__ import annotations

from typing import Literal

from okrkit.scoring import Band, Status

__all__ = ["BAND_LABELS", "FORMATS", "N_", "STATUS_LABELS", "TEMPLATES", "WORD_LABELS", "Format"]


Format = Literal["markdown", "html", "text", "csv"]

#: Output formats and the file extension of their templates.
FORMATS: dict[str, str] = {"markdown": "md", "html": "html", "text": "txt", "csv": "csv"}

#: Bundled templates and the formats each comes in.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "document": ("markdown", "html", "text"),
    "dashboard": ("markdown", "html", "csv"),
    "checkin": ("markdown", "html", "text"),
    "book": ("markdown", "html", "text"),
    "review": ("markdown", "html", "text"),
    "company": ("markdown", "html", "text"),
}


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


STATUS_LABELS: dict[Status, str] = {
    Status.NOT_STARTED: N_("Not started"),
    Status.NO_DATA: N_("No update"),
    Status.ON_TRACK: N_("On track"),
    Status.AT_RISK: N_("At risk"),
    Status.OFF_TRACK: N_("Off track"),
    Status.ACHIEVED: N_("Achieved"),
    Status.MISSED: N_("Missed"),
}

BAND_LABELS: dict[Band, str] = {
    Band.GREEN: N_("Green"),
    Band.YELLOW: N_("Yellow"),
    Band.RED: N_("Red"),
    Band.GREY: N_("Grey"),
}

WORD_LABELS: dict[str, str] = {
    # key result tags
    "volume": N_("volume"),
    "quality": N_("quality"),
    "growth": N_("growth"),
    "differentiation": N_("differentiation"),
    # indicators
    "lagging": N_("lagging"),
    "leading": N_("leading"),
    # cadences
    "daily": N_("daily"),
    "weekly": N_("weekly"),
    "biweekly": N_("every two weeks"),
    "monthly": N_("monthly"),
    "quarterly": N_("quarterly"),
    # initiative statuses
    "planned": N_("planned"),
    "in_progress": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
    # directions
    "increase": N_("increase"),
    "decrease": N_("decrease"),
    "at_least": N_("at least"),
    "at_most": N_("at most"),
    "between": N_("between"),
}
