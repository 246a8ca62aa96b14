"""Templates localized from the YAML sources: translated, numbers formatted.

The path of a source checkout (no compiled data) and of
:meth:`okrkit.catalogue.Template.instantiate`; ``_compiled`` serializes its result
into the files wheels carry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from okrkit.catalogue import Label, Param, Template, TemplateInitiative, TemplateKeyResult
from okrkit.catalogue._spec import PLACEHOLDER, Plural, load_data
from okrkit.i18n import translations

if TYPE_CHECKING:
    from okrkit.catalogue._spec import KeyResultSpec, Text
    from okrkit.i18n import LocaleMatch

__all__ = ["Texts", "build_from_sources", "key_result", "restyle"]


def key_result(
    spec: KeyResultSpec, texts: Texts, values: dict[str, float], currency: str
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


class Texts:
    """Translates catalogue texts and fills their placeholders, formatted for the locale."""

    def __init__(
        self,
        match: LocaleMatch,
        params: dict[str, Param],
        values: dict[str, float],
        currency: str,
        *,
        compact: bool | None = None,
    ) -> None:
        from okrkit.formatting import compact_money, format_value

        self.params = params
        self.values = values
        self.gettext = translations(match).gettext
        self.ngettext = translations(match).ngettext
        # One money style for the whole template, so a line never mixes "US$800,000"
        # with "US$140万"; a document of several templates passes its own ``compact``.
        if compact is None:
            amounts = (values[n] for n, p in params.items() if p.unit == "currency")
            compact = compact_money(amounts, match)
        self._format = format_value
        self._how = (match, currency, compact)
        self._formatted: dict[str, str] = {}

    def formatted(self, name: str, placeholder: str) -> str:
        """The value of parameter ``name`` as text, formatted when first used
        (``placeholder`` itself for a name that is not a parameter)."""
        found = self._formatted.get(name)
        if found is None:
            param = self.params.get(name)
            if param is None:
                return placeholder
            match, currency, compact = self._how
            found = self._formatted[name] = self._format(
                self.values[name],
                param.unit,
                match,
                currency=currency,
                duration_unit=param.duration_unit,
                compact=compact,
            )
        return found

    def render(self, text: Text) -> str:
        if isinstance(text, Plural):
            count = self.values[text.count]
            n = int(count) if float(count).is_integer() else 2
            translated = self.ngettext(text.one, text.other, n)
        else:
            translated = self.gettext(text)
        return PLACEHOLDER.sub(lambda m: self.formatted(m[1], m[0]), translated)


def build_from_sources(match: LocaleMatch) -> tuple[Template, ...]:
    """The templates in ``match``, from the YAML sources (validated, translated, formatted)."""
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
        texts = Texts(match, params, {n: p.default for n, p in params.items()}, "USD")
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
                _match=match,
            )
        )
    return tuple(out)


def restyle(t: Template, compact: bool) -> Template:
    """``t`` with the money in its texts in the short (``compact``) or long style.

    The compiled catalogue bakes each template's amounts into its texts in the
    template's own style; a document that shows several templates decides one
    style for all of them and re-renders the texts that carry money. A template
    whose texts carry no money, or already in that style, comes back as it is.
    """
    from okrkit.catalogue._spec import load_data
    from okrkit.formatting import compact_money, format_currency

    money = {name for name, p in t.params.items() if p.unit == "currency"}
    if not money:
        return t
    current = t.__dict__.get("_money_compact")  # set below; else the template's own style
    if current is None:
        current = compact_money((t.params[n].default for n in money), t._match)
    if current == compact:
        return t
    # Money in a text is there as formatted (Texts): a template none of whose texts
    # holds one of its amounts needs no YAML sources read (the compiled path's speed).
    shown = [t.title, t.why, t.notes or "", *(kr.title for kr in t.key_results)]
    shown += [i.title for i in t.initiatives]
    amounts = [
        format_currency(t.params[n].default, "USD", t._match, compact=current) for n in money
    ]
    if not any(a in text for a in amounts for text in shown):
        return t
    spec = load_data().by_id[t.id]
    texts = Texts(t._match, t.params, t.defaults(), "USD", compact=compact)
    fields = {name: getattr(t, name) for name in Template._fields}
    fields.update(
        title=texts.render(spec.title),
        why=texts.render(spec.why),
        notes=texts.render(spec.notes) if spec.notes else None,
        key_results=tuple(
            TemplateKeyResult._of({**kr.__dict__, "title": texts.render(s.title)})
            for kr, s in zip(t.key_results, spec.key_results, strict=True)
        ),
        initiatives=tuple(
            TemplateInitiative(texts.render(s.title), i.key_results)
            for i, s in zip(t.initiatives, spec.initiatives, strict=True)
        ),
    )
    styled = Template._of(fields)
    styled.__dict__["_money_compact"] = compact  # not a field: compared and shown as before
    return styled
