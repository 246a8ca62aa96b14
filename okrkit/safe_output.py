"""Output that cannot attack its reader: escaped Markdown, inert CSV, clean text, capped sandbox.

A plan's text comes from many hands. Rendered documents are opened in
spreadsheet programs, Markdown viewers and terminals, so:

* **Markdown** (:func:`md_escape`): user text is escaped so that it cannot
  open raw HTML (``<script>``, ``<img onerror>``), links or images
  (``[x](javascript:...)``), emphasis, code or tables, and a line break in a
  title cannot start a new heading, list or quote (breaks become spaces).
* **CSV** (:func:`csv_cell`): a text cell that a spreadsheet would run as a
  formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return; the OWASP rule) gets a leading ``'``, which spreadsheets show as
  plain text. Numbers stay numbers (``-12.5`` is left alone). Opt out with
  ``render(..., csv_formulas=True)`` when the cells are your own formulas.
* **Text** (:func:`text_clean`): control characters (terminal escape
  sequences such as ``ESC[2J``) are dropped from Markdown and text output.
* **Sandbox** (:class:`CappedSandbox`): ``environment(sandboxed=True)`` caps
  the size of strings and lists a template can build (``{{ 'a' * 10**9 }}``,
  ``'x'.center(10**9)``, ``"%*d" % (10**9, 1)``, ``2 ** 10**9``) and keeps
  Jinja's cap on ``range()``; a breach is a ``jinja2.exceptions.SecurityError``
  at once, before the memory is taken.

>>> print(md_escape("# Win <script>alert(1)</script> [me](javascript:x)\\n## https://x.io"))
\\# Win &lt;script&gt;alert(1)&lt;/script&gt; \\[me\\](javascript:x) \\#\\# https\\://x.io
>>> csv_cell("=HYPERLINK(\\"http://x\\")"), csv_cell("-12.5"), csv_cell(-3)
('\\'=HYPERLINK("http://x")', '-12.5', -3)
"""

from __future__ import annotations

import functools
import operator
import re
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from pydantic import BaseModel

__all__ = [
    "SANDBOX_MAX_ITEMS",
    "SANDBOX_MAX_STRING",
    "CappedSandbox",
    "csv_cell",
    "md_escape",
    "safe_copy",
    "text_clean",
]

#: Longest string a sandboxed template may build (characters).
SANDBOX_MAX_STRING = 1_000_000
#: Longest list or tuple a sandboxed template may build.
SANDBOX_MAX_ITEMS = 100_000

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MD_INLINE = re.compile(r"([\\`*_\[\]#+!|~])")
_MD_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_AUTOLINK = re.compile(r"(?i)(://|\bwww\.)")
_MD_LINE_START = re.compile(r"^(\s*)(-|\d+[.)])")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_clean(text: str) -> str:
    """``text`` without control characters (terminal escapes) and bidi overrides;
    tabs and line breaks stay."""
    return _CONTROL.sub("", text)


def md_escape(text: str) -> str:
    """``text`` as literal Markdown: ``<``, ``>`` and ``&`` become entities, every
    other character that could start markup is backslash-escaped, and line breaks
    become spaces."""
    flat = " ".join(text_clean(text).split())
    # Entities for <, > and & (every Markdown flavour decodes them; not all honour \<).
    escaped = _MD_INLINE.sub(r"\\\1", flat).translate(_MD_ENTITIES)
    escaped = _AUTOLINK.sub(lambda m: m.group(1).replace(":", "\\:").replace(".", "\\."), escaped)
    return _MD_LINE_START.sub(lambda m: m.group(1) + m.group(2).replace("-", "\\-")
                              .replace(".", "\\.").replace(")", "\\)"), escaped)  # fmt: skip


def csv_cell(value: Any) -> Any:
    """``value`` for a CSV cell; text a spreadsheet would run as a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


_TEXT_FIELDS = frozenset(
    {
        "title",
        "description",
        "owner",
        "team",
        "note",
        "author",
        "reporter",
        "area",
        "roles",
        "company",
        "worked",
        "did_not_work",
        "change",
        "label",
    }
)
M = TypeVar("M", bound=BaseModel)


def safe_copy(model: M, clean: Callable[[str], str]) -> M:
    """A copy of ``model`` whose free-text fields (titles, notes, owners ...) went
    through ``clean``, at every depth; ids, units and dates are left alone. Parts
    in which ``clean`` changed nothing are shared with ``model``, not copied."""
    update: dict[str, Any] = {}
    for name, text in _fields_to_walk(type(model)):
        value = getattr(model, name)
        if value is None:  # most notes, authors and provenances of check-ins
            continue
        new = _clean_value(value, clean, text)
        if new is not value:
            update[name] = new
    if not update:
        return model
    copy = model.model_copy(update=update)
    rebuild = getattr(copy, "_build_index", None)  # a Plan's id index points at the copies
    if rebuild is not None:
        rebuild()
    return copy


@functools.cache
def _fields_to_walk(cls: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The fields of ``cls`` that can hold user text, each with whether it is free
    text itself: the text fields, and those whose type can hold a model (walked
    for theirs). A field typed only as numbers, dates, flags or codes is skipped:
    a plan has millions of them."""
    return tuple(
        (name, name in _TEXT_FIELDS)
        for name, field in cls.model_fields.items()
        if name in _TEXT_FIELDS or _may_hold_model(field.annotation)
    )


def _may_hold_model(annotation: Any) -> bool:
    if typing.get_origin(annotation) is typing.Literal:
        return False
    if annotation is Any or isinstance(annotation, (str, typing.ForwardRef)):
        return True  # not known: walk it
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_model(arg) for arg in typing.get_args(annotation))


def _clean_value(value: Any, clean: Callable[[str], str], text: bool) -> Any:
    if isinstance(value, str):
        if not text:
            return value
        cleaned = clean(value)
        return value if cleaned == value else cleaned
    if isinstance(value, BaseModel):
        return safe_copy(value, clean)
    if isinstance(value, list):
        items = [_clean_value(v, clean, text) for v in value]
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if isinstance(value, dict):
        changed = {k: _clean_value(v, clean, text) for k, v in value.items()}
        return changed if any(changed[k] is not value[k] for k in value) else value
    return value


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else 0


def _too_big(what: str, size: int, limit: int) -> SecurityError:
    return SecurityError(f"the template builds {what} of {size:,}; the sandbox allows {limit:,}")


class CappedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with caps on the strings and lists a template builds."""

    max_string = SANDBOX_MAX_STRING
    max_items = SANDBOX_MAX_ITEMS
    intercepted_binops = frozenset({"*", "**", "%", "+"})
    _PADDING = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "format", "join"})

    def _limit(self, value: Any) -> int:
        return self.max_string if isinstance(value, (str, bytes)) else self.max_items

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        """``left <operator> right``, refused before it runs when the result would be too big."""
        if operator_ == "*":
            for seq, times in ((left, right), (right, left)):
                if _size(seq) and isinstance(times, int) and _size(seq) * times > self._limit(seq):
                    raise _too_big("a sequence", _size(seq) * times, self._limit(seq))
            return left * right
        if operator_ == "**":
            if isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
                bits = abs(left).bit_length() * right
                if bits > 64 * 1024:  # about 20,000 digits
                    raise SecurityError(f"the template computes a number of {bits:,} bits")
            return left**right
        if operator_ == "%":
            self._check_args(right if isinstance(right, tuple) else (right,))
            result = left % right
        else:
            result = operator.add(left, right)
        if _size(result) > self._limit(result):
            raise _too_big("a value", _size(result), self._limit(result))
        return result

    def _check_args(self, args: Any) -> None:
        for arg in args:
            if isinstance(arg, int) and not isinstance(arg, bool) and arg > self.max_string:
                raise SecurityError(
                    f"the template asks for a width of {arg:,}; the sandbox allows"
                    f" {self.max_string:,}"
                )

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Call ``__obj``; string padding and formatting are checked for their widths first."""
        name = getattr(__obj, "__name__", "")
        if isinstance(getattr(__obj, "__self__", None), str) and name in __self._PADDING:
            __self._check_args([*args, *kwargs.values()])
        result = super().call(__context, __obj, *args, **kwargs)
        if _size(result) > __self._limit(result):
            raise _too_big("a value", _size(result), __self._limit(result))
        return result

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("center", "indent", "format", "wordwrap", "truncate"):
            self.filters[name] = self._capped_filter(self.filters[name])

    def _capped_filter(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def capped(*args: Any, **kwargs: Any) -> Any:
            self._check_args([a for a in args[1:] if isinstance(a, int)])
            self._check_args([v for v in kwargs.values() if isinstance(v, int)])
            return fn(*args, **kwargs)

        for attr in ("jinja_pass_arg",):
            if hasattr(fn, attr):
                setattr(capped, attr, getattr(fn, attr))
        return capped
