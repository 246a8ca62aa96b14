"""JSON Schemas of okrkit's JSON outputs, shipped in the package.

Every ``--format json`` output of the command line carries ``"format": N``, the
version of its shape. The schemas here describe version 1 of the outputs that
scripts lean on most: ``score`` (``okrkit score --format json``) and ``lint``
(``okrkit lint --format json``). They are JSON Schema 2020-12 documents.

>>> schema("score")["properties"]["format"]["const"]
1
>>> sorted(SCHEMAS)
['lint', 'score']
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["SCHEMAS", "schema"]

#: The output schemas by name, each the file name in this package.
SCHEMAS: dict[str, str] = {"lint": "lint-1.json", "score": "score-1.json"}


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of the output ``name`` (one of :data:`SCHEMAS`)."""
    from okrkit.errors import N_, OKRError, OneOf

    if name not in SCHEMAS:
        raise OKRError.translatable(
            N_("unknown output schema '{name}'; expected one of: {names}"),
            name=name,
            names=OneOf(sorted(SCHEMAS)),
        )
    text = (resources.files(__package__) / SCHEMAS[name]).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
