"""Past one machine: `[daemon] shard = "K/N"`. Two daemons on the same configuration (each its own state and socket,
as on two machines) watch every line exactly once between them, and a line stays in its shard across restarts."""

from __future__ import annotations

import json
import os
import signal
import subprocess

from conftest import config_toml, line_tables, new_line_id, run_simwatchctl, simwatchctl_path, wait_for_socket, wait_until


def start(simwatchd_bin, directory, shard: str, lines: list[str]) -> tuple[subprocess.Popen, object]:
    directory.mkdir(exist_ok=True)
    config = directory / "config.toml"
    config.write_text(config_toml(*[line_tables(line) for line in lines], daemon={"shard": shard}))
    sock = directory / "control.sock"
    log = open(directory / "stderr", "wb")
    proc = subprocess.Popen(
        [str(simwatchd_bin), "--config", str(config), "--state-dir", str(directory / "state"), "--socket", str(sock),
         "--foreground"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True,
        env={**os.environ, "XDG_RUNTIME_DIR": str(directory)},
    )
    log.close()
    wait_for_socket(sock, 30, what=f"shard {shard}'s control socket")
    return proc, sock


def watched(simwatchd_bin, sock) -> set[str]:
    done = run_simwatchctl(simwatchctl_path(simwatchd_bin), sock, "lines", "--json")
    assert done.returncode in (0, 1), done.stderr
    return {line["id"] for line in json.loads(done.stdout)["lines"]}


def test_two_shards_watch_every_line_exactly_once(simwatchd_bin, tmp_path):
    lines = [new_line_id() for _ in range(40)]
    procs = []
    try:
        shards = {}
        for k in (1, 2):
            proc, sock = start(simwatchd_bin, tmp_path / f"shard{k}", f"{k}/2", lines)
            procs.append(proc)
            shards[k] = sock
        first, second = watched(simwatchd_bin, shards[1]), watched(simwatchd_bin, shards[2])
        assert first and second, (first, second)
        assert first | second == set(lines)
        assert not first & second
        log = (tmp_path / "shard1" / "stderr").read_text()
        assert f"watching {len(first)} line(s), shard 1/2 of 40 configured" in log

        # Each shard reads its own lines and only those (first reads of many lines are spread over a few simulated
        # seconds, so a reading may already be a little under 1 GB).
        wait_until(lambda: (tmp_path / "shard2" / "stderr").read_text().count(" left of 1 GB") >= len(second), 30,
                   what="shard 2's first readings")
        text = (tmp_path / "shard2" / "stderr").read_text()
        assert not [line for line in first if f"{line}: " in text]

        # Restarted, a shard watches the same lines.
        procs[0].send_signal(signal.SIGTERM)
        procs[0].wait(timeout=30)
        proc, sock = start(simwatchd_bin, tmp_path / "shard1", "1/2", lines)
        procs[0] = proc
        assert watched(simwatchd_bin, sock) == first
    finally:
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


def test_check_config_names_a_bad_shard(simwatchd_bin, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(config_toml(line_tables(new_line_id()), daemon={"shard": "3/2"}))
    done = subprocess.run([str(simwatchd_bin), "--check-config", "--config", str(config)], capture_output=True, text=True)
    assert done.returncode != 0
    assert "`shard`: shard 3/2 is out of range" in done.stderr
    assert "config.toml:" in done.stderr
