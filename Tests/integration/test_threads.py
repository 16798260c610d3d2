"""simwatchd is two threads (docs/architecture.md): its event loop runs every task, service loop, timer, signal and
control connection; the ledger, which owns the state database, runs on a thread of its own ("simwatch-state"), so a
write waiting on SQLite never holds up the loop.

Blocking work (a script, sendmail, an HTTP request, a D-Bus call) runs on a worker thread that exists only while it
does, so an idle daemon is those two threads asleep: no libdispatch worker pool, and none of the once-a-second
wake-ups that pool's monitor costs.
"""

from __future__ import annotations

import signal
import textwrap
from pathlib import Path

import varlink

from conftest import demo_config, new_line_id, wait_for_file, wait_until
from provider_support import line_config

INTERFACE = "io.simwatch.Control"


def threads(pid: int) -> list[str]:
    """The names of the process's threads."""
    names = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            names.append((task / "comm").read_text().strip())
        except FileNotFoundError:  # a worker thread that just ended
            continue
    return sorted(names)


IDLE = ["simwatch-state", "simwatchd"]


def test_an_idle_daemon_is_the_loop_and_the_ledger(daemon):
    line = new_line_id()
    d = daemon(demo_config(line))
    sock = d.wait_for_control_socket()
    with varlink.Client(address=f"unix:{sock}") as client, client.open(INTERFACE) as con:
        wait_until(lambda: con.ListLines()["lines"][0].get("reading"), 30, what="a first reading")
        # Polls (once a real second at this time scale), control calls, reminders to the journal: the loop and the
        # ledger, no other thread.
        for _ in range(20):
            assert con.GetStatus()["lines"] == 1
            assert threads(d.pid) == IDLE
    d.sighup()
    with varlink.Client(address=f"unix:{sock}") as client, client.open(INTERFACE) as con:
        assert con.GetStatus()["lines"] == 1
    assert threads(d.pid) == IDLE
    assert d.stop() == 0


def test_blocking_work_gets_a_thread_that_goes_when_it_is_done(daemon, tmp_path):
    started, release = tmp_path / "started", tmp_path / "release"
    gated = tmp_path / "gated.sh"
    gated.write_text(
        "#!/bin/sh\n"
        + textwrap.dedent(
            f"""\
            touch {started}
            n=0
            while [ ! -e {release} ] && [ $n -lt 1200 ]; do sleep 0.05; n=$((n + 1)); done
            echo '{{"remaining": "1 GB", "total": "2 GB"}}'
            """
        )
    )
    gated.chmod(0o755)
    line = new_line_id()
    head = '[daemon]\ntime_zone = "Europe/Paris"\npoll_timeout = "120s"\n\n'
    d = daemon(head + line_config(line, f'type = "exec"\ncommand = ["{gated}"]'))
    try:
        sock = d.wait_for_control_socket()
        wait_for_file(started, 30, what="the script to start")
        # While the script runs, its watcher has a thread of its own, and the loop still answers.
        assert len(threads(d.pid)) == 3, threads(d.pid)
        with varlink.Client(address=f"unix:{sock}") as client, client.open(INTERFACE) as con:
            assert con.GetStatus()["lines"] == 1
            release.touch()
            wait_until(lambda: con.ListLines()["lines"][0].get("reading"), 30, what="the script's reading")
        wait_until(lambda: threads(d.pid) == IDLE, 30, what="the worker thread to end")
    finally:
        release.touch()  # the script ends whatever happened
    d.signal(signal.SIGTERM)
    assert d.proc.wait(15) == 0
