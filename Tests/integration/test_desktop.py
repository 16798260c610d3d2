"""Desktop notices over a private session bus (dbus-daemon started here) to python-dbusmock's notification server:
urgency from severity, no server being an ordinary, retried failure, and the "Renew" button: offered where the
server advertises buttons, opening the renewal page with xdg-open (a recorder on PATH) when the server says it
was pressed."""

from __future__ import annotations

import subprocess

from channel_support import channel_config, ctl, outbox
from conftest import PrivateBus, dbusmock_python, new_line_id, wait_until, write_script

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


def start_notification_server(bus: PrivateBus, capabilities: str | None = None) -> None:
    parameters = {"capabilities": capabilities} if capabilities else None
    bus.start_mock("notification_daemon", NOTIFICATIONS, log=bus.directory / "dbusmock.log", parameters=parameters)


PAGE = "https://boutique.orange.fr/mobile/recharge"
RENEW = f'[line.renew]\nurl = "{PAGE}"\n'

PRESS = """\
import sys
import dbus
bus = dbus.bus.BusConnection(sys.argv[1])
server = bus.get_object("org.freedesktop.Notifications", "/org/freedesktop/Notifications")
server.EmitSignal("org.freedesktop.Notifications", "ActionInvoked", "us", [dbus.UInt32(int(sys.argv[2])), sys.argv[3]],
                  dbus_interface="org.freedesktop.DBus.Mock")
"""


def press(bus: PrivateBus, notification_id: int, key: str) -> None:
    """The notification server says the user pressed a button: ActionInvoked(id, key), as a server emits it."""
    subprocess.run([dbusmock_python(), "-c", PRESS, bus.address, str(notification_id), key], check=True, timeout=20)


def test_the_renew_button_opens_the_page(daemon, private_bus, tmp_path):
    start_notification_server(private_bus, capabilities="body actions")
    opener = tmp_path / "bin"
    opener.mkdir()
    opened = tmp_path / "opened"
    write_script(opener, "xdg-open", f'printf "%s\\n" "$@" >> "{opened}"\n')
    line = new_line_id()
    config = channel_config([{"id": line, "name": "Orange", "channels": ["desktop"], "extra": RENEW}], DESKTOP)
    d = daemon(config, env={"DBUS_SESSION_BUS_ADDRESS": private_bus.address, "PATH": f"{opener}:/usr/bin:/bin"})
    calls = wait_until(lambda: notify_calls(private_bus), 30, what="Notify on the mock server")
    assert '["default", "Renew", "renew", "Renew"]' in calls[0], calls[0]
    assert PAGE in calls[0], "the page is in the body too"
    press(private_bus, 1, "renew")
    wait_until(lambda: opened.exists() and opened.read_text() == PAGE + "\n", 20, what="xdg-open given the page")
    press(private_bus, 2, "renew")  # another notice's button: not ours to open
    assert d.alive()
    d.stop()
    assert opened.read_text() == PAGE + "\n"


def test_a_server_without_buttons_gets_the_link_in_the_body(daemon, private_bus):
    start_notification_server(private_bus)
    line = new_line_id()
    config = channel_config([{"id": line, "name": "Orange", "channels": ["desktop"], "extra": RENEW}], DESKTOP)
    d = daemon(config, env={"DBUS_SESSION_BUS_ADDRESS": private_bus.address})
    calls = wait_until(lambda: notify_calls(private_bus), 30, what="Notify on the mock server")
    assert " [] " in calls[0] and PAGE in calls[0], calls[0]
    d.stop()


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
