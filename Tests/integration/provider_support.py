"""Helpers shared by the provider tests: configurations, secrets, the control socket."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from pathlib import Path



def line_config(
    line_id: str,
    provider: str,
    *,
    plan: str = 'quota = "2GB"\nvalid_for = "30d"',
    rules: str = '[[line.rule]]\nid = "low"\nkind = "data_below"\nthreshold = "500MB"\nrepeat = "once"\n',
    poll_interval: str = "1h",
    name: str | None = None,
) -> str:
    """One [[line]] table with its plan, provider and rules."""
    return (
        textwrap.dedent(
            f"""\
            [[line]]
            id = "{line_id}"
            name = "{name or line_id}"
            poll_interval = "{poll_interval}"

            [line.plan]
            """
        )
        + plan
        + "\n\n[line.provider]\n"
        + textwrap.dedent(provider).strip()
        + "\n\n"
        + rules
        + "\n"
    )


def daemon_config(*lines: str, time_scale: int = 3600, extra: str = "") -> str:
    head = f'[daemon]\ntime_zone = "Europe/Paris"\ntime_scale = {time_scale}\npoll_timeout = "3s"\n{extra}\n'
    return head + "\n".join(lines)


def ctl_json(simwatchctl: Path, factory, *args: str) -> dict:
    """simwatchctl ARGS --json against the factory's daemon; exit 0 or 1 (alert firing) are both fine."""
    sock = factory.control_socket
    done = subprocess.run(
        [str(simwatchctl), args[0], "--socket", str(sock), *args[1:], "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if k != "SIMWATCH_SOCKET"},
    )
    assert done.returncode in (0, 1), f"simwatchctl {' '.join(args)} -> {done.returncode}: {done.stderr}"
    return json.loads(done.stdout)


def latest_reading(simwatchctl: Path, factory, line_id: str) -> dict | None:
    return ctl_json(simwatchctl, factory, "show", line_id)["line"]["summary"].get("reading")


def reminders(journal, line_id: str, kind: str) -> list[dict]:
    return journal.reminders(line_id, SIMWATCH_KIND=kind)
