"""simwatchd --check-config: "FILE: OK (N lines, M rules)" or one error per line naming the key and line."""

import os
import re
import subprocess

import pytest

from conftest import demo_config, line_number, new_line_id


def check(simwatchd_bin, tmp_path, text: str) -> subprocess.CompletedProcess:
    path = tmp_path / "config.toml"
    path.write_text(text)
    env = {k: v for k, v in os.environ.items() if k not in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")}
    env.update(HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "home/.config"))
    return subprocess.run(
        [str(simwatchd_bin), "--check-config", "--config", str(path)],
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )


def at_line(n: int) -> re.Pattern:
    return re.compile(rf"config\.toml:{n}\b")


def test_check_config_ok(simwatchd_bin, tmp_path):
    done = check(simwatchd_bin, tmp_path, demo_config(new_line_id()))
    assert done.returncode == 0, f"stdout: {done.stdout}\nstderr: {done.stderr}"
    assert re.search(r"config\.toml: OK \(1 lines?, \d+ rules?\)", done.stdout), done.stdout


def test_check_config_unknown_key(simwatchd_bin, tmp_path):
    text = demo_config(new_line_id()).replace('threshold = "', 'treshold = "')
    n = line_number(text, "treshold")
    done = check(simwatchd_bin, tmp_path, text)
    assert done.returncode == 1, f"exit {done.returncode}; stderr: {done.stderr}"
    assert "OK" not in done.stdout
    hits = [
        l
        for l in done.stderr.splitlines()
        if "unknown key `treshold`" in l and at_line(n).search(l) and "did you mean `threshold`?" in l
    ]
    assert len(hits) == 1, f"want one line: unknown key `treshold` ... config.toml:{n}; did you mean ...\n{done.stderr}"


@pytest.mark.parametrize(
    ("key", "table", "old"),
    [
        ("quota", "plan", 'quota = "1GB"'),
        ("threshold", "rule", 'threshold = "2GB"'),
    ],
)
def test_check_config_bad_quantity(simwatchd_bin, tmp_path, key, table, old):
    text = demo_config(new_line_id())
    assert old in text
    text = text.replace(old, f'{key} = "2 GX"')
    n = line_number(text, "2 GX")
    done = check(simwatchd_bin, tmp_path, text)
    assert done.returncode == 1, f"exit {done.returncode}; stderr: {done.stderr}"
    hits = [l for l in done.stderr.splitlines() if key in l and table in l and at_line(n).search(l)]
    assert hits, f"want a line naming {table}…{key} and config.toml:{n}:\n{done.stderr}"


def test_check_config_toml_syntax_error(simwatchd_bin, tmp_path):
    text = demo_config(new_line_id(), name="Unterminated").replace('name = "Unterminated"', 'name = "Unterminated')
    n = line_number(text, "name = ")
    done = check(simwatchd_bin, tmp_path, text)
    assert done.returncode == 1, f"exit {done.returncode}; stderr: {done.stderr}"
    assert re.search(rf"config\.toml:{n}\b|line {n}\b", done.stderr), f"want line {n} named:\n{done.stderr}"


@pytest.mark.parametrize("header", ["[é]", "[[[1]]]", "["])
def test_check_config_hostile_header_is_a_syntax_error(simwatchd_bin, tmp_path, header):
    # toml++ (the C++ parser before SimwatchTOML) aborted the whole process on these headers.
    text = demo_config(new_line_id()) + f"\n{header}\n"
    n = len(text.splitlines())
    done = check(simwatchd_bin, tmp_path, text)
    assert done.returncode == 1, f"exit {done.returncode}; stderr: {done.stderr}"
    hits = [l for l in done.stderr.splitlines() if l.startswith("TOML syntax error: ") and at_line(n).search(l)]
    assert len(hits) == 1, f"want one TOML syntax error at config.toml:{n}:\n{done.stderr}"


def test_check_config_duplicate_key_names_both_lines(simwatchd_bin, tmp_path):
    text = demo_config(new_line_id())
    first = line_number(text, "name = ")
    text = text.replace("name = ", 'name = "twice"\nname = ', 1)
    done = check(simwatchd_bin, tmp_path, text)
    assert done.returncode == 1, f"exit {done.returncode}; stderr: {done.stderr}"
    assert re.search(
        rf"TOML syntax error: duplicate key `[\w.\[\]]*name` \(first defined at line {first}\).*config\.toml:{first + 1}\b",
        done.stderr,
    ), done.stderr
