"""The hostile corpus: plan files a careless user or an attacker might hand to okrkit.

Each case is a file name, its bytes, and what the one-line error must say:
the line (or ``None`` where the problem has no single line) and the field path.
Used by tests/test_hostile.py (through the real CLI) and benchmarks/bench_hostile.py.
"""

from __future__ import annotations

from dataclasses import dataclass

KR = (
    "objectives:\n"
    "  - id: o\n"
    "    title: Grow\n"
    "    key_results:\n"
    "      - id: k\n"
    "        title: SQLs\n"
    "        baseline: 1\n"
    "        target: 9\n"
)


@dataclass(frozen=True)
class Case:
    """One hostile input and the error it must produce."""

    name: str
    filename: str
    data: bytes
    says: str
    line: int | None = None
    field: str | None = None
    command: str = "score"


def _kr(extra: str = "", **replace: str) -> str:
    text = KR
    for old, new in replace.items():
        text = text.replace(old.replace("_", " ") + ":", new, 1)
    return text + extra


def _laughs(levels: int = 9, width: int = 10) -> str:
    lines = ["lol0: &l0 {date: 2026-01-05, value: 2}"]
    for n in range(1, levels):
        refs = ", ".join(f"*l{n - 1}" for _ in range(width))
        lines.append(f"lol{n}: &l{n} [{refs}]")
    return "\n".join(lines) + "\n" + KR + f"        check_ins: *l{levels - 1}\n"


def cases() -> list[Case]:
    """Every case of the corpus (built fresh: some are megabytes)."""
    check_in = "        check_ins:\n          - {{date: {date}, value: 2}}\n"
    return [
        Case("impossible day", "day.yaml", (KR + check_in.format(date="2026-02-30")).encode(),
             "is not a real date: 2026-02 has 28 days", 10, "key_results[0].check_ins[0].date"),
        Case("impossible month", "month.yaml", (KR + check_in.format(date="2026-13-01")).encode(),
             "expected a date written YYYY-MM-DD", 10, "check_ins[0].date"),
        Case("float id", "float-id.yaml", KR.replace("id: o", "id: 1.5").encode(),
             "Input should be a valid string", 2, "objectives[0].id"),
        Case("deep JSON", "deep.json", ("[" * 100_000 + "]" * 100_000).encode(),
             "Limits.max_depth"),
        Case("deep JSON objects", "deep-obj.json", ('{"a":' * 5000 + "1" + "}" * 5000).encode(),
             "Limits.max_depth"),
        Case("deep YAML", "deep.yaml", ("a: " + "[" * 5000 + "]" * 5000).encode(),
             "Limits.max_depth", 1),
        Case("deep YAML within libyaml", "deep2.yaml", ("a: " + "[" * 500 + "]" * 500).encode(),
             "Limits.max_depth", 1, "a"),
        Case("5000-digit integer", "digits.yaml", KR.replace("target: 9", "target: " + "9" * 5000)
             .encode(), "Limits.max_number_digits", 8, "objectives[0].key_results[0].target"),
        Case("5000-digit JSON integer", "digits.json",
             ('{"objectives": [{"id": "o", "title": "O", "key_results": [{"id": "k", "title":'
              ' "K", "baseline": 1,\n "target": ' + "9" * 5000 + "}]}]}").encode(),
             "Limits.max_number_digits", 2, "objectives[0].key_results[0].target"),
        Case("float range baseline/target", "huge.yaml",
             KR.replace("baseline: 1", "baseline: -1.7e308").replace("target: 9", "target: 1.7e308")
             .encode(), "Limits.max_magnitude", 7, "objectives[0].key_results[0].baseline"),
        Case("float range at render", "huge-render.yaml",
             KR.replace("baseline: 1", "baseline: -1.7e+308").encode(),
             "Limits.max_magnitude", 7, "objectives[0].key_results[0].baseline", "render"),
        Case("percent string too large", "huge-pct.yaml",
             KR.replace("baseline: 1", "unit: percent\n        baseline: 1e300%").encode(),
             "Limits.max_magnitude", 8, "objectives[0].key_results[0].baseline"),
        Case("infinity", "inf.yaml", KR.replace("target: 9", "target: .inf").encode(),
             "expected a finite number", 8, "objectives[0].key_results[0].target"),
        Case("JSON NaN", "nan.json", b'{"objectives": [], "title": NaN}',
             "expected a finite number"),
        Case("duplicate key", "dup.yaml",
             KR.replace("title: SQLs", "title: SQLs\n        title: MQLs").encode(),
             "duplicate key 'title' (first at line 6)", 7, "objectives[0].key_results[0].title"),
        Case("duplicate JSON key", "dup.json",
             b'{\n  "title": "A",\n  "objectives": [],\n  "title": "B"\n}\n',
             "duplicate key 'title' (first at line 2)", 4, "title"),
        Case("!!binary title", "binary.yaml",
             KR.replace("title: Grow", "title: !!binary R3Jvdw==").encode(),
             "the tag !!binary is not plan data", 3, "objectives[0].title"),
        Case("python object tag", "python.yaml",
             KR.replace("title: Grow", "title: !!python/object/apply:os.system [echo hi]")
             .encode(), "is not plan data", 3, "objectives[0].title"),
        Case("custom tag", "custom.yaml", KR.replace("title: SQLs", "title: !secret SQLs")
             .encode(), "the tag !secret is not plan data", 6, "key_results[0].title"),
        Case("!!set", "set.yaml", ("title: !!set {a, b}\n" + KR).encode(),
             "the tag !!set is not plan data", 1, "title"),
        Case("unknown locale", "klingon.yaml", ("locale: klingon\n" + KR).encode(),
             "unknown locale", 1, "locale"),
        Case("billion laughs", "laughs.yaml", _laughs().encode(), "Limits.max_nodes"),
        Case("aliases to 100k check-ins", "laughs6.yaml", _laughs(6).encode(),
             "Limits.max_alias_nodes"),
        Case("recursive alias", "loop.yaml", b"objectives: &a [*a]\n",
             "a plan cannot be recursive", 1),
        Case("21 MB file", "big.yaml", b"# padding\n" * (2_200_000) + KR.encode(),
             "Limits.max_bytes"),
        Case("10 MB title", "title.yaml",
             KR.replace("title: Grow", "title: " + "x" * 10_000_000).encode(),
             "Limits.max_string_length", 3, "objectives[0].title"),
        Case("10 MB JSON note", "note.json",
             ('{"objectives": [],\n "title": "' + "y" * 10_000_000 + '"}').encode(),
             "Limits.max_string_length", 2, "title"),
        Case("not UTF-8", "latin1.yaml", KR.replace("Grow", "Växa").encode("latin-1"),
             "not UTF-8 text", 3),
        Case("NUL bytes", "nul.yaml", b"objectives: []\n\x00\x00\x00", "not valid YAML", 2),
        Case("two documents", "docs.yaml", (KR + "---\n" + KR).encode(),
             "expected a single document", 9),
        Case("a list at the top", "list.yaml", b"- a\n- b\n", "expected a mapping"),
        Case("key not text", "key.yaml", b"objectives: []\n[a, b]: c\n", "a key must be plain text",
             2),
        Case("check-in of the wrong kind", "kind.yaml",
             (KR + "        check_ins:\n          - {date: 2026-01-05, done: true}\n").encode(),
             "metric", 10, "check_ins[0]"),
        Case("boolean as a number", "bool.yaml", KR.replace("target: 9", "target: yes").encode(),
             "boolean", 8, "objectives[0].key_results[0].target"),
    ]  # fmt: skip


def many_invalid_objectives(count: int = 200_000) -> bytes:
    """``count`` objectives that each break the model: the error list must be capped."""
    return ("objectives:\n" + "  - {id: o, weight: heavy}\n" * count).encode()
