"""CSV that spreadsheets open right in the reader's language.

Spreadsheet programs read CSV with the list separator and the decimal sign of
the user's locale: where numbers are written with a decimal comma (Swedish,
Russian, Vietnamese among okrkit's languages) Excel expects ``;`` between cells
and ``0,48`` for a number, and a comma-separated file lands in one column.
:func:`spreadsheet_dialect` picks the pair from the locale's CLDR decimal symbol,
so it follows the locale rather than a list kept here.

>>> spreadsheet_dialect("sv")
CsvDialect(delimiter=';', decimal=',')
>>> spreadsheet_dialect("en")
CsvDialect(delimiter=',', decimal='.')
>>> spreadsheet_dialect("ru", delimiter=",")  # a comma between cells: decimal point
CsvDialect(delimiter=',', decimal='.')
>>> format_cell(0.4812, CsvDialect(";", ","))
'0,4812'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from babel.core import Locale

    from okrkit.i18n import LocaleMatch

__all__ = ["RFC4180", "CsvDialect", "format_cell", "spreadsheet_dialect"]


@dataclass(frozen=True, slots=True)
class CsvDialect:
    """The cell ``delimiter`` and the ``decimal`` sign of numbers in a CSV file."""

    delimiter: str = ","
    decimal: str = "."


#: Plain CSV (RFC 4180): commas between cells, decimal points.
RFC4180 = CsvDialect()


def spreadsheet_dialect(
    locale: str | Locale | LocaleMatch | None = None, delimiter: str | None = None
) -> CsvDialect:
    """The dialect a spreadsheet in ``locale`` opens without an import dialog.

    ``delimiter`` overrides the separator; numbers then take the locale's decimal
    comma only when the separator is not itself a comma. A delimiter must be one
    character and cannot be a quote, a line break, a digit or the decimal sign.
    """
    from babel.numbers import get_decimal_symbol

    from okrkit.errors import OKRError
    from okrkit.i18n import resolve_locale

    comma = get_decimal_symbol(resolve_locale(locale).babel) == ","
    if delimiter is None:
        return CsvDialect(";", ",") if comma else RFC4180
    if len(delimiter) != 1 or delimiter in '"\r\n.' or delimiter.isdigit():
        raise OKRError.translatable(
            # Translators: {delimiter} is what the user gave, quoted.
            N_("CSV delimiter {delimiter} must be one character other than a quote, a digit, "
               "a point or a line break, such as ; or a tab"),
            delimiter=repr(delimiter),
        )  # fmt: skip
    return CsvDialect(delimiter, "," if comma and delimiter != "," else ".")


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


def format_cell(value: Any, dialect: CsvDialect) -> Any:
    """A number written with the dialect's decimal sign (whole numbers without
    ``.0``); anything else unchanged."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return text.replace(".", dialect.decimal) if dialect.decimal != "." else text
