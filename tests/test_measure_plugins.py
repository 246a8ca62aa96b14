"""Plugin sources, found through the ``okrkit.sources`` entry points of an installed package.

The example plugin (tests/plugin_example/okrkit_example_crm.py) is installed for
the test the way pip would: a ``.dist-info`` folder with ``entry_points.txt`` on
``sys.path``. It talks to a small CRM API served on the loopback address.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import marketing_data as data
import pytest

import okrkit
from okrkit.measure import PluginSource
from okrkit.measure.plugins import available

ON = dt.date(2026, 11, 15)
TOKEN = "t0ken-for-tests"
EXAMPLE = Path(__file__).parent / "plugin_example"


def _install(site: Path, name: str, entry_points: str) -> None:
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(entry_points)


@pytest.fixture()
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site-packages folder with the example plugin and two broken ones installed."""
    site = tmp_path / "site-packages"
    _install(
        site,
        "okrkit_example_crm",
        "[okrkit.sources]\nexample-crm = okrkit_example_crm:measure\n",
    )
    _install(site, "okrkit_broken", "[okrkit.sources]\nbroken = okrkit_no_such_module:measure\n")
    _install(site, "okrkit_history", "[okrkit.sources]\nhistory = okrkit_history:weekly\n")
    (site / "okrkit_history.py").write_text(
        "import datetime as dt\n"
        "def weekly(options, context):\n"
        "    day = context.period_start\n"
        "    while day <= context.period_end:\n"
        "        yield day, float((day - context.period_start).days)\n"
        "        day += dt.timedelta(days=7)\n"
    )
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.syspath_prepend(str(EXAMPLE))
    importlib.invalidate_caches()
    return site


class _CRM(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            self.send_error(401, "Unauthorized")
            return
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        start, end = (dt.date.fromisoformat(query[k][0]) for k in ("from", "to"))
        won = sum(data.between(x.won_on, start, end) for x in data.leads())
        body = json.dumps({"total": won}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def crm_api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CRM)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/deals"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _plan(source: PluginSource) -> okrkit.Plan:
    plan = okrkit.loads(
        "period: 2026-Q4\nobjectives:\n  - id: revenue\n    title: Win customers\n"
        "    key_results:\n      - {id: won, title: Deals won, baseline: 0, target: 40}\n"
    )
    plan.key_result("won")[1].measure = source
    return plan


def test_the_example_plugin_measures_from_its_api(site: Path, crm_api: str) -> None:
    assert {"example-crm", "broken", "history"} <= set(available())
    source = PluginSource(plugin="example-crm", options={"endpoint": crm_api, "stage": "won"})
    (result,) = okrkit.measure(_plan(source), on=ON, environ={"CRM_TOKEN": TOKEN})
    assert result.status == "measured", result.error
    assert result.value == sum(data.between(x.won_on, data.START, ON) for x in data.leads())
    assert result.source == "plugin:example-crm"


def test_a_plugins_own_error_is_reported(site: Path, crm_api: str) -> None:
    source = PluginSource(plugin="example-crm", options={"endpoint": crm_api, "stage": "won"})
    (result,) = okrkit.measure(_plan(source), on=ON, environ={"CRM_TOKEN": "wrong"})
    assert str(result.error) == "revenue/won: plugin:example-crm: the CRM answered 401 Unauthorized"
    (result,) = okrkit.measure(_plan(source), on=ON, environ={})
    assert "environment variable CRM_TOKEN is not set" in str(result.error)


def test_a_plugin_history_keeps_the_dates_up_to_the_day(site: Path) -> None:
    (result,) = okrkit.measure(_plan(PluginSource(plugin="history")), on=ON, environ={})
    assert [r.date for r in result.readings] == [
        data.START + dt.timedelta(days=7 * i) for i in range(7)
    ]
    assert result.value == 42.0


def test_missing_and_broken_plugins_are_named(site: Path) -> None:
    (missing,) = okrkit.measure(_plan(PluginSource(plugin="hubspot")), on=ON)
    assert "no source plugin 'hubspot' is installed" in str(missing.error)
    assert "broken, example-crm, history" in str(missing.error)
    (broken,) = okrkit.measure(_plan(PluginSource(plugin="broken")), on=ON)
    assert "plugin 'broken' cannot be loaded: No module named 'okrkit_no_such_module'" in str(
        broken.error
    )
