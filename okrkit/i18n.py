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

import _thread
import functools
import gettext
import io
import os
import re

from okrkit.errors import UnknownLocaleError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
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


class LocaleMatch:
    """The result of resolving a requested locale (immutable, compared by value).

    Attributes:
        requested: what was asked for, as given.
        locale: the okrkit locale whose translations are used (one of :data:`SUPPORTED`).
        formatting: the CLDR locale identifier used for numbers and dates; it keeps
            a region the caller gave (``sv_FI``, ``en_GB``, ``zh_Hant_HK``).
        exact: whether the request named the okrkit locale itself.
    """

    # Written out rather than a frozen dataclass: `dataclasses` imports `inspect`, a
    # third of what `okrkit --help` would otherwise spend on imports.
    __slots__ = ("exact", "formatting", "locale", "requested")
    __match_args__ = ("requested", "locale", "formatting", "exact")

    requested: str
    locale: str
    formatting: str
    exact: bool

    def __init__(self, requested: str, locale: str, formatting: str, exact: bool) -> None:
        fields = (requested, locale, formatting, exact)
        for name, value in zip(self.__match_args__, fields, strict=True):
            object.__setattr__(self, name, value)

    def _fields(self) -> tuple[str, str, str, bool]:
        return (self.requested, self.locale, self.formatting, self.exact)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"LocaleMatch(requested={self.requested!r}, locale={self.locale!r}, "
            f"formatting={self.formatting!r}, exact={self.exact!r})"
        )

    def __setattr__(self, name: str, value: object) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type[LocaleMatch], tuple[str, str, str, bool]]:
        return (self.__class__, self._fields())

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


_QUALITY = re.compile(r"^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$")
_TAG = re.compile(r"^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$")


def _parse_accept_language(header: str) -> list[str]:
    """Language tags of an Accept-Language header, best first.

    ``q=0`` entries are dropped, and so is any malformed entry (a bad ``q=``,
    a tag that is not a language tag): one bad entry never sinks the header.
    """
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip()
        q: float | None = 1.0
        for param in params.split(";") if params else ():
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                value = value.strip()
                q = float(value) if _QUALITY.match(value) else None
        if q is None or not q or tag == "*" or not _TAG.match(tag):
            continue
        ranked.append((-q, position, tag))
    return [tag for _, _, tag in sorted(ranked)]


def _match_one(tag: str) -> LocaleMatch | None:
    from babel.core import Locale, parse_locale
    from babel.core import UnknownLocaleError as BabelUnknownLocaleError

    text = tag.strip().split(".")[0].split("@")[0]  # sv_SE.UTF-8, sr@latin
    if not text or text in ("C", "POSIX"):
        return None
    try:
        parts = parse_locale(text.replace("-", "_"))  # 4 or 5 items, by Babel version
        language, territory, script = parts[0], parts[1], parts[2]
    except ValueError:
        return None
    if language == "zh":
        # An explicit script wins over the region: zh-Hant-CN is Traditional, zh-Hans-TW
        # Simplified. Without one, the region decides; bare "zh" is Simplified.
        if script is None:
            script = "Hant" if territory in ("TW", "HK", "MO") else "Hans"
        ours = f"zh_{script}"
        if ours not in SUPPORTED:
            return None
    elif language in SUPPORTED:
        ours = language
    else:
        return None
    formatting = ours
    if territory is not None:
        candidate = f"{ours}_{territory}"
        try:
            Locale.parse(candidate)  # CLDR may not know the pair (zh_Hans_TW): keep ours
        except (ValueError, BabelUnknownLocaleError):
            pass
        else:
            if language != "zh" or Locale.parse(candidate).script == script:
                formatting = candidate
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
    if key in SUPPORTED:  # what Babel would make of it, without importing Babel
        return LocaleMatch(requested=key, locale=key, formatting=key, exact=True)
    candidates = _parse_accept_language(key) if ("," in key or ";" in key) else [key]
    for candidate in candidates:
        match = _match_one(candidate)
        if match is not None:
            if len(candidates) > 1 or candidate != key:
                match = LocaleMatch(key, match.locale, match.formatting, False)
            return match
    raise UnknownLocaleError(key, SUPPORTED)


_LOCK = _thread.allocate_lock()  # threading.Lock, without importing threading
_TRANSLATIONS: dict[str, gettext.NullTranslations] = {}


def _load(locale: str) -> gettext.NullTranslations:
    if locale == "en":
        return gettext.NullTranslations()
    # The package's own folder first: importlib.resources (for zip files) costs the
    # command line's start more than reading the file does.
    mo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale", locale,
                      "LC_MESSAGES", f"{DOMAIN}.mo")  # fmt: skip
    try:
        with open(mo, "rb") as handle:
            return gettext.GNUTranslations(handle)
    except OSError:
        pass
    from importlib import resources

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
