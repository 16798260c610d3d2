"""A first start: simwatchd and `simwatchctl status` for a user who has no configuration file yet.

simwatchd says where to copy the example from and where to, and exits 66 (which the unit's
RestartPreventExitStatus= lists, so systemd does not restart it); `simwatchctl status` says the same when it cannot
reach simwatchd for that reason. test_package.py checks the same under systemd with the packaged example.
"""

import os
import subprocess
from pathlib import Path

ADVICE = "no configuration file at ~/.config/simwatch/config.toml: simwatchd needs one to know your plans."
COPY = "  mkdir -p ~/.config/simwatch && cp config/simwatch.example.toml ~/.config/simwatch/config.toml"
SCRUBBED = ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_FDS", "LISTEN_PID", "SIMWATCH_SOCKET")


def user_env(home: Path) -> dict[str, str]:
    """A user with an empty home: no XDG_CONFIG_HOME, a runtime directory with no socket in it."""
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED and k != "XDG_CONFIG_HOME"}
    env.update(HOME=str(home), XDG_RUNTIME_DIR=str(home / "run"))
    (home / "run").mkdir(parents=True, exist_ok=True)
    return env


def start(simwatchd_bin: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(simwatchd_bin), "--foreground", "--state-dir", str(home / "state"), *args],
        env=user_env(home),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_simwatchd_without_a_configuration_file_says_what_to_do_and_exits_66(simwatchd_bin, tmp_path):
    done = start(simwatchd_bin, tmp_path)
    assert done.returncode == 66, done.stderr
    assert ADVICE in done.stderr and COPY in done.stderr, done.stderr
    assert "then start the service: systemctl --user enable --now simwatch" in done.stderr
    assert not (tmp_path / "state").exists(), "nothing is made before there is a configuration"


def test_an_invalid_configuration_is_still_78_not_a_first_start(simwatchd_bin, tmp_path):
    config = tmp_path / ".config/simwatch/config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("[daemon\n")
    done = start(simwatchd_bin, tmp_path)
    assert done.returncode == 78, done.stderr
    assert ADVICE not in done.stderr


def test_an_explicit_config_path_that_does_not_exist_is_named(simwatchd_bin, tmp_path):
    done = start(simwatchd_bin, tmp_path, "--config", str(tmp_path / "elsewhere.toml"))
    assert done.returncode == 66, done.stderr
    assert "no configuration file at ~/elsewhere.toml" in done.stderr, done.stderr


def status(simwatchctl_bin: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(simwatchctl_bin), "status", *args], env=user_env(home), capture_output=True, text=True, timeout=30
    )


def test_simwatchctl_status_gives_the_same_advice(simwatchctl_bin, tmp_path):
    done = status(simwatchctl_bin, tmp_path)
    assert done.returncode == 3, done.stderr
    assert done.stderr.startswith("simwatchd is not running (no socket at "), done.stderr
    assert ADVICE in done.stderr and COPY in done.stderr, done.stderr


def test_simwatchctl_status_without_advice_once_there_is_a_configuration_or_another_socket(simwatchctl_bin, tmp_path):
    other = status(simwatchctl_bin, tmp_path, "--socket", str(tmp_path / "other.sock"))
    assert other.returncode == 3 and ADVICE not in other.stderr, other.stderr
    config = tmp_path / ".config/simwatch/config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("")
    done = status(simwatchctl_bin, tmp_path)
    assert done.returncode == 3 and ADVICE not in done.stderr, done.stderr
