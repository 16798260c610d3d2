"""Hostile channels and scripts against the real daemon: sendmail stand-ins exiting with every sysexits.h status,
hanging (and ignoring SIGTERM), closing stdin early; webhook receivers with absurd Retry-After values, 410 and a
hang; an exec script whose helper escapes its process group and keeps stdout open.

What each sendmail status must do is the table in docs/configuration.md (SendmailStatus in the code)."""

from __future__ import annotations

import os
import signal
import subprocess
import textwrap
import time
from datetime import datetime
from pathlib import Path

from channel_support import Receiver, channel_config, ctl, outbox
from conftest import new_line_id, pid_alive, wait_until, write_script, write_secret
from provider_support import daemon_config, latest_reading, line_config

# status: (outcome, sysexits name). `offline`, `temporary` and `misconfigured` stay pending and are retried (`offline`
# without using up give_up_after, the others until it); `rejected` is tried three times, then dead.
SYSEXITS = {
    64: ("misconfigured", "EX_USAGE"),
    65: ("rejected", "EX_DATAERR"),
    66: ("misconfigured", "EX_NOINPUT"),
    67: ("rejected", "EX_NOUSER"),
    68: ("offline", "EX_NOHOST"),
    69: ("temporary", "EX_UNAVAILABLE"),
    70: ("temporary", "EX_SOFTWARE"),
    71: ("temporary", "EX_OSERR"),
    72: ("misconfigured", "EX_OSFILE"),
    73: ("temporary", "EX_CANTCREAT"),
    74: ("offline", "EX_IOERR"),
    75: ("offline", "EX_TEMPFAIL"),
    76: ("temporary", "EX_PROTOCOL"),
    77: ("misconfigured", "EX_NOPERM"),
    78: ("misconfigured", "EX_CONFIG"),
}


def mail_channel(name: str, sendmail: Path, *, timeout: str = "5s", extra: str = "") -> str:
    return textwrap.dedent(
        f"""\
        [channels.{name}]
        type = "email"
        to = "me@example.com"
        from = "simwatch@example.com"
        sendmail = "{sendmail}"
        timeout = "{timeout}"
        give_up_after = "60d"
        """
    ) + textwrap.dedent(extra) + "\n"


def entries_for(factory, line: str, *args: str) -> dict[str, dict]:
    return {e["channel"]: e for e in outbox(factory, *args) if e["line"] == line}





def test_every_sysexits_status_has_its_documented_outcome(daemon, tmp_path):
    channels = ""
    for status in SYSEXITS:
        body = f'cat >/dev/null\necho "stand-in says {status}" >&2\nexit {status}\n'
        script = write_script(tmp_path, f"sendmail-{status}", body)
        channels += mail_channel(f"mail{status}", script)
    line = new_line_id()
    names = [f"mail{s}" for s in SYSEXITS]
    config = channel_config([{"id": line, "name": "Hostile mail", "channels": names}], channels)
    d = daemon(config, args=["--foreground"])

    def settled():
        pending = entries_for(daemon, line, "--pending")
        dead = entries_for(daemon, line, "--dead")
        done = all(
            (f"mail{s}" in dead) if outcome == "rejected" else pending.get(f"mail{s}", {}).get("attempts", 0) >= 3
            for s, (outcome, _) in SYSEXITS.items()
        )
        return done and (pending, dead)

    pending, dead = wait_until(settled, 60, what="every status retried or given up")
    for status, (outcome, name) in SYSEXITS.items():
        channel = f"mail{status}"
        entry = dead[channel] if outcome == "rejected" else pending[channel]
        expected = f"{outcome}: {tmp_path}/sendmail-{status} exited with status {status} ({name}: "
        assert entry["last_error"].startswith(expected), (status, entry)
        assert entry["last_error"].endswith(f": stand-in says {status}"), (status, entry)
        if outcome == "rejected":
            assert entry["attempts"] == 3 and entry["state"] == "dead", entry
        else:
            assert channel not in dead, (status, dead.get(channel))
    assert d.alive()
    assert d.stop() == 0


def test_hanging_and_early_closing_sendmail(daemon, tmp_path):
    pids = tmp_path / "pids"
    hang = write_script(tmp_path, "sendmail-hang", f"cat >/dev/null\nsleep 300 &\necho $$ $! >> {pids}\nwait\n")
    # Ignores SIGTERM (and so does its sleep, which inherits the ignored signal): only SIGKILL ends it.
    stubborn = write_script(tmp_path, "sendmail-stubborn", "trap '' TERM\ncat >/dev/null\nsleep 300\nsleep 300\n")
    # Closes its input at once and claims success: the message (bigger than a pipe's buffer) was not handed over.
    closer = write_script(tmp_path, "sendmail-closer", "exec 0<&-\nsleep 0.2\nexit 0\n")
    # Closes its input after the first line and fails.
    quitter = write_script(tmp_path, "sendmail-quitter", "head -n 1 >/dev/null\necho 'stand-in quits' >&2\nexit 1\n")
    big_body = "{{line.name}} " + "x" * 200_000
    channels = (
        mail_channel("hang", hang, timeout="2s")
        + mail_channel("stubborn", stubborn, timeout="2s")
        + mail_channel("closer", closer, extra=f'[channels.closer.templates.low_data]\nbody = "{big_body}"\n')
        + mail_channel("quitter", quitter, extra=f'[channels.quitter.templates.low_data]\nbody = "{big_body}"\n')
    )
    line = new_line_id()
    started = time.monotonic()
    d = daemon(
        channel_config(
            [{"id": line, "name": "Hostile mail", "channels": ["hang", "stubborn", "closer", "quitter"]}], channels
        ),
        args=["--foreground"],
    )

    def retried():
        e = entries_for(daemon, line, "--pending")
        dead = entries_for(daemon, line, "--dead")
        ok = (
            e.get("hang", {}).get("attempts", 0) >= 2
            and e.get("stubborn", {}).get("attempts", 0) >= 2
            and e.get("closer", {}).get("attempts", 0) >= 2
            and "quitter" in dead
        )
        return ok and (e, dead)

    pending, dead = wait_until(retried, 60, what="the hanging, stubborn and closing stand-ins retried")
    assert pending["hang"]["last_error"].startswith(f"timeout: {hang} did not finish within 2 s and was killed")
    assert pending["stubborn"]["last_error"].startswith(f"timeout: {stubborn} did not finish within 2 s")
    assert pending["closer"]["last_error"] == f"temporary: {closer} exited before reading the whole message"
    assert dead["quitter"]["last_error"].startswith(f"rejected: {quitter} exited with status 1: stand-in quits")
    # Two attempts of 2 s (plus a second to SIGKILL the stubborn one) and short backoffs: no attempt waited longer.
    assert time.monotonic() - started < 30
    # The group of each killed attempt is gone: the stand-in and its sleep.
    for pair in pids.read_text().split("\n"):
        for pid in (int(p) for p in pair.split()):
            wait_until(lambda: not pid_alive(pid), 10, what=f"hung sendmail process {pid} killed")
    assert d.alive()
    assert d.stop() == 0


SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
HOOKS = {
    # path: (status, headers, delay) for the first request; later ones get 200 at once.
    "/seconds": (503, {"Retry-After": "99999999999"}, 0),
    "/year9999": (503, {"Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT"}, 0),
    "/gone": (410, {}, 0),
    "/hang": (200, {}, 30),
}


def test_hostile_webhook_receivers(daemon):
    seen: dict[str, int] = {}

    def script(n, path):
        seen[path] = seen.get(path, 0) + 1
        return HOOKS[path] if seen[path] == 1 or path in ("/gone", "/hang") else (200, {}, 0)

    receiver = Receiver(script)
    try:
        secret = write_secret(daemon.directory, "hook.secret", SECRET)
        channels = ""
        for path in HOOKS:
            name = path.strip("/")
            channels += textwrap.dedent(
                f"""\
                [channels.{name}]
                type = "webhook"
                url = "{receiver.url(path)}"
                secret_file = "{secret}"
                timeout = "2s"
                give_up_after = "60d"

                """
            )
        line = new_line_id()
        names = [p.strip("/") for p in HOOKS]
        # time_scale 3600: a simulated day is 24 s.
        config = channel_config([{"id": line, "name": "Hostile hooks", "channels": names}], channels)
        d = daemon(config, args=["--foreground"])

        def first_round():
            pending = entries_for(daemon, line, "--pending")
            dead = entries_for(daemon, line, "--dead")
            ok = "seconds" in pending and "year9999" in pending and "gone" in dead
            ok = ok and pending.get("hang", {}).get("attempts", 0) >= 2
            return ok and (pending, dead)

        pending, dead = wait_until(first_round, 30, what="the first attempts on every hook")
        for name in ("seconds", "year9999"):
            entry = pending[name]
            assert entry["last_error"].startswith("temporary: HTTP 503"), entry
            wait = datetime.fromisoformat(entry["next_attempt_at"]) - datetime.fromisoformat(entry["created_at"])
            # Honoured, but never more than a day (and a little for the time the attempt took).
            assert 0.5 * 86_400 <= wait.total_seconds() <= 86_400 + 3_600, (name, entry)
        assert dead["gone"]["attempts"] == 1 and dead["gone"]["last_error"].startswith("gone: HTTP 410")
        wait_until(lambda: "warning: channel gone disabled: its endpoint answered 410 Gone" in d.stderr_text(), 10)
        assert pending["hang"]["last_error"].startswith("timeout:"), pending["hang"]
        # A day later (24 s), the capped ones go through.
        wait_until(
            lambda: {"seconds", "year9999"} <= set(entries_for(daemon, line, "--sent")),
            60,
            what="the Retry-After reminders delivered after the capped wait",
        )
        assert seen["/gone"] == 1
        assert d.alive()
        started = time.monotonic()
        assert d.stop() == 0
        assert time.monotonic() - started < 5, "stopping waited for the hanging receiver"
    finally:
        receiver.stop()


def test_escaped_script_helper_does_not_block_polls_or_shutdown(daemon, tmp_path, simwatchctl_bin):
    escaped = tmp_path / "escaped.pids"
    slow = tmp_path / "slow"
    script = write_script(
        tmp_path,
        "escaping.sh",
        f"""\
        # A helper that leaves the process group and keeps stdout and stderr open for a long time.
        setsid sleep 1000 &
        echo $! >> {escaped}
        sleep 0.2
        [ -e {slow} ] && sleep 5
        echo '{{"remaining": "150 MB", "total": "2 GB"}}'
        """,
    )
    line = new_line_id()
    d = daemon(
        daemon_config(line_config(line, f'type = "exec"\ncommand = ["{script}"]\ntimeout = "10s"')),
        args=["--foreground"],
    )
    poller = None
    try:
        d.wait_for_control_socket()
        # The first poll finishes well within the timeouts, with the reading the script printed.
        reading = wait_until(
            lambda: latest_reading(simwatchctl_bin, daemon, line), 8, what="the escaping script's reading"
        )
        assert reading["source"] == "exec"
        assert "poll failed" not in d.stderr_text()

        started = time.monotonic()
        done = ctl(daemon, "poll", line, timeout=30)
        assert time.monotonic() - started < 5, "simwatchctl poll waited for the escaped helper"
        assert done.returncode == 0, done.stdout + done.stderr

        # A poll in flight when SIGTERM comes (its script cancelled, the escaped helper still holding the pipe) does
        # not hold up the exit either.
        slow.touch()
        poller = subprocess.Popen(
            [str(simwatchctl_bin), "poll", line, "--socket", str(daemon.control_socket)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1)
        started = time.monotonic()
        assert d.stop(timeout=10) == 0
        assert time.monotonic() - started < 5, "SIGTERM waited for the escaped helper"
    finally:
        # The daemon first, so that no poll starts another helper after the clean-up.
        d.kill()
        if poller is not None:
            poller.wait(10)
        for pid in {int(p) for p in escaped.read_text().split()} if escaped.exists() else set():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
