"""ModemManager end to end: python-dbusmock's `modemmanager` template on a private bus started here (dbus-daemon),
handed to simwatchd as its system bus through DBUS_SYSTEM_BUS_ADDRESS. The test adds what the template lacks:
the SIM's identity, Modem3gpp.Ussd (Initiate, Cancel, State) and Messaging (List, SMS objects), answering with
French carriers' texts.
"""

from __future__ import annotations


import pytest

from conftest import new_line_id, wait_until
from provider_support import daemon_config, latest_reading, line_config

dbus = pytest.importorskip("dbus", reason="dbus-python is installed by scripts/bootstrap.sh test")

MM = "org.freedesktop.ModemManager1"
ROOT = "/org/freedesktop/ModemManager1"
MOCK = "org.freedesktop.DBus.Mock"
SIM = "org.freedesktop.ModemManager1.Sim"
USSD = "org.freedesktop.ModemManager1.Modem.Modem3gpp.Ussd"
MESSAGING = "org.freedesktop.ModemManager1.Modem.Messaging"
SMS = "org.freedesktop.ModemManager1.Sms"
ICCID = "8933010000000000012"
ORANGE = (
    "Orange : au 27/11 a 10h15, il vous reste 1,2 Go d'internet valable jusqu'au 15/12/2030. "
    "Votre credit est de 4,52 EUR."
)


@pytest.fixture
def modem_bus(private_bus):
    """A private bus with the mock ModemManager and one modem (Orange F SIM) on it; yields (address, bus)."""
    private_bus.start_mock("modemmanager", MM, system=True)
    address = private_bus.address
    bus = dbus.bus.BusConnection(address)
    manager = dbus.Interface(bus.get_object(MM, ROOT), MOCK)
    modem_path, sim_path = manager.AddSimpleModem()
    sim = dbus.Interface(bus.get_object(MM, sim_path), MOCK)
    sim.AddProperties(SIM, {"SimIdentifier": ICCID, "OperatorName": "Orange F", "OperatorIdentifier": "20801"})
    modem = dbus.Interface(bus.get_object(MM, modem_path), MOCK)
    modem.AddProperties(USSD, {"State": dbus.UInt32(1), "NetworkRequest": "", "NetworkNotification": ""})
    modem.AddMethod(USSD, "Initiate", "s", "s",
                    "self.codes = getattr(self, 'codes', []) + [args[0]]\n"
                    f"ret = {ORANGE!r} if args[0] == '#123#' else 'Code inconnu'")
    modem.AddMethod(USSD, "Cancel", "", "", "self.cancels = getattr(self, 'cancels', 0) + 1")
    modem.AddProperties(MESSAGING, {"Messages": dbus.Array([], signature="o"), "SupportedStorages": dbus.Array([], signature="u")})
    modem.AddMethod(MESSAGING, "List", "", "ao",
                    "ret = sorted(dbus.ObjectPath(p) for p in objects if p.startswith('/org/freedesktop/ModemManager1/SMS/'))")
    for n, (number, text, stamp) in enumerate(
        [
            ("555", "Free Mobile: Conso data : 1,00 Go / 150 Go.", "2025-01-01T08:00:00+01"),
            ("555", "Free Mobile: Conso data : 3,45 Go / 150 Go. Hors forfait : 0,00€.", "2025-01-02T08:00:00+01"),
            ("+33612345678", "Tu rentres quand ? Il reste 2 Go de gâteau", "2025-01-03T08:00:00+01"),
        ],
        start=1,
    ):
        manager.AddObject(f"{ROOT}/SMS/{n}", SMS,
                          {"Number": number, "Text": text, "Timestamp": stamp, "State": dbus.UInt32(3)}, [])
    yield address, bus, modem_path


def test_ussd_and_sms_readings_from_a_modem(daemon, journal, modem_bus, simwatchctl_bin):
    address, bus, modem_path = modem_bus
    orange, free, nomatch = new_line_id(), new_line_id(), new_line_id()
    lines = [
        line_config(orange, f'type = "modemmanager"\npreset = "orange-fr"\niccid = "{ICCID}"',
                    rules='[[line.rule]]\nid = "low"\nkind = "data_below"\nthreshold = "2GB"\nrepeat = "once"\n'),
        line_config(free, 'type = "modemmanager"\npreset = "free-fr"\nsms_max_age = "30000d"',
                    plan='quota = "150GB"\nvalid_for = "30d"',
                    rules='[[line.rule]]\nid = "low"\nkind = "data_below"\nthreshold = "148GB"\nrepeat = "once"\n'),
        line_config(nomatch, 'type = "modemmanager"\nussd = "#123#"\noperator = "SFR"', rules=""),
    ]
    d = daemon(daemon_config(*lines), env={"DBUS_SYSTEM_BUS_ADDRESS": address}, args=["--foreground"])
    d.wait_for_control_socket()

    low = wait_until(lambda: journal.reminders(orange, SIMWATCH_KIND="low_data"), 20, what="the USSD line's reminder")
    assert "1.2 GB" in low[0]["MESSAGE"]
    reading = latest_reading(simwatchctl_bin, daemon, orange)
    assert reading["source"] == "modemmanager" and reading["remaining_bytes"] == 1_200_000_000
    assert reading["credit"].startswith("4.52") and reading["expires_at"].startswith("2030-12-16T00:00:00+01:00")
    calls = dbus.Interface(bus.get_object(MM, modem_path), MOCK).GetMethodCalls("Initiate")
    assert calls and all([str(a) for a in args] == ["#123#"] for _, args in calls)

    wait_until(lambda: journal.reminders(free, SIMWATCH_KIND="low_data"), 20, what="the SMS line's reminder")
    sms = latest_reading(simwatchctl_bin, daemon, free)
    # The newest SMS from 555, not the older one nor the newer one from someone else.
    assert sms["used_bytes"] == 3_450_000_000 and sms["total_bytes"] == 150_000_000_000
    assert sms["provider_updated_at"].startswith("2025-01-02T08:00:00+01:00")

    wait_until(lambda: f"{nomatch}: poll failed: unavailable: ModemManager: no modem matches" in d.stderr_text(), 20,
               what="the unmatched line's failure")


def test_a_ussd_answer_that_never_comes_times_out(daemon, modem_bus):
    address, bus, modem_path = modem_bus
    modem = dbus.Interface(bus.get_object(MM, modem_path), MOCK)
    modem.AddMethod(USSD, "Initiate", "s", "s", "__import__('time').sleep(3)\nret = 'trop tard'")
    line = new_line_id()
    d = daemon(
        daemon_config(line_config(line, 'type = "modemmanager"\nussd = "#123#"\ntimeout = "1s"', rules="")),
        env={"DBUS_SYSTEM_BUS_ADDRESS": address},
        args=["--foreground"],
    )
    wait_until(lambda: f"{line}: poll failed: timeout" in d.stderr_text(), 20, what="the USSD timeout")
