"""Checks on a composed YAML document before any Python object is built from it.

libyaml's C parser composes the file into a graph of nodes in which an alias is
a second reference to the same node, so even a "billion laughs" file composes
small. One walk over that graph checks, before construction:

* tags: only the plain data a plan holds (text, numbers, booleans, null, dates,
  mappings, lists, merge keys); ``!!binary``, ``!!python/...``, ``!!set`` and
  custom tags are errors;
* duplicate keys (YAML says they are an error; PyYAML lets the last one win),
  reported with both lines;
* nesting depth, the node budget and the nodes reached through aliases,
  counted as construction would expand them;
* text length, digits in a number and the size of a number.

Errors name the source, the line and the field path.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

from okrkit.errors import N_, Num, PlanFileError
from okrkit.files.limits import LimitError, Limits

__all__ = ["check_document", "field_path"]

_T = "tag:yaml.org,2002:"
_SCALARS = {_T + name for name in ("str", "int", "float", "bool", "null", "timestamp", "merge")}
_NUMBERS = {_T + "int", _T + "float"}
_ALLOWED = frozenset({*_SCALARS, _T + "seq", _T + "map"})
_SEQ, _MAP = _T + "seq", _T + "map"
_STR = _T + "str"
#: Fields the model reads as numbers, also when written as text ("18%", "1.7e308").
NUMERIC_KEYS = frozenset(
    {"baseline", "target", "target_min", "target_max", "current", "value", "weight"}
)
_NUMBER_TEXT = re.compile(r"\s*[+-]?[\d_.,]+([eE][+-]?\d+)?\s*%?\s*")


def number_text_too_large(text: str, limits: Limits) -> float | None:
    """The number in ``text`` (``"18%"``, ``"1.7e308"``) when it is beyond
    ``limits.max_magnitude``; else ``None`` (also when it is no number)."""
    if len(text) > 60 or not _NUMBER_TEXT.fullmatch(text):
        return None
    try:
        number = float(text.strip().rstrip("%").replace("_", "").replace(",", ""))
    except ValueError:
        return None
    return number if abs(number) > limits.max_magnitude else None


# A node on the walk: (node, depth, parent entry, the key or index that leads to it).
_Entry = tuple[yaml.Node, int, Any, str | int | None]


def field_path(entry: _Entry | None) -> str:
    """The dotted field path of a walk entry: ``objectives[0].key_results[1].title``."""
    parts: list[str] = []
    while entry is not None and entry[3] is not None:
        part = entry[3]
        parts.append(f"[{part}]" if isinstance(part, int) else f".{part}")
        entry = entry[2]
    return "".join(reversed(parts)).lstrip(".")


def _where(source: str, node: yaml.Node, entry: _Entry | None) -> str:
    path = field_path(entry)
    return f"{source}:{node.start_mark.line + 1}" + (f": {path}" if path else "")


def _scalar(loader: Any, node: yaml.ScalarNode, entry: _Entry, limits: Limits, source: str) -> None:
    value: str = node.value
    if node.tag == _STR:
        if len(value) > limits.max_string_length:
            raise text_too_long(_where(source, node, entry), len(value), limits)
        numeric = entry[3] in NUMERIC_KEYS or (entry[2] is not None and entry[2][3] == "inputs")
        if numeric and number_text_too_large(value, limits) is not None:
            raise too_large(_where(source, node, entry), value, limits)
        return
    if node.tag not in _NUMBERS:
        return
    digits = sum(c.isdigit() for c in value)
    if digits > limits.max_number_digits:
        raise too_many_digits(_where(source, node, entry), digits, limits)
    number = loader.construct_object(node)
    if isinstance(number, float) and not math.isfinite(number):
        raise not_finite(_where(source, node, entry), value)
    if abs(number) > limits.max_magnitude:
        raise too_large(_where(source, node, entry), value, limits)


def _mapping(
    node: yaml.MappingNode, entry: _Entry, source: str
) -> list[tuple[str | int, yaml.Node]]:
    """The mapping's (key, value) pairs; duplicate and non-text keys are errors."""
    seen: dict[str, yaml.Node] = {}
    pairs: list[tuple[str | int, yaml.Node]] = []
    for key, value in node.value:
        if key.tag == _T + "merge":
            pairs.append(("<<", value))
            continue
        if not isinstance(key, yaml.ScalarNode):
            raise PlanFileError.translatable(
                N_("{where}: a key must be plain text"), where=_where(source, key, entry)
            )
        if key.value in seen:
            first = seen[key.value].start_mark.line + 1
            raise PlanFileError.translatable(
                N_(
                    "{where}: duplicate key {key} (first at line {first}); each key may appear once"
                ),
                where=_where(source, key, (value, 0, entry, key.value)),
                key=repr(key.value),
                first=first,
            )
        seen[key.value] = key
        pairs.append((key.value, value))
    return pairs


def check_document(loader: Any, root: yaml.Node, limits: Limits, source: str) -> None:
    """Check the composed document ``root`` against ``limits``; raise on the first problem."""
    seen: set[int] = {id(root)}
    shared = False
    count = 1
    stack: list[_Entry] = []
    top: _Entry = (root, 1, None, None)
    if isinstance(root, yaml.ScalarNode):
        _leaf(loader, top, limits, source)
    else:
        stack.append(top)
    scalar, text, numeric, max_depth = yaml.ScalarNode, _STR, NUMERIC_KEYS, limits.max_depth
    while stack:  # collections only; their scalar children are checked in place
        entry = stack.pop()
        node, depth, _, _ = entry
        if depth > max_depth:
            raise LimitError.translatable(
                N_(
                    "{where}: nested {depth} levels deep; plans are limited to {limit} "
                    "(Limits.max_depth)"
                ),
                where=_where(source, node, entry),
                depth=Num(depth),
                limit=Num(max_depth),
            )
        if node.tag not in _ALLOWED:
            _bad_tag(node, entry, source)
        if isinstance(node, yaml.MappingNode):
            children: list[tuple[str | int, yaml.Node]] = _mapping(node, entry, source)
        else:
            children = list(enumerate(node.value))
        count += len(children)
        if count > limits.max_nodes:
            raise _budget(source, count, limits)
        nested: list[_Entry] = []
        for part, child in children:
            key = id(child)
            if key in seen:
                shared = True  # an alias: sizes are counted after the walk
                continue
            seen.add(key)
            if type(child) is scalar:
                if child.tag == text and len(child.value) <= 20 and part not in numeric:
                    continue  # the common case: short plain text
                _leaf(loader, (child, depth + 1, entry, part), limits, source)
            else:
                nested.append((child, depth + 1, entry, part))
        stack.extend(reversed(nested))  # walked in the file's order
    if shared:
        _check_expansion(root, limits, source)


def _leaf(loader: Any, entry: _Entry, limits: Limits, source: str) -> None:
    node = entry[0]
    assert isinstance(node, yaml.ScalarNode)
    if node.tag not in _ALLOWED:
        _bad_tag(node, entry, source)
    _scalar(loader, node, entry, limits, source)


def _bad_tag(node: yaml.Node, entry: _Entry, source: str) -> None:
    raise PlanFileError.translatable(
        N_(
            "{where}: the tag {tag} is not plan data; "
            "expected text, a number, a date, a list or a mapping"
        ),
        where=_where(source, node, entry),
        tag=_short(node.tag),
    )


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix(_T) if tag.startswith(_T) else tag


def _budget(source: str, count: int, limits: Limits) -> LimitError:
    return LimitError.translatable(
        N_(
            "{where}: more than {limit} values (counting each alias where it is used); "
            "plans are limited to {limit} (Limits.max_nodes)"
        ),
        where=source,
        limit=Num(limits.max_nodes),
    )


def text_too_long(where: str, length: int, limits: Limits) -> LimitError:
    """The error for a text longer than ``limits.max_string_length``."""
    return LimitError.translatable(
        N_(
            "{where}: text of {length} characters; text is limited to {limit} "
            "(Limits.max_string_length)"
        ),
        where=where,
        length=Num(length),
        limit=Num(limits.max_string_length),
    )


def too_large(where: str, value: str, limits: Limits) -> LimitError:
    """The error for a number beyond ``limits.max_magnitude`` (``value`` as written)."""
    return LimitError.translatable(
        N_("{where}: {value} is too large; numbers are limited to {limit} (Limits.max_magnitude)"),
        where=where,
        value=value,
        limit=f"±{limits.max_magnitude:g}",
    )


def too_many_digits(where: str, digits: int, limits: Limits) -> LimitError:
    """The error for a number written with more than ``limits.max_number_digits`` digits."""
    return LimitError.translatable(
        N_(
            "{where}: a number with {digits} digits; numbers are limited to {limit} digits "
            "(Limits.max_number_digits)"
        ),
        where=where,
        digits=Num(digits),
        limit=Num(limits.max_number_digits),
    )


def not_finite(where: str, value: str) -> PlanFileError:
    """The error for ``.nan``, ``.inf`` or ``NaN`` where a number belongs."""
    return PlanFileError.translatable(
        N_("{where}: expected a finite number, got {value}"), where=where, value=value
    )


def _check_expansion(root: yaml.Node, limits: Limits, source: str) -> None:
    """Size and depth of the document as construction expands its aliases."""
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if not done:
            if key in size:
                continue
            if key in on_path:
                raise PlanFileError.translatable(
                    N_(
                        "{where}: an alias refers to a value that contains it; "
                        "a plan cannot be recursive"
                    ),
                    where=f"{source}:{node.start_mark.line + 1}",
                )
            on_path.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in size)
            continue
        on_path.discard(key)
        size[key] = 1 + sum(size[id(c)] for c in children)
        height[key] = 1 + max((height[id(c)] for c in children), default=0)
        if size[key] > limits.max_nodes:
            raise _budget(source, size[key], limits)
    unique = len(size)
    if size[id(root)] - unique > limits.max_alias_nodes:
        raise LimitError.translatable(
            N_(
                "{where}: aliases expand to {count} more values; plans are limited to {limit} "
                "through aliases (Limits.max_alias_nodes)"
            ),
            where=source,
            count=Num(size[id(root)] - unique),
            limit=Num(limits.max_alias_nodes),
        )
    if height[id(root)] > limits.max_depth:
        raise LimitError.translatable(
            N_(
                "{where}: aliases nest values {depth} levels deep; plans are limited to {limit} "
                "(Limits.max_depth)"
            ),
            where=source,
            depth=Num(height[id(root)]),
            limit=Num(limits.max_depth),
        )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []
