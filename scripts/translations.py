#!/usr/bin/env python3
"""The translators' workflow in one command: extract, update, compile, check.

    python scripts/translations.py update    # extract the .pot, update every .po
    python scripts/translations.py compile   # .po -> .mo in the source tree (optional)
    python scripts/translations.py check     # exit 1 if `update` would change a file

Options are pinned so that running ``update`` on an unchanged tree changes
nothing: no source locations (translator comments say where a message stands),
messages sorted by msgid, no line wrapping, and fixed header fields (no
creation date, no Babel version). okrkit must be installed (``pip install -e .``)
because its catalogue extractor is a Babel entry point.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import sys
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = "okrkit"
#: Header fields written the same way every time.
FIXED = {
    "POT-Creation-Date": "2026-01-01 00:00+0000",
    "Generated-By": "scripts/translations.py",
}


_BRACE = re.compile(r"\{[a-z_][a-z0-9_]*\}")
_NO_WRAP = 1_000_000


def _normalise(text: str) -> str:
    for field, value in FIXED.items():
        text = re.sub(rf'^"{field}: [^"\\]*\\n"$', f'"{field}: {value}\\\\n"', text, flags=re.M)
    return text


def _write(path: Path, catalog: Catalog) -> None:
    for message in catalog:
        # Babel versions disagree on which messages get this flag: decide it here.
        message.flags.discard("python-brace-format")
        source = message.id if isinstance(message.id, str) else message.id[0]
        if message.id and _BRACE.search(source):
            message.flags.add("python-brace-format")
    buffer = io.BytesIO()
    # A huge width rather than 0: Babel wraps comments at 76 columns when width <= 0,
    # and older versions then drop repeated continuation lines on reading.
    write_po(
        buffer, catalog, width=_NO_WRAP, no_location=True, sort_output=True, ignore_obsolete=True
    )
    path.write_text(_normalise(buffer.getvalue().decode("utf-8")), encoding="utf-8", newline="\n")


def extract(root: Path) -> Path:
    """Write ``okrkit/locale/okrkit.pot`` from the code, templates and catalogue data."""
    pot = root / "okrkit" / "locale" / f"{DOMAIN}.pot"
    version_file = (root / "okrkit" / "_version.py").read_text(encoding="utf-8")
    __version__ = re.search(r'__version__ = "([^"]+)"', version_file)[1]  # type: ignore[index]
    CommandLineInterface().run(
        [
            "pybabel", "-q", "extract",
            "-F", str(root / "babel.cfg"),
            "-k", "N_",
            "-c", "Translators:",
            "--no-location", "--sort-output", "--width", str(_NO_WRAP),
            "--project", "okrkit", "--version", __version__,
            "--copyright-holder", "okrkit contributors",
            "-o", str(pot),
            str(root),
        ]
    )  # fmt: skip
    with pot.open("rb") as handle:
        template = read_po(handle)
    _write(pot, template)
    return pot


def update(root: Path) -> list[Path]:
    """Extract, then merge the template into every locale's ``.po`` (no fuzzy matching)."""
    pot = extract(root)
    with pot.open("rb") as handle:
        template = read_po(handle)
    written = [pot]
    for po in sorted((root / "okrkit" / "locale").glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        catalog.update(template, no_fuzzy_matching=True)
        _write(po, catalog)
        written.append(po)
    return written


def compile_(root: Path) -> None:
    """Compile every ``.po`` to ``.mo`` next to it (with the build hook's checks)."""
    sys.path.insert(0, str(root))
    from hatch_build import compile_catalogues

    locale_dir = root / "okrkit" / "locale"
    compile_catalogues(locale_dir, locale_dir)


def check(root: Path) -> list[str]:
    """The files that ``update`` would change (empty when the tree is in sync)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "tree"
        shutil.copytree(
            root,
            copy,
            ignore=shutil.ignore_patterns(".git", ".venv", "site", "*.mo", "__pycache__"),
        )
        changed = [
            str(path.relative_to(copy))
            for path in update(copy)
            if path.read_bytes() != (root / path.relative_to(copy)).read_bytes()
        ]
        if not changed:  # in sync: the catalogues must also compile cleanly
            compile_(copy)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["extract", "update", "compile", "check"])
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: here)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "extract":
        print(extract(root).relative_to(root))
    elif args.command == "update":
        for path in update(root):
            print(path.relative_to(root))
    elif args.command == "compile":
        compile_(root)
    else:
        changed = check(root)
        if changed:
            print("out of date (run: python scripts/translations.py update):", *changed, sep="\n  ")
            return 1
        print("translations in sync")
    return 0


if __name__ == "__main__":
    sys.exit(main())
