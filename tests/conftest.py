"""Shared test configuration.

On CI (``CI=true``) nothing may skip: a test that needs chromium, java, msgfmt,
MkDocs or a database server must run, because ``.ci/run`` installs them. A skip
there is reported as a failure, so a missing install step cannot hide behind a
green run.
"""

from __future__ import annotations

import os
from collections.abc import Generator

import pytest

ON_CI = os.environ.get("CI", "").lower() == "true"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None]:
    outcome = yield
    report = outcome.get_result()
    if ON_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped on CI (CI=true), which must install what it needs: {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[None]:
    outcome = yield
    report = outcome.get_result()
    if ON_CI and report.outcome == "skipped":
        report.outcome = "failed"
        report.longrepr = f"module skipped on CI (CI=true): {report.longrepr}"
