"""Rendering rules that no translation can fix: numbers, periods, joins, errors, per locale."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sampleplan import ON, sample_plan

import okrkit
from okrkit import CheckIn, KeyResult, Objective, Plan, render
from okrkit.company import merge_plans
from okrkit.errors import OKRError
from okrkit.formatting import (
    compact_money,
    format_currency,
    format_delta,
    format_goal,
    format_list,
    format_number,
    format_percent,
    format_period,
    format_points,
    format_score,
    with_goal,
)
from okrkit.i18n import SUPPORTED, resolve_locale

PERIODS = {
    # kind: (period, {locale: expected})
    "quarter": (
        "2026-Q4",
        {
            "en": "Q4 2026",
            "sv": "K4 2026",
            "ru": "4-й квартал 2026 г.",
            "vi": "Quý 4 năm 2026",
            "zh_Hans": "2026年第4季度",
            "zh_Hant": "2026年第4季",
        },
    ),
    "half": (
        "2026-H2",
        {
            "en": "second half of 2026",
            "sv": "andra halvåret 2026",
            "ru": "второе полугодие 2026 г.",
            "vi": "nửa cuối năm 2026",
            "zh_Hans": "2026年下半年",
            "zh_Hant": "2026年下半年",
        },
    ),
    "year": (
        "2027",
        {
            "en": "2027",
            "sv": "2027",
            "ru": "2027 год",
            "vi": "năm 2027",
            "zh_Hans": "2027年",
            "zh_Hant": "2027年",
        },
    ),
    "month": (
        "2026-03",
        {
            "en": "March 2026",
            "sv": "mars 2026",
            "ru": "март 2026\u202fг.",
            "vi": "tháng 3 năm 2026",
            "zh_Hans": "2026年3月",
            "zh_Hant": "2026年3月",
        },
    ),
}


@pytest.mark.parametrize("locale", SUPPORTED)
@pytest.mark.parametrize("kind", sorted(PERIODS))
def test_every_period_kind_in_every_locale(kind: str, locale: str) -> None:
    text, expected = PERIODS[kind]
    period = okrkit.Period.parse(text)
    assert period.kind == kind
    assert format_period(period, locale) == expected[locale]


@pytest.mark.parametrize("locale", SUPPORTED)
def test_custom_periods_are_date_ranges_with_both_ends(locale: str) -> None:
    text = format_period(okrkit.Period.parse("2026-01-15..2026-04-14"), locale)
    assert "15" in text and "14" in text and "2026" in text
    assert "{" not in text


POINTS = {
    "en": "+0.6 pp",
    "sv": "+0,6 procentenheter",
    "ru": "+0,6\xa0п.\xa0п.",
    "vi": "+0,6 điểm phần trăm",
    "zh_Hans": "+0.6个百分点",
    "zh_Hant": "+0.6 個百分點",
}


@pytest.mark.parametrize("locale", SUPPORTED)
def test_percent_changes_are_percentage_points(locale: str) -> None:
    assert format_delta(20.1 - 19.5, "percent", locale) == POINTS[locale]
    minus = format_points(-3, locale)
    assert minus[0] in "-−" and "3" in minus and "%" not in minus
    assert "%" not in format_delta(-0.6, "percent", locale)


@pytest.mark.parametrize("locale", SUPPORTED)
def test_never_minus_zero(locale: str) -> None:
    for text in (
        format_score(-0.004, locale),
        format_percent(-0.04, locale),
        format_number(-0.001, locale),
        format_points(-0.04, locale),
        format_delta(-0.001, "count", locale),
        format_delta(-0.001, "currency", locale, currency="USD"),
        format_currency(-0.001, "USD", locale),
    ):
        assert not re.search(r"[-−]\s*0(?![,.]?\d*[1-9])", text), text
        assert not text.startswith(("+", "-", "−")), text


def test_never_minus_zero_in_a_dashboard() -> None:
    kr = KeyResult(id="k", title="Win rate", unit="percent", baseline=20, target=30, current=19.99)
    plan = Plan(period="2026-Q4", objectives=[Objective(id="o", title="O", key_results=[kr])])
    for locale in SUPPORTED:
        out = render(
            plan,
            "html",
            locale=locale,
            template="dashboard",
            on=dt.date(2026, 11, 1),
            policy="stretch",
        )
        assert not re.search(r"[-−]0\s?%", out), locale


GOALS = {
    "en": ("from 24 to 8 hours", "from 1,000 to 1,160", "at least 95%"),
    "sv": ("från 24 till 8 timmar", "från 1\xa0000 till 1\xa0160", "minst 95\xa0%"),
    "ru": ("с 24 до 8 часов", "с 1\xa0000 до 1\xa0160", "не менее 95\xa0%"),
    "vi": ("từ 24 xuống 8 giờ", "từ 1.000 lên 1.160", "tối thiểu 95%"),
    "zh_Hans": ("从24到8小时", "从1,000到1,160", "不低于95%"),
    "zh_Hant": ("從 24 到 8 小時", "從 1,000 到 1,160", "不低於 95%"),
}


@pytest.mark.parametrize("locale", SUPPORTED)
def test_goals_are_phrased_per_locale(locale: str) -> None:
    hours, count, floor = GOALS[locale]
    assert (
        format_goal("decrease", "duration", locale, baseline=24, target=8, duration_unit="hours")
        == hours
    )
    assert format_goal("increase", "count", locale, baseline=1000, target=1160) == count
    assert format_goal("at_least", "percent", locale, target=95) == floor


#: A goal whose target is below its baseline, as each language says it.
GOING_DOWN = {
    "en": "from 35% to 15%",
    "sv": "från 35\xa0% till 15\xa0%",
    "ru": "с 35\xa0% до 15\xa0%",
    "vi": "từ 35% xuống 15%",
    "zh_Hans": "从35%到15%",
    "zh_Hant": "從 35% 到 15%",
}


@pytest.mark.parametrize("locale", SUPPORTED)
def test_a_goal_going_down_says_so_where_the_language_does(locale: str) -> None:
    # Vietnamese says which way the number moves: "lên" up, "xuống" down.
    down = format_goal("decrease", "percent", locale, baseline=35, target=15)
    assert down == GOING_DOWN[locale]
    # The phrase follows the numbers, not the declared direction.
    assert format_goal(None, "percent", locale, baseline=35, target=15) == down
    up = format_goal("increase", "percent", locale, baseline=15, target=35)
    swapped = down.replace("35", "{a}").replace("15", "35").replace("{a}", "15")
    assert up == ("từ 15% lên 35%" if locale == "vi" else swapped)


def test_russian_duration_after_a_preposition_takes_the_genitive() -> None:
    def goal(target: float) -> str:
        return format_goal("decrease", "duration", "ru", baseline=5, target=target,
                           duration_unit="days")  # fmt: skip

    assert goal(1) == "с 5 до 1 дня"
    assert goal(2) == "с 5 до 2 дней"
    assert goal(21) == "с 5 до 21 дня"
    assert format_goal("at_most", "duration", "ru", target=2, duration_unit="days") == (
        "не более 2 дней"
    )


@pytest.mark.parametrize("locale", SUPPORTED)
def test_goal_shows_next_to_a_title_without_numbers(locale: str) -> None:
    kr = KeyResult(id="ttfr", title="Cut the median time to first response", unit="duration",
                   duration_unit="hours", baseline=24, target=8,
                   check_ins=[CheckIn(date=dt.date(2026, 10, 20), value=20)])  # fmt: skip
    day = kr.check_ins[0].date
    numbered = KeyResult(id="mql", title="Grow MQLs from 1,000 to 1,160", baseline=1000,
                         target=1160, check_ins=[CheckIn(date=day, value=1050)])  # fmt: skip
    plan = Plan(
        period="2026-Q4", objectives=[Objective(id="o", title="O", key_results=[kr, numbered])]
    )
    for fmt in ("markdown", "html", "text"):
        out = render(plan, fmt, locale=locale, template="checkin", on=dt.date(2026, 11, 1))
        assert GOALS[locale][0] in out, fmt
        # a title with its own numbers gets no second copy of them
        assert out.count(format_goal("increase", "count", locale, baseline=1000, target=1160)) <= 1


def test_one_money_style_per_document() -> None:
    assert not compact_money([800_000, 1_400_000])
    assert compact_money([2_000_000, 50_000_000])
    assert not compact_money([])
    assert compact_money([10_000, 250_000], "zh_Hant") and not compact_money([9_999], "zh_Hans")
    kr = KeyResult(id="p", title="Grow pipeline", unit="currency", currency="USD",
                   baseline=800_000, target=1_400_000)  # fmt: skip
    big = KeyResult(id="q", title="Grow bookings", unit="currency", currency="USD",
                    baseline=2_000_000, target=3_000_000)  # fmt: skip
    plan = Plan(period="2026-Q4", objectives=[Objective(id="o", title="O", key_results=[kr, big])])
    for locale in SUPPORTED:
        # Chinese writes 800,000 as "80万": 万 is a unit of its own, so short from 10,000
        short = locale.startswith("zh")
        assert compact_money([800_000, 3_000_000], locale) is short
        out = render(plan, "markdown", locale=locale, template="dashboard", on=ON)
        assert format_currency(1_400_000, "USD", locale, compact=short) in out
        assert format_currency(1_400_000, "USD", locale, compact=not short) not in out
    zh = okrkit.catalogue.get("demand-gen/beat-revenue-target", "zh_Hans")
    objective = zh.instantiate(pipeline_baseline=800_000, pipeline_target=1_400_000)
    # catalogue titles carry no numbers; the document shows them in one money style
    out = render(
        Plan(period="2026-Q4", objectives=[objective]), "markdown", locale="zh_Hans", on=ON
    )
    amounts = (800_000, 1_400_000)
    full = all(format_currency(a, "USD", "zh_Hans", compact=False) in out for a in amounts)
    short = all(format_currency(a, "USD", "zh_Hans", compact=True) in out for a in amounts)
    assert full != short, out


LISTS = {
    "en": "Q4 2026 and Q1 2027",
    "sv": "K4 2026 och K1 2027",
    "ru": "4-й квартал 2026 г. и 1-й квартал 2027 г.",
    "vi": "Quý 4 năm 2026 và Quý 1 năm 2027",
    "zh_Hans": "2026年第4季度和2027年第1季度",
    "zh_Hant": "2026年第4季和2027年第1季",
}


@pytest.mark.parametrize("locale", SUPPORTED)
def test_lists_join_the_locale_way(locale: str) -> None:
    periods = [okrkit.Period.parse("2026-Q4"), okrkit.Period.parse("2027-Q1")]
    assert format_list([format_period(p, locale) for p in periods], locale) == LISTS[locale]
    o1 = Objective(id="a", title="A", period="2026-Q4",
                   key_results=[KeyResult(id="k", title="K", baseline=0, target=1)])  # fmt: skip
    o2 = o1.model_copy(update={"id": "b", "period": periods[1]})
    plan = Plan(objectives=[o1, o2])
    for fmt in ("text", "markdown", "html"):
        assert LISTS[locale] in render(plan, fmt, locale=locale, on=ON), fmt
    company = merge_plans([("north", plan), ("south", plan)])
    for fmt in ("text", "markdown", "html"):
        assert LISTS[locale] in render(company, fmt, locale=locale, on=ON), fmt


@pytest.mark.parametrize("name", ["document", "checkin", "book", "review"])
@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_chinese_text_documents_use_full_width_punctuation(name: str, locale: str) -> None:
    if name == "book":
        out = render(okrkit.catalogue.templates(locale, area="seo"), "text", locale=locale)
    else:
        out = render(sample_plan(locale), "text", locale=locale, template=name, on=ON)
    body = re.sub(r"[A-Za-z ]+", "", out)  # Latin names (owners, teams) keep their own style
    assert not re.search(r"[\u4e00-\u9fff]: ", out), re.findall(r".{6}[\u4e00-\u9fff]: .{6}", out)
    assert "：" in body
    if name == "document":
        assert "（" in out and not re.search(r"[\u4e00-\u9fff] \(", out)


@pytest.mark.parametrize("locale", SUPPORTED)
def test_a_title_and_its_goal(locale: str) -> None:
    assert with_goal("Title", "", locale) == "Title"
    joined = with_goal("Title", "GOAL", locale)
    assert joined.startswith("Title") and joined.endswith(("GOAL", "GOAL)", "GOAL）"))
    chinese = locale.startswith("zh")
    assert joined == ("Title：GOAL" if chinese else "Title (GOAL)")


@pytest.mark.parametrize("locale", SUPPORTED)
def test_a_plain_list_has_no_conjunction(locale: str) -> None:
    joined = format_list(["X", "Y", "Z"], locale, style="plain")
    comma = "、" if locale.startswith("zh") else ", "
    assert joined == comma.join(["X", "Y", "Z"])
    assert format_list([], locale, style="plain") == ""


@pytest.mark.parametrize("locale", SUPPORTED)
def test_roles_in_the_book_are_a_plain_list(locale: str) -> None:
    templates = [t for t in okrkit.catalogue.templates(locale) if len(t.roles) > 1]
    assert templates
    t = templates[0]
    plain = format_list([r.label for r in t.roles], locale, style="plain")
    for fmt in ("text", "markdown", "html"):
        out = render([t], fmt, locale=locale)
        if fmt != "text":  # the text book has no meta line
            assert plain in out.replace("&amp;", "&"), fmt
        assert format_list([r.label for r in t.roles], locale) not in out, fmt


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_a_title_ending_in_brackets_gets_no_second_pair(locale: str, fmt: str) -> None:
    templates = okrkit.catalogue.templates(locale)
    closing = [kr.title for t in templates for kr in t.key_results if kr.title.endswith("）")]
    assert closing, "the catalogue has titles ending in full-width brackets (（NPS）)"
    book = render(templates, fmt, locale=locale)
    assert "）（" not in book
    assert sum(book.count(title + "：") for title in closing) >= len(closing)


@pytest.mark.parametrize("locale", ["en", "sv", "ru", "vi"])
def test_other_text_documents_keep_their_colon(locale: str) -> None:
    out = render(sample_plan(locale), "text", locale=locale, on=ON)
    assert "：" not in out and ": " in out


@pytest.mark.parametrize(
    ("requested", "locale", "formatting"),
    [
        ("zh-Hant-CN", "zh_Hant", "zh_Hant"),
        ("zh-Hans-TW", "zh_Hans", "zh_Hans"),
        ("zh_Hans_HK", "zh_Hans", "zh_Hans_HK"),
        ("zh-Hant-HK", "zh_Hant", "zh_Hant_HK"),
        ("zh-Hant-SG", "zh_Hant", "zh_Hant"),
    ],
)
def test_an_explicit_script_wins_over_the_region(
    requested: str, locale: str, formatting: str
) -> None:
    match = resolve_locale(requested)
    assert (match.locale, match.formatting) == (locale, formatting)


@pytest.mark.parametrize(
    ("header", "locale"),
    [
        ("zh-TW;q=abc, sv;q=0.5", "sv"),
        ("ru;q=, vi;q=0.3", "vi"),
        ("sv;q=1.5, ru;q=0.2", "ru"),
        ("de;q=0.9, $$$, zh-Hant-CN;q=0.8", "zh_Hant"),
        ("sv;q=-1, vi", "vi"),
        ("en;q=0.5;x=1, sv;q=0.4", "en"),
    ],
)
def test_a_malformed_accept_language_entry_is_skipped(header: str, locale: str) -> None:
    assert resolve_locale(header).locale == locale


def test_rendering_errors_are_translated() -> None:
    plan = sample_plan("en")
    with pytest.raises(OKRError) as info:
        render(plan, "text", template="dashboard")
    error = info.value
    assert str(error) == "template 'dashboard' comes in markdown, html, and csv, not 'text'"
    localized = {loc: error.localized(loc) for loc in SUPPORTED}
    assert len(set(localized.values())) == len(SUPPORTED)
    assert localized["sv"] == "mallen 'dashboard' finns som markdown, html och csv, inte som 'text'"
    assert localized["zh_Hans"] == "模板“dashboard”提供markdown、html和csv格式，不提供“text”格式"
    with pytest.raises(OKRError) as info:
        render(plan, "pdf")
    assert info.value.localized("ru") == (
        "неизвестный формат «pdf»; допустимые форматы: markdown, html, text или csv"
    )
    with pytest.raises(okrkit.UnknownLocaleError) as bad:
        resolve_locale("klingon")
    assert bad.value.localized("vi").startswith("ngôn ngữ 'klingon' không được hỗ trợ")


def test_an_error_without_a_message_id_localizes_to_itself() -> None:
    assert OKRError("plain").localized("sv") == "plain"


def test_plan_locale_is_validated_on_load() -> None:
    with pytest.raises(okrkit.ValidationError) as info:
        okrkit.loads("title: Q\nlocale: klingon\nobjectives: []\n", source="plan.yaml")
    message = str(info.value)
    assert message.startswith("plan.yaml:2: locale: unknown locale")
    assert "en, sv, ru, vi, zh_Hans, zh_Hant" in message and "'klingon'" in message
    with pytest.raises(okrkit.ValidationError, match="locale: unknown locale"):
        okrkit.loads("locale: 'sv, ru'\n")
    assert okrkit.loads("locale: sv-FI\n").locale == "sv-FI"  # kept as written
    assert okrkit.loads("locale: zh-TW\n").locale == "zh-TW"


@pytest.mark.parametrize("locale", SUPPORTED)
def test_plan_locale_is_the_default_for_rendering(locale: str) -> None:
    plan = sample_plan(locale).model_copy(update={"locale": locale})
    assert render(plan, "markdown", on=ON) == render(plan, "markdown", locale=locale, on=ON)
    other = "sv" if locale != "sv" else "ru"
    assert render(plan, "markdown", locale=other, on=ON) == render(
        plan.model_copy(update={"locale": None}), "markdown", locale=other, on=ON
    )


PARSED = [
    ("5,6", "sv", 5.6),
    ("5,6", "ru", 5.6),
    ("5,6", "vi", 5.6),
    ("5.6", "sv", 5.6),
    ("5.6", "vi", 5.6),
    ("1 234,5", "sv", 1234.5),
    ("1\xa0234,5", "ru", 1234.5),
    ("1.234,5", "vi", 1234.5),
    ("1.000.000", "vi", 1_000_000.0),
    ("1,234.5", "en", 1234.5),
    ("1,234.5", "zh_Hans", 1234.5),
    ("−3,5", "sv", -3.5),
    ("12", "zh_Hant", 12.0),
]


@pytest.mark.parametrize(("text", "locale", "expected"), PARSED)
def test_numbers_are_read_as_the_locale_writes_them(
    text: str, locale: str, expected: float
) -> None:
    from okrkit.formatting import parse_number

    assert parse_number(text, locale) == expected


@pytest.mark.parametrize(("text", "locale"), [("1.000", "vi"), ("5,6", "en"), ("1,2,3", "sv")])
def test_numbers_that_read_two_ways_are_refused(text: str, locale: str) -> None:
    from okrkit.formatting import parse_number

    with pytest.raises(OKRError) as info:
        parse_number(text, locale)
    assert f"'{text}'" in info.value.localized(locale)


def _spaces(text: str) -> str:
    """CLDR's no-break and narrow no-break spaces as plain spaces, for reading."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


SENTENCE_DATES = {
    "en": "October 31, 2026",
    "sv": "31 oktober 2026",
    "ru": "31 октября 2026 г.",
    "vi": "ngày 31 tháng 10 năm 2026",
    "zh_Hans": "2026年10月31日",
    "zh_Hant": "2026年10月31日",
}


@pytest.mark.parametrize("locale", sorted(SENTENCE_DATES))
def test_dates_in_sentences_read_as_running_text(locale: str) -> None:
    from okrkit.formatting import format_date

    day = dt.date(2026, 10, 31)
    assert _spaces(format_date(day, locale, format="long")) == SENTENCE_DATES[locale]
    assert "thg" not in format_date(day, locale, format="long")  # no abbreviated month


GOAL_MONEY = {
    # 800,000 -> 1,400,000 USD: one style in the line (long, as 800,000 is under a million;
    # short in Chinese, which writes amounts from 10,000 in 万)
    "en": "from $800,000 to $1,400,000",
    "sv": "från 800 000 USD till 1 400 000 USD",
    "ru": "с 800 000 $ до 1 400 000 $",
    "vi": "từ 800.000 US$ lên 1.400.000 US$",
    "zh_Hans": "从US$80万到US$140万",
    "zh_Hant": "從 US$80萬 到 US$140萬",
}


@pytest.mark.parametrize("locale", sorted(GOAL_MONEY))
def test_goal_without_compact_keeps_one_money_style(locale: str) -> None:
    goal = format_goal(
        "increase", "currency", locale, baseline=800_000, target=1_400_000, currency="USD"
    )
    assert _spaces(goal) == GOAL_MONEY[locale]
    both_big = format_goal(
        "increase", "currency", locale, baseline=2_000_000, target=5_000_000, currency="USD"
    )
    assert both_big == format_goal(
        "increase", "currency", locale, baseline=2e6, target=5e6, currency="USD", compact=True
    )


def test_swedish_money_names_foreign_currencies_by_code() -> None:
    assert format_currency(1_500_000, "USD", "sv") == "1,5\xa0mn\xa0USD"
    assert format_currency(800_000, "USD", "sv").replace("\xa0", " ") == "800 000 USD"
    assert format_currency(800_000, "CAD", "sv").replace("\xa0", " ") == "800 000 CAD"
    assert format_currency(800_000, "EUR", "sv").replace("\xa0", " ") == "800 000 €"
    assert format_currency(1_500_000, "SEK", "sv").replace("\xa0", " ") == "1,5 mn kr"
    for locale in ("en", "ru", "vi", "zh_Hans", "zh_Hant"):  # CLDR symbols stay elsewhere
        assert "USD" not in format_currency(1_500_000, "USD", locale)


@pytest.mark.parametrize("locale", sorted(SENTENCE_DATES))
def test_documents_put_the_sentence_date_in_their_sentences(locale: str) -> None:
    day = dt.date(2026, 10, 31)
    out = _spaces(
        render(sample_plan(locale), "markdown", locale=locale, template="dashboard", on=day)
    )
    assert SENTENCE_DATES[locale] in out
    assert "ngày ngày" not in out
    if locale == "vi":
        assert "Số liệu tính đến ngày 31 tháng 10 năm 2026" in out


def test_lint_sentences_write_vietnamese_dates_in_full() -> None:
    from okrkit.formatting import format_date

    day = dt.date(2027, 1, 10)
    assert _spaces(format_date(day, "vi", format="sentence")) == "ngày 10 tháng 1 năm 2027"
    for locale in ("en", "sv", "ru", "zh_Hans", "zh_Hant"):  # medium reads well there
        assert format_date(day, locale, format="sentence") == format_date(day, locale)
