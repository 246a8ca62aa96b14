"""Supported locales, locale resolution and translations.

okrkit speaks six locales: ``en`` (the source language), ``sv``, ``ru``,
``vi``, ``zh_Hans`` and ``zh_Hant``. :func:`resolve_locale` maps what people
and programs pass in (``"zh-TW"``, ``"sv_FI"``, ``"en-GB"``, a Babel
:class:`~babel.core.Locale`, an Accept-Language header) to one of them and
says which it chose::

    zh-TW, zh_TW, zh-Hant, zh-HK, zh-MO  -> zh_Hant
    zh, zh-CN, zh-SG, zh-Hans            -> zh_Hans
    sv-FI -> sv (numbers and dates still follow sv_FI)

There is no silent English: a locale okrkit does not speak raises
:class:`~okrkit.errors.UnknownLocaleError`.

Translations are gettext catalogues (domain ``okrkit``) shipped in
``okrkit/locale/<locale>/LC_MESSAGES/okrkit.mo`` and read with
:mod:`importlib.resources`, so they work from wheels and zip files alike.
"""

from __future__ import annotations

import functools
import gettext
import io
import threading
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from okrkit.errors import UnknownLocaleError

if TYPE_CHECKING:
    from babel.core import Locale

__all__ = [
    "DOMAIN",
    "SUPPORTED",
    "LocaleMatch",
    "clear_cache",
    "locales",
    "resolve_locale",
    "translations",
]

#: The gettext domain of every okrkit message.
DOMAIN = "okrkit"

#: okrkit's locales, source language first.
SUPPORTED: tuple[str, ...] = ("en", "sv", "ru", "vi", "zh_Hans", "zh_Hant")

_NAMES = {
    "en": "English",
    "sv": "Svenska",
    "ru": "Русский",
    "vi": "Tiếng Việt",
    "zh_Hans": "简体中文",
    "zh_Hant": "繁體中文",
}


@dataclass(frozen=True)
class LocaleMatch:
    """The result of resolving a requested locale.

    Attributes:
        requested: what was asked for, as given.
        locale: the okrkit locale whose translations are used (one of :data:`SUPPORTED`).
        formatting: the CLDR locale identifier used for numbers and dates; it keeps
            a region the caller gave (``sv_FI``, ``en_GB``, ``zh_Hant_HK``).
        exact: whether the request named the okrkit locale itself.
    """

    requested: str
    locale: str
    formatting: str
    exact: bool

    @property
    def babel(self) -> Locale:
        """The Babel locale for formatting."""
        from babel.core import Locale

        return Locale.parse(self.formatting)

    @property
    def chain(self) -> tuple[str, ...]:
        """Lookup order for messages: the okrkit locale, then the English source."""
        return (self.locale,) if self.locale == "en" else (self.locale, "en")

    def __str__(self) -> str:
        return self.locale


def locales() -> list[tuple[str, str]]:
    """The supported locales as ``(id, name in its own language)`` pairs.

    >>> [code for code, _ in locales()]
    ['en', 'sv', 'ru', 'vi', 'zh_Hans', 'zh_Hant']
    """
    return [(code, _NAMES[code]) for code in SUPPORTED]


def _parse_accept_language(header: str) -> list[str]:
    """Language tags of an Accept-Language header, best first (q=0 dropped)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if tag and tag != "*" and q > 0:
            ranked.append((-q, position, tag))
    return [tag for _, _, tag in sorted(ranked)]


def _match_one(tag: str) -> LocaleMatch | None:
    from babel.core import Locale
    from babel.core import UnknownLocaleError as BabelUnknownLocaleError

    text = tag.strip().split(".")[0].split("@")[0]  # sv_SE.UTF-8, sr@latin
    if not text or text in ("C", "POSIX"):
        return None
    sep = "-" if "-" in text and "_" not in text else "_"
    try:
        parsed = Locale.parse(text.replace("-", "_") if sep == "-" else text)
    except (ValueError, BabelUnknownLocaleError):
        return None
    language = parsed.language
    if language == "zh":
        script = parsed.script
        if script is None:  # Babel fills scripts from regions; bare "zh" is Simplified
            script = "Hant" if parsed.territory in ("TW", "HK", "MO") else "Hans"
        ours = f"zh_{script}"
        if ours not in SUPPORTED:
            return None
    elif language in SUPPORTED:
        ours = language
    else:
        return None
    formatting = str(parsed)
    if language == "zh" and parsed.script is None:
        formatting = ours if parsed.territory is None else f"{ours}_{parsed.territory}"
    try:
        Locale.parse(formatting)
    except (ValueError, BabelUnknownLocaleError):
        formatting = ours
    return LocaleMatch(requested=tag, locale=ours, formatting=formatting, exact=text == ours)


def resolve_locale(locale: str | Locale | LocaleMatch | None = None) -> LocaleMatch:
    """Resolve a locale request to one of okrkit's locales.

    Accepts okrkit ids (``"zh_Hant"``), BCP 47 or POSIX tags (``"zh-TW"``,
    ``"sv_FI"``, ``"sv_SE.UTF-8"``), Babel ``Locale`` objects and Accept-Language
    headers (``"sv-SE,sv;q=0.9,en;q=0.8"``). ``None`` means English.

    >>> m = resolve_locale("zh-TW")
    >>> m.locale, m.formatting
    ('zh_Hant', 'zh_Hant_TW')
    >>> resolve_locale("de, sv;q=0.8").locale
    'sv'
    >>> resolve_locale("klingon")
    Traceback (most recent call last):
    ...
    okrkit.errors.UnknownLocaleError: unknown locale 'klingon'; supported: en, sv, ...
    """
    if locale is None:
        locale = "en"
    if isinstance(locale, LocaleMatch):
        return locale
    return _resolve(str(locale))


@functools.lru_cache(maxsize=512)
def _resolve(key: str) -> LocaleMatch:
    """Resolve one request string (cached, bounded: requests come from users)."""
    candidates = _parse_accept_language(key) if ("," in key or ";" in key) else [key]
    for candidate in candidates:
        match = _match_one(candidate)
        if match is not None:
            if len(candidates) > 1 or candidate != key:
                match = LocaleMatch(key, match.locale, match.formatting, False)
            return match
    raise UnknownLocaleError(key, SUPPORTED)


_LOCK = threading.Lock()
_TRANSLATIONS: dict[str, gettext.NullTranslations] = {}


def _load(locale: str) -> gettext.NullTranslations:
    if locale == "en":
        return gettext.NullTranslations()
    folder = resources.files("okrkit") / "locale" / locale / "LC_MESSAGES"
    try:
        with (folder / f"{DOMAIN}.mo").open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except FileNotFoundError:
        pass
    # A source checkout or an editable install: the .mo files are build products
    # (compiled into every wheel by hatch_build.py), so compile the .po in memory.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    try:
        with (folder / f"{DOMAIN}.po").open("rb") as handle:
            catalog = read_po(handle, locale=locale)
    except FileNotFoundError:
        raise UnknownLocaleError(
            f"{locale} (its message catalogue {DOMAIN}.mo is missing from the package)",
            SUPPORTED,
        ) from None
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def translations(locale: str | Locale | LocaleMatch | None = None) -> gettext.NullTranslations:
    """The gettext translations of ``locale`` (cached; safe to share across threads).

    English is the source language, so its translations are the identity.
    """
    code = resolve_locale(locale).locale
    found = _TRANSLATIONS.get(code)
    if found is None:
        with _LOCK:
            found = _TRANSLATIONS.get(code)
            if found is None:
                found = _TRANSLATIONS[code] = _load(code)
    return found


def clear_cache() -> None:
    """Forget loaded translations and resolved locales (for tests)."""
    with _LOCK:
        _TRANSLATIONS.clear()
    _resolve.cache_clear()
