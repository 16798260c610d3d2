"""Crash anywhere: many lines firing often into a real webhook receiver and a real SMTP server (msmtp as sendmail),
SIGKILL at random moments, then compare what arrived with the outbox and the alert history.

Promises checked (docs/reliability.md): no reminder lost, every transition that asks for reminders has one per
channel, a reminder delivered twice only when a kill fell between the two deliveries (same stable id), and the
database passes `PRAGMA integrity_check`.

SIMWATCH_CRASH_KILLS sets the number of kills (make test: 50; make torture: 1000); SIMWATCH_CRASH_SEED the seed
(printed, so a failing run can be replayed).
"""

from __future__ import annotations

import base64
import contextlib
import email
import email.policy
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

from channel_support import (
    Receiver,
    SmtpSink,
    channel_config,
    sendmail_path,
    standard_webhooks_verify,
    write_msmtprc,
)
from conftest import free_port, new_line_id, wait_until, write_secret

SECRET = "whsec_" + base64.b64encode(b"c" * 32).decode()
REMINDING_EVENTS = {"firing", "escalated", "repeat", "renewed"}
# Seconds a frozen tree is left before the kill: what the daemon wrote to a socket before it froze reaches the sinks.
SETTLE = 0.3


def crash_config(lines: list[str], hook: str, secret: str) -> str:
    channels = f"""\
[channels.hook]
type = "webhook"
url = "{hook}"
secret_file = "{secret}"
give_up_after = "60d"

[channels.mail]
type = "email"
to = "me@example.com"
from = "simwatch@example.com"
sendmail = "{sendmail_path()}"
timeout = "20s"
give_up_after = "60d"
"""
    # At time_scale 3600 a repeat "every 1h" is one reminder per line per real second, escalating at 1 GB.
    extra = """\
[[line.rule]]
id = "busy"
kind = "data_below"
threshold = ["5GB", "1GB"]
severity = "warning"
repeat = "every 1h"
"""
    specs = [{"id": l, "name": f"Crash {l}", "channels": ["hook", "mail"], "extra": extra} for l in lines]
    return channel_config(specs, channels, time_scale=3600)


def descendants(pid: int) -> list[int]:
    """Every living process below pid, from /proc's parent links."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def kill_like_systemd(current) -> float:
    """SIGKILL simwatchd and everything it started, as systemd does with the unit's control group when the main
    process dies (KillMode=control-group). The tree is frozen first and the sinks given a moment to take in what was
    already written, so the instant returned separates what the killed daemon sent from what its successor sends."""
    os.kill(current.pid, signal.SIGSTOP)
    tree = descendants(current.pid)
    for pid in tree:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGSTOP)
    time.sleep(SETTLE)
    killed_at = time.monotonic()
    for pid in [current.pid, *tree]:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    current.proc.wait()
    return killed_at


def delivered_mail_ids(sink: SmtpSink) -> list[str]:
    ids = []
    for _, _, raw in list(sink.messages):
        message = email.message_from_bytes(raw, policy=email.policy.default)
        ids.append(str(message["X-Simwatch-Notification-Id"]))
    return ids


def test_sigkill_at_random_moments_loses_nothing(daemon):
    kills = int(os.environ.get("SIMWATCH_CRASH_KILLS", "50"))
    seed = int(os.environ.get("SIMWATCH_CRASH_SEED", str(random.randrange(1 << 32))))
    print(f"crash anywhere: {kills} kills, seed {seed} (SIMWATCH_CRASH_SEED={seed} replays it)")
    rng = random.Random(seed)

    receiver = Receiver(lambda n, path: (200, {}, 0))
    sink = SmtpSink(free_port())
    sink.start()
    try:
        write_msmtprc(daemon.directory / "home", sink.port)
        secret = write_secret(daemon.directory, "hook.secret", SECRET)
        lines = [new_line_id() for _ in range(5)]
        config = crash_config(lines, receiver.url(), str(secret))
        kill_times: list[float] = []
        current = daemon(config)
        for _ in range(kills):
            # Anywhere: at start-up, mid-poll, mid-transaction, mid-delivery.
            time.sleep(rng.uniform(0.05, 1.2))
            if not current.alive():
                raise AssertionError(f"simwatchd died by itself ({current.proc.returncode}):\n{current.stderr_tail()}")
            kill_times.append(kill_like_systemd(current))
            current = daemon()
        # Let the last one run: everything still pending goes out.
        db = daemon.state_dir / "state.db"

        def pending() -> int:
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as c:
                    return c.execute("select count(*) from outbox where state = 'pending'").fetchone()[0]
            except sqlite3.Error:
                return -1

        time.sleep(2)
        wait_until(lambda: pending() == 0, 90, interval=0.5, what="the outbox drained after the last restart")
        assert current.stop() == 0, current.stderr_tail()

        with sqlite3.connect(str(db)) as c:
            assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
            outbox = {row[0]: row[1:] for row in c.execute("select id, state, channel, last_error from outbox")}
            log = c.execute("select line_id, rule_id, episode, occurrence, event from alert_log").fetchall()

        webhooks = receiver.snapshot()
        assert all(standard_webhooks_verify(SECRET, r["headers"], r["body"], tolerance=3600) for r in webhooks)
        hook_ids = [r["headers"]["webhook-id"] for r in webhooks]
        mail_ids = delivered_mail_ids(sink)

        # Every transition that asks for reminders has one per channel of its line.
        missing = []
        for line_id, rule_id, episode, occurrence, event in log:
            if event not in REMINDING_EVENTS:
                continue
            for channel in ("hook", "mail"):
                rid = f"{line_id}/{rule_id or '+renewed'}/{episode}/{occurrence}/{channel}"
                if rid not in outbox:
                    missing.append((rid, event))
        assert not missing, f"transitions without their reminders: {missing[:10]}"

        # Nothing lost: every reminder is sent, or ended with a reason (cancelled when its alert ended, superseded by
        # a later reminder of the same alert to the same channel, which itself was sent or ended so).
        unsent = {
            rid: v for rid, v in outbox.items() if v[0] not in ("sent", "cancelled", "superseded") and v[1] != "journal"
        }
        assert not unsent, f"reminders neither sent nor cancelled nor superseded: {list(unsent.items())[:10]}"
        for rid, (state, channel, last_error) in outbox.items():
            if state == "superseded":
                by = last_error.removeprefix("superseded by ")
                assert by.rsplit("/", 2)[0] == rid.rsplit("/", 2)[0] and by.endswith(f"/{channel}"), (rid, by)
                assert outbox[by][0] in ("sent", "cancelled", "superseded"), (rid, by, outbox[by])
        sent = {rid for rid, v in outbox.items() if v[0] == "sent"}
        assert sent, "the run produced reminders"
        assert {r for r in sent if r.endswith("/hook")} <= set(hook_ids), "a webhook marked sent never arrived"
        assert {r for r in sent if r.endswith("/mail")} <= set(mail_ids), "a mail marked sent never arrived"
        assert set(hook_ids) <= set(outbox) and set(mail_ids) <= set(outbox), "something arrived that no outbox row sent"

        # Duplicates only across kills: a second copy of an id means the record of the first send died with a kill,
        # so a kill must fall between every two arrivals of the same id. (Killing simwatchd alone would leave a
        # sendmail it started to deliver after the kill, and its successor to send the same mail again: systemd kills
        # the whole control group, and so does kill_like_systemd.)
        def check_duplicates(arrivals: list[tuple[float, str]], what: str) -> int:
            by_id: dict[str, list[float]] = {}
            for at, rid in arrivals:
                by_id.setdefault(rid, []).append(at)
            duplicated = 0
            for rid, times in by_id.items():
                for first, second in zip(times, times[1:]):
                    duplicated += 1
                    assert any(first <= k <= second for k in kill_times), (
                        f"{what} {rid} delivered twice with no kill in between ({second - first:.2f}s apart)"
                    )
            return duplicated

        dup_hooks = check_duplicates([(r["at"], r["headers"]["webhook-id"]) for r in webhooks], "webhook")
        dup_mails = check_duplicates(list(zip(sink.arrived, mail_ids)), "mail")
        print(
            f"crash anywhere: {len(kill_times)} kills, {len(sent)} reminders sent, {len(hook_ids)} webhooks and "
            f"{len(mail_ids)} mails received, duplicates across kills: {dup_hooks} webhooks, {dup_mails} mails"
        )
    finally:
        receiver.stop()
        sink.stop()
