"""Lines from an inventory (docs/configuration.md, "Inventories"): `[groups.NAME]` defaults, a CSV and a JSON Lines
inventory, and a directory of `[[line]]` fragments, watched by the real daemon. Reload applies an added, a removed
and a changed row without touching the other lines' state; a broken inventory on reload keeps the running one."""

from __future__ import annotations

import json
import subprocess
import textwrap

import varlink

from conftest import run_simwatchctl, wait_until

INTERFACE = "io.simwatch.Control"

CONFIG = textwrap.dedent(
    """\
    [daemon]
    time_scale = 3600
    poll_interval = "1h"
    include = "lines.d"

    [groups.eu]
    poll_interval = "2h"
    language = "fr"
    [groups.eu.plan]
    quota = "3GB"
    valid_for = "30d"
    [groups.eu.provider]
    type = "demo"
    daily_use = "200MB"
    [[groups.eu.rule]]
    id = "eu-low"
    kind = "data_below"
    threshold = "1GB"

    [groups.iot]
    [groups.iot.plan]
    quota = "500MB"
    valid_for = "90d"
    [groups.iot.provider]
    type = "demo"
    daily_use = "5MB"

    [[inventory]]
    file = "fleet.csv"

    [[inventory]]
    file = "sensors.jsonl"
    group = "iot"
    """
)

CSV = (
    "iccid,id,name,language,group\r\n"
    "89330123456789012345,,Alice,,eu\r\n"
    '89330123456789012346,bob,"Bob, Lyon",en,eu\r\n'
    "89330123456789012347,carol,Carol,,eu\r\n"
)

JSONL = '{"id": "sensor-1", "name": "Sensor 1"}\n{"iccid": "8949000000000000011", "id": "sensor-2"}\n'

FRAGMENT = textwrap.dedent(
    """\
    [[line]]
    id = "hand-made"
    [line.plan]
    quota = "1GB"
    valid_for = "10d"
    [line.provider]
    type = "demo"
    daily_use = "100MB"
    """
)


def lines(ctl_bin, sock) -> dict[str, dict]:
    done = run_simwatchctl(ctl_bin, sock, "lines", "--json")
    assert done.returncode in (0, 1), done.stderr
    return {line["id"]: line for line in json.loads(done.stdout)["lines"]}


def history(sock, line: str) -> list[dict]:
    with varlink.Client(address=f"unix:{sock}") as client, client.open(INTERFACE) as con:
        return con.GetHistory(line)["points"]


def test_inventory_lines_reload_and_a_broken_inventory(daemon, simwatchctl_bin, tmp_path):
    (tmp_path / "lines.d").mkdir()
    (tmp_path / "lines.d" / "10-hand.toml").write_text(FRAGMENT)
    (tmp_path / "lines.d" / "README").write_text("not a fragment: only *.toml files are read\n")
    (tmp_path / "fleet.csv").write_text(CSV, newline="")
    (tmp_path / "sensors.jsonl").write_text(JSONL)
    d = daemon(CONFIG)
    sock = d.wait_for_control_socket()

    ids = {"89330123456789012345", "bob", "carol", "sensor-1", "sensor-2", "hand-made"}
    wait_until(lambda: set(lines(simwatchctl_bin, sock)) == ids, 15, what="the inventory's lines")
    wait_until(
        lambda: all(line.get("reading") for line in lines(simwatchctl_bin, sock).values()), 30, what="first readings"
    )
    shown = lines(simwatchctl_bin, sock)
    # A row without an id is named by its ICCID; the group's settings reach every row of it.
    assert shown["89330123456789012345"]["name"] == "Alice"
    assert shown["bob"]["name"] == "Bob, Lyon"
    for line in ("89330123456789012345", "bob", "carol"):
        assert shown[line]["poll_interval_seconds"] == 7200, shown[line]
        assert shown[line]["plan"]["quota_bytes"] == 3_000_000_000
        assert shown[line]["provider"] == "demo"
    for line in ("sensor-1", "sensor-2"):
        assert shown[line]["plan"]["quota_bytes"] == 500_000_000
        assert shown[line]["poll_interval_seconds"] == 3600
    assert shown["hand-made"]["plan"]["quota_bytes"] == 1_000_000_000

    with varlink.Client(address=f"unix:{sock}") as client, client.open(INTERFACE) as con:
        carol = con.GetLine("carol")["line"]
        sensor = con.GetLine("sensor-1")["line"]
    assert [rule["id"] for rule in carol["rules"]] == ["eu-low"]
    assert "eu-low" not in [rule["id"] for rule in sensor["rules"]]

    # Let the lines gather some history, then change the inventory: drop carol, add dave, rename bob.
    wait_until(lambda: len(history(sock, "hand-made")) >= 3 and len(history(sock, "bob")) >= 2, 30,
               what="some history")
    kept = {line: history(sock, line) for line in ("hand-made", "bob", "sensor-1")}
    (tmp_path / "fleet.csv").write_text(
        "iccid,id,name,language,group\n"
        "89330123456789012345,,Alice,,eu\n"
        "89330123456789012346,bob,Robert,en,eu\n"
        "89330123456789012348,dave,Dave,,eu\n"
    )
    done = run_simwatchctl(simwatchctl_bin, sock, "reload")
    assert done.returncode == 0, done.stderr
    after = lines(simwatchctl_bin, sock)
    assert set(after) == (ids - {"carol"}) | {"dave"}
    assert after["bob"]["name"] == "Robert"
    # The other lines' state is untouched: their history still starts where it did and has grown or stayed.
    for line, before in kept.items():
        now = history(sock, line)
        assert now[: len(before)] == before, line
    assert after["hand-made"]["reading"]
    wait_until(lambda: lines(simwatchctl_bin, sock)["dave"].get("reading"), 30, what="the new line's reading")

    # A broken inventory on reload: refused with the file, the record and the column; the running lines stay.
    (tmp_path / "fleet.csv").write_text(
        "iccid,id,name,language,group\n"
        "89330123456789012345,,Alice,,eu\n"
        "8933012345,erin,Erin,,eu\n"
        "89330123456789012349,frank,Frank,,europe\n"
    )
    done = run_simwatchctl(simwatchctl_bin, sock, "reload")
    assert done.returncode == 1, done.stdout
    assert "`8933012345` is not an ICCID in record 3, column `iccid` at fleet.csv:3" in done.stderr, done.stderr
    assert "no group `europe` in record 4, column `group` at fleet.csv:4" in done.stderr, done.stderr
    d.assert_alive()
    assert set(lines(simwatchctl_bin, sock)) == (ids - {"carol"}) | {"dave"}
    # Still watching them: a poll of the kept lines succeeds.
    assert run_simwatchctl(simwatchctl_bin, sock, "poll", "dave").returncode == 0


def test_check_config_reports_every_inventory_mistake(simwatchd_bin, tmp_path):
    (tmp_path / "lines.d").mkdir()
    (tmp_path / "lines.d" / "10-hand.toml").write_text(FRAGMENT + '\n[daemon]\nlanguage = "fr"\n')
    (tmp_path / "lines.d" / "20-dup.toml").write_text(FRAGMENT.replace("hand-made", "bob"))
    (tmp_path / "fleet.csv").write_text(CSV.replace("language,group", "langage,group"))
    (tmp_path / "sensors.jsonl").write_bytes(
        b'{"id": "sensor-1"}\n{"id": "sensor-2", "colour": "red"}\n{"id": "x\x00"}\nnot json\n\xff\xfe\n'
    )
    config = tmp_path / "config.toml"
    config.write_text(CONFIG)
    done = subprocess.run(
        [str(simwatchd_bin), "--check-config", "--config", str(config)], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 1
    err = done.stderr
    assert "unknown column `langage` in header, column `langage` at fleet.csv:1; did you mean `language`?" in err, err
    assert "a fragment holds only [[line]] tables, not `daemon`" in err and "10-hand.toml:" in err, err
    assert "unknown key `colour`" in err and "sensors.jsonl:2" in err, err
    assert "sensors.jsonl:3" in err and "sensors.jsonl:4" in err and "sensors.jsonl:5" in err, err


def test_check_config_names_both_places_of_a_duplicate(simwatchd_bin, tmp_path):
    (tmp_path / "lines.d").mkdir()
    (tmp_path / "lines.d" / "10-hand.toml").write_text(FRAGMENT.replace("hand-made", "bob"))
    (tmp_path / "fleet.csv").write_text(CSV)
    (tmp_path / "sensors.jsonl").write_text(JSONL)
    config = tmp_path / "config.toml"
    config.write_text(CONFIG)
    done = subprocess.run(
        [str(simwatchd_bin), "--check-config", "--config", str(config)], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 1
    assert "duplicate line id `bob`, already at 10-hand.toml:2 in record 3, column `id` at fleet.csv:3" in done.stderr
