"""Interface counters end to end: on a sysfs fixture (reboot, 32-bit wrap, restart), and on a real veth pair in
network namespaces made here, with real traffic checked against the kernel's own counters.

Polls are forced with `simwatchctl poll` (time_scale 1, a 1-hour interval), so every step is deterministic.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from conftest import new_line_id, wait_until
from provider_support import ctl_json, daemon_config, latest_reading, line_config


class Sysfs:
    """A fake /sys/class/net and boot id."""

    def __init__(self, root: Path):
        self.root = root
        self.boot = root / "boot_id"
        root.mkdir(parents=True, exist_ok=True)
        self.set_boot("boot-1")

    def set_boot(self, value: str) -> None:
        self.boot.write_text(value + "\n")

    def set(self, iface: str, rx: int, tx: int, ifindex: int = 3) -> None:
        stats = self.root / "class" / "net" / iface / "statistics"
        stats.mkdir(parents=True, exist_ok=True)
        (stats / "rx_bytes").write_text(f"{rx}\n")
        (stats / "tx_bytes").write_text(f"{tx}\n")
        (self.root / "class" / "net" / iface / "ifindex").write_text(f"{ifindex}\n")

    def remove(self, iface: str) -> None:
        shutil.rmtree(self.root / "class" / "net" / iface)


def poll(simwatchctl, factory, line) -> dict:
    ctl_json(simwatchctl, factory, "poll", line)
    return latest_reading(simwatchctl, factory, line)


def test_counters_on_a_fixture_survive_reboot_removal_and_restart(daemon, journal, tmp_path, simwatchctl_bin):
    line = new_line_id()
    fs = Sysfs(tmp_path / "sys")
    fs.set("wwan0", 1_000_000, 200_000)
    provider = f"""
        type = "counters"
        interfaces = ["wwan0"]
        sysfs_root = "{fs.root}"
        boot_id_path = "{fs.boot}"
        """
    config = daemon_config(
        line_config(line, provider, plan='quota = "10MB"\nvalid_for = "30d"', rules=_rule("6MB")), time_scale=1
    )
    d = daemon(config, args=["--foreground"])
    d.wait_for_control_socket()
    wait_until(lambda: latest_reading(simwatchctl_bin, daemon, line), 15, what="the baseline reading")
    assert latest_reading(simwatchctl_bin, daemon, line)["used_bytes"] == 0

    fs.set("wwan0", 3_000_000, 700_000)  # +2.5 MB
    r = poll(simwatchctl_bin, daemon, line)
    assert r["used_bytes"] == 2_500_000 and r["remaining_bytes"] == 7_500_000 and r["source"] == "counters"

    fs.set_boot("boot-2")  # rebooted: counters restart from zero
    fs.set("wwan0", 400_000, 100_000)
    assert poll(simwatchctl_bin, daemon, line)["used_bytes"] == 3_000_000

    kept = 3_000_000
    d.stop()
    # While the daemon is down the interface goes away and comes back: counted from zero, nothing lost.
    fs.remove("wwan0")
    fs.set("wwan0", 1_500_000, 0, ifindex=7)
    d2 = daemon(args=["--foreground"])
    d2.wait_for_control_socket()
    # The restarted daemon polls when the interval since the last poll is up; ask now instead of in an hour.
    assert poll(simwatchctl_bin, daemon, line)["used_bytes"] == kept + 1_500_000
    assert "interface wwan0 was re-created" in d2.stderr_text()
    low = wait_until(lambda: journal.reminders(line, SIMWATCH_KIND="low_data"), 15, what="the low-data reminder")
    assert low


def test_counters_wrap_at_32_bits(daemon, tmp_path, simwatchctl_bin):
    line = new_line_id()
    fs = Sysfs(tmp_path / "sys")
    fs.set("usb0", 2**32 - 1000, 0)
    provider = f'type = "counters"\ninterfaces = ["usb0"]\nsysfs_root = "{fs.root}"\nboot_id_path = "{fs.boot}"'
    d = daemon(daemon_config(line_config(line, provider, rules=""), time_scale=1), args=["--foreground"])
    d.wait_for_control_socket()
    wait_until(lambda: latest_reading(simwatchctl_bin, daemon, line), 15, what="the baseline reading")
    fs.set("usb0", 500, 0)  # wrapped: 1000 bytes to the end, then 500
    assert poll(simwatchctl_bin, daemon, line)["used_bytes"] == 1500
    assert "a 32-bit counter of usb0 wrapped" in d.stderr_text()
    fs.set("usb0", 600, 10**12)  # a terabyte in a second: implausible, discarded
    assert poll(simwatchctl_bin, daemon, line)["used_bytes"] == 1500
    assert "discarded an implausible sample of usb0" in d.stderr_text()
    fs.set("usb0", 700, 10**12 + 50)
    assert poll(simwatchctl_bin, daemon, line)["used_bytes"] == 1650


# ---------------------------------------------------------------------------------------------------------------------
# a real interface


def run(*cmd: str, check: bool = True, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(list(cmd), capture_output=True, text=True, timeout=30, check=check, **kw)


@pytest.fixture
def veth():
    """Two network namespaces joined by a veth pair, loopback-range addresses inside them only, no IPv6 and static
    neighbours so nothing but the test's traffic crosses. Removed by name whatever happens."""
    if os.geteuid() != 0 or shutil.which("ip") is None:
        pytest.fail("the veth test needs root and iproute2 (scripts/bootstrap.sh test installs it)")
    tag = uuid.uuid4().hex[:6]
    ns_a, ns_b = f"simwatch-a-{tag}", f"simwatch-b-{tag}"
    dev_a, dev_b = f"swa{tag}", f"swb{tag}"
    addr_a, addr_b = "127.77.0.1", "127.77.0.2"
    try:
        run("ip", "netns", "add", ns_a)
        run("ip", "netns", "add", ns_b)
        run("ip", "link", "add", dev_a, "type", "veth", "peer", "name", dev_b)
        run("ip", "link", "set", dev_a, "netns", ns_a)
        run("ip", "link", "set", dev_b, "netns", ns_b)
        for ns, dev, addr in ((ns_a, dev_a, addr_a), (ns_b, dev_b, addr_b)):
            run("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1",
                "net.ipv4.conf.all.route_localnet=1", f"net.ipv4.conf.{dev}.route_localnet=1")
            run("ip", "-n", ns, "addr", "add", f"{addr}/30", "dev", dev)
        mac = {ns: json.loads(run("ip", "-n", ns, "-j", "link", "show", dev).stdout)[0]["address"]
               for ns, dev in ((ns_a, dev_a), (ns_b, dev_b))}
        run("ip", "-n", ns_a, "neigh", "add", addr_b, "lladdr", mac[ns_b], "dev", dev_a, "nud", "permanent")
        run("ip", "-n", ns_b, "neigh", "add", addr_a, "lladdr", mac[ns_a], "dev", dev_b, "nud", "permanent")
        run("ip", "-n", ns_a, "link", "set", dev_a, "up")
        run("ip", "-n", ns_b, "link", "set", dev_b, "up")
        yield {"ns_a": ns_a, "ns_b": ns_b, "dev_a": dev_a, "addr_b": addr_b}
    finally:
        for ns in (ns_a, ns_b):
            run("ip", "netns", "del", ns, check=False)
        run("ip", "link", "del", dev_a, check=False)


def kernel_bytes(ns: str, dev: str) -> int:
    out = run("ip", "netns", "exec", ns, "sh", "-c",
              f"cat /sys/class/net/{dev}/statistics/rx_bytes /sys/class/net/{dev}/statistics/tx_bytes").stdout
    return sum(int(v) for v in out.split())


def test_counters_on_a_real_veth_match_the_kernel(daemon, journal, tmp_path, simwatchd_bin, simwatchctl_bin, veth):
    line = new_line_id()
    provider = f'type = "counters"\ninterfaces = ["{veth["dev_a"]}"]'
    config = daemon_config(
        line_config(line, provider, plan='quota = "5MB"\nvalid_for = "30d"', rules=_rule("2MB")), time_scale=1
    )
    # The daemon runs inside the namespace: `ip netns exec` mounts that namespace's /sys for it.
    wrapper = tmp_path / "in-netns.sh"
    wrapper.write_text(f'#!/bin/sh\nexec ip netns exec {veth["ns_a"]} {simwatchd_bin} "$@"\n')
    wrapper.chmod(0o755)
    d = daemon(config, binary=wrapper, args=["--foreground"])
    d.wait_for_control_socket()
    wait_until(lambda: latest_reading(simwatchctl_bin, daemon, line), 15, what="the baseline reading")
    before = kernel_bytes(veth["ns_a"], veth["dev_a"])

    server = subprocess.Popen(
        ["ip", "netns", "exec", veth["ns_b"], "python3", "-c",
         "import socket,sys\n"
         "s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
         f"s.bind(('{veth['addr_b']}', 5599)); s.listen(1); print('ready', flush=True)\n"
         "c,_=s.accept(); n=0\n"
         "while (d := c.recv(65536)): n += len(d)\n"
         "c.sendall(b'ok'); print(n)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert server.stdout.readline().strip() == "ready"
        run("ip", "netns", "exec", veth["ns_a"], "python3", "-c",
            "import socket\n"
            f"s=socket.create_connection(('{veth['addr_b']}', 5599), timeout=10)\n"
            "s.sendall(b'x' * 4_000_000); s.shutdown(socket.SHUT_WR)\n"
            "assert s.recv(2) == b'ok'")
        assert server.wait(15) == 0
    finally:
        if server.poll() is None:
            server.kill()
    after = kernel_bytes(veth["ns_a"], veth["dev_a"])
    assert after - before > 4_000_000

    reading = poll(simwatchctl_bin, daemon, line)
    assert reading["used_bytes"] == after - before, "counted bytes must equal the kernel's rx+tx delta"
    try:
        wait_until(lambda: journal.reminders(line, SIMWATCH_KIND="low_data"), 15, what="the low-data reminder")
    except AssertionError:
        # Say what the journal did get from this daemon (the reminder shows in its stderr either way).
        print("journal entries of the line:", [(e.get("_PID"), e.get("MESSAGE")) for e in journal.read(SIMWATCH_LINE=line)])
        raise


def _rule(threshold: str) -> str:
    return f'[[line.rule]]\nid = "low"\nkind = "data_below"\nthreshold = "{threshold}"\nrepeat = "once"\n'
