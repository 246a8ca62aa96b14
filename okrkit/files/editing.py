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
from okrkit.files.atomic import write_text_atomic
from okrkit.files.formats import Format, format_of
from okrkit.files.lock import DEFAULT_TIMEOUT, locked
from okrkit.files.reader import loads, read_text
from okrkit.files.writer import dumps
from okrkit.model import Plan

__all__ = ["edit"]


@contextlib.contextmanager
def edit(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[Plan]:
    """Change the plan file at ``path`` in a ``with`` block; it is saved when the block ends.

    The file is locked for the whole block (see :mod:`okrkit.files.lock`), so
    other okrkit processes and threads editing the same file wait and then see
    this change: no update is lost. The plan is read fresh under the lock. If
    the block raises, nothing is written. Nothing is written either when the
    plan did not change. The write is atomic (see :mod:`okrkit.files.atomic`).
    """
    fmt = format_of(path, format)
    with locked(path, timeout=timeout):
        plan = loads(read_text(path), fmt, source=os.fspath(path))
        before = plan_to_data(plan)
        yield plan
        if plan_to_data(plan) != before:
            write_text_atomic(path, dumps(plan, fmt))
