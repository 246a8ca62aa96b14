"""okrkit's exceptions.

Every error okrkit raises on bad input is an :class:`OKRError`, which is also a
:class:`ValueError`, so callers can catch either. Messages say *where* (file,
line, field path) and *what was expected*.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import Any, Self

__all__ = [
    "CatalogueError",
    "MeasureError",
    "Message",
    "MetricError",
    "Num",
    "OKRError",
    "OneOf",
    "PeriodError",
    "PlanError",
    "PlanFileError",
    "UnknownLocaleError",
    "ValidationError",
    "Written",
    "field_error",
]


class OKRError(ValueError):
    """Base class of every error okrkit raises for bad input.

    An error made with :meth:`translatable` carries its English message id and
    parameters, so a program can show it in its user's language with
    :meth:`localized`; ``str(error)`` is always the English text.

    >>> error = OKRError.translatable("unknown format '{format}'; expected one of: {formats}",
    ...                               format="pdf", formats=OneOf(["markdown", "html"]))
    >>> str(error)
    "unknown format 'pdf'; expected one of: markdown or html"
    >>> error.localized("sv").startswith("okänt format 'pdf'")
    True
    """

    msgid: str | None = None
    params: Mapping[str, Any] = {}

    @classmethod
    def translatable(cls, msgid: str, /, **params: Any) -> Self:
        """An error whose message is the msgid ``msgid`` (marked with ``N_``) filled with
        ``params``; sequences become lists joined the way the locale joins them."""
        error = cls(_fill(msgid, params, "en"))
        error.msgid = msgid
        error.params = dict(params)
        return error

    def localized(self, locale: object = "en") -> str:
        """The message in ``locale`` (English where the error has no message id)."""
        if self.msgid is None:
            return str(self)
        from okrkit.i18n import translations

        return _fill(translations(locale).gettext(self.msgid), self.params, locale)  # type: ignore[arg-type]


def field_error(field: str | None, msgid: str, /, **params: Any) -> OKRError:
    """A validator's error about ``field`` (a path below the model, such as
    ``check_ins[2].value``) with the translatable message ``msgid``; its text
    is ``"field: message"``, as pydantic shows it."""
    error = OKRError.translatable(msgid, **params)
    if field:
        error.args = (f"{field}: {error}",)
    error.field = field  # type: ignore[attr-defined]
    return error


class OneOf(tuple[str, ...]):
    """Alternatives in an error message, joined with "or" in the reader's language."""


class Num(float):
    """A number in an error message, written the way the reader's locale writes it
    (``Num(40000)`` is "40,000" in English, "40 000" in Swedish). Plain ``int``
    parameters, such as line numbers, are written as digits."""


class Message(str):
    """One problem's text in English that can be shown in another language.

    It is the English text (so it compares and prints as before) and carries its
    message id (marked with ``N_``) and parameters; :meth:`localized` fills the
    translation. ``english`` overrides the English text where another library
    wrote it (pydantic's own messages).

    >>> m = Message("expected a date written YYYY-MM-DD, got {value}", value="'soon'")
    >>> m
    "expected a date written YYYY-MM-DD, got 'soon'"
    >>> m.localized("sv").startswith("förväntade")
    True
    """

    msgid: str
    params: Mapping[str, Any]

    def __new__(cls, msgid: str, /, english: str | None = None, **params: Any) -> Self:
        text = super().__new__(cls, _fill(msgid, params, "en") if english is None else english)
        text.msgid = msgid
        text.params = dict(params)
        return text

    def localized(self, locale: object = "en") -> str:
        """The text in ``locale``."""
        from okrkit.i18n import translations

        return _fill(translations(locale).gettext(self.msgid), self.params, locale)  # type: ignore[arg-type]


def _fill(text: str, params: Mapping[str, Any], locale: object) -> str:
    for name, value in params.items():
        if isinstance(value, Written):
            value = value.written(locale)
        elif isinstance(value, (Message, OKRError)):
            value = value.localized(locale) if locale != "en" else str(value)
        elif isinstance(value, Num):
            from okrkit.formatting import format_number

            value = format_number(float(value), locale, digits=3)  # type: ignore[arg-type]
        elif isinstance(value, Sequence) and not isinstance(value, str):
            from okrkit.formatting import format_list

            style = "or" if isinstance(value, OneOf) else "standard"
            value = format_list([str(v) for v in value], locale, style=style)  # type: ignore[arg-type]
        text = text.replace("{" + name + "}", str(value))
    return text


class Written:
    """A date or a period in an error message, written the way the reader's locale
    writes it (plain dates in other messages stay ISO, as a file holds them)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def written(self, locale: object) -> str:
        """``value`` formatted for ``locale``: a period by its name, else as a date."""
        from okrkit.formatting import format_date, format_period
        from okrkit.period import Period

        if isinstance(self.value, Period):
            return format_period(self.value, locale)  # type: ignore[arg-type]
        return format_date(self.value, locale)  # type: ignore[arg-type]

    def __str__(self) -> str:
        return self.written("en")


class ValidationError(OKRError):
    """A value does not fit the OKR model.

    ``errors`` lists every problem found as ``(path, message)`` pairs, where
    ``path`` is the dotted field path (``objectives[0].key_results[1].target``).
    The message lists the first ``max_shown`` of them and counts the rest.
    """

    def __init__(
        self,
        errors: list[tuple[str, str]],
        *,
        source: str | None = None,
        lines: dict[str, int] | None = None,
        max_shown: int | None = None,
    ) -> None:
        self.errors = errors
        self.source = source
        self.lines = dict(lines or {})
        self.max_shown = max_shown
        super().__init__(self._render())

    def _render(self, locale: object = None) -> str:
        import gettext

        t = gettext.NullTranslations()
        if locale is not None:
            from okrkit.i18n import translations

            t = translations(locale)  # type: ignore[arg-type]
        parts = []
        shown = self.errors if self.max_shown is None else self.errors[: self.max_shown]
        for path, message in shown:
            where = self.source or ""
            line = self.lines.get(path)
            if where and line is not None:
                where = f"{where}:{line}"
            elif line is not None:
                where = t.gettext(N_("line {line}")).replace("{line}", str(line))
            prefix = f"{where}: " if where else ""
            field = f"{path}: " if path else ""
            if isinstance(message, Message) and locale is not None:
                message = message.localized(locale)
            parts.append(f"{prefix}{field}{message}")
        if len(shown) < len(self.errors):
            more = len(self.errors) - len(shown)
            # Translators: {count} is a number such as 39,980.
            text = t.ngettext("... and {count} more problem", "... and {count} more problems", more)
            parts.append(_fill(text, {"count": Num(more)}, "en" if locale is None else locale))
        return "\n".join(parts)

    def localized(self, locale: object = "en") -> str:
        """Every problem shown, in ``locale`` (okrkit's own messages and pydantic's)."""
        return self._render(locale)


class PeriodError(OKRError):
    """A period could not be parsed or is not a valid date range."""


class PlanError(OKRError):
    """A plan is inconsistent: duplicate ids, dangling parents, cycles."""


class PlanFileError(OKRError):
    """A plan file cannot be read: missing, unreadable, or not YAML/JSON."""


class UnknownLocaleError(OKRError):
    """A locale okrkit does not support (there is no silent English fallback)."""

    def __init__(self, requested: object, supported: tuple[str, ...] = ()) -> None:
        self.requested = requested
        self.supported = supported
        hint = f"; supported: {', '.join(supported)}" if supported else ""
        super().__init__(f"unknown locale {requested!r}{hint}")
        if supported:
            self.msgid = N_("unknown locale {locale}; supported: {supported}")
            self.params = {"locale": repr(requested), "supported": ", ".join(supported)}


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


class CatalogueError(OKRError):
    """A catalogue template or parameter that does not exist or does not fit."""


class MetricError(OKRError):
    """A marketing metric cannot be computed from the inputs given."""


class MeasureError(OKRError):
    """A key result's source could not be measured.

    ``ref`` is the key result (``objective/kr``), ``source`` the source
    (``sql:crm``), ``connection`` the connection's name when there is one, and
    ``reason`` the cause, for a database its own message. Never holds a secret.
    A reason made with :meth:`because` is shown in the user's language by
    :meth:`localized`; a database's own message stays as the database wrote it.
    """

    def __init__(
        self,
        reason: str,
        *,
        ref: str | None = None,
        source: str | None = None,
        connection: str | None = None,
        why: tuple[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.reason = reason
        self.ref = ref
        self.source = source
        self.connection = connection
        self.why = why
        super().__init__(": ".join([*self._where(None), reason]))

    @classmethod
    def because(cls, msgid: str, /, **params: Any) -> MeasureError:
        """A MeasureError whose reason is the msgid ``msgid`` (marked with ``N_``) filled
        with ``params``; a parameter that is an :class:`OKRError` is localized with it."""
        return cls(_fill(msgid, params, "en"), why=(msgid, params))

    def within(
        self, *, ref: str | None = None, source: str | None = None, connection: str | None = None
    ) -> MeasureError:
        """The same error, placed: in key result ``ref``, at ``source`` or ``connection``."""
        return MeasureError(
            self.reason,
            ref=ref or self.ref,
            source=source or self.source,
            connection=connection or self.connection,
            why=self.why,
        )

    def _where(self, locale: object) -> list[str]:
        parts = [self.ref] if self.ref else []
        if self.connection:
            label = "connection {name}"
            if locale is not None:
                from okrkit.i18n import translations

                label = translations(locale).gettext(N_("connection {name}"))  # type: ignore[arg-type]
            parts.append(label.replace("{name}", self.connection))
        elif self.source:
            parts.append(self.source)
        return parts

    def localized(self, locale: object = "en") -> str:
        """The message in ``locale``: where (key result, connection) and why."""
        reason = self.reason
        if self.why is not None:
            from okrkit.i18n import translations

            msgid, params = self.why
            values = {
                k: v.localized(locale) if isinstance(v, OKRError) else v for k, v in params.items()
            }
            reason = _fill(translations(locale).gettext(msgid), values, locale)  # type: ignore[arg-type]
        return ": ".join([*self._where(locale), reason])
