"""The bundled, localized catalogue of marketing OKR templates.

Browse it by role, area or free text in any supported locale, then turn a
template into an :class:`~okrkit.Objective` with your own numbers:

>>> from okrkit import catalogue
>>> t = catalogue.get("nps-reviews/most-recommended", locale="sv")
>>> t.area.label
'NPS och recensioner'
>>> objective = t.instantiate(period="2027-Q1", nps_target=65)
>>> objective.key_results[0].target
65.0

The data is read on first use and cached; :func:`clear_cache` forgets it.
"""

from __future__ import annotations

import _thread

from okrkit.catalogue import _compiled
from okrkit.catalogue._value import FrozenValue
from okrkit.errors import CatalogueError, OKRError
from okrkit.i18n import LocaleMatch, resolve_locale, translations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from babel.core import Locale

    from okrkit.catalogue._spec import TemplateSpec
    from okrkit.model import Objective
    from okrkit.period import Period

# The YAML sources and their pydantic models (okrkit.catalogue._spec) load only when
# a template is instantiated or the package carries no compiled data (_compiled).

__all__ = [
    "Label",
    "Param",
    "Template",
    "TemplateInitiative",
    "TemplateKeyResult",
    "areas",
    "clear_cache",
    "company_objective",
    "get",
    "goals",
    "roles",
    "templates",
]


class Label(FrozenValue):
    """An area or role: its stable ``id`` and its ``label`` in the locale."""

    _fields = ("id", "label")
    id: str
    label: str

    def __init__(self, id: str, label: str) -> None:
        self._set(id, label)


class Param(FrozenValue):
    """A number a template takes, with its default and unit."""

    _fields = ("name", "default", "unit", "duration_unit")
    name: str
    default: float
    unit: str
    duration_unit: str | None

    def __init__(
        self, name: str, default: float, unit: str, duration_unit: str | None = None
    ) -> None:
        self._set(name, default, unit, duration_unit)


class TemplateKeyResult(FrozenValue):
    """A key result of a template, its title shown with the default numbers."""

    _fields = (
        "id", "title", "kind", "unit", "direction", "params", "indicator", "tags", "source",
        "cadence", "weight", "reporter", "proxy",
    )  # fmt: skip
    id: str
    title: str
    kind: str
    unit: str | None
    direction: str | None
    params: dict[str, str]
    indicator: str
    tags: tuple[str, ...]
    source: str | None
    cadence: str | None
    weight: float
    reporter: Label
    proxy: str | None

    def __init__(
        self,
        id: str,
        title: str,
        kind: str,
        unit: str | None,
        direction: str | None,
        params: dict[str, str],
        indicator: str,
        tags: tuple[str, ...],
        source: str | None,
        cadence: str | None,
        weight: float,
        reporter: Label,
        proxy: str | None = None,
    ) -> None:
        self._set(
            id, title, kind, unit, direction, params, indicator, tags, source, cadence, weight,
            reporter, proxy,
        )  # fmt: skip


class TemplateInitiative(FrozenValue):
    """A planned action of a template."""

    _fields = ("title", "key_results")
    title: str
    key_results: tuple[str, ...]

    def __init__(self, title: str, key_results: tuple[str, ...]) -> None:
        self._set(title, key_results)


class Template(FrozenValue):
    """A catalogue template in one locale.

    ``title`` is the objective, ``why`` says why it matters, ``goal`` is the
    kind of company goal it serves, ``notes`` (when set) say where its default
    numbers come from, ``key_results`` and ``initiatives`` show the default
    numbers. :meth:`instantiate` makes an :class:`~okrkit.Objective` with your
    numbers, in this template's language.
    """

    _fields = (
        "id", "locale", "area", "roles", "goal", "title", "why", "notes", "committed", "params",
        "key_results", "initiatives", "_match",
    )  # fmt: skip
    _shown = _fields[:-1]  # the locale match is neither compared nor shown
    id: str
    locale: str
    area: Label
    roles: tuple[Label, ...]
    goal: Label
    title: str
    why: str
    notes: str | None
    committed: bool
    params: dict[str, Param]
    key_results: tuple[TemplateKeyResult, ...]
    initiatives: tuple[TemplateInitiative, ...]
    _match: LocaleMatch

    def __init__(
        self,
        id: str,
        locale: str,
        area: Label,
        roles: tuple[Label, ...],
        goal: Label,
        title: str,
        why: str,
        notes: str | None,
        committed: bool,
        params: dict[str, Param],
        key_results: tuple[TemplateKeyResult, ...],
        initiatives: tuple[TemplateInitiative, ...],
        _match: LocaleMatch,
    ) -> None:
        self._set(
            id, locale, area, roles, goal, title, why, notes, committed, params, key_results,
            initiatives, _match,
        )  # fmt: skip

    @property
    def _spec(self) -> TemplateSpec:
        """The validated source of this template (read from the YAML on first use)."""
        from okrkit.catalogue._spec import load_data

        return load_data().by_id[self.id]

    @property
    def slug(self) -> str:
        """The part of the id after the area (``on-page`` for ``seo/on-page``)."""
        return self.id.split("/", 1)[1]

    def defaults(self) -> dict[str, float]:
        """Every parameter's default value."""
        return {name: p.default for name, p in self.params.items()}

    def money_amounts(self) -> list[float]:
        """The default amounts of the template's money parameters: what a document
        showing it at its defaults shows, for the document's one money style
        (:func:`okrkit.formatting.compact_money`)."""
        return [p.default for p in self.params.values() if p.unit == "currency"]

    def with_money_style(self, compact: bool) -> Template:
        """This template with the money in its texts in the short (``compact=True``,
        "US$1000万") or long style ("US$10,000,000").

        Each template formats its own amounts in one style; a document showing
        several templates decides one style for all of them (as :func:`okrkit.render`
        does for a book) and takes each template in that style, so no line of it
        mixes "US$800,000" with "US$140万". The template itself is unchanged.
        """
        from okrkit.catalogue._localize import restyle

        return restyle(self, compact)

    def instantiate(
        self,
        period: Period | str | None = None,
        owner: str | None = None,
        *,
        id: str | None = None,
        team: str | None = None,
        parent: str | None = None,
        currency: str = "USD",
        reporters: str | Mapping[str, str] | None = None,
        **params: float | int | str,
    ) -> Objective:
        """An objective from this template, with ``params`` replacing defaults.

        Texts are in the template's locale and show the numbers given. Money
        key results use ``currency`` (ISO 4217). Each key result's ``reporter``
        is the template's reporting role in this locale; ``reporters`` replaces
        it: one name for every key result, or a mapping of key result id to
        name. Unknown parameters or key result ids raise
        :class:`~okrkit.CatalogueError` listing the known ones.
        """
        from okrkit.model import Objective, _parse_number

        unknown = sorted(set(params) - set(self.params))
        if unknown:
            raise CatalogueError.translatable(
                N_("template {id}: unknown parameter(s) {unknown}; expected: {params}"),
                id=self.id,
                unknown=", ".join(unknown),
                params=", ".join(self.params),
            )
        values = self.defaults()
        for name, raw in params.items():
            try:
                values[name] = float(_parse_number(raw))
            except (TypeError, ValueError):
                raise CatalogueError.translatable(
                    N_("template {id}: parameter {name} must be a number, got {value}"),
                    id=self.id,
                    name=name,
                    value=repr(raw),
                ) from None
        from okrkit.catalogue._localize import Texts, key_result

        spec = self._spec
        texts = Texts(self._match, self.params, values, currency.upper())
        key_results = [key_result(kr, texts, values, currency.upper()) for kr in spec.key_results]
        for kr, name in zip(key_results, self._reporters(reporters), strict=True):
            kr["reporter"] = name
        initiatives = [
            {"title": texts.render(i.title), "key_results": list(i.key_results)}
            for i in spec.initiatives
        ]
        data: dict[str, Any] = {
            "id": id or self.slug,
            "title": texts.render(spec.title),
            "description": texts.render(spec.why),
            "area": spec.area,
            "roles": list(spec.roles),
            "template": spec.id,
            "key_results": key_results,
            "initiatives": initiatives,
        }
        for name, value in (("period", period), ("owner", owner), ("team", team)):
            if value is not None:
                data[name] = value
        if parent is not None:
            data["parent"] = parent
        if spec.committed:
            data["committed"] = True
        try:
            return Objective(**data)
        except OKRError as exc:
            raise CatalogueError.translatable(
                "template {id}: {reason}", id=self.id, reason=exc
            ) from None

    def _reporters(self, given: str | Mapping[str, str] | None) -> list[str]:
        """Each key result's reporter: the template's role, or the names ``given``."""
        names = [kr.reporter.label for kr in self.key_results]
        if isinstance(given, str):
            return [given] * len(names)
        if given is not None:
            ids = [kr.id for kr in self.key_results]
            unknown = sorted(set(given) - set(ids))
            if unknown:
                raise CatalogueError.translatable(
                    N_(
                        "template {id}: reporters: unknown key result(s) {unknown}; expected: {ids}"
                    ),
                    id=self.id,
                    unknown=", ".join(unknown),
                    ids=", ".join(ids),
                )
            names = [given.get(i, name) for i, name in zip(ids, names, strict=True)]
        return names

    def search_text(self) -> str:
        """All of the template's text in its locale, case-folded (for ``query``)."""
        found: str | None = self.__dict__.get("_search_text")
        if found is None:
            parts = [self.id, self.title, self.why, self.area.label, self.goal.label]
            parts += [r.label for r in self.roles]
            parts += [kr.title for kr in self.key_results]
            parts += [i.title for i in self.initiatives]
            found = "\n".join(parts).casefold()
            self.__dict__["_search_text"] = found  # built once: a frozen value
        return found


_LOCK = _thread.allocate_lock()  # threading.Lock, without importing threading
_LOCALIZED: dict[str, tuple[Template, ...]] = {}


_COMPILED: dict[str, dict[str, Any] | None] = {}


def _compiled_data(locale: str) -> dict[str, Any] | None:
    """The compiled data of okrkit locale ``locale``, or None where the package has none."""
    if locale not in _COMPILED:
        _COMPILED[locale] = _compiled.read(locale)
    return _COMPILED[locale]


def _build(match: LocaleMatch) -> tuple[Template, ...]:
    # Compiled data holds numbers formatted for okrkit's own locales; a regional
    # variant (sv_FI, en_GB) formats them itself.
    if match.formatting == match.locale:
        data = _compiled_data(match.locale)
        if data is not None:
            return _compiled.build(data, match)
    from okrkit.catalogue._localize import build_from_sources

    return build_from_sources(match)


def _all(locale: str | Locale | LocaleMatch | None) -> tuple[Template, ...]:
    match = resolve_locale(locale)
    key = match.formatting
    found = _LOCALIZED.get(key)
    if found is None:
        with _LOCK:
            found = _LOCALIZED.get(key)
            if found is None:
                found = _LOCALIZED[key] = _build(match)
    return found


def _check_choice(kind: str, value: str, known: list[Label]) -> None:
    if value not in {item.id for item in known}:
        raise CatalogueError.translatable(
            # Translators: {kind} is one of "area", "role", "goal" (a command-line option name).
            N_("unknown {kind} {value}; expected one of: {known}"),
            kind=kind,
            value=repr(value),
            known=", ".join(i.id for i in known),
        )


def templates(
    locale: str | Locale | LocaleMatch | None = "en",
    *,
    role: str | None = None,
    area: str | None = None,
    goal: str | None = None,
    query: str | None = None,
) -> list[Template]:
    """Templates in ``locale``, optionally for one ``role``, ``area`` or
    company ``goal`` id, and matching every word of ``query`` in the localized text.

    >>> [t.id for t in templates("en", area="seo")][-2:]
    ['seo/keyword-strategy', 'seo/on-page']
    >>> len(templates("ru", query="NPS")) >= 1
    True
    """
    found = list(_all(locale))
    if role is not None:
        _check_choice("role", role, roles(locale))
        found = [t for t in found if any(r.id == role for r in t.roles)]
    if area is not None:
        _check_choice("area", area, areas(locale))
        found = [t for t in found if t.area.id == area]
    if goal is not None:
        _check_choice("goal", goal, goals(locale))
        found = [t for t in found if t.goal.id == goal]
    if query:
        words = query.casefold().split()
        found = [t for t in found if all(w in t.search_text() for w in words)]
    return sorted(found, key=lambda t: t.id)


def get(template_id: str, locale: str | Locale | LocaleMatch | None = "en") -> Template:
    """The template with id ``template_id`` in ``locale``."""
    for t in _all(locale):
        if t.id == template_id:
            return t
    known = sorted(t.id for t in _all("en"))
    close = [k for k in known if template_id.split("/")[-1] in k]
    if close:
        raise CatalogueError.translatable(
            N_("unknown template {id}; did you mean {close}?"),
            id=repr(template_id),
            close=", ".join(close),
        )
    raise CatalogueError.translatable(
        N_("unknown template {id}; expected one of: {known}"),
        id=repr(template_id),
        known=", ".join(known),
    )


def _labels(kind: str, locale: str | Locale | LocaleMatch | None) -> list[Label]:
    """The taxonomy's ``kind`` (``areas``, ``roles``, ``goals``) labelled in ``locale``."""
    match = resolve_locale(locale)
    data = _compiled_data(match.locale)
    if data is not None:
        return [Label(i, label) for i, label in data[kind]]
    from okrkit.catalogue._spec import load_data

    gettext = translations(match).gettext
    return [Label(x.id, gettext(x.label)) for x in getattr(load_data().taxonomy, kind)]


def roles(locale: str | Locale | LocaleMatch | None = "en") -> list[Label]:
    """The roles templates are tagged with, labelled in ``locale``."""
    return _labels("roles", locale)


def areas(locale: str | Locale | LocaleMatch | None = "en") -> list[Label]:
    """The areas templates belong to, labelled in ``locale``."""
    return _labels("areas", locale)


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is used."""
    return message


def company_objective(
    goal: str,
    locale: str | Locale | LocaleMatch | None = "en",
    *,
    period: Period | str | None = None,
    owner: str | None = None,
) -> Objective:
    """The company objective at the top of a top-down plan for ``goal``.

    Its title is the goal in ``locale``; its one milestone key result asks the
    leadership to set the company's numbers, which marketing objectives from
    :func:`templates` (``goal=...``) then align to with ``parent``.

    >>> company_objective("revenue", "sv").title
    'Öka intäkterna'
    """
    from okrkit.model import KeyResult, Objective

    found = {g.id: g for g in goals(locale)}
    _check_choice("goal", goal, list(found.values()))
    gettext = translations(locale).gettext
    target = KeyResult(
        id="company-targets",
        kind="milestone",
        title=gettext(
            N_("Company targets for this goal set by leadership and shared with every team")
        ),
        source=gettext("Project tracker"),
        cadence="monthly",
        owner=owner,
    )
    fields: dict[str, Any] = {"id": f"company-{goal}", "title": found[goal].label}
    fields["key_results"] = [target]
    if period is not None:
        fields["period"] = period
    if owner is not None:
        fields["owner"] = owner
    return Objective(**fields)


def goals(locale: str | Locale | LocaleMatch | None = "en") -> list[Label]:
    """The kinds of company goal templates serve (revenue, efficiency, brand...),
    labelled in ``locale``: the first step of setting OKRs top-down."""
    return _labels("goals", locale)


def clear_cache() -> None:
    """Forget the loaded data and localized templates (for tests)."""
    from okrkit.catalogue._spec import clear_data

    with _LOCK:
        _LOCALIZED.clear()
        _COMPILED.clear()
    clear_data()
