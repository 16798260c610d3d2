"""Desktop notices over a private session bus (dbus-daemon started here) to python-dbusmock's notification server:
urgency from severity, and no server being an ordinary, retried failure."""

from __future__ import annotations

import shutil

import pytest

from channel_support import SessionBus, channel_config, ctl, outbox, short_tempdir
from conftest import new_line_id, wait_until

DESKTOP = """\
[channels.desktop]
type = "desktop"
give_up_after = "60d"
timeout = "5s"
"""


@pytest.fixture
def bus():
    directory = short_tempdir("swbus-")
    b = SessionBus(directory)
    yield b
    b.stop()
    shutil.rmtree(directory, ignore_errors=True)


def test_notice_without_a_server_is_retried_then_shown_with_urgency(daemon, bus):
    line = new_line_id()
    config = channel_config([{"id": line, "name": "Forfait épuisé ✈", "channels": ["desktop"], "severity": "critical"}], DESKTOP)
    d = daemon(config, env={"DBUS_SESSION_BUS_ADDRESS": bus.address})

    def failing():
        entries = [e for e in outbox(daemon, "--channel", "desktop") if e["line"] == line]
        return entries and entries[0]["attempts"] >= 1 and entries[0]["state"] == "pending" and entries[0]

    entry = wait_until(failing, 30, what="a failed attempt while no notification server runs")
    assert "ServiceUnknown" in entry["last_error"] or "org.freedesktop" in entry["last_error"], entry
    assert d.alive()

    bus.start_notification_server()
    calls = wait_until(bus.notify_calls, 30, what="Notify on the mock server")
    call = calls[0]
    # dbusmock logs: TIME Notify "app" replaces_id "icon" "summary" "body" [actions] {hints} expire_timeout
    assert ' Notify "simwatch" 0 "" "Low data on Forfait épuisé ✈: 1 GB left" "Forfait épuisé ✈: 1 GB left' in call
    assert '{"urgency": 2, "category": "network"} -1' in call, call
    wait_until(
        lambda: [e["state"] for e in outbox(daemon, "--channel", "desktop") if e["line"] == line] == ["sent"],
        15,
        what="the reminder recorded as sent",
    )
    done = ctl(daemon, "test-notify", "desktop", "--line", line)
    assert done.returncode == 0, done.stderr
    wait_until(lambda: len(bus.notify_calls()) >= 2, 10, what="the test notice")
    assert "Test reminder from simwatch" in bus.notify_calls()[-1]
    d.stop()


def test_test_notify_fails_cleanly_without_a_server(daemon, bus):
    d = daemon(
        channel_config([{"id": new_line_id(), "name": "x", "channels": ["journal"]}], DESKTOP),
        env={"DBUS_SESSION_BUS_ADDRESS": bus.address},
    )
    done = ctl(daemon, "test-notify", "desktop")
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "desktop" in done.stderr
    assert d.alive()
    d.stop()
