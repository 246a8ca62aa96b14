"""What a plan file says about measuring: connections and the ``measure`` block.

A plan names its data connections once, at plan level, and each key result that
measures itself says where its number comes from::

    connections:
      crm: {url: "postgresql+psycopg://okr@db/crm?password=${CRM_PASSWORD}"}
    objectives:
      - id: pipeline
        key_results:
          - id: sql
            measure:
              kind: sql
              connection: crm
              query: SELECT count(*) FROM leads WHERE stage = 'SQL' AND created_on <= :on

Connections never hold secrets: a URL refers to environment variables with
``${NAME}``, read when the source runs. The kinds are :class:`SqlSource`,
:class:`CsvSource`, :class:`FormulaSource` (a metric formula from
:mod:`okrkit.metrics` over measured inputs) and :class:`PluginSource` (a
connector shipped as a package, found through the ``okrkit.sources`` entry points).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, TypeAlias
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic import ValidationError as PydanticValidationError

from okrkit.errors import N_, ValidationError, field_error

__all__ = [
    "Aggregate",
    "Connection",
    "CsvSource",
    "FormulaSource",
    "InputSource",
    "Measure",
    "PluginSource",
    "Refresh",
    "SqlSource",
    "Window",
]

Aggregate: TypeAlias = Literal["last", "sum", "mean", "count", "count_distinct"]
#: How often the data behind a source is refreshed (the cadences of okrkit.model).
Refresh: TypeAlias = Literal["daily", "weekly", "biweekly", "monthly", "quarterly"]
Window: TypeAlias = Literal["period", "7d", "30d", "month", "all"]

_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class _Spec(BaseModel):
    """Base of the measurement models: unknown keys are errors, okrkit's own errors."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=True)

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except PydanticValidationError as exc:
            from okrkit.model import convert_errors

            raise ValidationError(convert_errors(exc)) from None

    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]


def _kind_required(schema: dict[str, Any]) -> None:
    """In the JSON Schema, ``kind`` is required: a plan file must say which kind it is."""
    required = schema.setdefault("required", [])
    if "kind" not in required:
        required.insert(0, "kind")


class _Source(_Spec):
    """Base of the source kinds: ``kind`` is always written out, even when defaulted.

    ``refresh`` says how often the data behind the source is updated (a monthly
    survey export, a nightly warehouse load), when it is not its connection's;
    lint warns when a key result's cadence asks for fresher numbers.
    """

    refresh: Refresh | None = None

    model_config = ConfigDict(json_schema_extra=_kind_required)

    def model_post_init(self, context: Any, /) -> None:
        # A source built in Python (SqlSource(...)) must save with its kind, or
        # the plan file could not be read back: the kind tells the sources apart.
        self.model_fields_set.add("kind")


class Connection(_Spec):
    """A named data connection: a SQLAlchemy URL that may refer to ``${ENV_VAR}`` values.

    A password written into the URL is refused: the plan file is shared in git,
    the secret belongs in the environment.

    >>> Connection(url="postgresql+psycopg://okr:${PGPASSWORD}@db/crm").env_vars()
    ['PGPASSWORD']
    """

    url: Annotated[str, Field(min_length=1)]
    description: str | None = None
    refresh: Refresh | None = None

    @model_validator(mode="before")
    @classmethod
    def _no_secret(cls, data: Any) -> Any:
        # A model validator, so a refused URL is never echoed in the error message.
        url = data.get("url") if isinstance(data, dict) else None
        if not isinstance(url, str):
            return data
        shown = _ENV_REF.sub("ENV", url)
        try:
            password = urlsplit(shown).password
        except ValueError:
            password = None
        if password is not None and password != "ENV":
            raise field_error(
                "url",
                N_(
                    "the URL holds a password; write it as ${NAME} and set NAME in the "
                    "environment (plan files are shared, secrets are not)"
                ),
            )
        if "$" in _ENV_REF.sub("", url):
            raise field_error(
                "url", N_("write environment references as ${NAME} (letters, digits, _)")
            )
        return data

    def env_vars(self) -> list[str]:
        """The environment variables the URL refers to, in order."""
        return list(dict.fromkeys(_ENV_REF.findall(self.url)))


class SqlSource(_Source):
    """A SQL query against a named connection.

    The query may use the bound parameters ``:on`` (the measuring date),
    ``:period_start``, ``:period_end`` and ``:since`` (the date of the key
    result's last check-in before ``on``, else the period's start). It returns
    one number, or with ``history: true`` rows of ``(date, value)``.
    """

    kind: Literal["sql"] = "sql"
    connection: Annotated[str, Field(min_length=1)]
    query: Annotated[str, Field(min_length=1)]
    history: bool = False

    def describe(self) -> str:
        """A short description for provenance and tables: ``sql:crm``."""
        return f"sql:{self.connection}"


class CsvSource(_Source):
    """A CSV export (GA4, HubSpot, Google Ads, a survey tool): a file or a glob.

    ``path`` is relative to the plan file. ``column`` is the value column
    (not needed for ``count``), ``date_column`` places each row in time for the
    ``window``, ``filters`` keep rows whose column equals a value (or one of a list).
    Delimiter, decimal mark and encoding are detected unless given.
    """

    kind: Literal["csv"] = "csv"
    path: Annotated[str, Field(min_length=1)]
    column: str | None = None
    date_column: str | None = None
    date_format: str | None = None
    filters: dict[str, str | list[str]] = Field(default_factory=dict)
    aggregate: Aggregate = "last"
    window: Window = "period"
    delimiter: Annotated[str, Field(min_length=1, max_length=1)] | None = None
    decimal: Literal[".", ","] | None = None
    encoding: str | None = None

    @model_validator(mode="after")
    def _check(self) -> CsvSource:
        if self.column is None and self.aggregate != "count":
            raise field_error(
                "column",
                N_("aggregate {aggregate} needs the column to read"),
                aggregate=self.aggregate,
            )
        if self.window != "all" and self.date_column is None:
            raise field_error(
                "date_column",
                N_("window {window} needs the date column (or window: all)"),
                window=self.window,
            )
        return self

    def describe(self) -> str:
        """A short description for provenance and tables: ``csv:exports/ga4.csv``."""
        return f"csv:{self.path}"


class PluginSource(_Source):
    """A connector from an installed package, found in the ``okrkit.sources`` entry points.

    ``plugin`` is the entry point's name; ``options`` are passed to it as they are.
    """

    kind: Literal["plugin"] = "plugin"
    plugin: Annotated[str, Field(min_length=1)]
    options: dict[str, Any] = Field(default_factory=dict)

    @field_validator("plugin")
    @classmethod
    def _name(cls, name: str) -> str:
        if not _NAME.match(name):
            raise field_error(None, N_("{name} is not an entry-point name"), name=repr(name))
        return name

    def describe(self) -> str:
        """A short description for provenance and tables: ``plugin:hubspot``."""
        return f"plugin:{self.plugin}"


InputSource: TypeAlias = Annotated[
    SqlSource | CsvSource | PluginSource, Field(discriminator="kind")
]
"""A source of one input of a formula (any kind but a formula)."""


class FormulaSource(_Source):
    """A metric formula from :mod:`okrkit.metrics` whose inputs are measured.

    ``metric`` defaults to the key result's ``metric``. Each input is measured
    by its own source; ``values`` gives constant inputs (``gross_margin: 0.8``).
    """

    kind: Literal["formula"] = "formula"
    metric: str | None = None
    inputs: Annotated[dict[str, InputSource], Field(min_length=1)]
    values: dict[str, float] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check(self) -> FormulaSource:
        from okrkit import metrics

        if self.metric is not None and self.metric not in metrics.names():
            raise field_error(
                "metric",
                N_("unknown metric {metric}; expected one of {metrics}"),
                metric=repr(self.metric),
                metrics=", ".join(metrics.names()),
            )
        if both := sorted(set(self.inputs) & set(self.values)):
            raise field_error(
                "values",
                N_("{inputs} is measured and given as a value"),
                inputs=", ".join(both),
            )
        return self

    def describe(self, metric: str | None = None) -> str:
        """A short description: ``formula:nps(sql:survey, csv:x.csv)``; ``metric`` is the
        key result's, used when the block names none."""
        parts = ", ".join(dict.fromkeys(s.describe() for s in self.inputs.values()))
        return f"formula:{self.metric or metric or 'metric'}({parts})"


Measure: TypeAlias = Annotated[
    SqlSource | CsvSource | FormulaSource | PluginSource, Field(discriminator="kind")
]
"""A key result's ``measure`` block: one of the source kinds, told apart by ``kind``."""
