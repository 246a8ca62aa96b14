"""Editing a plan file's text so that only what changed changes.

An edit (a check-in, a change made through :func:`okrkit.edit`) is known as two
versions of the plan's data: before and after. :func:`patch_text` applies the
difference between them to the file as the user wrote it:

* **YAML** goes through ruamel.yaml's round-trip loader, which keeps comments,
  key order, quoting, flow or block style, anchors and number spellings
  (``1_200_000``, ``18%``). Only values that differ are replaced; a list that
  grew gets its new items in the style of their siblings (a flow
  ``{date: ..., value: ...}`` beside flow items).
* **JSON** keeps its key order and indentation (spaces or tabs, detected from
  the file), and whether non-ASCII text was escaped.
* **Line endings**: a CRLF file stays CRLF, a byte-order mark stays.

Reading plans never uses this module; it stays on libyaml's C loader.
The caller checks that the patched text reads back as the expected plan and
falls back to writing the whole plan when it does not.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

from okrkit.files.formats import Format

__all__ = ["RoundTripError", "json_like", "patch_text"]


class RoundTripError(Exception):
    """The file's structure does not follow the plan's data (anchors, merges...)."""


def patch_text(text: str, before: Any, after: Any, format: Format) -> str:
    """``text`` with the change from data ``before`` to data ``after`` applied.

    Raises :class:`RoundTripError` when the text cannot be patched in place.
    """
    crlf = "\r\n" in text
    body = text.replace("\r\n", "\n") if crlf else text
    patched = (
        _patch_json(body, before, after) if format == "json" else _patch_yaml(body, before, after)
    )
    return patched.replace("\n", "\r\n") if crlf else patched


def _patch(target: Any, before: Any, after: Any) -> Any:
    """Apply the change ``before`` -> ``after`` to ``target`` (the file's data); the result."""
    if before == after:
        return target
    if isinstance(before, dict) and isinstance(after, dict):
        if not isinstance(target, dict):
            raise RoundTripError("a mapping in the plan is not a mapping in the file")
        for key in before:
            if key not in after and key in target:
                del target[key]
        for key, value in after.items():
            if key in before and before[key] == value:
                continue
            if key in before and key in target:
                target[key] = _patch(target[key], before[key], value)
            else:
                target[key] = _new(value, _sibling(target))
        return target
    if isinstance(before, list) and isinstance(after, list):
        if not isinstance(target, list) or len(target) != len(before):
            raise RoundTripError("a list in the plan is not the same list in the file")
        shared = min(len(before), len(after))
        for i in range(shared):
            target[i] = _patch(target[i], before[i], after[i])
        for value in after[shared:]:
            target.append(_new(value, target[-1] if target else None))
        del target[len(after) :]
        return target
    return _new(after, target)


def _sibling(mapping: Any) -> Any:
    return next(iter(mapping.values()), None) if isinstance(mapping, dict) else None


def _new(value: Any, like: Any) -> Any:
    """``value`` as the file's data, in the style of ``like`` (flow beside flow)."""
    try:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq
    except ImportError:  # JSON edits need no ruamel
        return value
    flow = bool(getattr(getattr(like, "fa", None), "flow_style", lambda: False)())
    if isinstance(value, dict):
        out = CommentedMap((k, _new(v, None)) for k, v in value.items())
        if flow:
            out.fa.set_flow_style()
        return out
    if isinstance(value, list):
        seq = CommentedSeq(_new(v, None) for v in value)
        if flow:
            seq.fa.set_flow_style()
        return seq
    return value


def _patch_yaml(text: str, before: Any, after: Any) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.util import load_yaml_guess_indent

    try:
        _, indent, offset = load_yaml_guess_indent(text)
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 1_000_000  # never fold a line the user wrote on one line
        yaml.indent(mapping=indent or 2, sequence=indent or 2, offset=offset or 0)
        yaml.explicit_start = text.lstrip().startswith("---")
        document = yaml.load(text)
    except (YAMLError, ValueError, TypeError) as exc:
        raise RoundTripError(str(exc)) from None
    if document is None:
        raise RoundTripError("empty document")
    _patch(document, before, after)
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


_INDENT = re.compile(r"\n([ \t]+)\S")


def _patch_json(text: str, before: Any, after: Any) -> str:
    """Patch JSON text in place: the node marks of the text (read as YAML, which JSON
    is) say where each value starts and ends, so a change replaces or inserts text
    there and every other byte stays."""
    import yaml

    # The pure-Python loader: its marks count characters. Tabs (JSON whitespace that
    # YAML refuses for indentation) become spaces: same length, so marks still fit.
    loader = yaml.SafeLoader(text.replace("\t", " "))
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise RoundTripError(str(exc)) from None
    finally:
        loader.dispose()
    match = _INDENT.search(text)
    edits: list[tuple[int, int, str]] = []
    editor = _JsonEditor(text, match.group(1) if match else "  ", text.isascii() and "\\u" in text)
    editor.diff(root, before, after, edits)
    out = text
    for start, end, new in sorted(edits, reverse=True):
        out = out[:start] + new + out[end:]
    return out


class _JsonEditor:
    def __init__(self, text: str, unit: str, ascii_only: bool) -> None:
        self.text, self.unit, self.ascii_only = text, unit, ascii_only

    def dumps(self, value: Any, column: str, one_line: bool) -> str:
        if one_line:
            return json.dumps(value, ensure_ascii=self.ascii_only)
        body = json.dumps(value, ensure_ascii=self.ascii_only, indent=self.unit)
        return body.replace("\n", "\n" + column)

    def column(self, node: Any) -> str:
        line_start = self.text.rfind("\n", 0, node.start_mark.index) + 1
        return self.text[line_start : node.start_mark.index]

    def diff(self, node: Any, before: Any, after: Any, edits: list[tuple[int, int, str]]) -> None:
        import yaml

        if before == after:
            return
        if isinstance(before, dict) and isinstance(after, dict):
            if not isinstance(node, yaml.MappingNode) or set(before) - set(after):
                raise RoundTripError("a removed key or a mapping that is not one")
            values = {k.value: v for k, v in node.value}
            for key in before:
                if key in values:
                    self.diff(values[key], before[key], after[key], edits)
            added = [(k, v) for k, v in after.items() if k not in before]
            if added:
                self.insert(node, [json.dumps(k) + ": " for k, _ in added],
                            [v for _, v in added], edits)  # fmt: skip
            return
        if isinstance(before, list) and isinstance(after, list):
            if not isinstance(node, yaml.SequenceNode) or len(after) < len(before):
                raise RoundTripError("a shorter list or a list that is not one")
            for item, old, new in zip(node.value, before, after, strict=False):
                self.diff(item, old, new, edits)
            extra = after[len(before) :]
            if extra:
                self.insert(node, ["" for _ in extra], extra, edits)
            return
        if not isinstance(node, yaml.ScalarNode) or isinstance(after, (dict, list)):
            raise RoundTripError("a value changed its kind")
        edits.append((node.start_mark.index, node.end_mark.index, self.dumps(after, "", True)))

    def insert(self, node: Any, prefixes: list[str], values: list[Any], edits: Any) -> None:
        items = node.value
        last = items[-1] if items else None
        if isinstance(last, tuple):
            last_start, last_end = last[0], last[1]
        else:
            last_start = last_end = last
        if last_end is None:  # an empty {} or []: fill it on one line
            parts = [p + self.dumps(v, "", True) for p, v in zip(prefixes, values, strict=True)]
            at = node.start_mark.index + 1
            edits.append((at, node.end_mark.index - 1, ", ".join(parts)))
            return
        one_line = last_start.start_mark.line == last_end.end_mark.line
        spread = node.start_mark.line != node.end_mark.line
        column = self.column(last_start) if spread else ""
        sep = ",\n" + column if spread else ", "
        parts = [p + self.dumps(v, column, one_line) for p, v in zip(prefixes, values, strict=True)]
        edits.append((last_end.end_mark.index, last_end.end_mark.index, sep + sep.join(parts)))


def json_like(text: str, data: Any) -> str:
    """``data`` as JSON written like ``text``: its indentation, ASCII escaping, final
    newline and line endings (for a plan that cannot be patched in place)."""
    match = _INDENT.search(text)
    out = json.dumps(
        data,
        ensure_ascii=text.isascii() and "\\u" in text,
        indent=match.group(1) if match else (None if "\n" in text.strip() else 2),
    )
    out += "\n" if text.endswith("\n") else ""
    return out.replace("\n", "\r\n") if "\r\n" in text else out
