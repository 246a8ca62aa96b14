"""The gettext catalogues: complete, well-formed, in sync with the code and data."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from okrkit.i18n import SUPPORTED

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "okrkit" / "locale"
TRANSLATED = [loc for loc in SUPPORTED if loc != "en"]
PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*\}")


def po_path(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / "okrkit.po"


def load(locale: str) -> Catalog:
    with po_path(locale).open("rb") as handle:
        return read_po(handle, locale=locale)


def extracted_ids() -> set[str | tuple[str, str]]:
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: set[str | tuple[str, str]] = set()
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    for _, _, message, _, _ in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=keywords
    ):
        found.add(message if isinstance(message, str) else tuple(message))  # type: ignore[arg-type]
    return found


def ids(catalog: Catalog) -> set[str | tuple[str, str]]:
    return {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}  # type: ignore[misc]


@pytest.fixture(scope="module")
def source_ids() -> set[str | tuple[str, str]]:
    return extracted_ids()


def test_extraction_finds_code_data_and_templates(source_ids: set[object]) -> None:
    assert "Demand generation" in source_ids  # taxonomy data
    assert ("{n} day", "{n} days") in source_ids  # Python
    assert len(source_ids) > 500


@pytest.mark.parametrize("locale", TRANSLATED)
def test_po_has_every_message_and_no_stale_ones(locale: str, source_ids: set[object]) -> None:
    catalog = load(locale)
    missing = source_ids - ids(catalog)
    stale = ids(catalog) - source_ids
    assert not missing, f"run pybabel extract/update: {sorted(map(str, missing))[:5]}"
    assert not stale, f"obsolete entries: {sorted(map(str, stale))[:5]}"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_po_complete_no_fuzzy_placeholders_kept(locale: str) -> None:
    catalog = load(locale)
    assert catalog.fuzzy is False
    problems = []
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        source = message.id if isinstance(message.id, str) else message.id[1]
        expected = set(PLACEHOLDER.findall(source))
        for text in strings:
            if not text or not text.strip():
                problems.append(f"empty: {message.id!r}")
            elif set(PLACEHOLDER.findall(text)) != expected:
                problems.append(f"placeholders differ: {message.id!r} -> {text!r}")
            elif re.search(r"\d", PLACEHOLDER.sub("", text)) and not re.search(r"\d", source):
                problems.append(f"digits baked into the translation: {text!r}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("locale", TRANSLATED)
def test_plural_forms_header(locale: str) -> None:
    catalog = load(locale)
    nplurals, expr = get_plural(Locale.parse(locale))
    assert (catalog.num_plurals, catalog.plural_expr) == (nplurals, expr)
    expected = {"sv": 2, "ru": 3, "vi": 1, "zh_Hans": 1, "zh_Hant": 1}[locale]
    assert catalog.num_plurals == expected
    for message in catalog:
        if message.id and message.pluralizable:
            assert len(message.string) == expected, message.id


@pytest.mark.parametrize("locale", TRANSLATED)
def test_mo_in_sync_with_po(locale: str) -> None:
    """The committed .mo is exactly what compiling the .po gives (pybabel compile)."""
    buffer = io.BytesIO()
    write_mo(buffer, load(locale), use_fuzzy=False)
    committed = po_path(locale).with_suffix(".mo").read_bytes()
    assert committed == buffer.getvalue(), (
        f"run: pybabel compile -d okrkit/locale -D okrkit -l {locale}"
    )


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt not installed")
@pytest.mark.parametrize("locale", TRANSLATED)
def test_msgfmt_check(locale: str) -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po_path(locale))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
