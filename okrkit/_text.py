"""Text helpers: display width of East Asian text, Markdown cell escaping, and output
that degrades on terminals whose encoding lacks a character."""

from __future__ import annotations

import codecs
import re
import unicodedata

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import IO

__all__ = [
    "DEGRADE",
    "degrade",
    "degrade_stream",
    "display_width",
    "ljust",
    "md_cell",
    "rjust",
]


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


_PIPE = re.compile(r"(?<!\\)\|")


def md_cell(text: object) -> str:
    """Make ``text`` safe inside a Markdown table cell (pipes, line breaks); a pipe
    already escaped (by :func:`okrkit.safe_output.md_escape`) stays as it is."""
    return _PIPE.sub(r"\\|", " ".join(str(text).split()))


# Characters a terminal without them gets instead (after accents are dropped).
_PLAIN = str.maketrans(
    {
        "—": "-",
        "–": "-",
        "‐": "-",
        "−": "-",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "«": '"',
        "»": '"',
        "„": '"',
        "•": "*",
        "·": "*",
        "→": "->",
        "←": "<-",
        "≥": ">=",
        "≤": "<=",
        "±": "+/-",
        "×": "x",
        "\u00a0": " ",
        "\u202f": " ",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
    }
)


def degrade(char: str, encoding: str) -> str:
    """``char`` as the closest text ``encoding`` can hold: ``é`` -> ``e``, ``—`` -> ``-``,
    else ``?``.

    >>> "".join(degrade(c, "ascii") for c in "Växa — Tiếp 増")
    'Vaxa - Tiep ?'
    """
    for candidate in (char.translate(_PLAIN), _strip_marks(char)):
        try:
            candidate.encode(encoding)
        except UnicodeEncodeError:
            continue
        if candidate:
            return candidate
    return "?"


def _strip_marks(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_PLAIN)


def _degrade_error(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    text = exc.object[exc.start : exc.end]
    return "".join(degrade(c, exc.encoding) for c in text), exc.end


#: The codec error handler that degrades characters (``stream.reconfigure(errors=...)``).
DEGRADE = "okrkit-degrade"
codecs.register_error(DEGRADE, _degrade_error)


def degrade_stream(stream: IO[str]) -> IO[str]:
    """Make ``stream`` degrade characters its encoding lacks instead of raising.

    A terminal or pipe set to ASCII or Latin-1 (``PYTHONIOENCODING=ascii``) then
    shows ``Vaxa`` for ``Växa`` and ``?`` for what has no near form.
    """
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
        stream.reconfigure(errors=DEGRADE)
    return stream
