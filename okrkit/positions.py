"""Where a field stands in a plan file: field paths to line and column.

A plan file is YAML (JSON is YAML too for this purpose), and lint findings and
validation errors name fields by path: ``objectives[seo].key_results[leads]``
(by id, as :func:`okrkit.lint` writes them) or ``objectives[0].target`` (by
index, as validation errors do). :func:`positions` composes the text once and
:meth:`Positions.find` walks such a path to the place an editor should jump to.

>>> text = '''period: 2027-Q1
... objectives:
...   - id: seo
...     title: Own the searches that matter
...     key_results:
...       - id: leads
...         title: Grow leads from 100 to 150
... '''
>>> where = positions(text)
>>> where.find("objectives[seo].key_results[leads]")
Position(line=6, column=9)
>>> where.find("objectives[0].title")
Position(line=4, column=5)

Lines and columns count from 1, columns in Unicode code points (what SARIF
calls ``unicodeCodePoints``). A path that goes deeper than the file (a field
left at its default) stops at the deepest node that exists; a path that
matches nothing, or text that is not YAML, gives ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

__all__ = ["Position", "Positions", "positions"]

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: One step of a field path: ``name``, or ``[key]`` (an id or an index).
_STEP = re.compile(r"([^.\[\]]+)|\[([^\[\]]*)\]")


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a text file: 1-based ``line`` and ``column`` (code points)."""

    line: int
    column: int


def _at(node: yaml.Node) -> Position:
    mark = node.start_mark
    return Position(mark.line + 1, mark.column + 1)


def _item(node: yaml.SequenceNode, key: str) -> yaml.Node | None:
    """The item of a sequence whose ``id`` is ``key``, else the item at index ``key``."""
    for item in node.value:
        if isinstance(item, yaml.MappingNode):
            for k, v in item.value:
                if getattr(k, "value", None) == "id" and getattr(v, "value", None) == key:
                    return item
    if key.isdigit() and int(key) < len(node.value):
        found: yaml.Node = node.value[int(key)]
        return found
    return None


class Positions:
    """The composed node tree of one text, to look field paths up in."""

    def __init__(self, root: yaml.Node | None) -> None:
        self._root = root

    def find(self, path: str) -> Position | None:
        """Where ``path`` stands: the key of a mapping field, the start of a list item.

        Walks as deep as the file goes and returns the deepest place found; the
        empty path is the document's start. ``None`` when not even the first step
        is in the file.
        """
        node = self._root
        if node is None:
            return None
        found: Position | None = _at(node) if not path else None
        for name, key in _STEP.findall(path):
            nxt: yaml.Node | None = None
            at: Position | None = None
            if name and isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if getattr(k, "value", None) == name:
                        nxt, at = v, _at(k)
                        break
            elif not name and isinstance(node, yaml.SequenceNode):
                nxt = _item(node, key)
                at = _at(nxt) if nxt is not None else None
            if nxt is None:
                break
            node, found = nxt, at
        return found


def positions(text: str) -> Positions:
    """Compose YAML or JSON ``text`` for :meth:`Positions.find` (text that does not
    parse finds nothing; loading it reports the syntax error)."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        root = None
    return Positions(root)
