"""Hatch build hook: compile the gettext catalogues (``.po`` -> ``.mo``) into the wheel.

The ``.mo`` files are build products, not sources: git keeps only the ``.po``
files translators edit, and every wheel (built from the repository or from the
sdist) carries ``.mo`` files compiled by the Babel it was built with. Compiling
runs Babel's own checks and okrkit's placeholder check; any error stops the
build, so a broken translation never ships.

``scripts/translations.py compile`` uses the same function.

The hook also compiles the catalogue of templates, per locale, into
``okrkit/catalogue/data/compiled/<locale>.json`` (:func:`compile_templates`): the
YAML sources validated, translated and formatted once at build time, so that the
first use of the catalogue reads one JSON file (``okrkit.catalogue._compiled``).
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "okrkit"
_PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*\}")


class CatalogueError(Exception):
    """A ``.po`` file that must not be compiled."""


def _problems(po: Path) -> tuple[bytes, list[str]]:
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=po.parent.parent.name, abort_invalid=True)
    problems = [
        f"{po}:{message.lineno}: {error}" for message, errors in catalog.check() for error in errors
    ]
    if catalog.fuzzy:
        problems.append(f"{po}: the catalogue header is marked fuzzy")
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            problems.append(f"{po}:{message.lineno}: fuzzy entry {message.id!r}")
        source = message.id if isinstance(message.id, str) else message.id[-1]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            if not text:
                problems.append(f"{po}:{message.lineno}: untranslated {message.id!r}")
            elif set(_PLACEHOLDER.findall(text)) != set(_PLACEHOLDER.findall(source)):
                problems.append(f"{po}:{message.lineno}: placeholders differ in {message.id!r}")
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue(), problems


def compile_catalogues(locale_dir: Path, out_dir: Path) -> dict[str, Path]:
    """Compile every ``<locale>/LC_MESSAGES/okrkit.po`` under ``locale_dir``.

    Returns ``{path inside the package: compiled file}``; raises
    :class:`CatalogueError` listing every problem if any catalogue is broken.
    """
    compiled: dict[str, Path] = {}
    problems: list[str] = []
    for po in sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        data, found = _problems(po)
        problems.extend(found)
        relative = po.relative_to(locale_dir).with_suffix(".mo")
        target = out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        compiled[f"okrkit/locale/{relative.as_posix()}"] = target
    if problems:
        raise CatalogueError("broken translations:\n" + "\n".join(problems))
    if not compiled:
        raise CatalogueError(f"no {DOMAIN}.po catalogues under {locale_dir}")
    return compiled


def compile_templates(root: Path, out_dir: Path) -> dict[str, Path]:
    """Write the compiled catalogue of every locale, from the okrkit sources under
    ``root``, into ``out_dir``; returns ``{path inside the package: written file}``."""
    sys.path.insert(0, str(root))
    try:
        from okrkit.catalogue._compiled import write_all

        return write_all(out_dir)
    finally:
        sys.path.remove(str(root))


try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # imported by scripts/translations.py outside a build
    pass
else:

    class CatalogueBuildHook(BuildHookInterface):  # type: ignore[type-arg]
        """Put freshly compiled ``.mo`` files into every wheel."""

        PLUGIN_NAME = "custom"

        def initialize(self, version: str, build_data: dict[str, Any]) -> None:
            if self.target_name != "wheel" or version == "editable":
                return  # editable installs read the .po files (okrkit.i18n falls back)
            out = Path(tempfile.mkdtemp(prefix="okrkit-mo-"))
            locale_dir = Path(self.root) / "okrkit" / "locale"
            for inside, path in compile_catalogues(locale_dir, out).items():
                build_data["force_include"][str(path)] = inside
            for inside, path in compile_templates(Path(self.root), out / "compiled").items():
                build_data["force_include"][str(path)] = inside
