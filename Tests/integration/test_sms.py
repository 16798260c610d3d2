"""SMS end to end: python-dbusmock's `modemmanager` template on a private bus started here (dbus-daemon), handed to
simwatchd as its system bus through DBUS_SYSTEM_BUS_ADDRESS. The template has modems but no Messaging: the test adds
`Messaging.Create` (which makes an SMS object with `Sms.Send`), `Messaging.Delete`, and a test interface on the
modem that tells what was sent. Checked: the message made with the right number and text and then sent; a modem
that refuses the number (given up after the documented three tries); ModemManager absent, then without a modem
(temporary failures), then with one (delivered).
"""

from __future__ import annotations

import pytest

from channel_support import channel_config, ctl, outbox
from conftest import PrivateBus, new_line_id, wait_until

dbus = pytest.importorskip("dbus", reason="dbus-python is installed by scripts/bootstrap.sh test")

MM = "org.freedesktop.ModemManager1"
ROOT = "/org/freedesktop/ModemManager1"
MOCK = "org.freedesktop.DBus.Mock"
SIM = "org.freedesktop.ModemManager1.Sim"
MESSAGING = "org.freedesktop.ModemManager1.Modem.Messaging"
SMS = "org.freedesktop.ModemManager1.Sms"
TEST = "org.simwatch.Test"
ICCID = "8933010000000000012"
PAGE = "https://boutique.orange.fr/mobile/recharge"
RENEW = f'[line.renew]\nurl = "{PAGE}"\ncode = "#124*CODE#"\n'

SMS_CHANNEL = """\
[channels.sms]
type = "sms"
to = ["+33 6 12 34 56 78", "+44 20 7946 0958"]
iccid = "{iccid}"
max_parts = 2
give_up_after = "60d"
timeout = "5s"
"""

# Messaging.Create: an SMS object whose Send records (number, text) on the modem, or raises what `self.refuse` names.
CREATE = """\
n = getattr(self, 'made', 0) + 1
self.made = n
path = '/org/freedesktop/ModemManager1/SMS/%d' % n
props = {'Number': args[0]['number'], 'Text': args[0]['text'], 'State': dbus.UInt32(0)}
send = ("m = objects['%s']\\n"
        "name = getattr(m, 'refuse', '')\\n"
        "if name: raise dbus.exceptions.DBusException('refused by the network', name=name)\\n"
        "m.sent = getattr(m, 'sent', []) + [(str(self.props['%s']['Number']), str(self.props['%s']['Text']))]\\n"
        "self.props['%s']['State'] = dbus.UInt32(5)") % (MODEM, SMS, SMS, SMS)
self.AddObject(path, SMS, props, [('Send', '', '', send)])
ret = dbus.ObjectPath(path)
"""

DELETE = "self.deleted = getattr(self, 'deleted', []) + [str(args[0])]\nself.RemoveObject(args[0])"


def add_modem(bus: dbus.bus.BusConnection) -> str:
    """The template's modem, with a SIM that has our ICCID and the Messaging interface; returns the modem's path."""
    manager = dbus.Interface(bus.get_object(MM, ROOT), MOCK)
    modem_path, sim_path = manager.AddSimpleModem()
    dbus.Interface(bus.get_object(MM, sim_path), MOCK).AddProperties(
        SIM, {"SimIdentifier": ICCID, "OperatorName": "Orange F", "OperatorIdentifier": "20801"}
    )
    modem = dbus.Interface(bus.get_object(MM, modem_path), MOCK)
    modem.AddProperties(
        MESSAGING,
        {"Messages": dbus.Array([], signature="o"), "SupportedStorages": dbus.Array([], signature="u")},
    )
    create = f"MODEM = {modem_path!r}\nSMS = {SMS!r}\n" + CREATE
    modem.AddMethod(MESSAGING, "Create", "a{sv}", "o", create)
    modem.AddMethod(MESSAGING, "Delete", "o", "", DELETE)
    modem.AddMethod(TEST, "Sent", "", "a(ss)", "ret = dbus.Array(getattr(self, 'sent', []), signature='(ss)')")
    modem.AddMethod(TEST, "Deleted", "", "as", "ret = dbus.Array(getattr(self, 'deleted', []), signature='s')")
    modem.AddMethod(TEST, "Refuse", "s", "", "self.refuse = args[0]")
    return modem_path


def sent(bus: dbus.bus.BusConnection, modem_path: str) -> list[tuple[str, str]]:
    return [(str(n), str(t)) for n, t in dbus.Interface(bus.get_object(MM, modem_path), TEST).Sent()]


def entries(factory, line: str, *args: str) -> list[dict]:
    return [e for e in outbox(factory, "--channel", "sms", *args) if e["line"] == line]


@pytest.fixture
def mm_bus(private_bus: PrivateBus):
    """The private bus with the mock ModemManager on it (no modem yet); yields (bus, connection)."""
    private_bus.start_mock("modemmanager", MM, system=True)
    yield private_bus, dbus.bus.BusConnection(private_bus.address)


def test_the_message_is_created_with_number_and_text_then_sent(daemon, mm_bus):
    private, bus = mm_bus
    modem_path = add_modem(bus)
    line = new_line_id()
    config = channel_config(
        [{"id": line, "name": "Orange", "channels": ["sms"], "extra": RENEW}], SMS_CHANNEL.format(iccid=ICCID)
    )
    d = daemon(config, env={"DBUS_SYSTEM_BUS_ADDRESS": private.address})
    messages = wait_until(lambda: len(sent(bus, modem_path)) >= 2 and sent(bus, modem_path), 30, what="two SMS sent")
    assert [number for number, _ in messages] == ["+33612345678", "+442079460958"]
    text = messages[0][1]
    assert messages[1][1] == text
    lines = text.split("\n")
    assert lines[0].startswith("Orange: 1 GB left") and lines[0].endswith(": renew now"), text
    assert "#124*CODE#" in lines[1], text
    assert lines[-1] == PAGE and text.count(PAGE) == 1, text

    # Create got {"number": s, "text": s}; each message was deleted once sent.
    calls = dbus.Interface(bus.get_object(MM, modem_path), MOCK).GetMethodCalls("Create")
    assert [({str(k): str(v) for k, v in args[0].items()}) for _, args in calls][:2] == [
        {"number": "+33612345678", "text": text},
        {"number": "+442079460958", "text": text},
    ]
    deleted = [str(p) for p in dbus.Interface(bus.get_object(MM, modem_path), TEST).Deleted()]
    assert deleted[:2] == [f"{ROOT}/SMS/1", f"{ROOT}/SMS/2"]
    wait_until(lambda: [e["state"] for e in entries(daemon, line)] == ["sent"], 15, what="recorded as sent")

    done = ctl(daemon, "test-notify", "sms", "--line", line)
    assert done.returncode == 0, done.stderr
    tests = sent(bus, modem_path)[2:]
    assert [n for n, _ in tests] == ["+33612345678", "+442079460958"]
    assert tests[0][1].startswith("Orange: test reminder through sms"), tests
    assert d.alive()
    d.stop()


def test_a_refused_number_is_given_up_after_three_tries(daemon, mm_bus):
    private, bus = mm_bus
    modem_path = add_modem(bus)
    refusal = "org.freedesktop.ModemManager1.Error.Message.InvalidPduParameter"
    dbus.Interface(bus.get_object(MM, modem_path), TEST).Refuse(refusal)
    line = new_line_id()
    config = channel_config([{"id": line, "name": "Orange", "channels": ["sms"]}], SMS_CHANNEL.format(iccid=ICCID))
    d = daemon(config, env={"DBUS_SYSTEM_BUS_ADDRESS": private.address}, args=["--foreground"])

    dead = wait_until(lambda: entries(daemon, line, "--dead"), 60, what="the reminder given up")
    entry = dead[0]
    assert entry["state"] == "dead" and entry["attempts"] == 3, entry
    assert entry["last_error"].startswith(f"rejected: SMS to +33612345678 ({modem_path}): {refusal}"), entry
    assert sent(bus, modem_path) == []
    calls = dbus.Interface(bus.get_object(MM, modem_path), MOCK).GetMethodCalls("Create")
    assert len(calls) == 3, "one message made per try, none for the second number after the first was refused"
    # Refused messages are deleted too; the journal (stderr in the foreground) says it was given up.
    assert len(dbus.Interface(bus.get_object(MM, modem_path), TEST).Deleted()) == 3
    wait_until(
        lambda: f"reminder {line}/low/1/1/sms via sms given up after 3 attempts: rejected: SMS to +33612345678"
        in d.stderr_text(),
        10,
        what="the give-up in the log",
    )
    done = ctl(daemon, "test-notify", "sms", "--line", line)
    assert done.returncode == 1 and refusal in done.stderr, done.stderr
    d.stop()


def test_no_modemmanager_then_no_modem_are_retried_until_a_modem_appears(daemon, private_bus):
    line = new_line_id()
    config = channel_config([{"id": line, "name": "Orange", "channels": ["sms"]}], SMS_CHANNEL.format(iccid=ICCID))
    d = daemon(config, env={"DBUS_SYSTEM_BUS_ADDRESS": private_bus.address})

    def failed(needle):
        def check():
            found = entries(daemon, line)
            return (
                found and found[0]["state"] == "pending" and needle in (found[0]["last_error"] or "") and found[0]
            )

        return check

    entry = wait_until(failed("org.freedesktop.DBus.Error.ServiceUnknown"), 30, what="a try without ModemManager")
    assert entry["last_error"].startswith("temporary: ModemManager: "), entry

    private_bus.start_mock("modemmanager", MM, system=True)
    bus = dbus.bus.BusConnection(private_bus.address)
    entry = wait_until(failed("ModemManager knows no modem"), 30, what="a try without a modem")
    assert entry["last_error"] == "temporary: ModemManager: ModemManager knows no modem", entry
    tries = entry["attempts"]

    modem_path = add_modem(bus)
    wait_until(lambda: [e["state"] for e in entries(daemon, line)] == ["sent"], 60, what="delivered once the modem is there")
    assert [n for n, _ in sent(bus, modem_path)] == ["+33612345678", "+442079460958"]
    assert entries(daemon, line)[0]["attempts"] > tries
    assert d.alive()
    d.stop()


def test_two_modems_without_a_choice_wait_for_the_configuration(daemon, mm_bus):
    private, bus = mm_bus
    add_modem(bus)
    manager = dbus.Interface(bus.get_object(MM, ROOT), MOCK)
    manager.AddObject(f"{ROOT}/Modems/9", "org.freedesktop.ModemManager1.Modem", {"Sim": dbus.ObjectPath("/")}, [])
    line = new_line_id()
    channel = SMS_CHANNEL.format(iccid=ICCID).replace(f'iccid = "{ICCID}"\n', "")
    d = daemon(
        channel_config([{"id": line, "name": "Orange", "channels": ["sms"]}], channel),
        env={"DBUS_SYSTEM_BUS_ADDRESS": private.address},
    )

    def misconfigured():
        found = entries(daemon, line)
        return found and found[0]["last_error"] and found[0]

    entry = wait_until(misconfigured, 30, what="a failed try")
    assert entry["state"] == "pending", entry
    assert entry["last_error"] == "misconfigured: ModemManager: 2 modems: set `iccid` or `operator` to choose one"
    d.stop()
