"""Repeats follow the rule's schedule on the simulated clock, and survive restarts without duplicates.

time_scale = 3600: one real second is one simulated hour, and polls (1 h) come every real second.
"""

import sqlite3
import time

from conftest import config_toml, demo_config, line_tables, new_line_id, summarize


def realtime(entry: dict) -> float:
    """When journald received the entry, in seconds since the epoch (comparable to time.time())."""
    return int(entry["__REALTIME_TIMESTAMP"]) / 1e6


def listing(entries: list[dict]) -> str:
    return "\n".join(f"{realtime(e):.3f} {summarize(e)}" for e in entries) or "(none)"


def test_repeat_schedule(daemon, journal):
    line = new_line_id()
    d = daemon(demo_config(line, rule_id="rep2", repeat="every 2h"))

    journal.wait_for_reminders(line, lambda e: len(e) >= 1, timeout=20)
    time.sleep(7)  # 7 simulated hours after the first reminder: repeats due at 2 h, 4 h and 6 h
    assert d.alive(), f"simwatchd exited with {d.proc.returncode}:\n{d.stderr_tail()}"
    assert d.stop() == 0

    entries = journal.reminders(line)
    assert all(e.get("SIMWATCH_RULE") == "rep2" for e in entries), listing(entries)
    events = [e.get("SIMWATCH_EVENT") for e in entries]
    assert events[:1] == ["firing"] and events.count("firing") == 1, listing(entries)
    repeats = events[1:]
    assert all(ev == "repeat" for ev in repeats), listing(entries)
    assert 2 <= len(repeats) <= 4, f"expected 2-4 repeats in ~7 simulated hours, got {len(repeats)}:\n{listing(entries)}"

    occurrences = [int(e["SIMWATCH_OCCURRENCE"]) for e in entries]
    assert occurrences[0] == 1, listing(entries)
    assert all(a < b for a, b in zip(occurrences, occurrences[1:])), f"occurrences {occurrences}"

    ids = [e["SIMWATCH_NOTIFICATION_ID"] for e in entries]
    assert len(set(ids)) == len(ids), f"duplicate notification ids: {ids}"

    # every 2 h simulated is 2 s real; polls every 1 s make that 1 to 3 s, never back to back
    gaps = [round(realtime(b) - realtime(a), 2) for a, b in zip(entries, entries[1:])]
    assert all(g >= 0.9 for g in gaps), f"repeats closer than the schedule allows: gaps {gaps}s\n{listing(entries)}"


def test_restart_no_duplicate_and_due_once(daemon, journal, notify_socket):
    line = new_line_id()
    env = {"NOTIFY_SOCKET": str(notify_socket.path)}
    first = daemon(demo_config(line, rule_id="rep6", repeat="every 6h"), env=env)

    entries = journal.wait_for_reminders(line, lambda e: len(e) >= 1, timeout=20)
    assert [e.get("SIMWATCH_EVENT") for e in entries] == ["firing"], listing(entries)
    fired = realtime(entries[0])  # simulated hour 0 of the episode; repeats due at +6 s, +12 s, +18 s real
    assert first.stop() == 0

    # Restart at once on the same state: nothing is due before simulated hour 6.
    mark = len(notify_socket.messages)
    second = daemon(env=env)
    notify_socket.recv_until(lambda m: notify_socket.index_of("READY", "1", mark) is not None, timeout=10)
    quiet_until = min(time.time() + 3, fired + 5.5)
    assert quiet_until - time.time() >= 1.5, "second start too slow to check the quiet window before hour 6"
    time.sleep(quiet_until - time.time())
    assert second.alive(), f"simwatchd exited with {second.proc.returncode}:\n{second.stderr_tail()}"
    assert second.stop() == 0
    entries = journal.reminders(line)
    assert len(entries) == 1, f"a restart re-sent or repeated too early:\n{listing(entries)}"

    # Down until simulated hour 14: the repeats of hours 6 and 12 were both due while it was down.
    time.sleep(max(0.0, fired + 14 - time.time()))
    mark = len(notify_socket.messages)
    third = daemon(env=env)
    notify_socket.recv_until(lambda m: notify_socket.index_of("READY", "1", mark) is not None, timeout=10)
    entries = journal.wait_for_reminders(line, lambda e: len(e) >= 2, timeout=max(1.0, fired + 17 - time.time()))
    # Watch until just before hour 18, when the next repeat would be due.
    time.sleep(max(0.0, fired + 17.5 - time.time()))
    assert third.alive(), f"simwatchd exited with {third.proc.returncode}:\n{third.stderr_tail()}"
    assert third.stop() == 0

    entries = journal.reminders(line)
    assert len(entries) == 2, f"expected the firing and exactly one catch-up repeat:\n{listing(entries)}"
    repeat = entries[1]
    assert repeat["SIMWATCH_EVENT"] == "repeat", listing(entries)
    assert repeat["SIMWATCH_RULE"] == "rep6"
    assert repeat["_PID"] == str(third.pid), "the repeat came from an earlier process"
    assert int(repeat["SIMWATCH_OCCURRENCE"]) > int(entries[0]["SIMWATCH_OCCURRENCE"])
    assert repeat["SIMWATCH_NOTIFICATION_ID"] != entries[0]["SIMWATCH_NOTIFICATION_ID"]


def test_every_line_keeps_its_turn_when_polls_never_stop(daemon):
    """Forty demo lines due again 3 ms after each poll (5 min at 100,000x), two polls at a time: the daemon polls
    flat out, and each line must keep coming back. A line whose next poll fell due while its last one was still being
    judged was once dropped from the schedule for good, leaving a few lines polled over and over."""
    ids = [f"{new_line_id()}-{i}" for i in range(40)]
    text = config_toml(
        "\n".join(line_tables(i) for i in ids),
        daemon={"time_scale": 100000, "poll_interval": "5m", "max_concurrent_polls": 2},
    )
    d = daemon(text)
    time.sleep(6)
    assert d.alive(), f"simwatchd exited with {d.proc.returncode}:\n{d.stderr_tail()}"
    assert d.stop() == 0
    db = sqlite3.connect(f"file:{d.state_dir / 'state.db'}?mode=ro", uri=True)
    counts = dict(db.execute("SELECT line_id, COUNT(*) FROM reading GROUP BY line_id").fetchall())
    polled = [counts.get(i, 0) for i in ids]
    assert sum(polled) >= 200, f"too few polls to judge the turns: {polled}"
    # Turns go round: no line falls far behind the busiest one.
    assert min(polled) * 4 >= max(polled), f"readings per line: {sorted(polled)}"
