"""Delivery that rides out being offline (docs/configuration.md, "Offline"): no reminder given up for time without
network, the backlog coalesced to each alert's latest reminder with the critical one first, and a retry soon after
the network is back, by plain back-off (a network namespace whose link is taken down and brought back) or at once
when NetworkManager says so (python-dbusmock's networkmanager template on a private system bus).

Mail goes through the real msmtp (exit 75 when it cannot connect: offline) to an aiosmtpd sink.
"""

from __future__ import annotations

import email
import email.policy
import os
import secrets
import shutil
import subprocess
import time

import pytest

from channel_support import SmtpSink, outbox, sendmail_path, write_msmtprc
from conftest import config_toml, free_port, line_tables, new_line_id, wait_until, write_script


def mail_channel(give_up_after: str) -> str:
    return f"""\
[channels.mail]
type = "email"
to = "Me <me@example.com>"
from = "simwatch <simwatch@example.com>"
sendmail = "{sendmail_path()}"
timeout = "20s"
give_up_after = "{give_up_after}"
"""


def rules(repeat: str) -> list[dict]:
    """Two alerts that fire at the first poll of the demo line: a warning and a critical one."""
    return [
        {"id": "low", "kind": "data_below", "threshold": "2GB", "severity": "warning", "repeat": repeat},
        {"id": "crit", "kind": "data_below", "threshold": "3GB", "severity": "critical", "repeat": repeat},
    ]


def notification_ids(sink: SmtpSink) -> list[str]:
    return [
        str(email.message_from_bytes(raw, policy=email.policy.default)["X-Simwatch-Notification-Id"])
        for _, _, raw in sink.messages
    ]


def run(*cmd: str) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, f"{' '.join(cmd)}: {done.stderr}"


class Namespace:
    """A network namespace joined to this one by a veth pair: 10.213.N.1 here, 10.213.N.2 in the namespace. The
    namespace's end is taken down (no route: connect fails at once, as offline) and brought back up."""

    def __init__(self):
        if os.geteuid() != 0 or shutil.which("ip") is None:
            pytest.fail("network namespaces need root and iproute2 (ip)")
        tag = secrets.token_hex(3)
        self.name = f"swoff-{tag}"
        self.host_end = f"swh{tag}"
        self.ns_end = f"swn{tag}"
        n = int(tag[:2], 16)
        self.host_ip = f"10.213.{n}.1"
        self.ns_ip = f"10.213.{n}.2"
        run("ip", "netns", "add", self.name)
        try:
            run("ip", "link", "add", self.host_end, "type", "veth", "peer", "name", self.ns_end)
            run("ip", "link", "set", self.ns_end, "netns", self.name)
            run("ip", "addr", "add", f"{self.host_ip}/24", "dev", self.host_end)
            run("ip", "link", "set", self.host_end, "up")
            self.inside("ip", "addr", "add", f"{self.ns_ip}/24", "dev", self.ns_end)
            self.inside("ip", "link", "set", "lo", "up")
        except BaseException:
            self.remove()
            raise

    def inside(self, *cmd: str) -> None:
        run("ip", "netns", "exec", self.name, *cmd)

    def link(self, up: bool) -> None:
        self.inside("ip", "link", "set", self.ns_end, "up" if up else "down")

    def remove(self) -> None:
        subprocess.run(["ip", "netns", "del", self.name], capture_output=True, timeout=30)
        subprocess.run(["ip", "link", "del", self.host_end], capture_output=True, timeout=30)


@pytest.fixture
def netns():
    ns = Namespace()
    try:
        yield ns
    finally:
        ns.remove()


@pytest.fixture
def sink():
    made: list[SmtpSink] = []

    def make(host: str = "127.0.0.1") -> SmtpSink:
        s = SmtpSink(free_port(), host=host)
        made.append(s)
        return s

    yield make
    for s in made:
        s.stop()


def test_an_outage_is_ridden_out_and_its_backlog_coalesced(daemon, netns, sink):
    """time_scale 60: a real second is a simulated minute. Offline for 40 simulated minutes while both alerts
    repeat every 10, with give_up_after 10 minutes (of time online): nothing is given up; once the link is back, each
    alert's latest reminder arrives, the critical one first, within a minute, and the older ones are superseded."""
    mail = sink(netns.host_ip)
    mail.start()
    write_msmtprc(daemon.directory / "home", mail.port, host=netns.host_ip)
    netns.link(False)
    line = new_line_id()
    config = config_toml(
        mail_channel("10m"),
        line_tables(line, name="Roaming eSIM", channels=["mail"], rules=rules("every 10m")),
        daemon={"time_scale": 60, "poll_interval": "1h"},
    )
    wrapper = write_script(
        daemon.directory, "in-netns", f'exec ip netns exec {netns.name} {daemon.binary} "$@"\n'
    )
    d = daemon(config, binary=wrapper, args=["--foreground"])

    def mail_rows() -> list[dict]:
        return [e for e in outbox(daemon, "--channel", "mail") if e["line"] == line]

    def piled_up():
        rows = mail_rows()
        superseded = [r for r in rows if r["state"] == "superseded"]
        waiting = [r for r in rows if r["state"] == "pending"]
        tried = [r for r in waiting if (r.get("last_error") or "").startswith("offline: ")]
        return len(superseded) >= 4 and len(waiting) == 2 and tried and rows

    rows = wait_until(
        piled_up, 90, interval=1, what="repeats piling up and coalescing while offline", detail=lambda: str(mail_rows())
    )
    d.assert_alive()
    assert mail.messages == []
    assert not [r for r in rows if r["state"] == "dead"], rows

    back = time.monotonic()
    netns.link(True)
    wait_until(lambda: len(mail.messages) >= 2, 60, what="the backlog delivered after the link came back")
    assert mail.arrived[1] - back < 60
    ids = notification_ids(mail)
    # What matters now: one reminder per alert, the critical one first.
    assert ids[0].startswith(f"{line}/crit/1/") and ids[1].startswith(f"{line}/low/1/"), ids
    rows = mail_rows()
    assert not [r for r in rows if r["state"] == "dead"], rows
    for rule, delivered in (("crit", ids[0]), ("low", ids[1])):
        occurrence = int(delivered.split("/")[3])
        older = [r for r in rows if r["rule"] == rule and int(r["id"].split("/")[3]) < occurrence]
        assert older and all(r["state"] == "superseded" for r in older), older
        assert all(r["last_error"].startswith("superseded by") for r in older)
    log = d.stderr_text()
    assert "superseded by" in log and "(a newer reminder of the same alert); not sent" in log
    assert "given up" not in log
    d.stop()


def test_networkmanager_saying_the_network_is_back_brings_a_retry_at_once(daemon, private_bus, sink):
    """Real time (time_scale 1): after the first attempt finds no network (the mail server refuses: msmtp exits 75),
    plain back-off would wait 45 to 75 s. NetworkManager (dbusmock) says the network is back, and the reminder goes
    out within seconds."""
    private_bus.start_mock(
        "networkmanager", "org.freedesktop.NetworkManager", system=True, parameters={"Connectivity": 1, "State": 20}
    )
    mail = sink()  # not started yet: connection refused
    write_msmtprc(daemon.directory / "home", mail.port)
    line = new_line_id()
    config = config_toml(
        mail_channel("1d"),
        line_tables(line, name="Roaming eSIM", channels=["mail"], rules=rules("once")[:1]),
        daemon={"time_scale": 1, "poll_interval": "1h"},
    )
    d = daemon(config, env={"DBUS_SYSTEM_BUS_ADDRESS": private_bus.address}, args=["--foreground"])

    def waiting():
        rows = [e for e in outbox(daemon, "--channel", "mail") if e["line"] == line]
        return rows and rows[0]["state"] == "pending" and "offline" in (rows[0].get("last_error") or "") and rows

    rows = wait_until(waiting, 30, interval=0.5, what="the first attempt finding no network")
    first_retry = rows[0]["next_attempt_at"]
    assert first_retry is not None
    wait_until(lambda: "NetworkManager says the host is offline" in d.stderr_text(), 30, what="the watch's first look")

    mail.start()
    back = time.monotonic()
    for method, value in (("SetGlobalConnectionState", "uint32:70"), ("SetConnectivity", "uint32:4")):
        run(
            "dbus-send", f"--bus={private_bus.address}", "--print-reply", "--dest=org.freedesktop.NetworkManager",
            "/org/freedesktop/NetworkManager", f"org.freedesktop.DBus.Mock.{method}", value,
        )
    wait_until(lambda: mail.messages, 20, what="the reminder sent when NetworkManager said the network is back")
    assert mail.arrived[0] - back < 20, "waited for the back-off, not for NetworkManager"
    assert notification_ids(mail) == [f"{line}/low/1/1/mail"]
    assert "NetworkManager says the network is back: 1 reminder waiting for it tried now" in d.stderr_text()
    rows = [e for e in outbox(daemon, "--channel", "mail") if e["line"] == line]
    assert rows[0]["state"] == "sent" and rows[0]["attempts"] == 2
    d.stop()
