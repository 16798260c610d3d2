"""The alertmanager channel against two real Alertmanagers (Debian's prometheus-alertmanager) in a cluster on
loopback: alerts appear on both, grouped; a silence holds; a renewal ends the alert; one peer down loses nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from channel_support import channel_config, ctl, outbox
from conftest import free_port, new_line_id, stop_pid, wait_until

ALERTMANAGER = shutil.which("prometheus-alertmanager") or shutil.which("alertmanager")


AM_CONFIG = """\
route:
  receiver: "null"
  group_by: ["alertname", "line"]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: "null"
"""


class Peer:
    """One Alertmanager, started and stopped by PID."""

    def __init__(self, directory: Path, name: str, web: int, cluster: int, peers: list[int]):
        self.directory = directory / name
        self.directory.mkdir()
        (self.directory / "alertmanager.yml").write_text(AM_CONFIG)
        self.web = web
        self.url = f"http://127.0.0.1:{web}"
        args = [
            ALERTMANAGER,
            f"--config.file={self.directory / 'alertmanager.yml'}",
            f"--storage.path={self.directory / 'data'}",
            f"--web.listen-address=127.0.0.1:{web}",
            f"--cluster.listen-address=127.0.0.1:{cluster}",
            f"--cluster.advertise-address=127.0.0.1:{cluster}",
            "--cluster.peer-timeout=1s",
            "--cluster.gossip-interval=100ms",
            "--cluster.pushpull-interval=1s",
            "--log.level=warn",
        ] + [f"--cluster.peer=127.0.0.1:{p}" for p in peers]
        self.log = open(self.directory / "log", "wb")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def get(self, path: str):
        with urllib.request.urlopen(self.url + path, timeout=5) as answer:
            return json.loads(answer.read())

    def post(self, path: str, body) -> dict:
        request = urllib.request.Request(
            self.url + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=5) as answer:
            return json.loads(answer.read() or b"{}")

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(self.url + "/-/ready", timeout=2) as answer:
                return answer.status == 200
        except OSError:
            return False

    def alerts(self, line: str) -> list[dict]:
        return [a for a in self.get("/api/v2/alerts") if a["labels"].get("line") == line]

    def stop(self) -> None:
        stop_pid(self.proc)
        self.log.close()

    def log_text(self) -> str:
        return (self.directory / "log").read_text(errors="replace")


@pytest.fixture
def cluster(tmp_path):
    assert ALERTMANAGER, "prometheus-alertmanager is not installed: run scripts/bootstrap.sh test"
    webs = [free_port(), free_port()]
    gossip = [free_port(), free_port()]
    peers = [
        Peer(tmp_path, "am1", webs[0], gossip[0], [gossip[1]]),
        Peer(tmp_path, "am2", webs[1], gossip[1], [gossip[0]]),
    ]
    try:
        for peer in peers:
            wait_until(peer.ready, 30, what=f"alertmanager on {peer.url}")
        wait_until(
            lambda: all(len(p.get("/api/v2/status")["cluster"]["peers"]) == 2 for p in peers),
            30,
            what="the two alertmanagers to form a cluster",
        )
        yield peers
    finally:
        for peer in peers:
            if peer.proc.poll() is None:
                peer.stop()


def am_channel(peers: list[Peer]) -> str:
    urls = ", ".join(f'"{p.url}"' for p in peers)
    return f"""\
[channels.am]
type = "alertmanager"
url = [{urls}]
group = "lab"
runbook = "https://wiki.example/simwatch"
timeout = "3s"
give_up_after = "1d"
"""


def delivered(daemon, line: str, event_id: str):
    entries = [e for e in outbox(daemon, "--channel", "am") if e["line"] == line and e["id"] == event_id]
    return entries and entries[0]["state"] == "sent" and entries[0]


def test_alerts_appear_group_hold_a_silence_and_resolve(daemon, cluster):
    am1, am2 = cluster
    line = new_line_id()
    d = daemon(channel_config([{"id": line, "name": "Orange Holiday", "channels": ["am"]}], am_channel(cluster)))
    d.wait_for_control_socket()
    wait_until(lambda: delivered(daemon, line, f"{line}/low/1/1/am"), 30, what="the alert delivered")

    for peer in (am1, am2):
        alerts = wait_until(lambda: peer.alerts(line), 20, what=f"the alert on {peer.url}")
        assert len(alerts) == 1
        alert = alerts[0]
        assert alert["labels"] == {
            "alertname": "simwatch_low_data",
            "line": line,
            "rule": "low",
            "kind": "low_data",
            "severity": "warning",
            "group": "lab",
        }
        assert alert["annotations"]["runbook_url"] == "https://wiki.example/simwatch"
        assert alert["annotations"]["summary"].startswith("Orange Holiday: ")
        assert alert["status"]["state"] == "active"

    groups = wait_until(
        lambda: [g for g in am2.get("/api/v2/alerts/groups") if g["labels"].get("line") == line],
        20,
        what="the alert's group",
    )
    assert groups[0]["labels"] == {"alertname": "simwatch_low_data", "line": line}

    # A silence made on one peer holds on both.
    now = time.time()
    silence = am1.post(
        "/api/v2/silences",
        {
            "matchers": [{"name": "line", "value": line, "isRegex": False, "isEqual": True}],
            "startsAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now - 60)),
            "endsAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now + 3600)),
            "createdBy": "test",
            "comment": "travelling",
        },
    )
    for peer in (am1, am2):
        wait_until(
            lambda: [a for a in peer.alerts(line) if a["status"]["state"] == "suppressed"],
            20,
            what=f"the alert silenced on {peer.url}",
        )
        assert peer.alerts(line)[0]["status"]["silencedBy"] == [silence["silenceID"]]

    # The renewal ends it: endsAt in the past, so neither peer shows it any more.
    done = ctl(daemon, "renew", line, "--data", "10GB", "--valid", "14d")
    assert done.returncode == 0, done.stderr
    wait_until(lambda: delivered(daemon, line, f"{line}/low+resolved/1/1/am"), 30, what="the resolution delivered")
    for peer in (am1, am2):
        wait_until(lambda: not peer.alerts(line), 20, what=f"the alert resolved on {peer.url}")
    d.assert_alive()


def test_one_peer_down_loses_nothing(daemon, cluster):
    am1, am2 = cluster
    line = new_line_id()
    daemon(channel_config([{"id": line, "name": "Orange Holiday", "channels": ["am"]}], am_channel(cluster)))
    wait_until(lambda: delivered(daemon, line, f"{line}/low/1/1/am"), 30, what="the alert delivered")
    wait_until(lambda: am2.alerts(line), 20, what="the alert on the second peer")

    am1.stop()
    done = ctl(daemon, "renew", line, "--data", "10GB", "--valid", "14d")
    assert done.returncode == 0, done.stderr
    entry = wait_until(
        lambda: delivered(daemon, line, f"{line}/low+resolved/1/1/am"), 30, what="the resolution delivered to am2"
    )
    assert entry["attempts"] == 1, "one peer accepting is a delivery"
    wait_until(lambda: not am2.alerts(line), 20, what="the alert resolved on the surviving peer")

    # Nothing delivered at all while both are down: retried, then delivered once one is back.
    am2.stop()
    line2 = new_line_id()
    second = channel_config(
        [{"id": line, "name": "Orange Holiday", "channels": ["am"]}, {"id": line2, "name": "Spare", "channels": ["am"]}],
        am_channel(cluster),
    )
    daemon.write_config(second)
    daemon.started[-1].sighup()
    wait_until(
        lambda: [e for e in outbox(daemon, "--channel", "am") if e["line"] == line2 and e["attempts"] >= 1],
        30,
        what="a failed attempt while both peers are down",
    )
    assert not delivered(daemon, line2, f"{line2}/low/1/1/am")
