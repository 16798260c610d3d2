"""simwatchctl end to end: the real binary against a scripted control socket (fake_daemon.py).

Checks what docs/simwatchctl.md promises: exit statuses, --json passing the reply through, the not-running
message, parameters built from human input, and the human output's shape.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from datetime import datetime, timedelta, timezone

import pytest

from conftest import demo_config, new_line_id
from fake_daemon import Error, FakeDaemon, Stream

# Central European Time as a POSIX rule: no zone files needed, and summer time handled.
TZ = "CET-1CEST,M3.5.0,M10.5.0/3"


def iso(delta: timedelta = timedelta()) -> str:
    return (datetime.now(timezone.utc) + delta).replace(microsecond=0).isoformat()


def reading(**overrides):
    base = {
        "observed_at": iso(-timedelta(minutes=2)),
        "remaining_bytes": 984_000_000,
        "total_bytes": 2_500_000_000,
        "expires_at": iso(timedelta(days=6, hours=23)),
        "status": "active",
        "source": "demo",
        "estimated": False,
    }
    base.update(overrides)
    return base


def line_summary(line_id="fr-holiday", firing=("low-data",)):
    return {
        "id": line_id,
        "name": "Orange Holiday eSIM 🇫🇷",
        "provider": "demo",
        "poll_interval_seconds": 1800,
        "reading": reading(),
        "plan": {"started_at": iso(-timedelta(days=1)), "quota_bytes": 2_500_000_000, "origin": "config"},
        "firing": list(firing),
        "last_poll_at": iso(-timedelta(minutes=2)),
        "last_success_at": iso(-timedelta(minutes=2)),
        "next_poll_at": iso(timedelta(minutes=28)),
    }


ALERT = {
    "line": "fr-holiday",
    "rule": "low-data",
    "kind": "low_data",
    "severity": "warning",
    "state": "firing",
    "episode": 1,
    "since": iso(-timedelta(hours=5)),
    "next_reminder_at": iso(timedelta(hours=19)),
}


def status(firing=True):
    return {
        "now": iso(timedelta()),
        "version": "0.1.0",
        "started_at": iso(-timedelta(days=3)),
        "uptime_seconds": 3 * 86_400,
        "config_path": "/home/ana/.config/simwatch/config.toml",
        "state_dir": "/home/ana/.local/state/simwatch",
        "time_zone": "Europe/Paris",
        "lines": 1,
        "firing": [ALERT] if firing else [],
        "last_poll": {"line": "fr-holiday", "at": iso(-timedelta(minutes=2)), "ok": True},
        "pending_reminders": 0,
        "dead_reminders": 0,
    }


def history(params):
    since = datetime.fromisoformat(params["since"])
    until = datetime.fromisoformat(params["until"])
    count = 50
    step = (until - since) / (count - 1)
    points = []
    for n in range(count):
        at = since + step * n
        points.append({"at": at.isoformat(), "remaining_bytes": 2_500_000_000 - n * 30_000_000, "resolution": "hour"})
    return {"points": points}


def detail(params):
    if params["line"] != "fr-holiday":
        return Error("NoSuchLine", {"line": params["line"]})
    return {
        "now": iso(timedelta()),
        "line": {
            "summary": line_summary(),
            "channels": ["journal"],
            "rules": [{"id": "low-data", "kind": "data_below", "severity": "warning", "repeat": "every 1d"}],
            "alerts": [ALERT],
            "forecast": {"pace_bytes_per_day": 594_000_000},
            "history": [],
        }
    }


def answers(**overrides):
    table = {
        "GetStatus": status(),
        "ListLines": {"now": iso(timedelta()), "lines": [line_summary()]},
        "GetLine": detail,
        "GetHistory": history,
        "Poll": {"outcomes": [{"line": "fr-holiday", "ok": True, "reading": reading()}]},
        "Reload": {"lines": 1},
        "Snooze": lambda p: {"alerts": [dict(ALERT, snoozed_until=p["until"])]},
        "Unsnooze": {"alerts": [ALERT]},
        "RecordReading": lambda p: {"reading": reading(source="manual", remaining_bytes=p.get("remaining_bytes"))},
        "Renew": lambda p: {
            "plan": {"started_at": iso(), "quota_bytes": p.get("data_bytes"), "expires_at": iso(timedelta(days=30)),
                     "origin": "renewal"}
        },
        "TestNotification": {"notification_id": "simwatch/+test/1/1/journal"},
        "Events": Stream([], end=False),
        "org.varlink.service.GetInfo": {
            "vendor": "simwatch", "product": "simwatchd", "version": "0.1.0", "url": "", "interfaces": []
        },
    }
    table.update(overrides)
    return table


@pytest.fixture
def fake(tmp_path):
    daemons = []

    def start(**overrides):
        daemon = FakeDaemon(str(tmp_path / "control.sock"), answers(**overrides))
        daemons.append(daemon)
        return daemon

    yield start
    for daemon in daemons:
        daemon.close()


@pytest.fixture
def ctl(simwatchctl_bin, tmp_path):
    def run(*args, env=None, timeout=30):
        environment = {k: v for k, v in os.environ.items() if k not in ("SIMWATCH_SOCKET", "NO_COLOR", "COLUMNS")}
        environment.update(TZ=TZ, SIMWATCH_SOCKET=str(tmp_path / "control.sock"), XDG_RUNTIME_DIR=str(tmp_path))
        environment.update(env or {})
        return subprocess.run(
            [str(simwatchctl_bin), *args],
            env=environment,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    return run


def test_not_running_is_exit_3_with_how_to_start(ctl, tmp_path):
    done = ctl("status")
    assert done.returncode == 3
    assert done.stdout == ""
    assert done.stderr == (
        f"simwatchd is not running (no socket at {tmp_path / 'control.sock'}). "
        "Start it with: systemctl --user start simwatch\n"
    )


def test_socket_option_beats_environment(ctl, fake, tmp_path):
    fake()
    sock = str(tmp_path / "control.sock")
    assert ctl("status", "--socket", sock, env={"SIMWATCH_SOCKET": "/nonexistent/x.sock"}).returncode == 1
    assert ctl("status", env={"SIMWATCH_SOCKET": "/nonexistent/x.sock"}).returncode == 3


def test_default_socket_is_in_the_runtime_directory(ctl, tmp_path):
    done = ctl("version", env={"SIMWATCH_SOCKET": "", "XDG_RUNTIME_DIR": str(tmp_path / "rt")})
    assert done.returncode == 0
    assert f"({tmp_path}/rt/simwatch/control.sock)" in done.stdout


def test_status_exit_status_follows_firing_alerts(ctl, fake):
    fake()
    done = ctl("status")
    assert done.returncode == 1, done.stderr
    assert "simwatchd 0.1.0, up 3d" in done.stdout
    assert "1 alert firing:" in done.stdout
    assert re.search(r"fr-holiday/low-data\s+warning", done.stdout)
    assert "\x1b[" not in done.stdout  # not a terminal: no colour


def test_status_zero_when_nothing_fires(ctl, fake):
    fake(GetStatus=status(firing=False))
    done = ctl("status")
    assert done.returncode == 0
    assert "No alerts firing." in done.stdout


def test_json_is_the_reply_as_sent(ctl, fake):
    sent = status()  # made once: the times in it must not cross a second boundary between sending and comparing
    fake(GetStatus=sent)
    done = ctl("status", "--json")
    assert done.returncode == 1
    assert done.stdout.count("\n") == 1
    assert json.loads(done.stdout) == sent


def test_lines_table(ctl, fake):
    fake()
    done = ctl("lines")
    assert done.returncode == 0, done.stderr
    header, row = done.stdout.splitlines()
    assert re.fullmatch(r"LINE +NAME +DATA LEFT +EXPIRES \(CES?T\) +STATE +LAST POLL", header), header
    assert "984 MB / 2.5 GB (39%)" in row
    assert "(in 6d 22h)" in row or "(in 6d 23h)" in row
    assert row.endswith("low-data  2m ago")


def test_show_unknown_line_lists_known_ones(ctl, fake):
    fake()
    done = ctl("show", "nope")
    assert done.returncode == 2
    assert done.stderr == "no line `nope`; known lines: fr-holiday\n"


def test_show_json_prints_the_error_reply_too(ctl, fake):
    fake()
    done = ctl("show", "nope", "--json")
    assert done.returncode == 2
    assert json.loads(done.stdout) == {"error": "io.simwatch.Control.NoSuchLine", "parameters": {"line": "nope"}}


def test_history_asks_for_the_range_and_draws(ctl, fake):
    daemon = fake()
    done = ctl("history", "fr-holiday", "--since", "2d", "--width", "60")
    assert done.returncode == 0, done.stderr
    (params,) = daemon.calls_to("GetHistory")
    since, until = datetime.fromisoformat(params["since"]), datetime.fromisoformat(params["until"])
    assert abs((until - since) - timedelta(days=2)) < timedelta(seconds=5)
    assert params["max_points"] == (60 - 9) * 2
    lines = done.stdout.splitlines()
    assert lines[0].startswith("fr-holiday: data left, ")
    assert any("┤" in line for line in lines) and any("└" in line for line in lines)
    assert all(len(line) <= 60 for line in lines[1:-1])
    assert re.match(r"latest 1 GB \(.*\) · lowest 1 GB .* · highest 2.5 GB · 50 points \(hourly\)", lines[-1])


def test_snooze_reads_weekdays_and_durations(ctl, fake):
    daemon = fake()
    done = ctl("snooze", "fr-holiday", "low-data", "--until", "monday")
    assert done.returncode == 0, done.stderr
    until = datetime.fromisoformat(daemon.calls_to("Snooze")[0]["until"])
    assert until.weekday() == 0 and (until.hour, until.minute) == (9, 0)
    assert "snoozed until Mon" in done.stdout
    done = ctl("snooze", "fr-holiday", "--for", "2d")
    assert done.returncode == 0, done.stderr
    params = daemon.calls_to("Snooze")[1]
    assert "rule" not in params or params["rule"] is None
    delta = datetime.fromisoformat(params["until"]) - datetime.now(timezone.utc)
    assert timedelta(days=2) - timedelta(seconds=10) < delta <= timedelta(days=2)


@pytest.mark.parametrize(
    "args, message",
    [
        (["snooze", "fr-holiday"], "give either --until TIME or --for DURATION"),
        (["snooze", "fr-holiday", "--until", "someday"], "--until: 'someday' is not a time"),
        (["snooze", "fr-holiday", "--for", "15"], "--for: duration '15' has no unit"),
        (["record", "fr-holiday"], "give at least one of --remaining"),
        (["record", "fr-holiday", "--remaining", "2 XB"], "--remaining: unknown data unit 'XB'"),
        (["renew", "fr-holiday", "--valid", "30d", "--expires", "2027-01-01"], "give --valid or --expires, not both"),
        (["history", "fr-holiday", "--since", "2026-13-01"], "--since: month 13 is out of range"),
        (["status", "--bogus"], "Unknown option '--bogus'"),
    ],
)
def test_usage_errors_are_exit_2(ctl, fake, args, message):
    daemon = fake()
    done = ctl(*args)
    assert done.returncode == 2, done.stdout
    assert message in done.stderr
    assert daemon.calls == []


def test_record_sends_bytes_and_normalised_credit(ctl, fake):
    daemon = fake()
    done = ctl("record", "fr-holiday", "--remaining", "2GB", "--credit", "4,52 EUR", "--expires", "2026-12-04 09:03")
    assert done.returncode == 0, done.stderr
    (params,) = daemon.calls_to("RecordReading")
    assert params["remaining_bytes"] == 2_000_000_000
    assert params["credit"] == "4.52 EUR"
    assert params["expires_at"] == "2026-12-04T09:03:00+01:00"
    assert done.stdout.startswith("Recorded for fr-holiday: 2 GB left of 2.5 GB (80%)")


def test_renew(ctl, fake):
    daemon = fake()
    done = ctl("renew", "fr-holiday", "--data", "20GB", "--valid", "30d")
    assert done.returncode == 0, done.stderr
    assert daemon.calls_to("Renew") == [{"line": "fr-holiday", "data_bytes": 20_000_000_000, "valid_seconds": 2_592_000}]
    assert done.stdout.startswith("Renewed fr-holiday: 20 GB from ")


def test_invalid_argument_names_the_option(ctl, fake):
    fake(Renew=Error("InvalidArgument", {"parameter": "expires_at", "reason": "must be in the future"}))
    done = ctl("renew", "fr-holiday", "--expires", "tomorrow")
    assert done.returncode == 2
    assert done.stderr == "--expires: must be in the future\n"


def test_reload_refused_lists_problems_and_exits_1(ctl, fake):
    problems = ["config.toml:12: [[line]] fr: unknown key 'treshold' (did you mean 'threshold'?)", "config.toml:20: x"]
    fake(Reload=Error("ConfigInvalid", {"errors": problems}))
    done = ctl("reload")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "the configuration has 2 problems; simwatchd keeps running the previous one:",
        *("  " + p for p in problems),
    ]


def test_poll_failure_is_exit_1(ctl, fake):
    fake(Poll={"outcomes": [{"line": "fr-holiday", "ok": False, "error": "HTTP 503"}]})
    done = ctl("poll")
    assert done.returncode == 1
    assert re.search(r"fr-holiday\s+failed\s+HTTP 503", done.stdout)


def test_test_notify_delivery_failure_is_exit_1(ctl, fake):
    fake(TestNotification=Error("DeliveryFailed", {"channel": "journal", "reason": "no journal socket"}))
    done = ctl("test-notify", "journal")
    assert done.returncode == 1
    assert done.stderr == "delivery through `journal` failed: no journal socket\n"


def test_events_without_follow_stop_when_quiet(ctl, fake):
    event = {"event": {"kind": "alert", "at": iso(), "line": "fr-holiday", "rule": "low-data", "event": "firing",
                       "summary": "984 MB left"}}
    daemon = fake(Events=Stream([event, event], end=False))
    done = ctl("events", "--json", "--wait", "0.5", "--line", "fr-holiday")
    assert done.returncode == 0, done.stderr
    assert [json.loads(line) for line in done.stdout.splitlines()] == [event, event]
    assert daemon.calls[-1]["more"] is True and daemon.calls[-1]["parameters"] == {"line": "fr-holiday"}
    done = ctl("events", "--wait", "0.5")
    assert re.search(r"alert\s+fr-holiday/low-data\s+firing\s+984 MB left", done.stdout.splitlines()[0])


def test_events_follow_ends_with_the_stream(ctl, fake):
    event = {"event": {"kind": "reload", "at": iso(), "summary": "2 lines"}}
    fake(Events=Stream([event, event, event], end=True, pause=0.3))
    done = ctl("events", "--follow", "--json", timeout=10)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 3


def test_check_config_needs_no_daemon(ctl, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(demo_config(new_line_id()))
    done = ctl("check-config", str(path))
    assert done.returncode == 0, done.stderr
    assert "config.toml: OK (1 line" in done.stdout
    path.write_text(demo_config(new_line_id()).replace('threshold = "', 'treshold = "'))
    done = ctl("check-config", str(path), "--json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["ok"] is False and any("treshold" in p for p in report["problems"])


def test_version_with_and_without_daemon(ctl, fake):
    done = ctl("version")
    assert done.returncode == 0
    assert done.stdout.splitlines()[1].startswith("simwatchd: not running")
    fake()
    done = ctl("version", "--json")
    assert json.loads(done.stdout) == {"simwatchctl": "0.1.0", "simwatchd": answers()["org.varlink.service.GetInfo"]}
