#!/usr/bin/env python3
"""A git merge driver for gettext catalogues: three-way merge per message.

Git's line merge conflicts whenever two branches add or change neighbouring
messages, which sorted catalogues make common. This driver merges by msgid:

* a message added on either side is kept; one removed on one side and
  unchanged on the other is removed;
* a translation changed on one side only takes that change; changed on both
  sides to different texts, the side being merged in (``%B``) wins and the
  message is marked fuzzy so a translator looks at it again.

Register it once per clone::

    git config merge.okrkit-po.name "gettext catalogue merge"
    git config merge.okrkit-po.driver "python scripts/po_merge.py %O %A %B"

``.gitattributes`` routes ``*.po`` and ``*.pot`` to it. Afterwards run
``python scripts/translations.py update`` to bring the catalogues in line with
the code.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translations import _write


def _read(path: str) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle)


def _key(message: Message) -> object:
    return (message.id, message.context)


def _same(a: Message | None, b: Message | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.string == b.string and a.fuzzy == b.fuzzy


def _merge_comments(base: Message | None, ours: Message, theirs: Message) -> None:
    """Extracted comments (where a message stands) follow the side that changed them.

    A catalogue edit that only adds a template using an existing msgid ("CRM")
    changes the comment, not the translation; keeping our side's comment would
    leave the catalogue out of date with the code.
    """
    was = list(base.auto_comments) if base is not None else []
    if list(theirs.auto_comments) == was or theirs.auto_comments == ours.auto_comments:
        return
    if list(ours.auto_comments) == was:
        ours.auto_comments = list(theirs.auto_comments)
        return
    gone = set(was) - set(theirs.auto_comments)
    kept = [c for c in ours.auto_comments if c not in gone]
    ours.auto_comments = kept + [c for c in theirs.auto_comments if c not in kept]


def merge(base: Catalog, ours: Catalog, theirs: Catalog) -> tuple[Catalog, int]:
    """Merge ``theirs`` into ``ours`` against ``base``; returns the catalogue and clashes."""
    index = {
        "base": {_key(m): m for m in base if m.id},
        "ours": {_key(m): m for m in ours if m.id},
        "theirs": {_key(m): m for m in theirs if m.id},
    }
    clashes = 0
    keys = list(index["ours"]) + [k for k in index["theirs"] if k not in index["ours"]]
    for key in keys:
        b, o, t = (index[side].get(key) for side in ("base", "ours", "theirs"))
        if _same(o, t) or _same(t, b):
            if o is not None and t is not None:
                _merge_comments(b, o, t)
            continue  # ours already holds the result
        if not _same(o, b) and o is not None and t is not None:
            clashes += 1
            t.flags.add("fuzzy")
        if o is not None:
            ours.delete(o.id, context=o.context)
        if t is not None:
            ours[t.id] = t
    merged = ours
    return merged, clashes


def main(argv: list[str]) -> int:
    base_path, ours_path, theirs_path = argv
    merged, clashes = merge(_read(base_path), _read(ours_path), _read(theirs_path))
    _write(Path(ours_path), merged)
    if clashes:
        print(
            f"po_merge: {clashes} message(s) changed on both sides, marked fuzzy", file=sys.stderr
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
