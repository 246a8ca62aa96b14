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

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from okrkit.catalogue._spec import (
    PLACEHOLDER,
    KeyResultSpec,
    Plural,
    TemplateSpec,
    Text,
    clear_data,
    load_data,
)
from okrkit.errors import CatalogueError, OKRError
from okrkit.i18n import LocaleMatch, resolve_locale, translations

if TYPE_CHECKING:
    from collections.abc import Mapping

    from babel.core import Locale

    from okrkit.model import Objective
    from okrkit.period import Period

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


@dataclass(frozen=True)
class Label:
    """An area or role: its stable ``id`` and its ``label`` in the locale."""

    id: str
    label: str


@dataclass(frozen=True)
class Param:
    """A number a template takes, with its default and unit."""

    name: str
    default: float
    unit: str
    duration_unit: str | None = None


@dataclass(frozen=True)
class TemplateKeyResult:
    """A key result of a template, its title shown with the default numbers."""

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
    proxy: str | None = None


@dataclass(frozen=True)
class TemplateInitiative:
    """A planned action of a template."""

    title: str
    key_results: tuple[str, ...]


@dataclass(frozen=True)
class Template:
    """A catalogue template in one locale.

    ``title`` is the objective, ``why`` says why it matters, ``goal`` is the
    kind of company goal it serves, ``notes`` (when set) say where its default
    numbers come from, ``key_results`` and ``initiatives`` show the default
    numbers. :meth:`instantiate` makes an :class:`~okrkit.Objective` with your
    numbers, in this template's language.
    """

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
    _spec: TemplateSpec = field(repr=False, compare=False)
    _match: LocaleMatch = field(repr=False, compare=False)

    @property
    def slug(self) -> str:
        """The part of the id after the area (``on-page`` for ``seo/on-page``)."""
        return self.id.split("/", 1)[1]

    def defaults(self) -> dict[str, float]:
        """Every parameter's default value."""
        return {name: p.default for name, p in self.params.items()}

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
            raise CatalogueError(
                f"template {self.id}: unknown parameter(s) {', '.join(unknown)}; "
                f"expected: {', '.join(self.params)}"
            )
        values = self.defaults()
        for name, raw in params.items():
            try:
                values[name] = float(_parse_number(raw))
            except (TypeError, ValueError):
                raise CatalogueError(
                    f"template {self.id}: parameter {name} must be a number, got {raw!r}"
                ) from None
        spec = self._spec
        texts = _Texts(self._match, self.params, values, currency.upper())
        key_results = [_key_result(kr, texts, values, currency.upper()) for kr in spec.key_results]
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
            raise CatalogueError(f"template {self.id}: {exc}") from None

    def _reporters(self, given: str | Mapping[str, str] | None) -> list[str]:
        """Each key result's reporter: the template's role, or the names ``given``."""
        names = [kr.reporter.label for kr in self.key_results]
        if isinstance(given, str):
            return [given] * len(names)
        if given is not None:
            ids = [kr.id for kr in self.key_results]
            unknown = sorted(set(given) - set(ids))
            if unknown:
                raise CatalogueError(
                    f"template {self.id}: reporters: unknown key result(s) "
                    f"{', '.join(unknown)}; expected: {', '.join(ids)}"
                )
            names = [given.get(i, name) for i, name in zip(ids, names, strict=True)]
        return names

    def search_text(self) -> str:
        """All of the template's text in its locale, case-folded (for ``query``)."""
        parts = [self.id, self.title, self.why, self.area.label, self.goal.label]
        parts += [r.label for r in self.roles]
        parts += [kr.title for kr in self.key_results]
        parts += [i.title for i in self.initiatives]
        return "\n".join(parts).casefold()


def _key_result(
    spec: KeyResultSpec, texts: _Texts, values: dict[str, float], currency: str
) -> dict[str, Any]:
    out: dict[str, Any] = {"id": spec.id, "title": texts.render(spec.title)}
    if spec.kind != "metric":
        out["kind"] = spec.kind
    if spec.indicator != "lagging":
        out["indicator"] = spec.indicator
    if spec.kind == "metric":
        assert spec.unit is not None
        out["unit"] = spec.unit
        if spec.unit == "currency":
            out["currency"] = currency
        if spec.direction is not None:
            out["direction"] = spec.direction
        for fld, name in spec.param_refs().items():
            out[fld] = values[name]
            unit = texts.params[name].duration_unit
            if spec.unit == "duration" and unit:
                out["duration_unit"] = unit
    if spec.weight != 1.0:
        out["weight"] = spec.weight
    if spec.tags:
        out["tags"] = list(spec.tags)
    if spec.source:
        out["source"] = texts.gettext(spec.source)
    if spec.cadence:
        out["cadence"] = spec.cadence
    return out


class _Texts:
    """Translates catalogue texts and fills their placeholders, formatted for the locale."""

    def __init__(
        self, match: LocaleMatch, params: dict[str, Param], values: dict[str, float], currency: str
    ) -> None:
        from okrkit.formatting import compact_money, format_value

        self.params = params
        self.values = values
        self.gettext = translations(match).gettext
        self.ngettext = translations(match).ngettext
        # One money style for the whole template, so a line never mixes "US$800,000"
        # with "US$140万".
        compact = compact_money(values[n] for n, p in params.items() if p.unit == "currency")
        self.formatted = {
            name: format_value(
                values[name],
                p.unit,
                match,
                currency=currency,
                duration_unit=p.duration_unit,
                compact=compact,
            )
            for name, p in params.items()
        }

    def render(self, text: Text) -> str:
        if isinstance(text, Plural):
            count = self.values[text.count]
            n = int(count) if float(count).is_integer() else 2
            translated = self.ngettext(text.one, text.other, n)
        else:
            translated = self.gettext(text)
        return PLACEHOLDER.sub(lambda m: self.formatted.get(m[1], m[0]), translated)


_LOCK = threading.Lock()
_LOCALIZED: dict[str, tuple[Template, ...]] = {}


def _build(match: LocaleMatch) -> tuple[Template, ...]:
    data = load_data()
    gettext = translations(match).gettext
    area_labels = {a.id: Label(a.id, gettext(a.label)) for a in data.taxonomy.areas}
    role_labels = {r.id: Label(r.id, gettext(r.label)) for r in data.taxonomy.roles}
    reporter_labels = {r.id: Label(r.id, gettext(r.label)) for r in data.taxonomy.reporters}
    goal_labels = {g.id: Label(g.id, gettext(g.label)) for g in data.taxonomy.goals}
    out = []
    for spec in data.templates:
        params = {
            name: Param(name, p.default, p.unit, p.duration_unit) for name, p in spec.params.items()
        }
        texts = _Texts(match, params, {n: p.default for n, p in params.items()}, "USD")
        out.append(
            Template(
                id=spec.id,
                locale=match.locale,
                area=area_labels[spec.area],
                roles=tuple(role_labels[r] for r in spec.roles),
                goal=goal_labels[spec.goal],
                title=texts.render(spec.title),
                why=texts.render(spec.why),
                notes=texts.render(spec.notes) if spec.notes else None,
                committed=spec.committed,
                params=params,
                key_results=tuple(
                    TemplateKeyResult(
                        id=kr.id,
                        title=texts.render(kr.title),
                        kind=kr.kind,
                        unit=kr.unit,
                        direction=kr.direction,
                        params=kr.param_refs(),
                        indicator=kr.indicator,
                        tags=tuple(kr.tags),
                        source=gettext(kr.source) if kr.source else None,
                        cadence=kr.cadence,
                        weight=kr.weight,
                        reporter=reporter_labels[kr.reporter],
                        proxy=kr.proxy,
                    )
                    for kr in spec.key_results
                ),
                initiatives=tuple(
                    TemplateInitiative(texts.render(i.title), tuple(i.key_results))
                    for i in spec.initiatives
                ),
                _spec=spec,
                _match=match,
            )
        )
    return tuple(out)


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
        raise CatalogueError(
            f"unknown {kind} {value!r}; expected one of: {', '.join(i.id for i in known)}"
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
    hint = (
        f"; did you mean {', '.join(close)}?" if close else f"; expected one of: {', '.join(known)}"
    )
    raise CatalogueError(f"unknown template {template_id!r}{hint}")


def roles(locale: str | Locale | LocaleMatch | None = "en") -> list[Label]:
    """The roles templates are tagged with, labelled in ``locale``."""
    gettext = translations(locale).gettext
    return [Label(r.id, gettext(r.label)) for r in load_data().taxonomy.roles]


def areas(locale: str | Locale | LocaleMatch | None = "en") -> list[Label]:
    """The areas templates belong to, labelled in ``locale``."""
    gettext = translations(locale).gettext
    return [Label(a.id, gettext(a.label)) for a in load_data().taxonomy.areas]


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
    gettext = translations(locale).gettext
    return [Label(g.id, gettext(g.label)) for g in load_data().taxonomy.goals]


def clear_cache() -> None:
    """Forget the loaded data and localized templates (for tests)."""
    with _LOCK:
        _LOCALIZED.clear()
    clear_data()
