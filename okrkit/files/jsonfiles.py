"""Reading JSON plan files within :class:`~okrkit.files.limits.Limits`.

The standard library's parser is used with hooks: numbers are checked for their
digits and size before they are built, ``NaN``/``Infinity`` are refused, and a
duplicate key is an error naming both lines (found by walking the text as YAML,
which JSON is). Whether the data keeps the limits on nesting, node count, text
length and the size of numbers is read from the text at C speed when the text can
tell; else the built data is walked once (without recursion). Nesting too deep for
the parser itself is the same clear error.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import yaml

from okrkit.errors import N_, Num, PlanFileError
from okrkit.files.limits import LimitError, Limits
from okrkit.files.nodes import (
    NUMERIC_KEYS,
    check_document,
    not_finite,
    number_text_too_large,
    text_too_long,
    too_large,
    too_many_digits,
)

__all__ = ["parse_json", "too_deep"]


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def too_deep(where: str, limits: Limits) -> LimitError:
    """The error for nesting deeper than the limit (or than the parser can go)."""
    return LimitError.translatable(
        N_(
            "{where}: nested more than {limit} levels deep; plans are limited to {limit} "
            "(Limits.max_depth)"
        ),
        where=where,
        limit=Num(limits.max_depth),
    )


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
    return out


def parse_json(text: str, where: str, limits: Limits) -> Any:
    """The data in JSON ``text``; errors name ``where`` and the line.

    Most files hold no number near the digit limit: those are parsed by the C
    parser without a Python call per number. Their text is then read at C speed
    for what bounds every limit (:func:`_text_within`); only when that cannot
    show the data keeps the limits is the data walked value by value. Any doubt
    (a long run of digits anywhere in the text, a problem found) and the text is
    parsed again the checked way, which finds and names the problem exactly as it
    always did.
    """
    raw = text.encode("utf-8", "surrogatepass")
    if b"\\" in raw:  # escapes: \\\\ and \\" stand for one character, never a quote
        raw = raw.replace(b"\\\\", b"x").replace(b'\\"', b"x")
    numbers = raw.translate(_NUMBERS)
    # A number literal of more than max_number_digits digits holds a run of this many
    # (it has at most three: integer part, fraction, exponent).
    run = limits.max_number_digits // 3 + 1
    long_run = b"d" * run in numbers
    small = _small_numbers(numbers, limits)
    del numbers  # as large as the text
    if not long_run or _long_digits(run).search(text) is None:
        data = _quick(text, raw, small, limits)
        if data is not _DOUBT:
            return data
    return _parse_checked(text, where, limits)


_DOUBT = object()


def _quick(text: str, raw: bytes, small: bool, limits: Limits) -> Any:
    """The data of ``text`` parsed at C speed when it keeps every limit and has no
    duplicate key; else ``_DOUBT``."""
    dicts: list[dict[str, Any]] = []
    keep = dicts.append

    def hook(mapping: dict[str, Any]) -> dict[str, Any]:
        keep(mapping)
        return mapping

    try:
        data = json.loads(text, object_hook=hook, parse_constant=_refuse)
        if small and _text_within(text, raw, limits):
            keys: int | None = sum(map(len, dicts))
        else:
            keys = _within(data, limits)
            if keys is None:
                return _DOUBT
        del dicts[:]
        # Every key is followed by one colon; a colon in a text, or a duplicate key
        # (the parser kept the last), makes more colons than keys: then parse again
        # with a hook that sees every key.
        if raw.count(b":") != keys:
            data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_refuse)
    except (ValueError, RecursionError, _Duplicate):
        return _DOUBT  # said exactly by the checked parse
    return data


@functools.lru_cache(maxsize=16)
def _long_digits(run: int) -> re.Pattern[str]:
    """A run of ``run`` digits."""
    return re.compile("[0-9]" * run)  # spelt out: faster than [0-9]{n} in CPython's re


def _table(classes: dict[bytes, bytes], rest: bytes) -> bytes:
    """A ``bytes.translate`` table: each byte of a key to its value, the others to ``rest``."""
    table = bytearray(rest * 256)
    for members, to in classes.items():
        for byte in members:
            table[byte] = to[0]
    return bytes(table)


#: Digits and the separators a number written as text may hold ("1_200", "1,200")
#: as d, e and E as e, the rest x.
_NUMBERS = _table({b"0123456789_,": b"d", b"eE": b"e"}, b"x")
#: Quotes as q, the rest x.
_QUOTES = _table({b'"': b"q"}, b"x")
#: Quotes as q, opening brackets as o, closing ones as c (the rest is deleted).
_BRACKETS = _table({b'"': b"q", b"[{": b"o", b"]}": b"c"}, b"x")
_NOT_BRACKETS = bytes(sorted(set(range(256)) - set(b'"[]{}')))
_ASCII = bytes(range(128))


def _small_numbers(numbers: bytes, limits: Limits) -> bool:
    """Whether every number in the text translated by ``_NUMBERS`` is within
    ``limits.max_magnitude``, also those written as text ("1,200", "2e9"), as far
    as the translation can tell (see :func:`_text_within`).

    A number with at most ``k`` digits before the point and no exponent is below
    ``10**k``: so it is when the text has no run of ``k + 1`` digits and no digit
    followed by ``e``.
    """
    digits = 0
    while digits < 400 and 10 ** (digits + 1) <= limits.max_magnitude:
        digits += 1
    return digits > 0 and b"d" * (digits + 1) not in numbers and b"de" not in numbers


def _text_within(text: str, raw: bytes, limits: Limits) -> bool:
    """Whether the text of valid JSON shows, read at C speed, that its data keeps
    every limit :func:`_within` checks; ``False`` when it cannot tell.

    ``raw`` is the text as UTF-8 with its escaped backslashes and quotes each
    replaced by one ``x``. Its numbers have been found small (:func:`_small_numbers`).

    * A number written as text is as small as its digits in the text say when the
      text has no ``\\u`` escape (which may spell digits or an exponent) and no
      digit of another script (which ``float`` reads too).
    * Every quote left opens or closes a text, so no text is longer than the
      longest run of bytes without a quote, and the brackets after an odd number
      of quotes are inside a text. Two quotes with no bracket between them can go
      first (``qq``): that keeps the count before every other quote odd or even.
    * The brackets outside texts empty when their empty pairs are removed ``k``
      times exactly when collections nest at most ``k`` deep.
    * Every value but the first of a collection follows a comma: the data holds at
      most one value more than its commas and opening brackets.
    """
    if b"\\u" in raw:
        return False
    if not text.isascii():
        wide = raw.translate(None, _ASCII).decode("utf-8", "surrogatepass")
        if any(map(str.isdecimal, set(wide))):
            return False  # digits of another script
    longest = limits.max_string_length
    if len(raw) > longest and b"x" * (longest + 1) in raw.translate(_QUOTES):
        return False
    brackets = raw.translate(_BRACKETS, _NOT_BRACKETS)
    if 1 + raw.count(b",") + brackets.count(b"o") > limits.max_nodes:
        return False
    brackets = brackets.replace(b"qq", b"")
    if b"q" in brackets:  # brackets inside texts: keep those between the texts
        brackets = b"".join(brackets.split(b"q")[::2])
    for _ in range(limits.max_depth - 1):  # values nest one level below collections
        if not brackets:
            break
        brackets = brackets.replace(b"oc", b"")
    return not brackets


def _refuse(name: str) -> Any:
    raise ValueError(name)


def _within(data: Any, limits: Limits) -> int | None:
    """How many keys ``data``'s mappings hold, if it keeps every limit that the
    checked parse and :func:`_walk` enforce (numbers' size included; checked level
    by level, in no particular order); else ``None``."""
    max_text, max_size, numeric = limits.max_string_length, limits.max_magnitude, NUMERIC_KEYS
    count, keys, depth, level = 1, 0, 1, [data]
    while level:
        depth += 1  # of the children of this level's collections
        below: list[Any] = []
        for value in level:
            if type(value) is dict:
                items: Any = value.items()
                keys += len(value)
            elif type(value) is list:
                items = enumerate(value)
            else:
                if not _scalar_within(value, max_text, max_size):
                    return None
                continue
            count += len(value)
            if value and depth > limits.max_depth:
                return None
            for key, item in items:
                kind = type(item)
                if kind is dict or kind is list:
                    below.append(item)
                elif kind is str:
                    if len(item) > max_text or (
                        key in numeric and number_text_too_large(item, limits) is not None
                    ):
                        return None
                elif (kind is float or kind is int) and not -max_size <= item <= max_size:
                    return None
                if type(key) is str and len(key) > max_text:
                    return None
        if count > limits.max_nodes:
            return None
        level = below
    return keys


def _scalar_within(value: Any, max_text: int, max_size: float) -> bool:
    if isinstance(value, str):
        return len(value) <= max_text
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return -max_size <= value <= max_size
    return True


def _parse_checked(text: str, where: str, limits: Limits) -> Any:
    def number(kind: type[int] | type[float]) -> Any:
        def build(literal: str) -> int | float:
            digits = sum(c.isdigit() for c in literal)
            if digits > limits.max_number_digits:
                raise too_many_digits(where, digits, limits)
            value = kind(literal)
            if abs(value) > limits.max_magnitude:
                raise too_large(where, literal, limits)
            return value

        return build

    def constant(name: str) -> Any:
        raise not_finite(where, name)

    try:
        data = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_int=number(int),
            parse_float=number(float),
            parse_constant=constant,
        )
    except json.JSONDecodeError as exc:
        raise PlanFileError.translatable(
            # Translators: {problem} is the JSON parser's English description.
            N_("{where}:{line}: not valid JSON: {problem}"),
            where=where,
            line=exc.lineno,
            problem=exc.msg,
        ) from None
    except RecursionError:
        raise too_deep(where, limits) from None
    except _Duplicate as exc:
        duplicate = PlanFileError.translatable(
            N_("{where}: duplicate key {key}; each key may appear once"),
            where=where,
            key=repr(exc.key),
        )
        raise _located(text, where, limits, duplicate) from None
    except PlanFileError as exc:
        raise _located(text, where, limits, exc) from None
    try:
        _walk(data, where, limits)
    except PlanFileError as exc:
        raise _located(text, where, limits, exc) from None
    return data


def _located(text: str, where: str, limits: Limits, error: PlanFileError) -> PlanFileError:
    """The same problem with its line and field, found by walking the text as YAML
    (which JSON is); ``error`` itself when that walk does not find it."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            check_document(loader, root, limits, where)
    except PlanFileError as exc:
        if type(exc) is type(error):
            return exc
    except (yaml.YAMLError, RecursionError, ValueError):
        pass
    finally:
        loader.dispose()
    return error


def _walk(data: Any, where: str, limits: Limits) -> None:
    count = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > limits.max_nodes:
            raise LimitError.translatable(
                N_(
                    "{where}: more than {limit} values; plans are limited to {limit} "
                    "(Limits.max_nodes)"
                ),
                where=where,
                limit=Num(limits.max_nodes),
            )
        if depth > limits.max_depth:
            raise too_deep(where, limits)
        if isinstance(value, dict):
            for key, item in value.items():
                _text(key, where, limits)
                if (
                    isinstance(item, str)
                    and (key in NUMERIC_KEYS)
                    and (number_text_too_large(item, limits) is not None)
                ):
                    raise too_large(f"{where}: {key}", item, limits)
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        else:
            _text(value, where, limits)


def _text(value: Any, where: str, limits: Limits) -> None:
    if isinstance(value, str) and len(value) > limits.max_string_length:
        raise text_too_long(where, len(value), limits)
