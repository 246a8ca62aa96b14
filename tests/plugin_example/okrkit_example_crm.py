"""A worked example of an okrkit source plugin: a CRM's HTTP API as a key result's source.

Packaged, it registers itself in its ``pyproject.toml``::

    [project.entry-points."okrkit.sources"]
    example-crm = "okrkit_example_crm:measure"

and a plan uses it with::

    measure:
      kind: plugin
      plugin: example-crm
      options: {endpoint: "https://crm.example.com/api/deals", stage: won, token_env: CRM_TOKEN}

The token comes from the environment (``context.environ``), never from the plan.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import Any

from okrkit.errors import MeasureError
from okrkit.measure import Context


def measure(options: Mapping[str, Any], context: Context) -> float:
    """Count the deals in ``options["stage"]`` from the period's start up to ``context.on``."""
    token_env = options.get("token_env", "CRM_TOKEN")
    token = context.environ.get(token_env)
    if not token:
        raise MeasureError(f"environment variable {token_env} is not set")
    query = urllib.parse.urlencode(
        {"stage": options["stage"], "from": str(context.period_start), "to": str(context.on)}
    )
    request = urllib.request.Request(
        f"{options['endpoint']}?{query}", headers={"Authorization": f"Bearer {token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            body = json.load(response)
    except urllib.error.HTTPError as exc:
        raise MeasureError(f"the CRM answered {exc.code} {exc.reason}") from None
    return float(body["total"])
