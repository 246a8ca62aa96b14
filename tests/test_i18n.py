import threading

import pytest
from babel import Locale

from okrkit import UnknownLocaleError
from okrkit.i18n import SUPPORTED, locales, resolve_locale, translations


@pytest.mark.parametrize(
    ("requested", "locale", "formatting"),
    [
        ("en", "en", "en"),
        ("en-GB", "en", "en_GB"),
        ("en_US", "en", "en_US"),
        ("sv", "sv", "sv"),
        ("sv-FI", "sv", "sv_FI"),
        ("sv_SE.UTF-8", "sv", "sv_SE"),
        ("ru_RU", "ru", "ru_RU"),
        ("vi-VN", "vi", "vi_VN"),
        ("zh", "zh_Hans", "zh_Hans"),
        ("zh-CN", "zh_Hans", "zh_Hans_CN"),
        ("zh_CN", "zh_Hans", "zh_Hans_CN"),
        ("zh-SG", "zh_Hans", "zh_Hans_SG"),
        ("zh-Hans", "zh_Hans", "zh_Hans"),
        ("zh_Hans", "zh_Hans", "zh_Hans"),
        ("zh-TW", "zh_Hant", "zh_Hant_TW"),  # Babel's negotiate_locale misses this one
        ("zh_TW", "zh_Hant", "zh_Hant_TW"),
        ("zh-Hant", "zh_Hant", "zh_Hant"),
        ("zh-HK", "zh_Hant", "zh_Hant_HK"),
        ("zh-MO", "zh_Hant", "zh_Hant_MO"),
        ("zh_Hant_TW", "zh_Hant", "zh_Hant_TW"),
    ],
)
def test_resolution_table(requested: str, locale: str, formatting: str) -> None:
    match = resolve_locale(requested)
    assert (match.locale, match.formatting) == (locale, formatting)
    assert match.requested == requested
    assert match.exact == (requested == locale)


def test_babel_locale_objects() -> None:
    assert resolve_locale(Locale.parse("zh_TW")).locale == "zh_Hant"
    assert resolve_locale(Locale("sv", "FI")).formatting == "sv_FI"


@pytest.mark.parametrize(
    ("header", "locale"),
    [
        ("sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7", "sv"),
        ("de-DE,de;q=0.9,zh-TW;q=0.8", "zh_Hant"),
        ("fr;q=0.9, ru;q=0.95", "ru"),
        ("en;q=0, vi", "vi"),
    ],
)
def test_accept_language(header: str, locale: str) -> None:
    assert resolve_locale(header).locale == locale
    assert not resolve_locale(header).exact


@pytest.mark.parametrize("bad", ["de", "fr-FR", "klingon", "", "de, fr;q=0.5", "zh_Hant_XX_YY"])
def test_unknown_locale_is_an_error_not_english(bad: str) -> None:
    with pytest.raises(UnknownLocaleError) as info:
        resolve_locale(bad)
    assert "supported: en, sv, ru, vi, zh_Hans, zh_Hant" in str(info.value)


def test_locales_lists_names_in_their_own_language() -> None:
    assert dict(locales())["zh_Hant"] == "繁體中文"
    assert [code for code, _ in locales()] == list(SUPPORTED)


def test_zh_hant_tw_gets_traditional_translations_not_english() -> None:
    # Babel's Translations.load silently falls back to the msgid for zh_Hant_TW;
    # okrkit resolves to its zh_Hant catalogue first.
    text = translations("zh_Hant_TW").gettext("Demand generation")
    assert text != "Demand generation"
    assert text == translations("zh_Hant").gettext("Demand generation")
    assert text != translations("zh_Hans").gettext("Demand generation")


def test_translations_are_shared_safely_between_threads() -> None:
    results: dict[str, set[str]] = {code: set() for code in SUPPORTED}

    def work(code: str) -> None:
        for _ in range(200):
            results[code].add(translations(code).gettext("Demand generation"))

    threads = [threading.Thread(target=work, args=(c,)) for c in SUPPORTED for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(len(found) == 1 for found in results.values())
    assert len({next(iter(found)) for found in results.values()}) == len(SUPPORTED)
