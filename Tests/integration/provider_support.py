"""Helpers shared by the provider tests: configurations, secrets, the control socket."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import TomlRaw, daemon_section, line_tables, run_simwatchctl



def line_config(
    line_id: str,
    provider: str,
    *,
    plan: str = 'quota = "2GB"\nvalid_for = "30d"',
    rules: str = '[[line.rule]]\nid = "low"\nkind = "data_below"\nthreshold = "500MB"\nrepeat = "once"\n',
    poll_interval: str = "1h",
    name: str | None = None,
) -> str:
    """One [[line]] table (no channels key) with its plan, provider and rules, given as TOML text."""
    return (
        line_tables(
            line_id,
            name=TomlRaw(f'"{name or line_id}"'),
            channels=None,
            poll_interval=poll_interval,
            plan=plan,
            provider=provider,
            rules="",
        )
        + "\n"
        + rules
        + "\n"
    )


def daemon_config(*lines: str, time_scale: int = 3600, extra: str = "") -> str:
    """The [daemon] table of the provider tests (Paris time, 3 s poll timeout, no daemon-wide poll interval) then
    the lines; extra is TOML text for more [daemon] keys."""
    head = daemon_section(time_zone="Europe/Paris", time_scale=time_scale, poll_timeout="3s", poll_interval=None)
    return head + extra + "\n" + "\n".join(lines)


def ctl_json(simwatchctl: Path, factory, *args: str) -> dict:
    """simwatchctl ARGS --json against the factory's daemon; exit 0 or 1 (alert firing) are both fine."""
    done = run_simwatchctl(simwatchctl, factory.control_socket, *args, "--json")
    assert done.returncode in (0, 1), f"simwatchctl {' '.join(args)} -> {done.returncode}: {done.stderr}"
    return json.loads(done.stdout)


def latest_reading(simwatchctl: Path, factory, line_id: str) -> dict | None:
    return ctl_json(simwatchctl, factory, "show", line_id)["line"]["summary"].get("reading")


def reminders(journal, line_id: str, kind: str) -> list[dict]:
    return journal.reminders(line_id, SIMWATCH_KIND=kind)
