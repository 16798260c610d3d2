"""User scripts (type = "exec") and manual lines end to end."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import new_line_id, pid_alive, wait_until, write_script, write_secret
from provider_support import ctl_json, daemon_config, latest_reading, line_config

SECRET = "script-secret-91c2"


def test_scripts_that_succeed_print_garbage_and_hang(daemon, journal, tmp_path, simwatchctl_bin):
    good, garbage, hung = (new_line_id() for _ in range(3))
    secret = write_secret(tmp_path, "script.secret", SECRET)
    argv_log = tmp_path / "argv.log"
    pids = tmp_path / "pids"
    ok = write_script(
        tmp_path,
        "ok.sh",
        f"""\
        echo "$0 $*" >> {argv_log}
        read -r secret
        [ "$secret" = "{SECRET}" ] || {{ echo '{{"error": "wrong secret on stdin"}}'; exit 0; }}
        echo "checking plan of $SIMWATCH_LINE (quota $SIMWATCH_QUOTA_BYTES)" >&2
        echo '{{"remaining": "150 MB", "total": "2 GB", "expires_at": "2030-01-01T00:00:00+01:00", "credit": "4.52 EUR"}}'
        """,
    )
    bad = write_script(tmp_path, "garbage.sh", "echo 'Bienvenue sur votre espace client'\n")
    hang = write_script(
        tmp_path,
        "hang.sh",
        f"""\
        sleep 300 &
        echo "$$ $!" > {pids}
        wait
        """,
    )
    lines = [
        line_config(good, f'type = "exec"\ncommand = ["{ok}", "--line", "x"]\nsecret_file = "{secret}"'),
        line_config(garbage, f'type = "exec"\ncommand = ["{bad}"]'),
        line_config(hung, f'type = "exec"\ncommand = ["{hang}"]\ntimeout = "1s"', rules='[[line.rule]]\nid = "stale"\nkind = "stale"\nafter = "3h"\nrepeat = "once"\n'),
    ]
    d = daemon(daemon_config(*lines), args=["--foreground"])
    d.wait_for_control_socket()

    low = wait_until(lambda: journal.reminders(good, SIMWATCH_KIND="low_data"), 20, what="the script line's reminder")
    assert "150 MB" in low[0]["MESSAGE"]
    reading = latest_reading(simwatchctl_bin, daemon, good)
    assert reading["source"] == "exec" and reading["credit"].startswith("4.52")
    assert f"{good}: {ok}: checking plan of {good} (quota 2000000000)" in d.stderr_text(), "stderr goes to the log"
    assert SECRET not in argv_log.read_text() and "--line x" in argv_log.read_text()

    wait_until(lambda: f"{garbage}: poll failed: malformed" in d.stderr_text(), 20, what="the garbage failure")
    wait_until(lambda: f"{hung}: poll failed: timeout" in d.stderr_text(), 20, what="the hang's timeout")
    shell, sleeper = (int(p) for p in pids.read_text().split())
    wait_until(lambda: not pid_alive(shell) and not pid_alive(sleeper), 10, what="the script's process group to be killed")
    wait_until(lambda: journal.reminders(hung, SIMWATCH_KIND="stale"), 30, what="the stale reminder")
    assert SECRET not in d.stderr_text()
    # Stopping the daemon cancels the poll in flight, which kills the script's group: nothing is left behind.
    assert d.stop() == 0
    shell, sleeper = (int(p) for p in pids.read_text().split())
    wait_until(lambda: not pid_alive(shell) and not pid_alive(sleeper), 10, what="no script left after the daemon stopped")


def test_manual_line_is_estimated_between_entries(daemon, journal, simwatchctl_bin):
    line = new_line_id()
    provider = 'type = "manual"'
    rules = (
        '[[line.rule]]\nid = "low"\nkind = "data_below"\nthreshold = "1GB"\nrepeat = "once"\n'
        '[[line.rule]]\nid = "stale"\nkind = "stale"\nafter = "12h"\nrepeat = "once"\n'
    )
    d = daemon(daemon_config(line_config(line, provider, plan='quota = "5GB"\nvalid_for = "30d"', rules=rules)),
               args=["--foreground"])
    d.wait_for_control_socket()
    ctl_json(simwatchctl_bin, daemon, "record", line, "--remaining", "4GB")
    time.sleep(5)  # five simulated hours
    ctl_json(simwatchctl_bin, daemon, "record", line, "--remaining", "2GB")
    # 2 GB in 5 h: the estimate crosses 1 GB some 2.5 simulated hours later, with no new entry.
    wait_until(lambda: journal.reminders(line, SIMWATCH_KIND="low_data"), 20, what="the estimated low-data reminder")
    assert f"{line}: " in d.stderr_text() and "estimated" in d.stderr_text()
    reading = latest_reading(simwatchctl_bin, daemon, line)
    assert reading["estimated"] is True and reading["source"] == "manual"
    assert reading["remaining_bytes"] < 1_000_000_000
    # Estimates are not observations: the stale rule still counts from the last entry.
    wait_until(lambda: journal.reminders(line, SIMWATCH_KIND="stale"), 30, what="the stale reminder")


def test_every_example_line_in_docs_providers_checks(simwatchd_bin, tmp_path):
    """Each complete example in docs/providers.md is a valid configuration as written."""
    from test_check_config import check

    docs = (Path(__file__).resolve().parents[2] / "docs" / "providers.md").read_text()
    blocks = [b.split("```", 1)[0] for b in docs.split("```toml\n")[1:]]
    examples = [b for b in blocks if b.lstrip().startswith("[[line]]")]
    assert len(examples) >= 7, "one complete example per source"
    for example in examples:
        done = check(simwatchd_bin, tmp_path, '[daemon]\ntime_zone = "Europe/Paris"\n\n' + example)
        assert done.returncode == 0, f"{done.stderr}\n--- in:\n{example}"
