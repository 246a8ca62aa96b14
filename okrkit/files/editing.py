"""Editing a plan file in code: lock, re-read, change, write, as one step.

>>> import pathlib, tempfile, okrkit
>>> path = pathlib.Path(tempfile.mkdtemp()) / "plan.yaml"
>>> _ = path.write_text('''\\
... objectives:
...   - id: o
...     title: Grow
...     key_results:
...       - {id: sqls, title: SQLs, baseline: 100, target: 200}
... ''')
>>> with okrkit.edit(path) as plan:
...     plan.key_result("sqls")[1].check_ins.append(
...         okrkit.CheckIn(date="2026-07-01", value=130))
>>> okrkit.load(path).key_result("sqls")[1].value
130.0
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from okrkit._serialize import plan_to_data
from okrkit.errors import OKRError
from okrkit.files.atomic import write_text_atomic
from okrkit.files.formats import Format, format_of
from okrkit.files.limits import Limits
from okrkit.files.lock import DEFAULT_TIMEOUT, locked
from okrkit.files.reader import decode, loads, read_bytes
from okrkit.files.roundtrip import RoundTripError, json_like, patch_text
from okrkit.files.writer import dumps
from okrkit.model import Plan

__all__ = ["edit", "edited_text"]


@contextlib.contextmanager
def edit(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    limits: Limits | None = None,
) -> Iterator[Plan]:
    """Change the plan file at ``path`` in a ``with`` block; it is saved when the block ends.

    The file is locked for the whole block (see :mod:`okrkit.files.lock`), so
    other okrkit processes and threads editing the same file wait and then see
    this change: no update is lost. The plan is read fresh under the lock. If
    the block raises, nothing is written. Nothing is written either when the
    plan did not change. The write is atomic (see :mod:`okrkit.files.atomic`).

    Only what changed changes in the file: comments, key order, quoting, flow or
    block style, number spellings, line endings and JSON indentation stay (see
    :mod:`okrkit.files.roundtrip`). Should the file's structure not allow that
    (anchors the edit runs through, say), the whole plan is written instead.
    """
    fmt = format_of(path, format)
    source = os.fspath(path)
    with locked(path, timeout=timeout):
        data = read_bytes(path)
        bom = data.startswith(b"\xef\xbb\xbf")
        text = decode(data, source)
        plan = loads(text, fmt, source=source, limits=limits)
        original = plan.model_copy(deep=True)
        before = plan_to_data(plan)
        yield plan
        if plan_to_data(plan) != before:
            new_text, _ = edited_text(text, original, plan, fmt, source, limits)
            write_text_atomic(path, ("\ufeff" if bom else "") + new_text)


def edited_text(
    text: str,
    before: Plan,
    after: Plan,
    format: Format,
    source: str,
    limits: Limits | None = None,
    *,
    first_try: str | None = None,
) -> tuple[str, bool]:
    """The file's new text for the change ``before`` -> ``after``, and whether the
    user's layout was kept.

    ``first_try`` (a caller's own text edit) is used when it reads back as
    ``after``; else a round-trip patch of ``text``; else the whole plan, dumped.
    """
    candidates: list[str | None] = [first_try]
    json_safe = format == "json"
    try:
        old, new = (
            plan_to_data(before, json_safe=json_safe),
            plan_to_data(after, json_safe=json_safe),
        )
        candidates.append(patch_text(text, old, new, format))
    except (RoundTripError, ValueError, TypeError, KeyError, IndexError):
        pass
    for candidate in candidates:
        if candidate is None:
            continue
        try:
            if loads(candidate, format, source=source, limits=limits) == after:
                return candidate, True
        except OKRError:
            continue
    if format == "json":
        return json_like(text, plan_to_data(after)), False
    whole = dumps(after, format)
    return (whole.replace("\n", "\r\n") if "\r\n" in text else whole), False
