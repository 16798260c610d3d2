"""sd_notify: readiness, status, watchdog, reload and stop (docs/configuration.md, "Command line")."""

import os
import re
import stat
import time

from conftest import demo_config, new_line_id, wait_until

RELOAD_FAILED = re.compile(r"fail|error|invalid|rejected|kept|keep", re.IGNORECASE)


def ready_after(ns, mark: int) -> bool:
    return ns.index_of("READY", "1", mark) is not None


def reload_done_after(ns, mark: int) -> bool:
    reloading = ns.index_of("RELOADING", "1", mark)
    return reloading is not None and ns.index_of("READY", "1", reloading + 1) is not None


def watchdog_times(messages) -> list[float]:
    return [m.t for m in messages if m.fields.get("WATCHDOG") == "1"]


def test_sd_notify_lifecycle(daemon, notify_socket):
    ns = notify_socket
    line = new_line_id()
    d = daemon(
        demo_config(line, repeat="once"),
        env={"NOTIFY_SOCKET": str(ns.path), "WATCHDOG_USEC": "1000000"},
    )

    ns.recv_until(lambda m: ready_after(ns, 0), timeout=20)
    ready = ns.messages[ns.index_of("READY", "1")]
    statuses = [m.fields["STATUS"] for m in ns.messages if "STATUS" in m.fields]
    assert any("1 line" in s for s in statuses), f"no STATUS= with '1 line' by READY=1: {statuses}"

    # WATCHDOG_USEC = 1 s: pings every 0.5 s, so at least 2 within 2.5 s of READY and never a gap of 1 s.
    ns.collect(max(0.0, ready.t + 2.5 - time.monotonic()))
    pings = [t for t in watchdog_times(ns.messages) if t <= ready.t + 2.5]
    assert len(pings) >= 2, f"{len(pings)} WATCHDOG=1 within 2.5 s of READY=1: {[str(m) for m in ns.messages]}"
    assert len(pings) <= 12, f"{len(pings)} WATCHDOG=1 in 2.5 s: far more often than WATCHDOG_USEC/2"
    gaps = [round(b - a, 3) for a, b in zip(pings, pings[1:])]
    assert all(g < 1.0 for g in gaps), f"watchdog gaps reach WATCHDOG_USEC: {gaps}"

    # SIGHUP: RELOADING=1 with MONOTONIC_USEC in the same datagram, then READY=1.
    mark = len(ns.messages)
    d.sighup()
    ns.recv_until(lambda m: reload_done_after(ns, mark), timeout=10)
    reloading = ns.messages[ns.index_of("RELOADING", "1", mark)]
    assert "MONOTONIC_USEC" in reloading.fields, f"RELOADING=1 without MONOTONIC_USEC: {reloading!r}"
    usec = reloading.fields["MONOTONIC_USEC"]
    assert re.fullmatch(r"\d+", usec), f"MONOTONIC_USEC={usec!r}"
    # CLOCK_MONOTONIC, the clock Python's time.monotonic() reads on Linux
    assert abs(int(usec) / 1e6 - reloading.t) < 5, f"MONOTONIC_USEC={usec} is not CLOCK_MONOTONIC ({reloading.t:.3f} s)"
    assert d.alive()

    # SIGTERM: STOPPING=1 and a clean exit.
    mark = len(ns.messages)
    assert d.stop() == 0, d.stderr_tail()
    ns.collect(0.3)
    assert ns.index_of("STOPPING", "1", mark) is not None, f"no STOPPING=1: {[str(m) for m in ns.messages[mark:]]}"


def test_watchdog_only_for_our_pid(daemon, notify_socket):
    ns = notify_socket
    line = new_line_id()
    env = {"NOTIFY_SOCKET": str(ns.path), "WATCHDOG_USEC": "1000000", "WATCHDOG_PID": str(os.getpid())}
    d = daemon(demo_config(line, repeat="once"), env=env)

    ns.recv_until(lambda m: ready_after(ns, 0), timeout=20)
    ns.collect(2.5)
    pings = watchdog_times(ns.messages)
    assert pings == [], f"WATCHDOG_PID names another process, yet {len(pings)} WATCHDOG=1 were sent"
    assert d.stop() == 0


def test_watchdog_when_watchdog_pid_is_ours(daemon, notify_socket, tmp_path, simwatchd_bin):
    ns = notify_socket
    wrapper = tmp_path / "with-watchdog-pid"
    wrapper.write_text(f'#!/bin/sh\nWATCHDOG_PID=$$ exec "{simwatchd_bin}" "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    line = new_line_id()
    env = {"NOTIFY_SOCKET": str(ns.path), "WATCHDOG_USEC": "1000000"}
    d = daemon(demo_config(line, repeat="once"), env=env, binary=wrapper)

    ns.recv_until(lambda m: len(watchdog_times(m)) >= 2, timeout=20)
    assert ready_after(ns, 0)
    assert d.stop() == 0


def test_bad_reload_keeps_old_config(daemon, journal, notify_socket):
    ns = notify_socket
    line = new_line_id()
    good = demo_config(line, rule_id="keep", repeat="every 2h")
    d = daemon(good, env={"NOTIFY_SOCKET": str(ns.path)})
    ns.recv_until(lambda m: ready_after(ns, 0), timeout=20)
    journal.wait_for_reminders(line, lambda e: len(e) >= 1, timeout=20)

    broken = good.replace('threshold = "', 'treshold = "')
    typo_line = next(n for n, text in enumerate(broken.splitlines(), 1) if "treshold" in text)
    daemon.write_config(broken)
    mark = len(ns.messages)
    d.sighup()
    ns.recv_until(lambda m: reload_done_after(ns, mark), timeout=10)
    assert d.alive(), f"a bad config on SIGHUP stopped simwatchd ({d.proc.returncode}):\n{d.stderr_tail()}"
    statuses = [m.fields["STATUS"] for m in ns.messages[mark:] if "STATUS" in m.fields]
    assert any(RELOAD_FAILED.search(s) for s in statuses), f"no STATUS= saying the reload failed: {statuses}"

    # It says why, with the key and its line, in its log (journal or stderr).
    where = re.compile(rf"(config\.toml:{typo_line}\b|line {typo_line}\b)")

    def explanations():
        logged = [str(e.get("MESSAGE", "")) for e in journal.read(_PID=str(d.pid))]
        texts = logged + d.stderr_text().splitlines()
        return [t for t in texts if "treshold" in t and where.search(t)]

    wait_until(explanations, timeout=10, what=f"a log line naming `treshold` and line {typo_line}")

    # And it goes on with the old rule: a repeat for "keep" after the SIGHUP.
    seen = len(journal.reminders(line))
    entries = journal.wait_for_reminders(line, lambda e: len(e) > seen, timeout=10)
    newer = entries[seen:]
    assert all(e.get("SIMWATCH_RULE") == "keep" and e.get("SIMWATCH_EVENT") == "repeat" for e in newer), newer
    assert d.alive()
    assert d.stop() == 0
