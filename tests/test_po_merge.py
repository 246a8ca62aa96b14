"""scripts/po_merge.py: the git merge driver merges catalogues per message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "po_merge.py"


def _po(path: Path, entries: dict[str, str]) -> Path:
    catalog = Catalog(locale="sv")
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr)
    with path.open("wb") as handle:
        write_po(handle, catalog)
    return path


def _merge(tmp_path: Path, base: dict[str, str], ours: dict[str, str], theirs: dict[str, str]):
    paths = [
        _po(tmp_path / f"{name}.po", entries)
        for name, entries in (("base", base), ("ours", ours), ("theirs", theirs))
    ]
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, paths)], capture_output=True, text=True, check=True
    )
    with paths[1].open("rb") as handle:
        merged = read_po(handle)
    return {m.id: (m.string, m.fuzzy) for m in merged if m.id}, done.stderr


def test_additions_and_one_sided_changes_from_both_sides_are_kept(tmp_path: Path) -> None:
    base = {"Owner": "Ägare", "Target": "Mål", "Old": "Gammal"}
    ours = {"Owner": "Ansvarig", "Target": "Mål", "Old": "Gammal", "Added here": "Här"}
    theirs = {"Owner": "Ägare", "Target": "Målvärde", "Added there": "Där"}
    merged, stderr = _merge(tmp_path, base, ours, theirs)
    assert merged == {
        "Owner": ("Ansvarig", False),
        "Target": ("Målvärde", False),
        "Added here": ("Här", False),
        "Added there": ("Där", False),
    }  # "Old" was removed on their side and unchanged on ours
    assert stderr == ""


def test_a_message_changed_differently_on_both_sides_is_theirs_and_fuzzy(tmp_path: Path) -> None:
    merged, stderr = _merge(
        tmp_path, {"Owner": "Ägare"}, {"Owner": "Ansvarig"}, {"Owner": "Ägaren"}
    )
    assert merged == {"Owner": ("Ägaren", True)}
    assert "1 message(s) changed on both sides" in stderr


def test_extracted_comments_follow_the_side_that_changed_them(tmp_path: Path) -> None:
    def po(name: str, comments: list[str]) -> Path:
        catalog = Catalog(locale="sv")
        catalog.add("CRM", "CRM", auto_comments=comments)
        catalog.add("Owner", "Ägare", auto_comments=["owner label"])
        path = tmp_path / f"{name}.po"
        with path.open("wb") as handle:
            write_po(handle, catalog)
        return path

    base = po("base", ["a: data source"])
    ours = po("ours", ["a: data source"])
    theirs = po("theirs", ["a: data source", "b: data source"])  # a new template uses "CRM"
    subprocess.run([sys.executable, str(SCRIPT), str(base), str(ours), str(theirs)], check=True)
    with ours.open("rb") as handle:
        merged = {m.id: m for m in read_po(handle) if m.id}
    assert merged["CRM"].auto_comments == ["a: data source", "b: data source"]
    assert merged["CRM"].string == "CRM" and merged["Owner"].auto_comments == ["owner label"]
