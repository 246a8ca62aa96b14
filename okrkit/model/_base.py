"""Shared building blocks of the model: field types, the base model, error conversion."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal, Self, TypeAlias

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
)
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import PydanticCustomError, core_schema

from okrkit.errors import N_, Message, Num, OKRError, OneOf, ValidationError
from okrkit.period import Period

Unit: TypeAlias = Literal["count", "percent", "points", "currency", "ratio", "score", "duration"]
Direction: TypeAlias = Literal["increase", "decrease", "at_least", "at_most", "between"]
KeyResultKind: TypeAlias = Literal["metric", "milestone"]
Indicator: TypeAlias = Literal["lagging", "leading"]
Tag: TypeAlias = Literal["volume", "quality", "growth", "differentiation"]
Cadence: TypeAlias = Literal["daily", "weekly", "biweekly", "monthly", "quarterly"]
DurationUnit: TypeAlias = Literal["minutes", "hours", "days", "weeks", "months"]
InitiativeStatus: TypeAlias = Literal["planned", "in_progress", "done", "dropped"]
Rollup: TypeAlias = Literal["key_results", "children", "both"]
"""What an objective's score averages: its key results, the objectives aligned to it, or both."""

#: Days after a period's end in which a check-in still counts as that period's
#: final measurement (results such as revenue or NPS often arrive a few days late).
#: Check-ins dated later, or before the period starts, are flagged by ``okrkit lint``
#: and refused by ``okrkit checkin`` unless forced.
CHECK_IN_GRACE_DAYS = 14


def check_in_window(period: Period) -> tuple[dt.date, dt.date]:
    """First and last date a check-in of ``period`` may carry: its start, and its
    end plus :data:`CHECK_IN_GRACE_DAYS`."""
    return period.start, period.end + dt.timedelta(days=CHECK_IN_GRACE_DAYS)


#: Days a check-in cadence allows between two check-ins.
CADENCE_DAYS: Mapping[str, int] = {
    "daily": 1,
    "weekly": 7,
    "biweekly": 14,
    "monthly": 31,
    "quarterly": 92,
}

_ID = r"[A-Za-z0-9][A-Za-z0-9_.-]*"
_ID_RE = re.compile(rf"^{_ID}$")


#: Location labels of :class:`_FastPath`'s two branches. Errors under the fast
#: branch are dropped (:func:`_without_fast_path`); the checked branch's label is
#: left out of paths by :func:`format_loc`, as every ``function-`` part is.
_FAST = "fast-path"
_CHECKED = "function-checked"


class _FastPath:
    """Validate the common case of a field in pydantic-core, without a Python call.

    ``Annotated[T, <Python validators>, _FastPath(fast)]`` tries ``fast`` (a
    pydantic-core schema) first and falls back to the annotated Python path
    only when it fails (a left-to-right union). ``fast`` must accept a subset of
    what the Python path accepts, with the same result; a value it refuses gets
    exactly the Python path's result or errors, since the fast branch's errors
    are dropped by :func:`_without_fast_path`. The JSON schema is the Python path's.
    """

    __slots__ = ("fast",)

    def __init__(self, fast: core_schema.CoreSchema) -> None:
        self.fast = fast

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        checked = handler(source)
        return core_schema.union_schema(
            [(self.fast, _FAST), (checked, _CHECKED)], mode="left_to_right"
        )

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        return handler(schema["choices"][1][0])


def _without_fast_path(exc: PydanticValidationError, json: bool = False) -> PydanticValidationError:
    """``exc`` as if no field had a :class:`_FastPath`: the fast branches' errors
    dropped, the checked branches' labels taken out of the locations."""
    errors = exc.errors(include_url=False)
    if not any(_FAST in err["loc"] or _CHECKED in err["loc"] for err in errors):
        return exc
    kept: list[Any] = []
    for err in errors:
        if _FAST in err["loc"]:
            continue
        line: dict[str, Any] = {
            "type": err["type"],
            "loc": tuple(part for part in err["loc"] if part != _CHECKED),
            "input": err["input"],
        }
        if "ctx" in err:
            line["ctx"] = err["ctx"]
        kept.append(line)
    try:
        return PydanticValidationError.from_exception_data(
            exc.title, kept, input_type="json" if json else "python"
        )
    except (KeyError, TypeError, ValueError):  # an error type pydantic does not know
        for line, err in zip(kept, (e for e in errors if _FAST not in e["loc"]), strict=True):
            line["type"] = PydanticCustomError(err["type"], str(err["msg"]))
            line.pop("ctx", None)
        return PydanticValidationError.from_exception_data(
            exc.title, kept, input_type="json" if json else "python"
        )


def _parse_number(value: Any) -> Any:
    """Accept numbers and percent strings such as ``"4%"`` or ``"4.5 %"``."""
    if type(value) is float or type(value) is int:  # the common case, first
        return value
    if isinstance(value, bool):
        raise OKRError.translatable(N_("expected a number, got a boolean"))
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("%"):
            text = text[:-1].strip()
        try:
            return float(text)
        except ValueError:
            raise OKRError.translatable(
                N_("expected a number such as 12, 4.5 or '4%', got {value}"), value=repr(value)
            ) from None
    return value


def _serialize_number(value: float) -> int | float:
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


_NUMBER_OUT = PlainSerializer(_serialize_number)
_NUMBER_SCHEMA = WithJsonSchema(
    {
        "anyOf": [
            {"type": "number"},
            {"type": "string", "pattern": r"^\s*-?\d+(\.\d+)?\s*%\s*$"},
        ]
    }
)

Number = Annotated[
    float,
    # Before the validator, so that pydantic-core itself refuses NaN and infinity
    # (after it, pydantic adds a Python check to every number).
    Field(allow_inf_nan=False),
    BeforeValidator(_parse_number),
    _NUMBER_OUT,
    _NUMBER_SCHEMA,
]
"""A finite number; percent strings like ``"4%"`` are read as ``4``."""

#: :data:`Number` as okrkit's models read it: a plain number (``int`` or ``float``,
#: not ``bool``, finite) is taken in pydantic-core; anything else takes the Python path
#: of :data:`Number`, with its results and errors. (``Number`` itself stays one
#: path, for models outside okrkit, whose errors :func:`convert_errors` never sees.)
_Number = Annotated[
    float,
    Field(allow_inf_nan=False),
    BeforeValidator(_parse_number),
    _FastPath(core_schema.float_schema(strict=True, allow_inf_nan=False)),
    _NUMBER_OUT,
    _NUMBER_SCHEMA,
]


def _check_id(value: Any) -> Any:
    if not isinstance(value, str):
        return value  # `id: 1.5`: the str type reports "Input should be a valid string"
    if not _ID_RE.match(value):
        raise OKRError.translatable(
            N_(
                "{value} is not a valid id: use letters, digits, '-', '_' or '.', "
                "starting with a letter or digit"
            ),
            value=repr(value),
        )
    return value


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


Id = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v)]


def _read_id(value: Any) -> Any:
    """:func:`_check_id` and :data:`Id` in one call: text is checked, a whole
    number (``id: 2``) becomes its digits, anything else is left to ``str``."""
    if isinstance(value, str):
        return _check_id(value)
    if isinstance(value, int):
        return str(value)
    return value


#: An id as plan files write it (``mql``, ``q3.pipeline``, ``2``), checked. Text
#: that already is a valid id is checked in pydantic-core (no Python call).
CheckedId = Annotated[
    str,
    BeforeValidator(_read_id),
    _FastPath(core_schema.str_schema(strict=True, strip_whitespace=False, pattern=rf"^{_ID}\z")),
]


_MISSING = object()


def _new_list() -> list[Any]:
    """A new empty list: the ``default_factory`` of the models' list fields and
    private attributes.

    The same as ``default_factory=list``, but pydantic asks each default factory
    whether it takes the validated data (``inspect.signature``, for a private
    attribute on the first instance), and for the builtin ``list`` that means
    parsing its text signature with :mod:`tokenize`, whose first use compiles a
    large regular expression: 1.7 % of the instructions of a cold ``okrkit render``.
    """
    return []


class _SharedFieldsSet(set[str]):
    """The names of the fields given, shared by the many models of a plan that were
    given the same ones (see :func:`share_fields_sets`). Never changed in place: a
    model gets its own copy before its set could change (:meth:`_Model.model_fields_set`,
    assignment), and copies of a model (``copy``, ``model_copy``) get a plain set."""

    __slots__ = ()

    def __copy__(self) -> set[str]:
        return set(self)

    def __deepcopy__(self, memo: Any) -> set[str]:
        return set(self)


class _FieldsSets(dict[frozenset[str], _SharedFieldsSet]):
    def __missing__(self, key: frozenset[str]) -> _SharedFieldsSet:
        shared = _SharedFieldsSet(key)
        if len(self) < 4096:  # a few dozen in practice; never unbounded
            self[key] = shared
        return shared


_FIELDS_SETS = _FieldsSets()
# pydantic's slot for the set, read and written without an attribute lookup.
_fields_set_slot: Any = BaseModel.__dict__["__pydantic_fields_set__"]
_get_fields_set, _set_fields_set = _fields_set_slot.__get__, _fields_set_slot.__set__


def share_fields_sets(models: Iterable[BaseModel]) -> None:
    """Give each of ``models`` one shared set of the field names it was given, equal
    to its own: what a plan holds per model shrinks by a set (216 bytes for three
    names, 472 for six), and most models of a plan are given the same fields.

    Called by the model validators of the models that hold lists of models (a key
    result its check-ins, an objective its key results, a plan its objectives),
    while those were just built. Only for okrkit's models (:class:`_Model`), which
    copy a shared set before it could change.
    """
    # A plain loop: the lists are short (a key result's check-ins), where the set-up of
    # map/deque chains costs more than it saves (measured: 1.7 against 3.4 us for 5).
    shared: set[str] | None = None
    for model in models:
        fields = _get_fields_set(model)
        if shared is None or fields != shared:
            shared = _FIELDS_SETS[frozenset(fields)]
        if fields is not shared:
            _set_fields_set(model, shared)


class _Model(BaseModel):
    """Base of okrkit's models: strict about unknown keys, okrkit's own errors."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=True)

    @property
    def model_fields_set(self) -> set[str]:
        """The names of the fields given (set explicitly), as pydantic's; this model's own
        set, which changing changes no other model."""
        fields: set[str] = _get_fields_set(self)
        if type(fields) is _SharedFieldsSet:  # shared by many models: take a copy
            fields = set(fields)
            _set_fields_set(self, fields)
        return fields

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except PydanticValidationError as exc:
            raise ValidationError(convert_errors(exc)) from None

    def __setattr__(self, name: str, value: Any) -> None:
        # Assignment is validated like construction (``validate_assignment``):
        # ``kr.target = "lots"`` raises okrkit's ValidationError, and the model
        # is left unchanged.
        before = self.__dict__.get(name, _MISSING)
        was_set = name in self.model_fields_set
        try:
            super().__setattr__(name, value)
        except PydanticValidationError as exc:
            # pydantic stores the value before the model validators run; undo it.
            if before is not _MISSING:
                self.__dict__[name] = before
                if not was_set:
                    self.model_fields_set.discard(name)
            raise ValidationError(convert_errors(exc)) from None

    # Tell pydantic this __init__ only wraps errors, so nested models are still
    # validated in pydantic-core (fast, with full error paths) without calling it.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    # pydantic's own entry points raise pydantic's ValidationError, as without the
    # fast paths of the fields (see _FastPath): one error per problem, same paths.
    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """pydantic's ``model_validate``; its errors as if every field had one path."""
        try:
            return super().model_validate(obj, *args, **kwargs)
        except PydanticValidationError as exc:
            raise _without_fast_path(exc) from None

    @classmethod
    def model_validate_json(
        cls, json_data: str | bytes | bytearray, *args: Any, **kwargs: Any
    ) -> Self:
        """pydantic's ``model_validate_json``; its errors as if every field had one path."""
        try:
            return super().model_validate_json(json_data, *args, **kwargs)
        except PydanticValidationError as exc:
            raise _without_fast_path(exc, json=True) from None

    @classmethod
    def model_validate_strings(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """pydantic's ``model_validate_strings``; its errors as if every field had one path."""
        try:
            return super().model_validate_strings(obj, *args, **kwargs)
        except PydanticValidationError as exc:
            raise _without_fast_path(exc) from None


def format_loc(loc: tuple[int | str, ...]) -> str:
    """Render a pydantic error location as ``objectives[0].key_results[1].target``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.startswith(("function-", "lax-", "json-")) or part in {"str", "int", "float"}:
            continue
        else:
            out += f".{part}" if out else part
    return out


_FIELD_PREFIX = re.compile(r"^([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*): (.+)$", re.S)

_TYPE_HINTS = {
    "extra_forbidden": N_(
        "unknown field; check its spelling (fields are listed in `okrkit schema`)"
    ),
    "missing": N_("required field is missing"),
    "finite_number": N_("expected a finite number (not NaN or infinity)"),
}

#: pydantic's own messages, by error type, as okrkit's translatable message ids.
#: ``{name}`` placeholders are filled from the error's ``ctx``; the English text
#: shown stays pydantic's own.
_PYDANTIC = {
    "string_type": N_("Input should be a valid string"),
    "float_type": N_("Input should be a valid number"),
    "float_parsing": N_("Input should be a valid number, unable to parse string as a number"),
    "int_type": N_("Input should be a valid integer"),
    "int_parsing": N_("Input should be a valid integer, unable to parse string as an integer"),
    "int_from_float": N_("Input should be a valid integer, got a number with a fractional part"),
    "bool_type": N_("Input should be a valid boolean"),
    "bool_parsing": N_("Input should be a valid boolean, unable to interpret input"),
    "list_type": N_("Input should be a valid list"),
    "dict_type": N_("Input should be a valid dictionary"),
    "model_type": N_("Input should be a valid dictionary or instance of {class_name}"),
    "model_attributes_type": N_(
        "Input should be a valid dictionary or object to extract fields from"
    ),
    "date_type": N_("Input should be a valid date"),
    "literal_error": N_("Input should be {expected}"),
    "greater_than": N_("Input should be greater than {gt}"),
    "greater_than_equal": N_("Input should be greater than or equal to {ge}"),
    "less_than": N_("Input should be less than {lt}"),
    "less_than_equal": N_("Input should be less than or equal to {le}"),
    "string_too_short": N_("String should have at least {min_length} characters"),
    "string_too_long": N_("String should have at most {max_length} characters"),
}

_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|[^\s',]+")


def _pydantic_message(err: Any) -> str:
    """pydantic's message for ``err``, as a :class:`Message` where okrkit translates it."""
    kind, english, ctx = err["type"], str(err["msg"]), err.get("ctx") or {}
    msgid = _PYDANTIC.get(kind)
    if msgid is None:
        return english
    params: dict[str, Any] = {}
    for name, value in ctx.items():
        if name == "expected":  # "'increase', 'decrease' or 'between'": join in the locale
            value = OneOf(v for v in _QUOTED.findall(str(value)) if v != "or")
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            value = Num(value)
        params[name] = value
    return Message(msgid, english=english, **params)


def _okrkit_message(err: Any) -> tuple[str | None, str] | None:
    """The field and message of a translatable okrkit error raised in a validator."""
    error = (err.get("ctx") or {}).get("error")
    if not isinstance(error, OKRError) or error.msgid is None:
        return None
    return getattr(error, "field", None), Message(error.msgid, **error.params)


def convert_errors(exc: PydanticValidationError) -> list[tuple[str, str]]:
    """Turn pydantic's errors into okrkit's ``(path, message)`` pairs; a message is a
    :class:`~okrkit.errors.Message` where it can be shown in the reader's language."""
    out: list[tuple[str, str]] = []
    for err in exc.errors(include_url=False):
        if _FAST in err["loc"]:  # the fast path refused it; the checked path's error follows
            continue
        loc = format_loc(tuple(err["loc"]))
        kind = err["type"]
        message: str
        if kind in _TYPE_HINTS:
            message = Message(_TYPE_HINTS[kind])
        elif found := _okrkit_message(err):
            field, message = found
            if field:
                loc = f"{loc}.{field}" if loc else field
        else:
            message = _pydantic_message(err)
            if not isinstance(message, Message):
                for prefix in ("Value error, ", "Assertion failed, "):
                    message = message.removeprefix(prefix)
                if m := _FIELD_PREFIX.match(message):  # "target: ..." from a model validator
                    loc = f"{loc}.{m[1]}" if loc else m[1]
                    message = m[2]
        if kind not in {"missing", "extra_forbidden"} and "input" in err:
            shown = err["input"]
            if not isinstance(shown, (dict, list)) and f"got {shown!r}" not in message:
                # Translators: {message} is one problem; {value} the value the plan gave.
                message = Message(N_("{message} (got {value})"), message=message, value=repr(shown))
        out.append((loc, message))
    return out


def _parse_date(value: Any) -> Any:
    """Read ``YYYY-MM-DD`` text as a date, naming an impossible date clearly."""
    if type(value) is str:  # the common case, first
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass  # spaces around the date, or no date: below
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
            if m and 1 <= int(m[2]) <= 12:
                year, month = int(m[1]), int(m[2])
                last = calendar.monthrange(year, month)[1]
                raise OKRError.translatable(
                    # Translators: {month} is a month written 2026-02; {days} a number of days.
                    N_("{value} is not a real date: {month} has {days} days"),
                    value=repr(text),
                    month=f"{year}-{month:02d}",
                    days=last,
                ) from None
            raise OKRError.translatable(
                N_("expected a date written YYYY-MM-DD, got {value}"), value=repr(value)
            ) from None
    return value


Date = Annotated[dt.date, BeforeValidator(_parse_date)]
"""A calendar date; text must be ``YYYY-MM-DD`` and a day that exists."""

#: :data:`Date` as okrkit's models read it: text of exactly ``YYYY-MM-DD`` digits is
#: read as a date in pydantic-core; anything else (an impossible day, spaces, a
#: ``datetime``...) takes the Python path of :data:`Date`, with its results and errors.
#: ``YYYY-MM-DD`` from year 1000, months 01-12, days 01-31. (pydantic-core 2.16, of
#: pydantic 2.6, lets Python's "year 0 is out of range" escape for year 0000.)
_ISO_DATE = r"^[1-9][0-9]{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])\z"

_Date = Annotated[
    dt.date,
    BeforeValidator(_parse_date),
    _FastPath(
        core_schema.chain_schema(
            [
                core_schema.str_schema(strict=True, strip_whitespace=False, pattern=_ISO_DATE),
                core_schema.date_schema(),
            ]
        )
    ),
]
