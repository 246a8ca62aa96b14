"""The gettext catalogues: complete, well-formed, in sync with the code and data."""

import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir

try:
    from babel.messages.frontend import parse_mapping_cfg
except ImportError:  # Babel < 2.15
    from babel.messages.frontend import parse_mapping as parse_mapping_cfg
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from okrkit.i18n import SUPPORTED, clear_cache, translations

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
    keywords = {
        "_": None,
        "gettext": None,
        "ngettext": (1, 2),
        "pgettext": ((1, "c"), 2),
        "npgettext": ((1, "c"), 2, 3),
        "N_": None,
    }
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


def _selects(expr: str) -> list[int]:
    """What a C plural expression selects for n = 0..200 (spelling does not matter)."""
    rule = gettext.c2py(expr)
    return [rule(n) for n in range(201)]


@pytest.mark.parametrize("locale", TRANSLATED)
def test_plural_forms_header(locale: str) -> None:
    """The header's rule selects what CLDR's does, whatever Babel version spelled it."""
    catalog = load(locale)
    nplurals, expr = get_plural(Locale.parse(locale))
    assert catalog.num_plurals == nplurals
    assert _selects(catalog.plural_expr) == _selects(expr)
    expected = {"sv": 2, "ru": 3, "vi": 1, "zh_Hans": 1, "zh_Hant": 1}[locale]
    assert catalog.num_plurals == expected
    for message in catalog:
        if message.id and message.pluralizable:
            assert len(message.string) == expected, message.id


def test_plural_comparison_sees_a_wrong_rule() -> None:
    russian = get_plural(Locale.parse("ru"))[1]
    assert _selects(russian) != _selects("(n != 1)")
    assert _selects("n%10==1 && n%100!=11 ? 0 : 1") != _selects(russian)


@pytest.mark.parametrize("locale", TRANSLATED)
def test_loaded_translations_are_the_po_content(locale: str) -> None:
    """What okrkit.i18n serves (a .mo or the .po compiled in memory) is the .po's text."""
    clear_cache()
    served = translations(locale)
    for message in load(locale):
        if not message.id:
            continue
        context = message.context
        if isinstance(message.id, str):
            got = served.pgettext(context, message.id) if context else served.gettext(message.id)
            assert got == message.string
        else:
            for n in (1, 2, 5, 21):
                if context:
                    index = served.npgettext(context, *message.id, n)  # type: ignore[misc]
                else:
                    index = served.ngettext(*message.id, n)  # type: ignore[misc]
                assert index in message.string


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt not installed")
@pytest.mark.parametrize("locale", TRANSLATED)
def test_msgfmt_check(locale: str) -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po_path(locale))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


SCRIPT = ROOT / "scripts" / "translations.py"


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300
    )


def test_translation_script_changes_nothing_on_an_unchanged_tree() -> None:
    result = _script("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "translations in sync" in result.stdout


def test_translation_script_sees_a_new_message(tmp_path: Path) -> None:
    copy = tmp_path / "tree"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", "site", "__pycache__"))
    module = copy / "okrkit" / "_version.py"
    module.write_text(module.read_text() + '\n_("A message nobody has translated yet")\n')
    result = _script("check", "--root", str(copy))
    assert result.returncode == 1
    assert "okrkit/locale/okrkit.pot" in result.stdout
    assert _script("update", "--root", str(copy)).returncode == 0
    pot = (copy / "okrkit" / "locale" / "okrkit.pot").read_text(encoding="utf-8")
    assert 'msgid "A message nobody has translated yet"' in pot
    assert "#: " not in pot  # no source locations: moving code changes nothing
    assert "Generated-By: scripts/translations.py" in pot
