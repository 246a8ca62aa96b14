"""SQL sources: a query through SQLAlchemy 2 against a named connection.

The query's parameters are bound by the database driver (``:on``,
``:period_start``, ``:period_end``, ``:since``), never formatted into the SQL
text. SQLAlchemy is an optional extra (``pip install okrkit[sql]``), imported
only when a SQL source runs.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from okrkit.errors import N_, MeasureError
from okrkit.measure.context import Context, expand_env
from okrkit.measure.readings import Reading
from okrkit.measure.spec import Connection, SqlSource

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

__all__ = ["Engines", "read_sql"]

_FILE_DIALECTS = ("sqlite", "duckdb")


def _sqlalchemy() -> Any:
    try:
        import sqlalchemy
    except ImportError:
        raise MeasureError.because(
            N_("SQL sources need SQLAlchemy: pip install 'okrkit[sql]' (and the database's driver)")
        ) from None
    return sqlalchemy


class Engines:
    """One SQLAlchemy engine per named connection, made on first use; :meth:`close` ends them."""

    def __init__(
        self,
        connections: Mapping[str, Connection],
        *,
        environ: Mapping[str, str],
        base_dir: Path,
    ) -> None:
        self.connections = dict(connections)
        self.environ = environ
        self.base_dir = base_dir
        self._engines: dict[str, Engine] = {}

    def engine(self, name: str, *, ref: str | None = None) -> Engine:
        """The engine of connection ``name``; MeasureError if it is not defined or bad."""
        if name in self._engines:
            return self._engines[name]
        if name not in self.connections:
            known = ", ".join(sorted(self.connections)) or "none"
            raise MeasureError.because(
                N_("connection {name} is not defined in the plan's connections (defined: {known})"),
                name=repr(name),
                known=known,
            ).within(ref=ref)
        sa = _sqlalchemy()
        url_text = expand_env(self.connections[name].url, self.environ, ref=ref, connection=name)
        try:
            url = sa.engine.make_url(url_text)
        except sa.exc.ArgumentError:
            raise MeasureError.because(
                N_(
                    "the URL is not a database URL such as sqlite:///crm.db or "
                    "postgresql+psycopg://user@host/db"
                )
            ).within(ref=ref, connection=name) from None
        url = self._local(url)
        try:
            engine: Engine = sa.create_engine(url)
        except (ImportError, sa.exc.NoSuchModuleError) as exc:
            raise MeasureError.because(
                N_(
                    "no driver for {driver}: {reason}; install the database's SQLAlchemy "
                    "dialect (for example duckdb-engine or psycopg[binary])"
                ),
                driver=url.drivername,
                reason=str(exc),
            ).within(ref=ref, connection=name) from None
        if url.get_backend_name() == "duckdb":
            sa.event.listen(engine, "connect", self._duckdb_search_path)
        self._engines[name] = engine
        return engine

    def _duckdb_search_path(self, dbapi_connection: Any, _record: object) -> None:
        """DuckDB reads files named in a query (``read_csv('exports/x.csv')``) from the
        plan's folder too."""
        quoted = str(self.base_dir).replace("'", "''")
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"SET file_search_path = '{quoted}'")
        finally:
            cursor.close()

    def _local(self, url: Any) -> Any:
        """File databases (SQLite, DuckDB) are found next to the plan file."""
        backend = url.get_backend_name()
        if backend in _FILE_DIALECTS:
            database = url.database
            if database and database != ":memory:" and not database.startswith("file:"):
                path = Path(database).expanduser()
                if not path.is_absolute():
                    url = url.set(database=str(self.base_dir / path))
        return url

    def close(self) -> None:
        """Dispose of every engine made."""
        for engine in self._engines.values():
            engine.dispose()
        self._engines.clear()

    def __enter__(self) -> Engines:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _number(value: object, row: int | None = None) -> float:
    """A number from the database; ``row`` is the history row it is in."""
    if isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool):
        number = float(value)
        if math.isfinite(number):
            return number
    elif isinstance(value, str):
        try:
            return _number(float(value), row)
        except (ValueError, MeasureError):
            pass
    if value is None and row is None:
        raise MeasureError.because(
            N_("the query returned NULL; if no rows means zero, write COALESCE(..., 0)")
        )
    shown = "NULL" if value is None else repr(value)
    if row is None:
        raise MeasureError.because(N_("the query returned {value}; expected a number"), value=shown)
    raise MeasureError.because(
        N_("row {row}: the value is {value}; expected a number"), row=row, value=shown
    )


def _date(value: object, row: int) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise MeasureError.because(
        N_("row {row}: the date is {value}; expected a date"), row=row, value=repr(value)
    )


def _statement(query: str) -> Any:
    """The query as a ``text()`` whose date parameters are typed (SQLite gets ISO text)."""
    sa = _sqlalchemy()
    statement = sa.text(query)
    names = set(statement.compile().params)
    return statement.bindparams(
        *(sa.bindparam(name, type_=sa.Date()) for name in Context.PARAMS if name in names)
    )


def rows_to_readings(
    rows: Sequence[Sequence[Any]], source: SqlSource, context: Context
) -> list[Reading]:
    """Turn a result into readings: one number dated ``on``, or ``(date, value)`` rows."""
    if not source.history:
        if len(rows) != 1 or len(rows[0]) != 1:
            raise MeasureError.because(
                N_(
                    "the query returned {rows} row(s) of {columns} column(s); expected one "
                    "number (or set history: true for rows of (date, value))"
                ),
                rows=len(rows),
                columns=len(rows[0]) if rows else 0,
            )
        return [Reading(context.on, _number(rows[0][0]))]
    by_date: dict[dt.date, float] = {}
    for i, row in enumerate(rows, 1):
        if len(row) != 2:
            raise MeasureError.because(
                N_("row {row} has {columns} column(s); history rows are (date, value)"),
                row=i,
                columns=len(row),
            )
        day = _date(row[0], i)
        if day > context.on or (context.period_start and day < context.period_start):
            continue
        by_date[day] = _number(row[1], i)
    if not by_date:
        raise MeasureError.because(
            N_("the query returned no rows dated within the period up to the date")
        )
    return [Reading(day, by_date[day]) for day in sorted(by_date)]


def read_sql(source: SqlSource, context: Context, engines: Engines) -> list[Reading]:
    """Run ``source``'s query for ``context`` and return its readings.

    Database errors become :class:`MeasureError` with the database's own message.
    """
    sa = _sqlalchemy()
    engine = engines.engine(source.connection, ref=context.ref)
    try:
        statement = _statement(source.query)
    except sa.exc.ArgumentError as exc:
        raise MeasureError.because(N_("the query is not valid: {reason}"), reason=str(exc)).within(
            connection=source.connection
        ) from None
    try:
        with engine.connect() as connection:
            rows = [tuple(row) for row in connection.execute(statement, context.params())]
    except sa.exc.DBAPIError as exc:
        raise MeasureError(_db_message(exc), connection=source.connection) from None
    except sa.exc.SQLAlchemyError as exc:
        raise MeasureError(str(exc).split("\n")[0], connection=source.connection) from None
    try:
        return rows_to_readings(rows, source, context)
    except MeasureError as exc:
        raise exc.within(connection=source.connection) from None


def _db_message(exc: Any) -> str:
    """The database's own message, without SQLAlchemy's SQL and parameter echo."""
    message = str(exc.orig) if exc.orig is not None else str(exc)
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    return " ".join(lines) or type(exc.orig).__name__
