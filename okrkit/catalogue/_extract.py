"""A Babel extractor for the catalogue's YAML data files.

``babel.cfg`` maps ``okrkit/catalogue/data/**.yaml`` to this function, so
``pybabel extract`` collects every template text as a msgid (and plural texts
as ``ngettext`` pairs) with a comment telling translators where it stands and
which placeholders it carries.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

import yaml

from okrkit.catalogue._spec import PLACEHOLDER

__all__ = ["extract_catalogue"]

_TEXT_KEYS = {
    "title": "title",
    "why": "why it matters",
    "notes": "notes (where the default numbers come from)",
    "label": "label",
    "source": "data source",
}
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Message = tuple[int, str, str | tuple[str, str], list[str]]


def _scalar(node: yaml.Node) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


_EXAMPLES = {
    "count": "a number such as 1,200",
    "percent": "a percentage such as 5%",
    "points": "percentage points such as 3 pp",
    "currency": "an amount of money such as $50,000",
    "ratio": "a ratio such as 3",
    "score": "a score such as 60",
}


def _describe(param: yaml.Node) -> str:
    """What a placeholder becomes, for the translator's comment."""
    if not isinstance(param, yaml.MappingNode):
        return "a number"
    spec = {_scalar(k): _scalar(v) for k, v in param.value}
    unit = spec.get("unit") or "count"
    if unit == "duration":
        return (
            f"a duration with its unit, such as {spec.get('default')} {spec.get('duration_unit')}"
        )
    return _EXAMPLES.get(unit, "a number")


_KINDS = {
    "templates": "objective",
    "key_results": "key result",
    "initiatives": "initiative",
    "areas": "area",
    "roles": "role",
    "reporters": "reporter",
    "goals": "company goal",
}


def _walk(
    node: yaml.Node, context: str, params: dict[str, str], kind: str = ""
) -> Iterator[Message]:
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk(item, context, params, kind)
        return
    if not isinstance(node, yaml.MappingNode):
        return
    fields = {_scalar(k): v for k, v in node.value}
    ident = _scalar(fields["id"]) if "id" in fields else None
    here = f"{context}/{ident}" if context and ident and "/" not in ident else (ident or context)
    declared = fields.get("params")
    if isinstance(declared, yaml.MappingNode):
        params = {str(_scalar(k)): _describe(v) for k, v in declared.value}
    for key_node, value in node.value:
        key = _scalar(key_node)
        if key == "params":
            continue
        if key in _TEXT_KEYS:
            what = f"{kind} {_TEXT_KEYS[key]}".strip()
            where = f"{here}: {what}" if here else what
            text = _scalar(value)
            if text is not None:
                yield _message(value.start_mark.line + 1, "gettext", text, where, params)
            elif isinstance(value, yaml.MappingNode):
                forms = {_scalar(k): _scalar(v) for k, v in value.value}
                one, other = forms.get("one"), forms.get("other")
                if one and other:
                    line = value.start_mark.line + 1
                    yield _message(line, "ngettext", (one, other), where, params)
        elif isinstance(value, (yaml.SequenceNode, yaml.MappingNode)):
            yield from _walk(value, here, params, _KINDS.get(str(key), kind))


def _message(
    line: int, func: str, text: str | tuple[str, str], where: str, params: dict[str, str]
) -> Message:
    sample = text if isinstance(text, str) else text[1]
    names = sorted(set(PLACEHOLDER.findall(sample)))
    comments = [where]
    for name in names:
        comments.append("{" + name + "} becomes " + params.get(name, "a number") + ".")
    return line, func, text, comments


def extract_catalogue(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any] | Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Message]:
    """Babel extraction method for catalogue YAML files."""
    root = yaml.compose(fileobj.read().decode("utf-8"), Loader=_Loader)
    if root is not None:
        yield from _walk(root, "", {})
