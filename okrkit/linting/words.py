"""Keyword lists and matchers for activity and vanity key results, in every language."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache

__all__ = ["ACTIVITY_WORDS", "VANITY_WORDS", "is_activity", "is_vanity"]

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
