"""Text helpers: display width of East Asian text, Markdown cell escaping."""

from __future__ import annotations

import unicodedata

__all__ = ["display_width", "ljust", "md_cell", "rjust"]


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters count 2.

    >>> display_width("OKR"), display_width("关键结果"), display_width("Ä")
    (3, 8, 1)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def ljust(text: str, width: int) -> str:
    """Pad ``text`` on the right to ``width`` display columns."""
    return text + " " * max(0, width - display_width(text))


def rjust(text: str, width: int) -> str:
    """Pad ``text`` on the left to ``width`` display columns."""
    return " " * max(0, width - display_width(text)) + text


def md_cell(text: object) -> str:
    """Make ``text`` safe inside a Markdown table cell (pipes, line breaks)."""
    return " ".join(str(text).split()).replace("|", "\\|")
