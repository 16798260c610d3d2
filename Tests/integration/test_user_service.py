"""simwatch as a systemd user service, end to end, under a real `systemd --user` manager.

scripts/user-manager.sh starts the manager for a throw-away user in a private mount namespace (its own /run,
journald and system bus). The tests then do what a user does, in order, as that user: `make install`, edit the
configuration, `systemctl --user enable --now simwatch`, read the reminder with `journalctl --user`, reload after
an edit, `make uninstall`; and what the service promises: the watchdog restarts a frozen daemon, the socket starts
it, the sandbox keeps what the daemon needs, `journalctl -x` explains a reminder, and a stop is clean.

The tests share one lab and run in file order; each leaves the service as the next expects it. The lab is torn down
by PID at the end, whatever happened. Root only (it creates a user and mounts in its own namespace).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from conftest import daemon_section, line_tables, short_tempdir
from userlab import REPO, UserLab

LAB_USER = "simwatch-e2e"
LAB_DIR = Path("/tmp/simwatch-e2e-lab")
RELEASE = REPO / ".build" / "release"
LOW_DATA = "b77ba049bdf54a0283165c1a785d857e"

pytestmark = [
    pytest.mark.skipif(os.geteuid() != 0, reason="needs root: creates a user and a private mount namespace"),
    pytest.mark.skipif(
        Path("/proc/1/comm").read_text().strip() == "systemd",
        reason="systemd is PID 1 here; scripts/user-manager.sh is for hosts without it (CI, containers)",
    ),
]


def line_config(line_id: str, name: str) -> str:
    """One demo line whose data_below rule fires at the first poll (1 GB plan, threshold 2 GB)."""
    rule = {"id": "low", "kind": "data_below", "threshold": "2GB", "severity": "warning", "repeat": "once"}
    return "\n" + line_tables(line_id, name=name, rules=[rule])


CONFIG_HEAD = daemon_section()


class Scenario:
    """What the ordered tests share: the lab, the source tree the user installs from, and what they found."""

    def __init__(self, lab: UserLab, source: Path):
        self.lab = lab
        self.source = source
        self.line = f"e2e-{uuid.uuid4().hex[:8]}"
        self.second_line = f"e2e-{uuid.uuid4().hex[:8]}"
        self.home_before: set[str] = set()
        self.timings: dict[str, float] = {}

    @property
    def home(self) -> Path:
        return self.lab.home

    @property
    def bin(self) -> Path:
        return self.lab.home / ".local/bin"

    @property
    def socket_path(self) -> Path:
        return self.lab.runtime_dir / "simwatch/control.sock"

    def ctl(self, *args: str, env: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
        """simwatchctl ARGS as the lab user (its exit status is data here, so it is not checked)."""
        return self.lab.run("env", *env, str(self.bin / "simwatchctl"), *args, check=False)

    def main_pid(self) -> int:
        return int(self.lab.show("simwatch", "MainPID")["MainPID"])

    def is_active(self, unit: str = "simwatch") -> str:
        return self.lab.systemctl("is-active", unit, check=False).stdout.strip()

    def environ(self, pid: int) -> dict[str, str]:
        raw = self.lab.root("cat", f"/proc/{pid}/environ").stdout
        return dict(item.split("=", 1) for item in raw.split("\0") if "=" in item)

    def reminders(self, line: str) -> list[dict]:
        return [e for e in self.lab.journal("-u", "simwatch", f"SIMWATCH_LINE={line}") if "SIMWATCH_KIND" in e]

    def log_messages(self) -> list[str]:
        return [e.get("MESSAGE", "") for e in self.lab.journal("-u", "simwatch")]


def copy_source_tree(into: Path) -> None:
    """The files of the repository (not .git or .build) and the release build, mtimes kept, stamp last."""
    listed = subprocess.run(["git", "-C", REPO, "ls-files", "-z"], capture_output=True, text=True)
    if listed.returncode == 0 and listed.stdout:
        names = [n for n in listed.stdout.split("\0") if n and (REPO / n).is_file()]
    else:
        names = [
            str(p.relative_to(REPO))
            for p in REPO.rglob("*")
            if p.is_file() and not p.relative_to(REPO).parts[0] in (".git", ".build")
        ]
    for name in names:
        (into / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, into / name)
    for tool in ("simwatchd", "simwatchctl"):
        if (RELEASE / tool).is_file():
            (into / ".build/release").mkdir(parents=True, exist_ok=True)
            shutil.copy2(RELEASE / tool, into / ".build/release" / tool)
    (into / ".build/simwatch-release.stamp").touch()
    for path in [into, *into.rglob("*")]:
        path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)


@pytest.fixture(scope="module")
def scn():
    if not all((RELEASE / tool).is_file() for tool in ("simwatchd", "simwatchctl")):
        pytest.fail(f"no release build at {RELEASE}: run `make build` (make test builds it)", pytrace=False)
    exists = subprocess.run(["id", "-u", LAB_USER], capture_output=True).returncode == 0
    if exists and not (LAB_DIR / "user.created").exists():
        pytest.fail(f"user {LAB_USER} exists and was not made by these tests; remove it first", pytrace=False)
    source = short_tempdir("simwatch-e2e-src-", "/tmp")
    lab = UserLab(LAB_USER, LAB_DIR)
    try:
        copy_source_tree(source)
        t0 = time.monotonic()
        lab.up()
        scenario = Scenario(lab, source)
        scenario.timings["lab up"] = time.monotonic() - t0
        yield scenario
        print("\nuser-service timings: " + ", ".join(f"{k} {v:.1f}s" for k, v in scenario.timings.items()))
    finally:
        print(lab.down())
        shutil.rmtree(source, ignore_errors=True)


@pytest.fixture(autouse=True)
def show_journal_on_failure(request, scn):
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print(f"--- journalctl --user -u simwatch (last lines):\n{scn.lab.unit_log(lines=80)}")


def test_make_install_as_the_user(scn):
    lab = scn.lab
    scn.home_before = lab.files_under(scn.home)
    t0 = time.monotonic()
    done = lab.run("make", "-C", str(scn.source), "install", timeout=600)
    scn.timings["make install"] = time.monotonic() - t0
    assert "systemctl --user daemon-reload: done" in done.stdout, done.stdout
    lab.run("test", "-x", str(scn.bin / "simwatchd"))
    lab.run("test", "-x", str(scn.bin / "simwatchctl"))
    example = (REPO / "config/simwatch.example.toml").read_text()
    assert lab.run("cat", str(scn.home / ".config/simwatch/config.toml")).stdout == example
    assert lab.systemctl("is-enabled", "simwatch", check=False).stdout.strip() == "disabled"

    units = scn.home / ".config/systemd/user"
    path = f"PATH={scn.bin}:/usr/local/bin:/usr/bin:/bin"  # as a login has it: man finds ~/.local/share/man
    verify = [str(units / "simwatch.service"), str(units / "simwatch.socket")]
    verify = lab.run("env", path, "systemd-analyze", "--user", "verify", *verify, check=False)
    assert verify.returncode == 0 and verify.stdout + verify.stderr == "", verify.stdout + verify.stderr
    security = lab.run("systemd-analyze", "--user", "security", "simwatch.service").stdout
    score = float(re.search(r"Overall exposure level for simwatch\.service: (\d+\.\d+)", security).group(1))
    assert score <= 2.5, security


def test_enable_now_starts_the_service_and_it_reminds(scn):
    lab = scn.lab
    config = CONFIG_HEAD + line_config(scn.line, "Carte e2e ✈")
    lab.run("sh", "-c", "cat > ~/.config/simwatch/config.toml", input=config)
    check = lab.run(str(scn.bin / "simwatchd"), "--check-config")
    assert "OK (1 line, 1 rule)" in check.stdout

    t0 = time.monotonic()
    lab.systemctl("enable", "--now", "simwatch")
    lab.wait_for(lambda: scn.is_active() == "active", 30, "simwatch.service to be active")
    scn.timings["enable --now to active"] = time.monotonic() - t0
    reminders = lab.wait_for(lambda: scn.reminders(scn.line), 30, f"a reminder for {scn.line} in the user journal")
    scn.timings["enable --now to reminder"] = time.monotonic() - t0

    r = reminders[0]
    assert r["MESSAGE_ID"] == LOW_DATA
    assert r["_SYSTEMD_USER_UNIT"] == "simwatch.service"
    assert (r["SIMWATCH_KIND"], r["SIMWATCH_EVENT"], r["SIMWATCH_SEVERITY"]) == ("low_data", "firing", "warning")
    assert r["SIMWATCH_RULE"] == "low" and r["SIMWATCH_LINE_NAME"] == "Carte e2e ✈" and r["PRIORITY"] == "4"
    assert r["SIMWATCH_NOTIFICATION_ID"] == f"{scn.line}/low/1/1/journal"
    assert int(r["SIMWATCH_REMAINING_BYTES"]) <= 1_000_000_000 and int(r["SIMWATCH_TOTAL_BYTES"]) == 1_000_000_000
    assert r["MESSAGE"].startswith("Carte e2e ✈: ")

    assert lab.show("simwatch", "StatusText")["StatusText"].startswith("1 line, 1 alert firing")
    assert lab.systemctl("is-enabled", "simwatch", "simwatch.socket").stdout.split() == ["enabled", "enabled"]
    assert scn.is_active("simwatch.socket") == "active"
    sock = scn.socket_path
    modes = lab.root("stat", "-c", "%a %U %F", str(sock.parent), str(sock)).stdout.splitlines()
    assert modes == [f"700 {LAB_USER} directory", f"600 {LAB_USER} socket"]
    env = scn.environ(scn.main_pid())
    assert (env.get("LISTEN_FDS"), env.get("LISTEN_FDNAMES")) == ("1", "simwatch.socket")  # as systemd started it
    assert f"control socket {sock} (from systemd)" in scn.log_messages()
    lab.run("test", "-s", str(scn.home / ".local/state/simwatch/state.db"))


def test_simwatchctl_status_as_the_user(scn):
    """simwatchctl finds the service's socket by itself, and both agree on the configuration and state paths."""
    done = scn.ctl("status")
    assert done.returncode == 1, done.stdout + done.stderr  # 1: an alert is firing
    assert re.match(r"simwatchd \S+, up ", done.stdout), done.stdout
    config, state = scn.home / ".config/simwatch/config.toml", scn.home / ".local/state/simwatch"
    assert re.search(rf"^config\s+{re.escape(str(config))}$", done.stdout, re.M), done.stdout
    assert re.search(rf"^state\s+{re.escape(str(state))}$", done.stdout, re.M), done.stdout
    assert f"{scn.line}/low" in done.stdout
    # without XDG_RUNTIME_DIR, simwatchctl falls back to /run/user/UID: the same socket
    as_json = scn.ctl("status", "--json", env=("-u", "XDG_RUNTIME_DIR"))
    assert as_json.returncode == 1, as_json.stdout + as_json.stderr
    status = json.loads(as_json.stdout)
    assert (status["config_path"], status["state_dir"], status["lines"]) == (str(config), str(state), 1)
    assert [(a["line"], a["rule"]) for a in status["firing"]] == [(scn.line, "low")]


def test_reload_after_a_config_edit(scn):
    lab = scn.lab
    pid = scn.main_pid()
    lab.run("sh", "-c", "cat >> ~/.config/simwatch/config.toml", input=line_config(scn.second_line, "Second e2e"))
    assert "OK (2 lines, 2 rules)" in lab.run(str(scn.bin / "simwatchd"), "--check-config").stdout
    t0 = time.monotonic()
    lab.systemctl("reload", "simwatch")
    lab.wait_for(
        lambda: "configuration reloaded: 2 line(s)" in scn.log_messages(), 20, "'configuration reloaded: 2 line(s)'"
    )
    lab.wait_for(lambda: scn.reminders(scn.second_line), 30, f"a reminder for the new line {scn.second_line}")
    scn.timings["reload to new reminder"] = time.monotonic() - t0
    assert scn.main_pid() == pid and scn.is_active() == "active"
    assert lab.show("simwatch", "StatusText")["StatusText"].startswith("2 lines")


def test_watchdog_restarts_a_frozen_daemon(scn):
    lab = scn.lab
    dropin = lab.runtime_dir / "systemd/user/simwatch.service.d/50-e2e-watchdog.conf"
    lab.run("mkdir", "-p", str(dropin.parent))
    lab.run("sh", "-c", f"cat > {dropin}", input="[Service]\nWatchdogSec=3s\nRestartSec=1s\n")
    try:
        lab.systemctl("daemon-reload")
        lab.systemctl("restart", "simwatch")
        lab.wait_for(lambda: scn.is_active() == "active", 30, "simwatch.service to be active again")
        assert lab.show("simwatch", "WatchdogUSec")["WatchdogUSec"] == "3s"
        pid, restarts = scn.main_pid(), int(lab.show("simwatch", "NRestarts")["NRestarts"])
        time.sleep(4)  # a healthy daemon outlives its watchdog period
        assert scn.main_pid() == pid

        t0 = time.monotonic()
        lab.run("kill", "-STOP", str(pid))

        def restarted():
            props = lab.show("simwatch", "MainPID", "ActiveState", "NRestarts")
            return (
                props["ActiveState"] == "active"
                and props["MainPID"] not in ("0", str(pid))
                and int(props["NRestarts"]) == restarts + 1
            )

        lab.wait_for(restarted, 30, "the watchdog to restart the frozen simwatchd")
        scn.timings["SIGSTOP to restarted"] = time.monotonic() - t0
        messages = scn.log_messages()
        assert "simwatch.service: Watchdog timeout (limit 3s)!" in messages
        assert not Path(f"/proc/{pid}").exists()
        # the restart neither resends nor forgets: still exactly one reminder per line
        assert [len(scn.reminders(line)) for line in (scn.line, scn.second_line)] == [1, 1]
    finally:
        lab.run("rm", "-rf", str(dropin.parent))
        lab.systemctl("daemon-reload")
        lab.systemctl("restart", "simwatch")
    lab.wait_for(lambda: scn.is_active() == "active", 30, "simwatch.service to be active again")
    assert lab.show("simwatch", "WatchdogUSec")["WatchdogUSec"] == "1min"


def test_the_socket_starts_the_daemon(scn):
    lab = scn.lab
    lab.systemctl("stop", "simwatch.service", "simwatch.socket")
    assert lab.root("test", "-e", str(scn.socket_path), check=False).returncode != 0
    lab.systemctl("start", "simwatch.socket")
    assert (scn.is_active("simwatch.socket"), scn.is_active()) == ("active", "inactive")
    t0 = time.monotonic()
    done = scn.ctl("status")  # the connection starts simwatchd, which answers on the socket systemd hands it
    scn.timings["simwatchctl status with only the socket"] = time.monotonic() - t0
    assert done.returncode == 1 and re.match(r"simwatchd \S+, up ", done.stdout), done.stdout + done.stderr
    assert f"{scn.line}/low" in done.stdout  # the alert state survived the stop
    assert scn.is_active() == "active"
    assert scn.log_messages().count(f"control socket {scn.socket_path} (from systemd)") >= 2


PROBE = r"""
check() {
    name=$1; shift
    if out=$("$@" 2>&1); then echo "ok $name"; else echo "FAIL $name: $(echo "$out" | head -n 3)"; fi
}
check state-dir-writable sh -c 'touch "$HOME/.local/state/simwatch/.probe" && rm "$HOME/.local/state/simwatch/.probe"'
check runtime-dir-writable sh -c 'touch "$XDG_RUNTIME_DIR/simwatch/.probe" && rm "$XDG_RUNTIME_DIR/simwatch/.probe"'
check config-readable test -r "$HOME/.config/simwatch/config.toml"
check home-read-only sh -c '! touch "$HOME/.probe" 2>/dev/null'
check runtime-read-only sh -c '! touch "$XDG_RUNTIME_DIR/.probe" 2>/dev/null'
check private-tmp sh -c '! test -e /tmp/@MARKER@'
check system-bus busctl --system call org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus GetId
check session-bus busctl --user call org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus GetId
check loopback-tcp /usr/bin/python3 -c 'import socket; socket.create_connection(("127.0.0.1", @PORT@), 5).close()'
check name-lookup /usr/bin/python3 -c 'import socket; socket.getaddrinfo("localhost", 443, type=socket.SOCK_STREAM)'
check ca-certificates sh -c 'test ! -e /etc/ssl/certs || test -r /etc/ssl/certs'
check credential sh -c 'test "$(cat "$CREDENTIALS_DIRECTORY/probe-secret")" = @SECRET@'
check runs-a-program /usr/bin/env true
check no-new-privileges grep -q '^NoNewPrivs:[[:space:]]*1' /proc/self/status
check seccomp grep -q '^Seccomp:[[:space:]]*2' /proc/self/status
check no-capabilities grep -q '^CapBnd:[[:space:]]*0000000000000000' /proc/self/status
check other-users-hidden sh -c 'test "$(stat -c %u /)" = 65534'
echo probe-done
"""
PROBE_CHECKS = {
    line.split()[1] for line in PROBE.splitlines() if line.startswith("check ") and not line.startswith("check()")
}
# What the probe unit leaves out of simwatch.service: how simwatchd is run. The sandbox stays as installed.
NOT_SANDBOX = re.compile(
    r"^(Description|Documentation|Wants|After|Type|NotifyAccess|ExecStart|ExecReload|WatchdogSec|Restart|"
    r"RestartSec|RestartPreventExitStatus|TimeoutStopSec|WantedBy|Also)="
)


def test_sandbox_keeps_what_simwatch_needs(scn):
    """The installed unit's sandbox, around a probe instead of simwatchd: what users need works, the rest is shut."""
    lab = scn.lab
    installed = lab.run("cat", str(scn.home / ".config/systemd/user/simwatch.service")).stdout
    kept = [line for line in installed.splitlines() if not NOT_SANDBOX.match(line) and line != "[Install]"]
    secret, marker = uuid.uuid4().hex, f"simwatch-e2e-{uuid.uuid4().hex[:8]}"
    probe_unit = "\n".join(kept).replace(
        "[Service]",
        "[Service]\nType=oneshot\nExecStart=/bin/sh %t/simwatch-probe.sh\n"
        "LoadCredential=probe-secret:%t/simwatch-probe-secret",
    )
    listener = socket.create_server(("127.0.0.1", 0))
    script = PROBE.replace("@PORT@", str(listener.getsockname()[1])).replace("@SECRET@", secret)
    script = script.replace("@MARKER@", marker)
    unit_path = lab.runtime_dir / "systemd/user/simwatch-probe.service"
    Path("/tmp", marker).touch()
    try:
        lab.run("mkdir", "-p", str(unit_path.parent))
        lab.run("sh", "-c", f"cat > {unit_path}", input=probe_unit)
        lab.run("sh", "-c", f"cat > {lab.runtime_dir}/simwatch-probe.sh", input=script)
        lab.run("sh", "-c", f"umask 077; cat > {lab.runtime_dir}/simwatch-probe-secret", input=secret)
        lab.systemctl("daemon-reload")
        lab.systemctl("start", "simwatch-probe.service", timeout=60)
        out = lab.run("journalctl", "--user", "-u", "simwatch-probe", "-o", "cat", "--no-pager").stdout
    finally:
        listener.close()
        Path("/tmp", marker).unlink()
        for path in (unit_path, lab.runtime_dir / "simwatch-probe.sh", lab.runtime_dir / "simwatch-probe-secret"):
            lab.run("rm", "-f", str(path))
        lab.systemctl("daemon-reload")
    results = {line.split()[1]: line for line in out.splitlines() if line.startswith(("ok ", "FAIL "))}
    assert "probe-done" in out, out
    assert set(results) == PROBE_CHECKS, out
    failed = [line for line in results.values() if line.startswith("FAIL")]
    assert not failed, "\n".join(failed)


def test_journalctl_x_explains_a_reminder(scn):
    """The catalog installed with simwatch, compiled as docs/operations.md says (as root), explains a reminder."""
    lab = scn.lab
    catalog = scn.home / ".local/lib/systemd/catalog/simwatch.catalog"
    # Inside the lab's mount namespace only: a tmpfs over the catalog database and /usr/local/lib/systemd/catalog.
    lab.root(
        "sh",
        "-ec",
        f"""
        for d in /var/lib/systemd/catalog /usr/local/lib/systemd/catalog; do
            p=$d; while [ ! -d "$p" ]; do p=$(dirname "$p"); done
            mount -t tmpfs -o mode=0755 simwatch-e2e-catalog "$p"
            mkdir -p "$d"
        done
        install -m 0644 {catalog} /usr/local/lib/systemd/catalog/simwatch.catalog
        journalctl --update-catalog
        """,
    )
    matches = [f"MESSAGE_ID={LOW_DATA}", f"SIMWATCH_LINE={scn.line}"]
    out = lab.run("journalctl", "--user", "-u", "simwatch", "-x", "--no-pager", *matches).stdout
    assert "Subject: Carte e2e ✈ is running low on data" in out, out
    assert "Defined-By: simwatch" in out
    assert f"journalctl --user -u simwatch SIMWATCH_LINE={scn.line}" in out
    assert f"SIMWATCH_NOTIFICATION_ID={scn.line}/low/1/1/journal" in out


def test_stop_is_clean(scn):
    lab = scn.lab
    pid = scn.main_pid()
    lab.systemctl("stop", "simwatch.socket", "simwatch.service")
    props = lab.show("simwatch", "ActiveState", "Result", "ExecMainStatus", "ExecMainCode")
    assert props == {"ActiveState": "inactive", "Result": "success", "ExecMainStatus": "0", "ExecMainCode": "1"}
    own = [e.get("MESSAGE") for e in lab.journal("-u", "simwatch", f"_PID={pid}", "SYSLOG_IDENTIFIER=simwatchd")]
    assert own[-2:] == ["stopping on signal 15", "stopped"], own[-5:]
    assert not Path(f"/proc/{pid}").exists()
    assert lab.root("test", "-e", str(scn.socket_path), check=False).returncode != 0
    down = scn.ctl("status")
    assert down.returncode == 3, down.stdout + down.stderr
    assert "simwatchd is not running" in down.stderr and "systemctl --user start simwatch" in down.stderr


def test_reduced_sandbox_without_user_namespaces(scn):
    """Where user namespaces are not allowed (USERNS=no stands in for that), the reduced unit still runs simwatchd."""
    lab = scn.lab
    unit = scn.home / ".config/systemd/user/simwatch.service"
    done = lab.run("make", "-C", str(scn.source), "install", "USERNS=no", timeout=300)
    assert "reduced sandbox" in done.stdout
    assert "\nPrivateUsers=" not in lab.run("cat", str(unit)).stdout
    try:
        lab.systemctl("start", "simwatch")
        lab.wait_for(lambda: scn.is_active() == "active", 30, "the reduced simwatch.service to be active")
        pid = scn.main_pid()
        status = lab.root("cat", f"/proc/{pid}/status").stdout
        assert re.search(r"^NoNewPrivs:\s+1$", status, re.M) and re.search(r"^Seccomp:\s+2$", status, re.M), status
        assert lab.root("cat", f"/proc/{pid}/uid_map").stdout.split() == ["0", "0", "4294967295"]
        lab.systemctl("stop", "simwatch.socket", "simwatch.service")
    finally:
        lab.run("make", "-C", str(scn.source), "install", timeout=300)
    assert "\nPrivateUsers=yes\n" in lab.run("cat", str(unit)).stdout


def test_uninstall_leaves_nothing_behind(scn):
    lab = scn.lab
    done = lab.run("make", "-C", str(scn.source), "uninstall", timeout=120)
    assert "systemctl --user disable --now simwatch.service simwatch.socket" in done.stdout, done.stdout
    after = lab.files_under(scn.home)
    assert scn.home_before - after == set(), f"uninstall removed files it did not install: {scn.home_before - after}"
    # What stays is the user's: the configuration and the state (and the directories above them).
    users = {".config", ".config/simwatch", ".local", ".local/state", ".local/state/simwatch"}
    left = {p for p in after - scn.home_before if p not in users and not p.startswith(".local/state/simwatch/")}
    assert left == {".config/simwatch/config.toml"}, sorted(left)
    assert lab.systemctl("cat", "simwatch.service", check=False).returncode != 0
