"""Lint OKRs against the OKR method: find what makes a plan hard to steer, and say how to fix it.

:func:`lint` checks a :class:`~okrkit.Plan`, :class:`~okrkit.Objective` or
:class:`~okrkit.KeyResult` and returns :class:`Finding` objects sorted by
severity (``error``, ``warning``, ``info``), then path. Each finding names its
rule (a stable kebab-case id from :data:`RULES`), where it is (``path`` such as
``objectives[seo].key_results[page-one]``, built from ids) and a one-sentence
message, in the requested locale, that says what is wrong and how to fix it.

Rules apply at three scopes: ``plan`` rules (objective counts, alignment) need
the whole plan and are skipped when a lone objective or key result is linted;
``objective`` rules are skipped for a lone key result. Rules are disabled per
plan (``lint: {disable: [...]}`` in the plan file) or per call (``disable=``).

>>> from okrkit import KeyResult
>>> kr = KeyResult(id="blog", title="Publish 12 blog posts a month", baseline=4, target=12,
...                source="CMS", cadence="monthly", owner="Ana")
>>> [f.rule for f in lint(kr)]
['activity-as-result']
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from gettext import NullTranslations
from typing import Literal, TypeAlias

from okrkit.errors import OKRError
from okrkit.formatting import (
    format_date,
    format_duration,
    format_number,
    format_percent,
    format_period,
    format_score,
)
from okrkit.i18n import LocaleMatch, resolve_locale, translations
from okrkit.measure import lint as measure_lint
from okrkit.model import CADENCE_DAYS, KeyResult, Objective, Plan, check_in_window, is_external
from okrkit.period import Period

__all__ = [
    "ACTIVITY_WORDS",
    "RULES",
    "VANITY_WORDS",
    "Finding",
    "Rule",
    "Severity",
    "is_activity",
    "is_vanity",
    "lint",
    "rules",
]

Severity: TypeAlias = Literal["error", "warning", "info"]
Scope: TypeAlias = Literal["plan", "objective", "key_result"]

_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
_SCOPE_LEVEL = {"plan": 0, "objective": 1, "key_result": 2}


def N_(s: str) -> str:
    """Mark ``s`` for extraction into the message catalogue; translated at call time."""
    return s


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: which ``rule``, how bad, where (``path``, ``ref``) and what to do."""

    rule: str
    severity: Severity
    path: str
    message: str
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """A lint rule: its stable ``id``, ``severity``, ``scope`` and an English ``summary`` msgid."""

    id: str
    severity: Severity
    summary: str
    scope: Scope

    def describe(self, locale: str | LocaleMatch = "en") -> str:
        """The summary in ``locale``."""
        return translations(locale).gettext(self.summary)


#: Every rule by id, in the order the method introduces them.
RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("objective-count", "warning", scope="plan",
             summary=N_("Three to five objectives per team and period")),
        Rule("no-key-results", "error", scope="objective",
             summary=N_("Every objective has key results")),
        Rule("key-result-count", "warning", scope="objective",
             summary=N_("Two to five key results per objective")),
        Rule("milestone-heavy", "warning", scope="objective",
             summary=N_("At least one key result is a metric")),
        Rule("not-time-bound", "warning", scope="objective",
             summary=N_("Every objective has a period")),
        Rule("percent-over-100", "warning", scope="key_result",
             summary=N_("Percentages stay within 100 %")),
        Rule("activity-as-result", "warning", scope="key_result",
             summary=N_("Key results measure outcomes, not activities")),
        Rule("vanity-metric", "warning", scope="key_result",
             summary=N_("Key results avoid vanity metrics")),
        Rule("no-owner", "warning", scope="key_result",
             summary=N_("Every objective and key result has an owner")),
        Rule("no-source", "warning", scope="key_result",
             summary=N_("Every key result names its data source")),
        Rule("no-cadence", "warning", scope="key_result",
             summary=N_("Every key result has a check-in cadence")),
        Rule("unaligned-team-objective", "warning", scope="plan",
             summary=N_("Team objectives align to a company objective")),
        Rule("alignment-period-mismatch", "warning", scope="plan",
             summary=N_("Objectives align within their period")),
        Rule("stale-check-in", "warning", scope="key_result",
             summary=N_("Check-ins keep to the cadence")),
        Rule("check-in-outside-period", "warning", scope="key_result",
             summary=N_("Check-ins are dated within their period and not in the future")),
        Rule("confidence-falling", "warning", scope="key_result",
             summary=N_("Falling confidence is not hidden by an on-track status")),
        Rule("title-numbers", "warning", scope="key_result",
             summary=N_("Numbers in a title agree with the baseline and target")),
        Rule("measure-connection", "error", scope="plan",
             summary=N_("Measured key results use connections the plan defines")),
        Rule("measure-cadence", "warning", scope="key_result",
             summary=N_("A measured key result's cadence is one its source can meet")),
        Rule("no-reporter", "info", scope="key_result",
             summary=N_("Someone reports each key result's number, or it measures itself")),
    )
}  # fmt: skip


def rules() -> list[Rule]:
    """Every rule, in the order of :data:`RULES`."""
    return list(RULES.values())


# -- keyword lists for activity and vanity key results -------------------------------------
# Regex fragments, matched case-insensitively on the NFC-normalised title. Every language's
# lists are tried on every title: plans mix languages and a title does not record its own.

#: Activity counts: an output verb, a count, then an output noun ("Publish 12 blog posts",
#: "Run 30 A/B tests"), or a count, an output noun and a participle ("5,000 emails sent").
ACTIVITY_WORDS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "en": {
        "verbs": ("publish", "write", "post", "run", "send", "launch", "hold", "host", "make",
                  "do", "conduct", "create", "produce", "organi[sz]e", "ship"),
        "counts": ("a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight",
                   "nine", "ten", "twelve", "twenty", "fifty", "a dozen", "every"),
        "qualifiers": ("at least", "more than", "over"),
        "nouns": ("blog posts?", "posts?", "articles?", "blogs?", "tweets?", "videos?", "episodes?",
                  "newsletters?", "e-?mails?", "mailings?", "campaigns?", "webinars?", "events?",
                  "a/b tests?", "tests?", "experiments?", "meetings?", "calls?", "ads?",
                  "press releases?", "pages?"),
        "done": ("sent", "published", "posted", "run", "held", "launched", "made", "written",
                 "hosted", "created", "produced", "conducted", "done"),
    },
    "sv": {
        "verbs": ("publicera", "skriv(?:a)?", "posta", "kör(?:a)?", "genomför(?:a)?", "skicka",
                  "lansera", "håll(?:a)?", "arrangera", "gör(?:a)?", "ring(?:a)?", "producera",
                  "skapa", "anordna"),
        "counts": ("en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
                   "tolv", "tjugo"),
        "qualifiers": ("minst", "över", "fler än"),
        "nouns": (r"\w*inlägg", r"\w*artik(?:el|lar)", r"a/b-test(?:er)?", r"\w*test(?:er)?",
                  "experiment", r"\w*mejl", r"\w*utskick", "e-post", r"\w*nyhetsbrev",
                  r"\w*kampanj(?:er)?", r"webb?inari(?:um|er)", "evenemang", r"\w*event",
                  r"\w*möten", r"\w*möte", r"\w*samtal", r"\w*video(?:r)?", r"\w*film(?:er)?",
                  r"\w*annons(?:er)?", r"pressmeddelanden?", "avsnitt"),
        "done": ("publicerade", "skickade", "genomförda", "lanserade", "hållna", "gjorda",
                 "körda", "skrivna", "postade"),
    },
    "ru": {
        "verbs": ("опубликовать", "публиковать", "опубликуйте", "публикация", "выпустить",
                  "выпускать", "написать", "писать", "провести", "проводить", "проведите",
                  "проведение", "запустить", "запускать", "запустите", "запуск", "отправить",
                  "отправлять", "отправьте", "отправка", "разослать", "рассылать",
                  "организовать", "сделать", "совершить", "совершать", "снять", "снимать"),
        "counts": ("один", "одну", "одна", "два", "две", "три", "четыре", "пять", "шесть",
                   "семь", "восемь", "девять", "десять", "двенадцать", "двадцать"),
        "qualifiers": ("не менее", "не меньше", "минимум", "более", "свыше"),
        "nouns": (r"пост(?:ов|а|ы)?", r"публикаци\w*", r"стат(?:ей|ьи|ья|ью)", r"a/b-тест\w*",
                  r"тест\w*", r"эксперимент\w*", "писем", r"письм\w*", r"e-?mail\w*",
                  r"имейл\w*", r"рассыл(?:ок|ки|ка)", r"вебинар\w*", r"кампани\w*",
                  r"мероприяти\w*", r"встреч\w*", r"звонк\w*", "звонок", "видео", r"ролик\w*",
                  r"объявлени\w*", r"пресс-релиз\w*", r"эпизод\w*"),
        "done": (r"опубликован\w*", r"отправлен\w*", r"провед[её]н\w*", r"запущен\w*",
                 r"написан\w*", r"сделан\w*"),
    },
    "vi": {
        "verbs": ("đăng(?! ký)(?: tải)?", "xuất bản", "viết", "chạy", "thực hiện", "tiến hành",
                  "gửi", "ra mắt", "triển khai", "tổ chức", "gọi", "sản xuất"),
        "counts": ("một", "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười"),
        "qualifiers": ("ít nhất", "tối thiểu", "hơn"),
        "nouns": ("bài viết", "bài blog", "bài đăng", "bài kiểm tra", "blog", "thử nghiệm",
                  "kiểm thử", "a/b test", "email", "thư", "bản tin", "chiến dịch",
                  "hội thảo(?: trực tuyến)?", "webinar", "sự kiện", "cuộc họp", "buổi họp",
                  "cuộc gọi", "video", "quảng cáo", "thông cáo báo chí", "tập"),
        "done": ("đã gửi", "đã đăng", "đã xuất bản", "đã chạy", "đã tổ chức", "đã thực hiện"),
    },
    "zh_Hans": {
        "verbs": ("发布", "发表", "撰写", "写", "发", "进行", "开展", "做", "运行", "发送", "群发",
                  "推出", "上线", "发起", "举办", "举行", "召开", "拨打", "投放", "制作", "策划"),
        "qualifiers": ("至少", "不少于", "超过"),
        "nouns": ("博客文章", "博客", "博文", "文章", "帖子", "帖文", "推文", "贴文", "A/B测试",
                  "测试", "实验", "会议", "电话", "电子邮件", "邮件", "新闻通讯", "网络研讨会",
                  "线上研讨会", "研讨会", "营销活动", "活动", "视频", "广告", "新闻稿"),
    },
    "zh_Hant": {
        "verbs": ("發布", "發佈", "發表", "撰寫", "寫", "發", "進行", "執行", "做", "發送", "群發",
                  "推出", "上線", "發起", "舉辦", "舉行", "召開", "撥打", "投放", "製作", "策劃"),
        "qualifiers": ("至少", "不少於", "超過"),
        "nouns": ("部落格文章", "部落格", "網誌", "文章", "貼文", "推文", "A/B測試", "測試",
                  "實驗", "會議", "電話", "電子郵件", "郵件", "電子報", "網路研討會",
                  "線上研討會", "研討會", "行銷活動", "活動", "影片", "廣告", "新聞稿"),
    },
}  # fmt: skip

#: Vanity metrics, and outcome words whose presence links the title to pipeline or revenue.
VANITY_WORDS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "en": {
        "vanity": ("followers?", "likes", "fans", "impressions", "page ?views", "views",
                   "reactions", "retweets"),
        "outcome": ("leads?", "pipeline", "revenue", "sales", "customers?", r"conver\w*",
                    "sign-?ups?", "trials?", "demos?", r"opportunit\w*", "deals?", "mqls?",
                    "sqls?", "bookings?", "purchases?", "orders?"),
    },
    "sv": {
        "vanity": (r"\w*följar(?:e|na)", r"gilla-?markering\w*", "likes", r"\w*visningar\w*",
                   r"exponering\w*", r"reaktioner\w*", "fans"),
        "outcome": (r"\w*leads?", r"\w*pipeline\w*", r"\w*intäkt\w*", r"omsättning\w*",
                    r"\w*försäljning\w*", r"\w*kund\w*", r"konverter\w*", r"registrering\w*",
                    r"provperiod\w*", r"demo\w*", r"\w*affär\w*", r"mql\w*", r"sql\w*",
                    r"bokning\w*", r"köp\w*", r"order\w*"),
    },
    "ru": {
        "vanity": (r"лайк\w*", r"фолловер\w*", r"показ(?:ы|ов|ам|ами)", r"просмотр\w*",
                   r"реакци\w*",
                   r"подписчик\w*\s+(?:\S+\s+){0,2}?(?:соц\w*|instagram|инстаграм\w*|telegram|"
                   r"телеграм\w*|youtube|ютуб\w*|вконтакте|tiktok|тикток\w*|linkedin)",
                   r"(?:соц\w*|instagram|инстаграм\w*|telegram|телеграм\w*|youtube|ютуб\w*|"
                   r"вконтакте|tiktok|тикток\w*|linkedin)\s+(?:\S+\s+){0,2}?подписчик\w*"),
        "outcome": (r"лид\w*", r"воронк\w*", r"пайплайн\w*", r"выручк\w*", r"доход\w*",
                    r"продаж\w*", r"клиент\w*", r"конверси\w*", r"регистраци\w*", r"демо\w*",
                    r"сделк\w*", r"mql\w*", r"sql\w*", r"заявк\w*", r"покуп\w*", r"заказ\w*"),
    },
    "vi": {
        "vanity": ("người theo dõi", "lượt theo dõi", "lượt thích", "lượt like", "người hâm mộ",
                   "lượt hiển thị", "lượt xem(?: trang)?", "lượt bày tỏ cảm xúc"),
        "outcome": ("khách hàng", "lead", "pipeline", "doanh thu", "doanh số", "bán hàng",
                    "chuyển đổi", "đăng ký", "dùng thử", "demo", "cơ hội", "hợp đồng", "mql",
                    "sql", "đơn hàng"),
    },
    "zh_Hans": {
        "vanity": ("粉丝", "关注者", "关注数", "点赞", "曝光", "展示次数", "浏览量", "页面浏览",
                   "阅读量", "阅读数", "观看次数", "播放量"),
        "outcome": ("线索", "潜在客户", "销售管道", "商机", "收入", "营收", "销售额", "转化",
                    "客户", "注册", "试用", "演示", "成交", "赢单", "订单", "MQL", "SQL"),
    },
    "zh_Hant": {
        "vanity": ("粉絲", "追蹤者", "追蹤數", "按讚", "讚數", "曝光", "瀏覽量", "瀏覽次數",
                   "頁面瀏覽", "閱讀量", "觀看次數", "播放次數", "播放量"),
        "outcome": ("名單", "潛在客戶", "商機", "營收", "收入", "業績", "轉換", "客戶", "註冊",
                    "試用", "Demo", "示範", "成交", "訂單", "MQL", "SQL"),
    },
}  # fmt: skip

_UNSPACED = ("zh_Hans", "zh_Hant")
_NUMBER = r"\d(?:[\d.,'\s]*\d)?"
_ZH_NUMBER = r"(?:\d(?:[\d.,，\s]*\d)?|[一二两兩三四五六七八九十百千万萬]+)"


def _alt(words: Iterable[str]) -> str:
    return "(?:" + "|".join(words) + ")"


@cache
def _activity_patterns() -> tuple[re.Pattern[str], ...]:
    out = []
    for lang, w in ACTIVITY_WORDS.items():
        verbs, nouns, quals = _alt(w["verbs"]), _alt(w["nouns"]), _alt(w["qualifiers"])
        if lang in _UNSPACED:
            out.append(rf"{verbs}[\s了]*(?:{quals}\s*)?{_ZH_NUMBER}[^，。；,;\d]{{0,8}}?{nouns}")
            continue
        count = _alt((_NUMBER, *w["counts"]))
        words = r"(?:\s+\S+){0,3}?\s+(?:\S*[-/])?"
        out.append(rf"(?<!\w){verbs}\s+(?:{quals}\s+)?{count}{words}{nouns}(?!\w)")
        out.append(rf"(?<![\w.,]){_NUMBER}{words}{nouns}\s+{_alt(w['done'])}(?!\w)")
    return tuple(re.compile(unicodedata.normalize("NFC", p), re.I) for p in out)


@cache
def _vanity_patterns() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    out = []
    for lang, w in VANITY_WORDS.items():
        edge = ("", "") if lang in _UNSPACED else (r"(?<!\w)", r"(?!\w)")
        vanity = edge[0] + _alt(w["vanity"]) + edge[1]
        outcome = edge[0] + _alt(w["outcome"]) + edge[1]
        out.append((re.compile(vanity, re.I), re.compile(outcome, re.I)))
    return tuple(out)


def _normal(title: str) -> str:
    return unicodedata.normalize("NFC", title)


def is_activity(title: str) -> bool:
    """Whether ``title`` counts outputs (posts, tests, emails...) rather than outcomes."""
    text = _normal(title)
    return any(p.search(text) for p in _activity_patterns())


def is_vanity(title: str) -> bool:
    """Whether ``title`` tracks a vanity metric with no outcome word next to it."""
    text = _normal(title)
    return any(v.search(text) and not o.search(text) for v, o in _vanity_patterns())


# -- the lint context and rules ------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class _Context:
    plan: Plan
    on: dt.date
    match: LocaleMatch
    lone_kr: bool

    @property
    def t(self) -> NullTranslations:
        return translations(self.match)

    def say(self, msgid: str, **values: object) -> str:
        """Translate ``msgid`` and fill its ``{placeholders}``."""
        return self.fill(self.t.gettext(msgid), **values)

    def say_n(self, text: str, n: int, **values: object) -> str:
        """Fill a message from ``self.t.ngettext(...)`` with ``n`` and ``values``."""
        return self.fill(text, n=format_number(n, self.match), **values)

    @staticmethod
    def fill(text: str, **values: object) -> str:
        return _PLACEHOLDER.sub(lambda m: str(values.get(m[1], m[0])), text)

    def path(self, objective: Objective, kr: KeyResult | None = None) -> str:
        if kr is not None and self.lone_kr:
            return f"key_results[{kr.id}]"
        head = f"objectives[{objective.id}]"
        return head if kr is None else f"{head}.key_results[{kr.id}]"

    def key_results(self) -> Iterator[tuple[Objective, KeyResult]]:
        for objective in self.plan.objectives:
            for kr in objective.key_results:
                yield objective, kr

    def period(self, value: Period | None) -> str:
        return format_period(value, self.match) if value is not None else ""


Check: TypeAlias = Callable[[_Context], Iterator[tuple[str, str, str | None]]]
"""A rule's check yields ``(path, message, ref)`` for each problem."""


def _objective_count(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    groups: dict[tuple[str | None, dt.date, dt.date], tuple[Period, int]] = {}
    for objective in ctx.plan.objectives:
        period = ctx.plan.period_of(objective)
        if period is not None:  # objectives without a period: see not-time-bound
            key = (objective.team, period.start, period.end)
            groups[key] = (period, groups.get(key, (period, 0))[1] + 1)
    ngettext = ctx.t.ngettext
    for (team, _, _), (period, n) in groups.items():
        if 3 <= n <= 5:
            continue
        if team is not None and n < 3:
            text = ngettext(
                "Team {team} has only {n} objective for {period}; add objectives until it has "
                "three to five that cover what matters most this period.",
                "Team {team} has only {n} objectives for {period}; add objectives until it has "
                "three to five that cover what matters most this period.",
                n,
            )
        elif team is not None:
            text = ngettext(
                "Team {team} has {n} objective for {period}; keep the three to five that "
                "matter most and postpone the rest.",
                "Team {team} has {n} objectives for {period}; keep the three to five that "
                "matter most and postpone the rest.",
                n,
            )
        elif n < 3:
            text = ngettext(
                "The plan has only {n} objective without a team for {period}; add objectives "
                "until it has three to five, or set team on objectives that belong to a team.",
                "The plan has only {n} objectives without a team for {period}; add objectives "
                "until it has three to five, or set team on objectives that belong to a team.",
                n,
            )
        else:
            text = ngettext(
                "The plan has {n} objective without a team for {period}; keep the three to "
                "five that matter most, or set team on objectives that belong to a team.",
                "The plan has {n} objectives without a team for {period}; keep the three to "
                "five that matter most, or set team on objectives that belong to a team.",
                n,
            )
        yield "objectives", ctx.say_n(text, n, team=team, period=ctx.period(period)), None


def _no_key_results(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective in ctx.plan.objectives:
        if not objective.key_results:
            message = ctx.say(
                N_(
                    "Objective {objective} has no key results; add two to five measurable key "
                    "results that show when it is met."
                ),
                objective=objective.id,
            )
            yield ctx.path(objective), message, objective.id


def _key_result_count(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective in ctx.plan.objectives:
        n = len(objective.key_results)
        if n == 1:
            text = ctx.t.ngettext(
                "Objective {objective} has only {n} key result; add one to four more so that "
                "progress does not hang on a single number.",
                "Objective {objective} has only {n} key results; add one to four more so that "
                "progress does not hang on a single number.",
                n,
            )
        elif n > 5:
            text = ctx.t.ngettext(
                "Objective {objective} has {n} key result; keep the two to five that best "
                "show it is met and make the rest initiatives.",
                "Objective {objective} has {n} key results; keep the two to five that best "
                "show it is met and make the rest initiatives.",
                n,
            )
        else:
            continue
        yield ctx.path(objective), ctx.say_n(text, n, objective=objective.id), objective.id


def _milestone_heavy(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective in ctx.plan.objectives:
        krs = objective.key_results
        if krs and all(kr.kind == "milestone" for kr in krs):
            message = ctx.say(
                N_(
                    "Every key result of objective {objective} is a milestone, so progress is "
                    "only done or not done; turn at least one into a metric with a baseline and "
                    "a target."
                ),
                objective=objective.id,
            )
            yield ctx.path(objective), message, objective.id


def _not_time_bound(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    example = f"{ctx.on.year}-Q{(ctx.on.month - 1) // 3 + 1}"
    for objective in ctx.plan.objectives:
        if ctx.plan.period_of(objective) is None:
            message = ctx.say(
                N_(
                    "Objective {objective} has no period and neither has the plan; set period "
                    "(such as {example}) on the objective or on the plan."
                ),
                objective=objective.id,
                example=example,
            )
            yield ctx.path(objective), message, objective.id


#: Metrics whose percentages can exceed 100 (returns and growth rates).
_UNBOUNDED_PERCENT = frozenset({"romi", "growth_rate"})


def _percent_over_100(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective, kr in ctx.key_results():
        if kr.unit != "percent" or kr.metric in _UNBOUNDED_PERCENT:
            continue
        if kr.baseline is not None and kr.baseline > 100:
            continue  # measured above 100 already: a rate that can exceed it (ROMI, NRR)
        for name in ("baseline", "target", "target_min", "target_max", "current"):
            value = getattr(kr, name)
            if value is not None and value > 100:
                message = ctx.say(
                    N_(
                        "Key result {kr} is a percentage but its {field} is {value}, and a share "
                        "cannot exceed {limit}; correct the number, or, if this is a growth or "
                        "return rate that can, set metric to growth_rate or romi."
                    ),
                    kr=kr.id,
                    field=name,
                    value=format_percent(value, ctx.match),
                    limit=format_percent(100, ctx.match),
                )
                yield ctx.path(objective, kr), message, kr.id
                break


def _activity_as_result(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective, kr in ctx.key_results():
        if is_activity(kr.title):
            message = ctx.say(
                # Translators: {title} is the key result's title as its author wrote it.
                N_(
                    'Key result {kr} ("{title}") counts an activity, not a result; make it an '
                    "initiative and measure the outcome it should bring, such as leads, "
                    "pipeline or a conversion rate."
                ),
                kr=kr.id,
                title=kr.title,
            )
            yield ctx.path(objective, kr), message, kr.id


def _vanity_metric(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective, kr in ctx.key_results():
        if is_vanity(kr.title):
            message = ctx.say(
                # Translators: {title} is the key result's title as its author wrote it.
                N_(
                    'Key result {kr} ("{title}") tracks a vanity metric with no link to '
                    "pipeline or revenue; measure the outcome it should bring instead, such as "
                    "leads, pipeline or a conversion rate."
                ),
                kr=kr.id,
                title=kr.title,
            )
            yield ctx.path(objective, kr), message, kr.id


def _no_owner(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective in ctx.plan.objectives:
        if objective.owner or ctx.lone_kr:
            continue
        message = ctx.say(
            N_("Objective {objective} has no owner; set owner to the person accountable for it."),
            objective=objective.id,
        )
        yield ctx.path(objective), message, objective.id
    for objective, kr in ctx.key_results():
        if kr.owner or objective.owner:
            continue
        if ctx.lone_kr:
            msgid = N_("Key result {kr} has no owner; set owner to the person who reports on it.")
        else:
            msgid = N_(
                "Key result {kr} has no owner and neither has its objective; set owner on the "
                "objective or on the key result."
            )
        yield ctx.path(objective, kr), ctx.say(msgid, kr=kr.id), kr.id


def _no_source(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective, kr in ctx.key_results():
        if not kr.source and kr.measure is None:  # a measure block is a source
            message = ctx.say(
                N_(
                    "Key result {kr} has no data source; set source to where its number comes "
                    "from, such as the CRM, web analytics or the survey tool."
                ),
                kr=kr.id,
            )
            yield ctx.path(objective, kr), message, kr.id


def _no_cadence(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective, kr in ctx.key_results():
        if kr.cadence is None:
            message = ctx.say(
                N_(
                    "Key result {kr} has no check-in cadence; set cadence to weekly, biweekly "
                    "or monthly so that progress is reported at least once a month."
                ),
                kr=kr.id,
            )
            yield ctx.path(objective, kr), message, kr.id


def _company_objectives(plan: Plan) -> list[Objective]:
    """Roots that others align to, and roots without a team."""
    return [o for o in plan.roots() if o.parent is None and (plan.children(o) or o.team is None)]


def _unaligned_team_objective(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    company = _company_objectives(ctx.plan)
    if not company:
        return
    from babel.lists import format_list

    choices = format_list([o.id for o in company], style="or", locale=ctx.match.babel)
    company_ids = {o.id for o in company}
    for objective in ctx.plan.roots():
        if objective.team is None or objective.id in company_ids or objective.parent is not None:
            continue
        message = ctx.say(
            N_(
                "Objective {objective} of team {team} aligns to no company objective; set "
                "parent to the one it serves: {choices}."
            ),
            objective=objective.id,
            team=objective.team,
            choices=choices,
        )
        yield ctx.path(objective), message, objective.id


def _alignment_period_mismatch(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective in ctx.plan.objectives:
        if objective.parent is None or is_external(objective.parent):
            continue
        parent = ctx.plan.objective(objective.parent)
        mine, theirs = ctx.plan.period_of(objective), ctx.plan.period_of(parent)
        if mine is None or theirs is None:
            continue
        if theirs.start <= mine.start and mine.end <= theirs.end:
            continue  # a quarter aligned to its year is fine
        message = ctx.say(
            N_(
                "Objective {objective} is for {period} but aligns to {parent}, which is for "
                "{parent_period}; align it to an objective whose period covers {period}, or "
                "correct one of the periods."
            ),
            objective=objective.id,
            period=ctx.period(mine),
            parent=parent.id,
            parent_period=ctx.period(theirs),
        )
        yield ctx.path(objective), message, objective.id


def _stale_check_in(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective, kr in ctx.key_results():
        period = ctx.plan.period_of(objective)
        if period is None or kr.cadence is None or not period.start <= ctx.on <= period.end:
            continue
        if kr.kind == "milestone" and kr.done_on(ctx.on):
            continue
        latest = kr.latest_check_in(ctx.on)
        since = period.start if latest is None else max(latest.date, period.start)
        days = (ctx.on - since).days
        allowed = CADENCE_DAYS[kr.cadence]
        if days > allowed:
            message = ctx.say(
                # Translators: {elapsed} and {allowed} are durations such as "12 days".
                N_(
                    "Key result {kr} has had no check-in since {date} ({elapsed}), longer than "
                    "its cadence allows ({allowed}); record a check-in with the current value "
                    "and your confidence."
                ),
                kr=kr.id,
                date=format_date(since, ctx.match),
                elapsed=format_duration(days, "days", ctx.match),
                allowed=format_duration(allowed, "days", ctx.match),
            )
            yield ctx.path(objective, kr), message, kr.id


def _confidence_falling(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    from okrkit.scoring import Status, score

    for objective, kr in ctx.key_results():
        rated = [c for c in kr.check_ins_on(ctx.on) if c.confidence is not None]
        if len(rated) < 2:
            continue
        before, after = rated[-2].confidence, rated[-1].confidence
        assert before is not None and after is not None
        if before - after < 0.2 - 1e-9:
            continue
        period = ctx.plan.period_of(objective)
        if score(kr, on=ctx.on, period=period).status is not Status.ON_TRACK:
            continue
        message = ctx.say(
            N_(
                "Key result {kr} is on track by its numbers, but its owner's confidence fell "
                "from {before} to {after}; ask the owner what changed and adjust the plan or "
                "the target."
            ),
            kr=kr.id,
            before=format_score(before, ctx.match),
            after=format_score(after, ctx.match),
        )
        yield ctx.path(objective, kr), message, kr.id


def _title_numbers(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    from okrkit._title_numbers import disagreement
    from okrkit.formatting import format_value

    written_in = ctx.plan.locale or ctx.match  # titles are in the plan's language
    for objective, kr in ctx.key_results():
        found = disagreement(kr, written_in)
        if found is None:
            continue

        def shown(value: float, kr: KeyResult = kr) -> str:
            return format_value(
                value, kr.unit, ctx.match, currency=kr.currency, duration_unit=kr.duration_unit
            )

        message = ctx.say(
            # Translators: {field} is the field name as written in the plan file
            # (target, baseline); {said} is the number the title shows.
            N_(
                "The title of key result {kr} says {said}, but its {field} is {value}; correct "
                "the title, or take the numbers out of it: documents show the baseline and "
                "target next to the title."
            ),
            kr=kr.id,
            said=shown(found.said),
            field=found.field,
            value=shown(found.value),
        )
        yield ctx.path(objective, kr), message, kr.id


def _check_in_dates(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective, kr in ctx.key_results():
        period = ctx.plan.period_of(objective)
        for check_in in kr.check_ins:
            day = check_in.date
            if period is not None:
                first, last = check_in_window(period)
                if not first <= day <= last:
                    message = ctx.say(
                        N_(
                            "Key result {kr} has a check-in dated {date}, outside its period "
                            "{period} (check-ins count from {first} to {last}); correct the "
                            "date, or record it in the plan of the period it belongs to."
                        ),
                        kr=kr.id,
                        date=format_date(day, ctx.match),
                        period=ctx.period(period),
                        first=format_date(first, ctx.match),
                        last=format_date(last, ctx.match),
                    )
                    yield ctx.path(objective, kr), message, kr.id
                    continue
            if day > ctx.on:
                message = ctx.say(
                    N_(
                        "Key result {kr} has a check-in dated {date}, after {on}; it does not "
                        "count until that day, so correct the date if it is a typo."
                    ),
                    kr=kr.id,
                    date=format_date(day, ctx.match),
                    on=format_date(ctx.on, ctx.match),
                )
                yield ctx.path(objective, kr), message, kr.id


_CHECKS: dict[str, Check] = {
    "objective-count": _objective_count,
    "no-key-results": _no_key_results,
    "key-result-count": _key_result_count,
    "milestone-heavy": _milestone_heavy,
    "not-time-bound": _not_time_bound,
    "percent-over-100": _percent_over_100,
    "activity-as-result": _activity_as_result,
    "vanity-metric": _vanity_metric,
    "no-owner": _no_owner,
    "no-source": _no_source,
    "no-cadence": _no_cadence,
    "unaligned-team-objective": _unaligned_team_objective,
    "alignment-period-mismatch": _alignment_period_mismatch,
    "stale-check-in": _stale_check_in,
    "check-in-outside-period": _check_in_dates,
    "confidence-falling": _confidence_falling,
    "title-numbers": _title_numbers,
    "measure-connection": measure_lint.check_connections,
    "measure-cadence": measure_lint.check_cadence,
    "no-reporter": measure_lint.check_reporter,
}


def _check_ids(ids: Iterable[str], where: str) -> set[str]:
    wanted = {ids} if isinstance(ids, str) else set(ids)
    unknown = sorted(wanted - set(RULES))
    if unknown:
        raise OKRError(
            f"{where}: unknown lint rule id(s) {', '.join(map(repr, unknown))}; "
            f"expected one of: {', '.join(RULES)}"
        )
    return wanted


def lint(
    item: Plan | Objective | KeyResult,
    *,
    locale: str | LocaleMatch = "en",
    on: dt.date | None = None,
    disable: Iterable[str] = (),
) -> list[Finding]:
    """Check ``item`` against every enabled rule; findings sorted by severity, then path.

    ``locale`` picks the language of the messages (and of the numbers and dates in
    them), ``on`` (default today) is the date time-based rules judge by, ``disable``
    lists rule ids to skip on top of the plan's ``lint.disable``. Unknown rule ids
    raise :class:`~okrkit.OKRError` listing the valid ones.
    """
    match = resolve_locale(locale)
    disabled = _check_ids(disable, "disable")
    if isinstance(item, Plan):
        plan, level = item, _SCOPE_LEVEL["plan"]
        if item.lint is not None:
            disabled |= _check_ids(item.lint.disable, "lint.disable")
    elif isinstance(item, Objective):
        plan, level = Plan(objectives=[item]), _SCOPE_LEVEL["objective"]
    elif isinstance(item, KeyResult):
        holder = Objective(id="key-result", title=item.title, key_results=[item])
        plan, level = Plan(objectives=[holder]), _SCOPE_LEVEL["key_result"]
    else:
        raise TypeError(f"cannot lint {type(item).__name__}; expected Plan, Objective or KeyResult")
    ctx = _Context(plan, on or dt.date.today(), match, lone_kr=isinstance(item, KeyResult))
    findings = [
        Finding(rule.id, rule.severity, path, message, ref)
        for rule in RULES.values()
        if rule.id not in disabled and _SCOPE_LEVEL[rule.scope] >= level
        for path, message, ref in _CHECKS[rule.id](ctx)
    ]
    return sorted(findings, key=lambda f: (_SEVERITY_RANK[f.severity], f.path, f.rule))
