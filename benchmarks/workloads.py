"""The workloads of the benchmark suite, each with a baseline that does the same work.

Every function returns a :class:`harness.Result`. Where okrkit and the baseline
compute results (scores, parsed plans), the results are compared item by item
before anything is timed, so a fast wrong answer cannot pass.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

from harness import Result, compare, peak_memory, run_process

import okrkit

ON = dt.date(2026, 8, 15)
Q3_START, Q3_END = dt.date(2026, 7, 1), dt.date(2026, 9, 30)
ROOT = Path(__file__).resolve().parent.parent
#: Where fresh processes import okrkit from: set by :func:`as_installed`.
PACKAGE_PARENT = ROOT


def as_installed(folder: Path) -> None:
    """Copy the package into ``folder`` with compiled ``.mo`` catalogues and catalogue
    data, as a wheel carries them, and compiled bytecode, as pip installs it, so
    fresh-process workloads measure what users run (a source checkout compiles the
    ``.po`` files and reads the catalogue's YAML on first use instead). Fresh
    processes run in ``folder``: ``python -m`` would import a checkout in the
    current directory first."""
    import shutil

    global PACKAGE_PARENT
    shutil.copytree(ROOT / "okrkit", folder / "okrkit", ignore=shutil.ignore_patterns("*.pyc"))
    sys.path.insert(0, str(ROOT))
    from hatch_build import compile_catalogues, compile_templates

    locale_dir = folder / "okrkit" / "locale"
    compile_catalogues(locale_dir, locale_dir)
    compile_templates(ROOT, folder / "okrkit" / "catalogue" / "data" / "compiled")
    # pip compiles the bytecode of every wheel it installs; without it (and with
    # PYTHONDONTWRITEBYTECODE set) each fresh process would compile okrkit from source.
    import compileall

    compileall.compile_dir(folder / "okrkit", quiet=1)
    PACKAGE_PARENT = folder


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(PACKAGE_PARENT)}


def plan_data(objectives: int, krs: int = 5, check_ins: int = 5) -> dict[str, Any]:
    """A quarter's plan as plain data; dates as ISO strings, as JSON would give them."""
    objs = []
    for o in range(objectives):
        items = []
        for k in range(krs):
            up = (o + k) % 2 == 0
            baseline, target = (100.0, 200.0) if up else (200.0, 100.0)
            step = 6.0 if up else -6.0
            items.append(
                {
                    "id": f"k{k}",
                    "title": f"Key result {k} of objective {o}",
                    "baseline": baseline,
                    "target": target,
                    "weight": 1.0 + (k % 3),
                    "check_ins": [
                        {
                            "date": (Q3_START + dt.timedelta(days=7 * (i + 1))).isoformat(),
                            "value": baseline + step * (i + 1) + (o % 7),
                            "confidence": 0.7,
                        }
                        for i in range(check_ins)
                    ],
                }
            )
        objs.append({"id": f"o{o}", "title": f"Objective {o}", "key_results": items})
    return {"period": "2026-Q3", "objectives": objs}


# --- scoring ---------------------------------------------------------------


def baseline_score(data: dict[str, Any], on: dt.date) -> list[tuple[float, list[float]]]:
    """Plain Python over dicts: per key result its bounded progress, expected progress
    and forecast score (least squares over baseline and check-ins to the period end),
    per objective the weighted mean, per plan the mean: what okrkit.score computes."""
    days = (Q3_END - Q3_START).days + 1
    expected = 1.0 if on >= Q3_END else max(0.0, ((on - Q3_START).days + 1) / days)
    span = (Q3_END - Q3_START).days
    out = []
    for obj in data["objectives"]:
        values, weights, forecasts = [], [], []
        for kr in obj["key_results"]:
            dated = [c for c in kr["check_ins"] if c["date"] <= on.isoformat()]
            latest = max(dated, key=lambda c: c["date"])
            b, t = kr["baseline"], kr["target"]
            progress = (latest["value"] - b) / (t - b)
            values.append(min(1.0, max(0.0, progress)))
            weights.append(kr["weight"])
            xs = [0] + [(dt.date.fromisoformat(c["date"]) - Q3_START).days for c in dated]
            ys = [b] + [c["value"] for c in dated]
            mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
            sxx = sum((x - mx) ** 2 for x in xs)
            slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
            projected = slope * span + my - slope * mx
            forecasts.append(min(1.0, max(0.0, (projected - b) / (t - b))))
        total = sum(weights)
        value = sum(v * w for v, w in zip(values, weights, strict=True)) / total
        out.append((value, [*values, expected, *forecasts]))
    return out


def _check_scores(plan: okrkit.Plan, data: dict[str, Any]) -> None:
    ours = okrkit.score(plan, on=ON)
    base = baseline_score(data, ON)
    assert len(ours.children) == len(base)
    for o, (value, parts) in zip(ours.children, base, strict=True):
        krs = [k for k in o.children if k.kind == "key_result"]
        got = [k.value for k in krs] + [krs[0].expected] + [k.forecast.score for k in krs]
        assert math.isclose(o.value, value, abs_tol=1e-9), (o.id, o.value, value)
        assert all(math.isclose(a, b, abs_tol=1e-9) for a, b in zip(got, parts, strict=True))


def scoring(n_objectives: int, repeat: int) -> Result:
    data = plan_data(n_objectives)
    plan = okrkit.Plan.model_validate(data)
    _check_scores(plan, data)
    return compare(
        f"score {n_objectives * 5:,} KRs (roll-ups, statuses, forecasts)",
        lambda: okrkit.score(plan, on=ON),
        lambda: baseline_score(data, ON),
        repeat=repeat,
        goal=3.0,
        note="plain Python over the same dicts, checked on every item",
    )


# --- building and memory ---------------------------------------------------


def build(n_objectives: int, repeat: int) -> Result:
    """Validate a plan from dicts. Goal in microseconds per KR; beside it, what
    pydantic alone takes for the same fields (bare models, no validation, the
    collector off as okrkit has it): the floor of any plan made of pydantic models."""
    data = plan_data(n_objectives)
    n = n_objectives * 5
    bare = _bare_plan_model()

    def floor() -> object:
        gc.disable()
        try:
            return bare.model_validate(data)
        finally:
            gc.enable()

    result = compare(
        f"build a {n:,}-KR plan (model_validate of dicts)",
        lambda: okrkit.Plan.model_validate(data),
        floor,
        repeat=repeat,
        goal=None,
    )
    per_kr, floor_per_kr = result.ours / n * 1e6, result.baseline / n * 1e6
    return Result(
        result.name,
        per_kr,
        8.0,
        1.0,
        f"{per_kr:.1f} us/KR against the goal of 8 us/KR; bare pydantic models of the "
        f"same fields (no validation, gc off) {floor_per_kr:.1f} us/KR, okrkit "
        f"{result.ratio:.2f}x that",
        unit="us/KR",
    )


def _bare_plan_model() -> Any:
    """Pydantic models with okrkit's fields and nothing else: every field ``Any`` (no
    conversion, no validators), nested as a plan nests. What they hold is the least
    any plan of pydantic models with these fields holds: per instance the object,
    its ``__dict__`` of every field and its set of fields given."""
    from pydantic import BaseModel, create_model

    def bare(model: type[BaseModel], **nested: Any) -> Any:
        fields: dict[str, Any] = dict.fromkeys(model.model_fields, (Any, None))
        fields.update({name: (list[item], None) for name, item in nested.items()})
        return create_model(f"Bare{model.__name__}", **fields)

    check_in = bare(okrkit.CheckIn)
    key_result = bare(okrkit.KeyResult, check_ins=check_in)
    objective = bare(okrkit.Objective, key_results=key_result)
    return bare(okrkit.Plan, objectives=objective)


def memory(n_objectives: int) -> Result:
    bare = _bare_plan_model()
    for model in (okrkit.Plan, bare):  # one-off costs (schemas, lazy imports) not counted
        model.model_validate(plan_data(2))
    data_bytes, data = peak_memory(lambda: plan_data(n_objectives))
    plan_bytes, plan = peak_memory(lambda: okrkit.Plan.model_validate(data))
    bound_bytes, bound = peak_memory(lambda: bare.model_validate(data))
    n = n_objectives * 5
    assert len(plan.objectives) == n_objectives  # type: ignore[attr-defined]
    assert len(bound.objectives) == n_objectives  # type: ignore[attr-defined]
    return Result(
        f"memory of a plan, per KR with 5 check-ins ({n:,} KRs)",
        plan_bytes / n,
        data_bytes / n,
        1.0,
        f"baseline: the input dicts; bound: bare pydantic models of the same fields, no "
        f"validation, hold {bound_bytes / n:,.0f} B/KR ({bound_bytes / data_bytes:.2f}x)",
        unit="B/KR",
    )


# --- files -----------------------------------------------------------------


def load_json(n_objectives: int, repeat: int) -> Result:
    """``okrkit.loads`` of a JSON plan against ``json.loads`` of the same text; beside
    them, ``json.loads`` + ``Plan.model_validate`` without any limit checks (what
    validating the parsed data costs, the bound of any load through dicts)."""
    text = json.dumps(plan_data(n_objectives))
    # 10,000 objectives are 21 MB, above the default Limits.max_bytes (20 MiB).
    limits = okrkit.Limits(max_bytes=max(len(text) * 4, okrkit.Limits().max_bytes))
    plan = okrkit.loads(text, "json", limits=limits)
    assert plan == okrkit.Plan.model_validate(json.loads(text))
    result = compare(
        f"load JSON ({n_objectives:,} objectives, {len(text) / 1e6:.1f} MB)",
        lambda: okrkit.loads(text, "json", limits=limits),
        lambda: json.loads(text),
        repeat=repeat,
        goal=3.0,
        floor=lambda: okrkit.Plan.model_validate(json.loads(text)),
    )
    return _with_floor_note(
        result,
        "json.loads of the same text",
        "json.loads + Plan.model_validate without limit checks",
    )


def _with_floor_note(result: Result, baseline: str, floor: str) -> Result:
    """``result`` with a note naming its baseline and floor, and the floor's ratio."""
    assert result.floor_ratio is not None
    return replace(
        result,
        note=f"baseline: {baseline}; the floor, {floor}, is {result.floor_ratio:.2f}x it "
        f"(okrkit {result.ratio / result.floor_ratio:.2f}x the floor)",
    )


# --- rendering -------------------------------------------------------------

_BARE = """<p>{{ overall.score }} {{ overall.expected }} {{ overall.count }}</p>
<table>{% for o in rows %}<tr><th>{{ o.title }}</th><td>{{ o.score }}</td>
<td>{{ o.expected }}</td></tr>
{% for k in o.krs %}<tr><td>{{ k.title }}</td><td>{{ k.baseline }}</td><td>{{ k.current }}</td>
<td>{{ k.target }}</td><td>{{ k.progress }}</td><td>{{ k.expected }}</td><td>{{ k.status }}</td>
<td>{{ k.confidence }}</td></tr>{% endfor %}
{% endfor %}</table>"""


#: Where the document puts a number: a cell, or a bar's label ("Måluppfyllelse 24 %,
#: förväntat 50 %").
_AROUND = ((">", "<"), (" ", ","), (" ", '"'))


def render_html(repeat: int) -> Result:
    """A warm render of the example-sized plan (10 objectives, 36 KRs) against bare
    Jinja of the same table structure plus Babel formatting of the same values: every
    number the document shows (the plan's progress, expected progress and count of
    objectives; each objective's progress and expected progress; each key result's
    baseline, current value, target, progress, expected progress and confidence),
    each checked to appear in okrkit's document as Babel formats it."""
    import jinja2
    from babel.numbers import format_decimal, format_percent

    data = plan_data(10, krs=4, check_ins=4)
    last = data["objectives"][9]
    data["objectives"] = [*data["objectives"][:9], {**last, "key_results": []}]
    plan = okrkit.Plan.model_validate(data)
    ours = okrkit.render(plan, "html", locale="sv", on=ON)  # warm: templates compiled
    env = jinja2.Environment(autoescape=True)
    bare = env.from_string(_BARE)

    def percent(value: float | None) -> str:
        return "—" if value is None else format_percent(value, locale="sv")

    def values() -> dict[str, Any]:
        result = okrkit.score(plan, on=ON)
        rows = []
        for o, s in zip(plan.objectives, result.children, strict=True):
            krs = []
            for kr, ks in zip(o.key_results, s.children, strict=True):
                krs.append(
                    {
                        "title": kr.title,
                        "baseline": format_decimal(kr.baseline, locale="sv"),
                        "current": format_decimal(ks.current, locale="sv"),
                        "target": format_decimal(kr.target, locale="sv"),
                        "progress": percent(ks.value),
                        "expected": percent(ks.expected),
                        "status": ks.status.value,
                        "confidence": percent(ks.confidence),
                    }
                )
            rows.append(
                {"title": o.title, "score": percent(s.value), "expected": percent(s.expected),
                 "krs": krs}
            )  # fmt: skip
        overall = {
            "score": percent(result.value),
            "expected": percent(result.expected),
            "count": format_decimal(len(plan.objectives), locale="sv"),
        }
        return {"overall": overall, "rows": rows}

    shown = values()
    for part in [shown["overall"], *shown["rows"], *(k for r in shown["rows"] for k in r["krs"])]:
        for key, text in part.items():
            if key not in {"title", "status", "krs"}:
                assert any(f"{a}{text}{b}" in ours for a, b in _AROUND), (key, text)

    return compare(
        "warm HTML render (10 objectives, 36 KRs)",
        lambda: okrkit.render(plan, "html", locale="sv", on=ON),
        lambda: bare.render(**values()),
        repeat=repeat,
        goal=1.5,
        note="baseline: scoring + Babel formatting of the same values + bare Jinja",
    )


# --- fresh processes -------------------------------------------------------


_CLI = ["-m", "okrkit", "--locale", "en"]


#: The least work of any process that renders a validated plan: the baseline's
#: imports, pydantic, and one model class built (pydantic imports most of itself,
#: and looks for its plugins, when it builds its first model).
RENDER_FLOOR = "import jinja2, babel, yaml, pydantic\nclass M(pydantic.BaseModel):\n    x: int\n"


def cold_render(repeat: int) -> Result:
    """A fresh ``okrkit render`` against the baseline; beside it, :data:`RENDER_FLOOR`
    against the same baseline (in the same interleaved rotation), which bounds the ratio."""
    plan = ROOT / "examples" / "marketing-plan.yaml"
    baseline = run_process(["-c", "import jinja2, babel, yaml"], cwd=str(PACKAGE_PARENT))
    result = compare(
        "cold `okrkit render plan.yaml --format html`",
        run_process(
            [*_CLI, "render", str(plan), "--format", "html", "--on", "2026-11-23"],
            _env(),
            str(PACKAGE_PARENT),
        ),
        baseline,
        repeat=repeat,
        goal=2.0,
        floor=run_process(["-c", RENDER_FLOOR], cwd=str(PACKAGE_PARENT)),
    )
    return _with_floor_note(
        result,
        'python -c "import jinja2, babel, yaml"',
        "those imports with pydantic and one one-field model built",
    )


def cold_help(repeat: int) -> Result:
    return compare(
        "`okrkit --help`",
        run_process([*_CLI, "--help"], _env(), str(PACKAGE_PARENT)),
        run_process(["-c", "pass"], cwd=str(PACKAGE_PARENT)),
        repeat=repeat,
        goal=3.0,
        note="baseline: python -c pass",
    )


def cold_templates_list(repeat: int) -> Result:
    return compare(
        "`okrkit templates list`",
        run_process([*_CLI, "templates", "list"], _env(), str(PACKAGE_PARENT)),
        run_process(["-c", "pass"], cwd=str(PACKAGE_PARENT)),
        repeat=repeat,
        goal=5.0,
        note="baseline: python -c pass",
    )


_FIRST = textwrap.dedent(
    """
    import sys, time
    start = time.perf_counter()
    if sys.argv[1] == "okrkit":
        from okrkit import catalogue
        found = catalogue.templates("ru")
        n = sum(len(t.key_results) for t in found)
    else:
        import json
        with open(sys.argv[2], encoding="utf-8") as handle:
            found = json.load(handle)
        n = sum(len(t["key_results"]) for t in found)
    print(time.perf_counter() - start, n)
    """
)


def first_catalogue(repeat: int) -> Result:
    """First ``catalogue.templates("ru")`` in a fresh process against reading the same
    templates (ids, texts, key results, initiatives) from one JSON file."""
    from okrkit import catalogue

    same = [
        {
            "id": t.id,
            "title": t.title,
            "why": t.why,
            "key_results": [{"id": k.id, "title": k.title} for k in t.key_results],
            "initiatives": [i.title for i in t.initiatives],
        }
        for t in catalogue.templates("ru")
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalogue.ru.json"
        path.write_text(json.dumps(same, ensure_ascii=False), encoding="utf-8")
        script = Path(tmp) / "first.py"
        script.write_text(_FIRST, encoding="utf-8")
        env = _env()

        def inner(side: str) -> float:
            out = subprocess.run(
                [sys.executable, str(script), side, str(path)],
                check=True, capture_output=True, text=True, env=env,
            ).stdout.split()  # fmt: skip
            assert int(out[1]) == sum(len(t["key_results"]) for t in same)
            return float(out[0])

        ours: list[float] = []
        base: list[float] = []
        for i in range(repeat):  # interleaved, as harness.compare runs its pairs
            first, second = (ours, "okrkit"), (base, "json")
            for times, side in (first, second) if i % 2 == 0 else (second, first):
                times.append(inner(side))
    return Result(
        'first `catalogue.templates("ru")` in a fresh process',
        statistics.median(ours),
        statistics.median(base),
        2.0,
        "baseline: json.load of the same templates from one file",
    )


# --- a million key results -------------------------------------------------

_MILLION = textwrap.dedent(
    """
    import json, os, resource, sys, time, datetime as dt
    import okrkit

    def status(field):  # kB, from the kernel's account of this process
        with open("/proc/self/status") as f:
            return next(int(l.split()[1]) for l in f if l.startswith(field + ":"))

    def reset_peak():  # VmHWM starts again from VmRSS (Linux 4.0+)
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")

    text = open(sys.argv[1], encoding="utf-8").read()
    # A million KRs are far beyond the default limits (20 MiB, 2,000,000 values).
    limits = okrkit.Limits(max_bytes=4 * len(text) + 1, max_nodes=len(text))
    start = time.perf_counter()
    plan = okrkit.loads(text, "json", limits=limits)
    loaded = time.perf_counter()
    del text
    held = status("VmRSS")
    reset_peak()
    result = okrkit.score(plan, on=dt.date(2026, 8, 15))
    scored = time.perf_counter()
    score_peak = status("VmHWM") - held
    del result
    held = status("VmRSS")
    reset_peak()
    csv = okrkit.render(plan, "csv", on=dt.date(2026, 8, 15))
    done = time.perf_counter()
    csv_peak = status("VmHWM") - held
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"load": loaded - start, "score": scored - loaded, "csv": done - scored,
                      "rows": csv.count(chr(10)), "peak_mb": peak, "csv_size_mb": len(csv) / 1e6,
                      "plan_mb": held / 1024, "score_mb": score_peak / 1024,
                      "csv_mb": csv_peak / 1024, "json_mb": os.path.getsize(sys.argv[1]) / 1e6}))
    """
)


def million(n_objectives: int) -> str:
    """JSON load + score + CSV dashboard of ``n_objectives`` x 5 KRs, with peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.json"
        path.write_text(json.dumps(plan_data(n_objectives)), encoding="utf-8")
        script = Path(tmp) / "million.py"
        script.write_text(_MILLION, encoding="utf-8")
        out = subprocess.run(
            [sys.executable, str(script), str(path)],
            check=True, capture_output=True, text=True,
            env=_env(),
        ).stdout  # fmt: skip
    r = json.loads(out)
    return (
        f"{n_objectives * 5:,} KRs end to end ({r['json_mb']:.0f} MB JSON): "
        f"load {r['load']:.1f} s, "
        f"score {r['score']:.1f} s, CSV dashboard {r['csv']:.1f} s ({r['rows']:,} lines, "
        f"{r['csv_size_mb']:.0f} MB), peak memory {r['peak_mb']:,.0f} MB; with the plan loaded "
        f"the process holds {r['plan_mb']:,.0f} MB, and its peak rises by "
        f"{r['score_mb']:,.0f} MB while scoring, {r['csv_mb']:,.0f} MB while rendering the CSV"
    )
