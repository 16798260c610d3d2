"""Desktop notices over a private session bus (dbus-daemon started here) to python-dbusmock's notification server:
urgency from severity, and no server being an ordinary, retried failure."""

from __future__ import annotations

from channel_support import channel_config, ctl, outbox
from conftest import PrivateBus, new_line_id, wait_until

DESKTOP = """\
[channels.desktop]
type = "desktop"
give_up_after = "60d"
timeout = "5s"
"""


NOTIFICATIONS = "org.freedesktop.Notifications"


def notify_calls(bus: PrivateBus) -> list[str]:
    """The Notify calls python-dbusmock's notification_daemon logged, oldest first."""
    log = bus.directory / "dbusmock.log"
    if not log.exists():
        return []
    return [line for line in log.read_text(errors="replace").splitlines() if " Notify " in line]


def start_notification_server(bus: PrivateBus) -> None:
    bus.start_mock("notification_daemon", NOTIFICATIONS, log=bus.directory / "dbusmock.log")


def test_notice_without_a_server_is_retried_then_shown_with_urgency(daemon, private_bus):
    line = new_line_id()
    config = channel_config([{"id": line, "name": "Forfait épuisé ✈", "channels": ["desktop"], "severity": "critical"}], DESKTOP)
    d = daemon(config, env={"DBUS_SESSION_BUS_ADDRESS": private_bus.address})

    def failing():
        entries = [e for e in outbox(daemon, "--channel", "desktop") if e["line"] == line]
        return entries and entries[0]["attempts"] >= 1 and entries[0]["state"] == "pending" and entries[0]

    entry = wait_until(failing, 30, what="a failed attempt while no notification server runs")
    assert "ServiceUnknown" in entry["last_error"] or "org.freedesktop" in entry["last_error"], entry
    assert d.alive()

    start_notification_server(private_bus)
    calls = wait_until(lambda: notify_calls(private_bus), 30, what="Notify on the mock server")
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
    wait_until(lambda: len(notify_calls(private_bus)) >= 2, 10, what="the test notice")
    assert "Test reminder from simwatch" in notify_calls(private_bus)[-1]
    d.stop()


def test_test_notify_fails_cleanly_without_a_server(daemon, private_bus):
    d = daemon(
        channel_config([{"id": new_line_id(), "name": "x", "channels": ["journal"]}], DESKTOP),
        env={"DBUS_SESSION_BUS_ADDRESS": private_bus.address},
    )
    done = ctl(daemon, "test-notify", "desktop")
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "desktop" in done.stderr
    assert d.alive()
    d.stop()
