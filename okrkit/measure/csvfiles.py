"""CSV sources: exports from GA4, HubSpot, Google Ads or a survey tool, as they come.

Real exports are not tidy, so reading copes with: a UTF-8 byte-order mark,
UTF-16 (Google Ads), Windows-1252 when the bytes are not UTF-8, ``;`` or tab
delimiters with decimal commas, quoted thousands separators (``"1,234.50"``),
currency and percent signs, ``#`` comment lines above the header (GA4), and a
totals row (``Total``, ``Summe``, ``Итого``...) that is skipped.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import glob
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from okrkit.errors import N_, MeasureError
from okrkit.measure.context import Context
from okrkit.measure.readings import Reading
from okrkit.measure.spec import CsvSource

__all__ = ["Table", "aggregate_rows", "parse_number", "read_csv", "read_table", "window_of"]

_DELIMITERS = (",", ";", "\t", "|")
_TOTALS = re.compile(
    r"^\s*(grand\s+)?totals?\b|^\s*(summe|gesamt|totalt|summa|итого|всего|tổng|总计|合计|總計|合計)",
    re.IGNORECASE,
)
_DATE_FORMATS = ("%Y%m%d", "%d.%m.%Y", "%Y/%m/%d", "%b %d, %Y", "%d %b %Y", "%B %d, %Y")
_NUMBER = re.compile(r"[.,]?\d[\d.,]*(?:[eE][+-]?\d+)?")
_GROUPING = re.compile(r"[\s\u00a0\u202f'’]")


@dataclass(frozen=True)
class Table:
    """One CSV file's header and rows (comments, blank lines and totals rows removed)."""

    path: Path
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    delimiter: str

    def index(self, column: str) -> int:
        """The position of ``column`` (exact, then ignoring case and spaces)."""
        if column in self.header:
            return self.header.index(column)
        folded = [h.strip().casefold() for h in self.header]
        if column.strip().casefold() in folded:
            return folded.index(column.strip().casefold())
        raise MeasureError.because(
            N_("{file}: no column {column}; the columns are: {columns}"),
            file=self.path.name,
            column=repr(column),
            columns=", ".join(self.header),
        )


def decode(data: bytes, encoding: str | None = None) -> str:
    """The text of a file: BOMs first, then ``encoding``, UTF-8, UTF-16, Windows-1252."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):  # fmt: skip
        if data.startswith(bom):
            return data[len(bom) :].decode(name)
    if encoding:
        return data.decode(encoding)
    if len(data) >= 4 and data[1] == 0 and data[3] == 0:
        return data.decode("utf-16-le")
    if len(data) >= 4 and data[0] == 0 and data[2] == 0:
        return data.decode("utf-16-be")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _content_lines(text: str) -> list[str]:
    lines = text.splitlines()
    start = 0
    while start < len(lines) and (
        not lines[start].strip() or lines[start].lstrip().startswith("#")
    ):
        start += 1
    return lines[start:]


def sniff_delimiter(header_line: str) -> str:
    """The delimiter the header line uses most, outside quotes."""
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: unquoted.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_table(path: Path, source: CsvSource) -> Table:
    """Read one CSV file the way :class:`CsvSource` says (or as detected)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MeasureError.because(
            N_("{file}: cannot read: {reason}"), file=str(path), reason=exc.strerror
        ) from None
    try:
        text = decode(data, source.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise MeasureError.because(
            N_("{file}: cannot decode the text: {reason}"), file=path.name, reason=str(exc)
        ) from None
    lines = _content_lines(text)
    if not lines:
        raise MeasureError.because(N_("{file}: the file has no header row"), file=path.name)
    delimiter = source.delimiter or sniff_delimiter(lines[0])
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    header = tuple(cell.strip() for cell in next(reader))
    rows = []
    for row in reader:
        if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        if any(_TOTALS.match(cell) for cell in row[:2] if cell.strip()):
            continue
        rows.append(tuple(row) + ("",) * (len(header) - len(row)))
    return Table(path, header, tuple(rows), delimiter)


def _decimal_mark(values: Sequence[str], delimiter: str) -> str:
    """Guess the decimal mark of a column from its values."""
    for value in values:
        if "." in value and "," in value:
            return "," if value.rfind(",") > value.rfind(".") else "."
    for value in values:
        for mark in (",", "."):
            parts = value.split(mark)
            if len(parts) == 2 and len(parts[1].rstrip("%€$£¥ ")) not in (0, 3):
                return mark
    return "," if delimiter in (";", "\t") and any("," in v for v in values) else "."


def parse_number(text: str, decimal: str = ".") -> float:
    """A number as exports write it: ``1,234.5``, ``1.234,5``, ``1 234,5``, ``$12``, ``5 %``.

    >>> parse_number("1.234,50", decimal=","), parse_number('$1,234.5'), parse_number("4.5%")
    (1234.5, 1234.5, 4.5)
    """
    compact = _GROUPING.sub("", text)
    match = _NUMBER.search(compact)
    if match is None or _NUMBER.search(compact, match.end()):
        raise MeasureError.because(N_("{value} is not a number"), value=repr(text))
    thousands = "," if decimal == "." else "."
    digits = match[0].replace(thousands, "").replace(decimal, ".")
    negative = any(sign in compact[: match.start()] for sign in "-−(")
    try:
        number = float(digits)
    except ValueError:
        raise MeasureError.because(N_("{value} is not a number"), value=repr(text)) from None
    return -number if negative else number


def parse_date(text: str, date_format: str | None = None) -> dt.date:
    """A date as exports write it: ISO (with a time or not), ``20261130`` (GA4),
    ``30.11.2026``, ``2026/11/30``, ``Nov 30, 2026``; or ``date_format`` (strptime)."""
    value = text.strip()
    if date_format:
        try:
            return dt.datetime.strptime(value, date_format).date()
        except ValueError:
            raise MeasureError.because(
                N_("{value} does not match date_format {format}"),
                value=repr(value),
                format=repr(date_format),
            ) from None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise MeasureError.because(
        N_(
            "{value} is not a date okrkit reads (ISO, 20261130, 30.11.2026, Nov 30, 2026); "
            "set date_format, for example %m/%d/%Y"
        ),
        value=repr(value),
    )


def window_of(source: CsvSource, context: Context) -> tuple[dt.date | None, dt.date]:
    """The first and last date a row may have: ``(None, on)`` for ``window: all``."""
    on = context.on
    if source.window == "7d":
        return on - dt.timedelta(days=6), on
    if source.window == "30d":
        return on - dt.timedelta(days=29), on
    if source.window == "month":
        return on.replace(day=1), on
    if source.window == "period":
        if context.period_start is None:
            raise MeasureError.because(
                N_("window period needs the key result's period; set the plan's period")
            )
        return context.period_start, on
    return None, on


def _files(source: CsvSource, context: Context) -> list[Path]:
    pattern = context.path(source.path)
    if glob.has_magic(str(pattern)):
        found = sorted(Path(p) for p in glob.glob(str(pattern)) if Path(p).is_file())
    else:
        found = [pattern] if pattern.is_file() else []
    if not found:
        raise MeasureError.because(
            N_("no file matches {path} (in {folder})"), path=source.path, folder=context.base_dir
        )
    return found


def _matches(table: Table, row: tuple[str, ...], filters: dict[str, list[str]]) -> bool:
    return all(row[table.index(col)].strip() in wanted for col, wanted in filters.items())


def _select(
    tables: Sequence[Table], source: CsvSource, context: Context
) -> Iterator[tuple[dt.date | None, str]]:
    """``(date, cell)`` of every row in the window that passes the filters."""
    start, end = window_of(source, context)
    filters = {k: [v] if isinstance(v, str) else list(v) for k, v in source.filters.items()}
    for table in tables:
        value_at = table.index(source.column) if source.column else None
        date_at = table.index(source.date_column) if source.date_column else None
        for line, row in enumerate(table.rows, 2):
            if not _matches(table, row, filters):
                continue
            day = None
            if date_at is not None:
                try:
                    day = parse_date(row[date_at], source.date_format)
                except MeasureError as exc:
                    raise MeasureError.because(
                        N_("{file}, row {row}: {reason}"),
                        file=table.path.name,
                        row=line,
                        reason=exc,
                    ) from None
                if day > end or (start is not None and day < start):
                    continue
            yield day, row[value_at] if value_at is not None else ""


def aggregate_rows(
    rows: Sequence[tuple[dt.date | None, str]], source: CsvSource, delimiter: str
) -> float:
    """Apply ``source.aggregate`` to the selected ``(date, cell)`` rows."""
    if source.aggregate == "count":
        return float(len(rows))
    if source.aggregate == "count_distinct":
        return float(len({cell.strip() for _, cell in rows if cell.strip()}))
    cells = [(day, cell) for day, cell in rows if cell.strip()]
    if not cells:
        raise MeasureError.because(N_("no rows with a value in the window"))
    decimal = source.decimal or _decimal_mark([c for _, c in cells], delimiter)
    numbers = [(day, parse_number(cell, decimal)) for day, cell in cells]
    if source.aggregate == "sum":
        return sum(n for _, n in numbers)
    if source.aggregate == "mean":
        return sum(n for _, n in numbers) / len(numbers)
    # last: the row with the latest date; among rows of one date (or undated), the last one
    dated = [day for day, _ in numbers if day is not None]
    newest = max(dated) if dated else None
    return [n for day, n in numbers if day == newest][-1]


def read_csv(source: CsvSource, context: Context) -> list[Reading]:
    """Read ``source``'s files and aggregate the column over the window: one reading."""
    tables = [read_table(path, source) for path in _files(source, context)]
    rows = list(_select(tables, source, context))
    try:
        value = aggregate_rows(rows, source, tables[0].delimiter)
    except MeasureError as exc:
        start, end = window_of(source, context)
        if start is None:
            raise MeasureError.because(
                N_("{reason} up to {end} ({path})"), reason=exc, end=end, path=source.path
            ) from None
        raise MeasureError.because(
            N_("{reason} from {start} to {end} ({path})"),
            reason=exc,
            start=start,
            end=end,
            path=source.path,
        ) from None
    return [Reading(context.on, value)]
