"""The [metrics] endpoint scraped by a real Prometheus (Debian's prometheus) on loopback, the textfile for
node_exporter, and the server's refusals."""

from __future__ import annotations

import http.client
import json
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

from channel_support import channel_config
from conftest import free_port, new_line_id, stop_pid, wait_until

PROMETHEUS = shutil.which("prometheus")


def metrics_config(line: str, port: int, textfile: Path | None = None, extra: str = "", time_scale: int = 3600) -> str:
    table = f'[metrics]\nlisten = "127.0.0.1:{port}"\n'
    if textfile is not None:
        table += f'textfile = "{textfile}"\n'
    lines = [{"id": line, "name": 'Orange "Holiday"', "channels": ["journal"]}]
    return channel_config(lines, table + extra, time_scale=time_scale)


def scrape(port: int, path: str = "/metrics", method: str = "GET") -> tuple[int, dict, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request(method, path)
        answer = connection.getresponse()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read().decode()
    finally:
        connection.close()


def samples(text: str) -> dict[str, float]:
    out = {}
    for row in text.splitlines():
        if row and not row.startswith("#"):
            name, value = row.rsplit(" ", 1)
            out[name] = float(value)
    return out


def test_the_endpoint_serves_the_lines_and_refuses_the_rest(daemon, tmp_path):
    line = new_line_id()
    port = free_port()
    textfile = tmp_path / "simwatch.prom"
    d = daemon(metrics_config(line, port, textfile))
    d.wait_for_control_socket()

    def remaining():
        status, _, text = scrape(port)
        return status == 200 and samples(text).get(f'simwatch_line_remaining_bytes{{line="{line}"}}')

    wait_until(remaining, 30, what="the line's remaining bytes in /metrics")
    status, headers, text = scrape(port)
    assert headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8"
    values = samples(text)
    assert values["simwatch_up"] == 1
    assert values["simwatch_state_transactions_total"] >= 2, "the start's adoption and the poll were committed"
    assert values[f'simwatch_line_quota_bytes{{line="{line}"}}'] == 1_000_000_000
    assert values[f'simwatch_alert_firing{{line="{line}",rule="low",severity="warning"}}'] == 1
    assert f'simwatch_line_expiry_timestamp_seconds{{line="{line}"}}' in values
    assert '# TYPE simwatch_channel_delivery_duration_seconds histogram' in text
    assert any(k.startswith('simwatch_build_info{version="') for k in values)
    wait_until(
        lambda: samples(scrape(port)[2]).get('simwatch_channel_deliveries_total{channel="journal"}', 0) >= 1,
        30,
        what="the journal's delivery counted",
    )

    assert scrape(port, "/")[0] == 404
    assert scrape(port, "/metrics", "POST")[0] == 405
    assert scrape(port, "/metrics", "HEAD")[0] == 200

    # A request head that never ends is cut off, and an oversized one refused, without disturbing the daemon.
    slow = socket.create_connection(("127.0.0.1", port), timeout=10)
    slow.sendall(b"GET /metrics HTTP/1.1\r\n")
    big = socket.create_connection(("127.0.0.1", port), timeout=10)
    big.sendall(b"GET /metrics HTTP/1.1\r\nX: " + b"a" * 9000)
    assert big.recv(100).startswith(b"HTTP/1.1 431 ")
    big.close()
    started = time.monotonic()
    assert slow.recv(100) == b""
    assert time.monotonic() - started < 8
    slow.close()
    assert scrape(port)[0] == 200

    wait_until(lambda: textfile.exists() and "simwatch_up 1" in textfile.read_text(), 30, what="the textfile")
    assert f'simwatch_line_remaining_bytes{{line="{line}"}}' in textfile.read_text()
    assert not Path(str(textfile) + ".tmp").exists()
    d.assert_alive()
    assert d.stop() == 0
    assert "simwatch_up 0" in textfile.read_text(), "the textfile says simwatchd stopped"


def test_an_address_other_hosts_reach_is_refused_without_allow_remote(daemon):
    line = new_line_id()
    config = channel_config([{"id": line, "name": "x", "channels": ["journal"]}], '[metrics]\nlisten = "0.0.0.0:9"\n')
    d = daemon(config, args=["--foreground"])
    assert d.proc.wait(20) == 78, "a configuration error"
    assert "not a loopback address" in d.stderr_text() and "allow_remote = true" in d.stderr_text()


def test_prometheus_scrapes_the_figures(daemon, tmp_path):
    assert PROMETHEUS, "prometheus is not installed: run scripts/bootstrap.sh test"
    line = new_line_id()
    port = free_port()
    # Real time: one reading, so the figure Prometheus scrapes is the one read here.
    d = daemon(metrics_config(line, port, time_scale=1))
    d.wait_for_control_socket()
    wait_until(lambda: samples(scrape(port)[2]).get(f'simwatch_line_remaining_bytes{{line="{line}"}}'), 30,
               what="the figures in /metrics")
    expected = samples(scrape(port)[2])[f'simwatch_line_remaining_bytes{{line="{line}"}}']

    web = free_port()
    config = tmp_path / "prometheus.yml"
    config.write_text(
        "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
        "scrape_configs:\n  - job_name: simwatch\n    static_configs:\n"
        f"      - targets: ['127.0.0.1:{port}']\n"
    )
    log = open(tmp_path / "prometheus.log", "wb")
    prometheus = subprocess.Popen(
        [
            PROMETHEUS,
            f"--config.file={config}",
            f"--storage.tsdb.path={tmp_path / 'tsdb'}",
            f"--web.listen-address=127.0.0.1:{web}",
            "--log.level=warn",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        def query(expr: str):
            url = f"http://127.0.0.1:{web}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
            try:
                with urllib.request.urlopen(url, timeout=5) as answer:
                    body = json.loads(answer.read())
            except OSError:
                return None
            return body["data"]["result"] if body.get("status") == "success" else None

        result = wait_until(
            lambda: query(f'simwatch_line_remaining_bytes{{line="{line}"}}'), 60, what="Prometheus to scrape simwatch"
        )
        assert float(result[0]["value"][1]) == expected
        assert result[0]["metric"]["job"] == "simwatch"
        up = wait_until(lambda: query('up{job="simwatch"}'), 30, what="the scrape's health")
        assert up[0]["value"][1] == "1", "the exposition parsed without error"
        firing = query("simwatch_alert_firing")
        assert firing and firing[0]["metric"]["severity"] == "warning"
        assert query("simwatch_channel_delivery_duration_seconds_bucket")
    finally:
        stop_pid(prometheus)
        log.close()
    d.assert_alive()
