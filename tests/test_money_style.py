"""Money in documents: one style per document per locale, read from the rendered output.

The amounts are found in the output by the locale's own currency sign and CLDR's
compact units (never by expected strings), then each is classified: short
("US$150万", "1,5 млн $"), long ("US$1,500,000") or either (under a thousand,
the same in both styles). A document may hold short or long amounts, never both.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import cache

import pytest

from okrkit import catalogue, render
from okrkit.catalogue import Template
from okrkit.formatting import format_currency
from okrkit.i18n import SUPPORTED, resolve_locale
from okrkit.rendering import template_goal, templates_money_style

_NUMBER = r"\d(?:[\d.,\u00a0\u202f ]*\d)?"


@cache
def _units(locale: str) -> tuple[str, ...]:
    """The words and letters CLDR puts after a compact number ("M", "млн", "万", "triệu")."""
    babel = resolve_locale(locale).babel
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, Mapping):
            for value in node.values():
                walk(value)
            return
        pattern = getattr(node, "pattern", node)
        if isinstance(pattern, str):
            word = re.sub(r"[0#¤'.\s\u00a0]", " ", pattern).split()
            found.update(w for w in word if w)

    walk(babel.compact_currency_formats)
    walk(babel.compact_decimal_formats)
    return tuple(sorted(found, key=len, reverse=True))


@cache
def _sign(locale: str) -> str:
    """How the locale writes "US dollars" next to an amount ("$", "US$", "USD")."""
    return re.sub(r"[\d.,\s\u00a0\u202f]", "", format_currency(5, "USD", locale))


@cache
def _decimal(locale: str) -> str:
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(resolve_locale(locale).babel))


@cache
def _amount(locale: str) -> re.Pattern[str]:
    sign, units = re.escape(_sign(locale)), "|".join(map(re.escape, _units(locale)))
    unit = rf"(?:\s?(?P<{{}}>(?:{units})\.?))?"
    before = rf"(?<![A-Za-z$]){sign}\s?(?P<a>{_NUMBER}){unit.format('u')}"
    after = rf"(?P<b>{_NUMBER}){unit.format('v')}\s?{sign}"
    return re.compile(f"{before}|{after}")


def money_styles(text: str, locale: str) -> tuple[list[str], list[str]]:
    """The short and the long amounts of US dollars in ``text``."""
    short, long = [], []
    for m in _amount(locale).finditer(text):
        number, unit = m["a"] or m["b"], m["u"] or m["v"]
        if unit:
            short.append(m[0])
        elif len(re.sub(r"\D", "", number.split(_decimal(locale))[0])) >= 4:
            long.append(m[0])  # a thousand or more, written out
    return short, long


@pytest.mark.parametrize("locale", SUPPORTED)
def test_the_amount_finder_tells_the_styles_apart(locale: str) -> None:
    # the finder of the tests below must see both styles, or they could not fail
    for amount in (1_500_000, 2_000_000, 1_200_000_000, 800_000):
        short = format_currency(amount, "USD", locale, compact=True)
        long = format_currency(amount, "USD", locale, compact=False)
        assert money_styles(f"x {short} x", locale) == ([short], []), short
        assert money_styles(f"x {long} x", locale) == ([], [long]), long
    assert money_styles(format_currency(450, "USD", locale), locale) == ([], [])


def _assert_one_style(text: str, locale: str, what: str) -> int:
    short, long = money_styles(text, locale)
    assert not (short and long), f"{what} ({locale}) mixes {short[:3]} with {long[:3]}"
    return len(short) + len(long)


def _books(locale: str) -> dict[str, list[Template]]:
    books = {"all": catalogue.templates(locale)}
    books.update({r.id: catalogue.templates(locale, role=r.id) for r in catalogue.roles(locale)})
    return books


@pytest.mark.parametrize("locale", SUPPORTED)
def test_a_book_shows_money_in_one_style(locale: str) -> None:
    seen = 0
    for name, items in _books(locale).items():
        for fmt in ("markdown", "html", "text"):
            seen += _assert_one_style(render(items, fmt, locale=locale), locale, f"book {name}")
    assert seen > 0  # the books do show money


@pytest.mark.parametrize("locale", SUPPORTED)
def test_a_template_document_shows_money_in_one_style(locale: str) -> None:
    seen = 0
    for t in catalogue.templates(locale):
        for fmt in ("markdown", "html", "text"):
            seen += _assert_one_style(render(t, fmt, locale=locale), locale, t.id)
    assert seen > 0


def test_the_cmo_book_mixed_styles_before() -> None:
    # The cmo book holds amounts from US$450 to US$100,000,000: deciding per key
    # result showed "US$1000萬" beside "US$250,000"; the book decides once.
    items = catalogue.templates("zh_Hant", role="cmo")
    match = resolve_locale("zh_Hant")
    per_kr = "\n".join(template_goal(t, kr, match) for t in items for kr in t.key_results)
    # each template alone is consistent, so the old per-template choice shows both styles
    assert all(money_styles(x, "zh_Hant")[0] for x in per_kr.splitlines() if "億" in x)
    assert money_styles(per_kr, "zh_Hant")[1]
    assert not templates_money_style(items)
    book = render(items, "text", locale="zh_Hant")
    assert money_styles(book, "zh_Hant")[0] == []
    assert len(money_styles(book, "zh_Hant")[1]) > 10


def test_a_book_of_big_amounts_reads_short() -> None:
    big = [t for t in catalogue.templates("en") if t.money_amounts() and templates_money_style([t])]
    assert big
    short, long = money_styles(render(big, "markdown", locale="en"), "en")
    assert short and not long


def _gift_card_template(default: float) -> Template:
    """The template whose initiative names a gift card's value, compiled as the
    catalogue would compile it with ``default`` (texts in its own money style)."""
    from okrkit.catalogue import TemplateInitiative
    from okrkit.catalogue._localize import Texts
    from okrkit.catalogue._spec import load_data

    t = catalogue.get("nps-reviews/most-recommended", "zh_Hans")
    params = dict(t.params)
    params["gift_card"] = type(params["gift_card"])("gift_card", default, "currency")
    texts = Texts(t._match, params, {n: p.default for n, p in params.items()}, "USD")
    spec = load_data().by_id[t.id]
    fields = {name: getattr(t, name) for name in Template._fields}
    fields["params"] = params
    fields["initiatives"] = tuple(
        TemplateInitiative(texts.render(s.title), i.key_results)
        for i, s in zip(t.initiatives, spec.initiatives, strict=True)
    )
    return Template._of(fields)


def test_money_in_template_texts_follows_the_document() -> None:
    # the compiled catalogue bakes amounts into texts in the template's own style:
    # a document in the other style renders those texts again at render time
    t = _gift_card_template(2_000_000)
    short = format_currency(2_000_000, "USD", "zh_Hans", compact=True)
    assert any(short in i.title for i in t.initiatives)
    assert t.with_money_style(True) is t  # its own style: nothing to redo
    long = t.with_money_style(False)
    shown = format_currency(2_000_000, "USD", "zh_Hans", compact=False)
    assert any(shown in i.title for i in long.initiatives)
    assert long.id == t.id and long.params == t.params
    assert [kr.title for kr in long.key_results] == [kr.title for kr in t.key_results]
    assert long.with_money_style(False) is long
    assert any(short in i.title for i in long.with_money_style(True).initiatives)
    # in a book beside smaller amounts, the template's baked text turns long too
    small = catalogue.get("efficiency/romi", "zh_Hans")
    assert not templates_money_style([t, small])
    book = render([t, small], "markdown", locale="zh_Hans")
    assert shown in book
    assert _assert_one_style(book, "zh_Hans", "gift card book") > 0


def test_rendering_leaves_the_catalogue_unchanged() -> None:
    before = {locale: catalogue.templates(locale) for locale in SUPPORTED}
    for locale in SUPPORTED:
        render(catalogue.templates(locale), "markdown", locale=locale)
    assert {locale: catalogue.templates(locale) for locale in SUPPORTED} == before


@pytest.mark.parametrize("locale", SUPPORTED)
def test_templates_show_uses_one_style(locale: str, capsys: pytest.CaptureFixture[str]) -> None:
    from okrkit.cli import main

    for t in catalogue.templates(locale):
        if not t.money_amounts():
            continue
        assert main(["templates", "show", t.id, "--locale", locale]) == 0
        _assert_one_style(capsys.readouterr().out, locale, f"templates show {t.id}")


VI_SHORT = {  # CLDR's short words, which a Vietnamese report spells out
    1_000: "N",
    1_000_000: "Tr",
    1_000_000_000: "T",
}


@pytest.mark.parametrize(
    ("amount", "number", "word"),
    [
        (1_500_000, "1,5", "triệu"),
        (2_000_000, "2", "triệu"),
        (1_200_000_000, "1,2", "tỷ"),
        (800_000, "800", "nghìn"),
    ],
)
def test_vietnamese_compact_money_spells_the_word_out(
    amount: float, number: str, word: str
) -> None:
    from babel.numbers import format_compact_decimal

    text = format_currency(amount, "USD", "vi", compact=True)
    # CLDR's long compact number, then the currency sign where vi's pattern puts it
    long = format_compact_decimal(amount, format_type="long", locale="vi", fraction_digits=2)
    assert long.split() == [number, word]
    assert text.split("\xa0") == [number, word, _sign("vi")]
    assert not set(text.split("\xa0")) & set(VI_SHORT.values())
    # the other locales keep CLDR's short form
    from babel.numbers import format_compact_currency

    short = format_compact_currency(amount, "USD", locale="ru", fraction_digits=2)
    assert format_currency(amount, "USD", "ru", compact=True) == short


def test_a_compact_vietnamese_document_reads_trieu_and_ty() -> None:
    from okrkit import KeyResult, Objective, Plan
    from okrkit.formatting import format_goal

    krs = [
        KeyResult(id="pipe", title="Tăng giá trị cơ hội bán hàng", unit="currency",
                  currency="USD", baseline=1_500_000, target=2_000_000),
        KeyResult(id="book", title="Tăng doanh số ký mới", unit="currency", currency="USD",
                  baseline=1_000_000_000, target=1_200_000_000),
    ]  # fmt: skip
    plan = Plan(
        period="2026-Q4", locale="vi", objectives=[Objective(id="o", title="O", key_results=krs)]
    )
    for fmt in ("markdown", "html", "text"):
        out = render(plan, fmt, locale="vi", on=dt.date(2026, 11, 1))
        short, long = money_styles(out, "vi")
        assert short and not long, fmt
        words = {re.split(r"[\s\u00a0]", a)[1] for a in short}
        assert words <= {"triệu", "tỷ"}, short
        assert "1,2\xa0tỷ\xa0US$" in out and "1,5\xa0triệu\xa0US$" in out
        assert not re.search(r"\d\s(?:Tr|T|N)\s", out), fmt
    # 800,000 in a document whose other amounts are millions: "800 nghìn US$"
    goal = format_goal("increase", "currency", "vi", baseline=800_000, target=2_000_000,
                       currency="USD", compact=True)  # fmt: skip
    assert goal == "từ 800\xa0nghìn\xa0US$ lên 2\xa0triệu\xa0US$"


_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def _chinese_documents(locale: str) -> dict[str, str]:
    """Books (long and short money), template documents and plans with money, as rendered."""
    from okrkit import KeyResult, Objective, Plan

    items = catalogue.templates(locale)
    big = [t for t in items if t.money_amounts() and templates_money_style([t])]
    docs: dict[str, str] = {}
    for fmt in ("markdown", "html", "text"):
        docs[f"book.{fmt}"] = render(items, fmt, locale=locale)
        docs[f"big-book.{fmt}"] = render(big, fmt, locale=locale)
    for t in items:
        if t.money_amounts():
            docs[t.id] = render(t, "text", locale=locale)
    krs = [
        KeyResult(id="deals", title="新签合同额", unit="currency", currency="USD",
                  baseline=10_000_000, target=12_000_000, check_ins=[
                      {"date": dt.date(2026, 10, 20), "value": 10_500_000},
                      {"date": dt.date(2026, 11, 10), "value": 11_200_000}]),
        KeyResult(id="cap", title="获客成本", unit="currency", currency="USD",
                  direction="at_most", target=2_000_000),
    ]  # fmt: skip
    for name, plan_krs in (("short", krs), ("long", [*krs, krs[0].model_copy(update={
            "id": "small", "baseline": 4_500, "target": 4_000})])):  # fmt: skip
        plan = Plan(
            period="2026-Q4", objectives=[Objective(id="o", title="目标", key_results=plan_krs)]
        )
        for template in ("document", "checkin", "review"):
            for fmt in ("markdown", "html", "text"):
                docs[f"{name}-{template}.{fmt}"] = render(
                    plan, fmt, locale=locale, template=template, on=dt.date(2026, 11, 20)
                )
    return docs


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_chinese_money_sits_in_the_sentence_by_the_glossary(locale: str) -> None:
    # The glossaries: zh_Hans puts no space between Chinese and a number ("从{baseline}到
    # {target}", "从US$1000万到US$1200万"); zh_Hant puts one ("從 US$1000萬 到 US$1200萬"),
    # none next to full-width punctuation. The unit 万/萬/亿/億 belongs to the amount.
    spaced = locale == "zh_Hant"
    seen = {"short": 0, "long": 0}
    for name, text in _chinese_documents(locale).items():
        for m in _amount(locale).finditer(text):
            seen["short" if (m["u"] or m["v"]) else "long"] += 1
            before, after = text[max(0, m.start() - 2) : m.start()], text[m.end() : m.end() + 2]
            where = f"{name}: {text[max(0, m.start() - 10) : m.end() + 10]!r}"
            if spaced:
                assert not _IDEOGRAPH.fullmatch(before[-1:] or "x"), where
                assert not _IDEOGRAPH.fullmatch(after[:1] or "x"), where
            else:
                assert not re.fullmatch(r"[\u3400-\u9fff] ", before), where
                assert not re.fullmatch(r" [\u3400-\u9fff]", after), where
    assert seen["short"] > 20 and seen["long"] > 20, seen
    # a compact amount followed by Chinese reads as one number: "1000万" then "到"
    goal = template_goal(
        catalogue.get("demand-gen/beat-revenue-target", locale),
        catalogue.get("demand-gen/beat-revenue-target", locale).key_results[0],
        resolve_locale(locale),
        compact=True,
    )
    assert money_styles(goal, locale)[0] and not money_styles(goal, locale)[1]


def test_a_template_without_money_in_its_texts_needs_no_sources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the compiled catalogue's speed: restyling reads the YAML only for texts with money
    from okrkit.catalogue import _spec

    t = catalogue.get("abm/target-accounts", "zh_Hans")
    assert templates_money_style([t])  # its own style is short; the book's will be long

    def refuse() -> None:
        raise AssertionError("read the YAML sources")

    monkeypatch.setattr(_spec, "load_data", refuse)
    assert t.with_money_style(False) is t
    gift = catalogue.get("nps-reviews/most-recommended", "zh_Hans")
    assert not templates_money_style([gift])
    with pytest.raises(AssertionError, match="YAML"):
        gift.with_money_style(True)  # "US$10" is in an initiative: formatted again
