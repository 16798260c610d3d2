#!/usr/bin/env bash
# simwatch benchmarks: footprint and throughput of the release simwatchd, printed as figures.
#
#   make bench            (or scripts/bench.sh [SECONDS])
#
# 1. binary size and linked libraries
# 2. idle memory: one line polled every 15 minutes, RSS after start-up settles
# 3. throughput: 200 demo lines polled as fast as simulated time allows; polls/s, CPU per poll, peak RSS
# 4. a year of 5-minute polling of one line (simulated), then the size of state.db after roll-ups
# Peers for comparison (measured on this kind of machine): vnstatd 3.9 MB RSS, monit 7.3 MB RSS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PATH:/opt/swift/usr/bin"
secs=${1:-20}

# The same build as `make build` and `make install`: the Swift runtime linked statically.
swift build -c release --static-swift-stdlib --product simwatchd >/dev/null
bin="$(swift build -c release --show-bin-path)/simwatchd"
work="$(mktemp -d -t simwatch-bench.XXXXXX)"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

kb() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }
mb() { awk -v v="$1" 'BEGIN {printf "%.1f MB", v / 1024}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

lines_config() { # lines_config COUNT INTERVAL SCALE
    printf '[daemon]\ntime_zone = "UTC"\npoll_interval = "%s"\ntime_scale = %s\nmax_concurrent_polls = 8\n' "$2" "$3"
    for i in $(seq 1 "$1"); do
        printf '\n[[line]]\nid = "line-%d"\n[line.plan]\nquota = "20GB"\ncycle_day = 1\n[line.provider]\ntype = "demo"\ndaily_use = "300MB"\n' "$i"
    done
}

start() { # start NAME CONFIG -> sets PID
    mkdir -p "$work/$1"
    "$bin" --config "$2" --state-dir "$work/$1" --log-level error >"$work/$1.log" 2>&1 &
    PID=$!
    pids+=("$PID")
}

stop() {
    kill -INT "$1"
    wait "$1" 2>/dev/null || true
}

count_readings() {
    python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from reading").fetchone()[0])' "$1"
}

echo "== simwatchd benchmarks ($(uname -m), $(nproc) cores)"
size=$(stat -c %s "$bin")
echo "binary:        $(mb $((size / 1024))) ($bin)"
echo "libraries:     $(ldd "$bin" | awk '{print $1}' | grep -E 'swift|Foundation|sqlite|systemd|icu' | tr '\n' ' ')"

lines_config 1 15m 1 >"$work/idle.toml"
start idle "$work/idle.toml"
sleep 3
echo "idle RSS:      $(mb "$(kb "$PID" VmRSS)") (anonymous $(mb "$(kb "$PID" RssAnon)"), shared-library pages $(mb "$(kb "$PID" RssFile)")); vnstatd 3.9 MB, monit 7.3 MB"
stop "$PID"

lines_config 200 5m 100000 >"$work/load.toml"
start load "$work/load.toml"
sleep 2
before=$(count_readings "$work/load/state.db")
t0=$(cpu_ticks "$PID")
sleep "$secs"
after=$(count_readings "$work/load/state.db")
t1=$(cpu_ticks "$PID")
polls=$((after - before))
hz=$(getconf CLK_TCK)
echo "throughput:    $((polls / secs)) polls/s over ${secs}s with 200 lines ($polls polls)"
awk -v c=$((t1 - t0)) -v hz="$hz" -v n="$polls" 'BEGIN {if (n > 0) printf "cpu per poll:  %.0f µs (read, rules, one SQLite transaction)\n", c / hz / n * 1e6}'
echo "load RSS:      $(mb "$(kb "$PID" VmRSS)") (peak $(mb "$(kb "$PID" VmHWM)"))"
stop "$PID"

lines_config 1 5m 1000000 >"$work/year.toml"
start year "$work/year.toml"
sleep 32
stop "$PID"
python3 - "$work/year/state.db" <<'PY'
import os, sqlite3, sys
db = sys.argv[1]
c = sqlite3.connect(db)
raw = c.execute("select count(*), min(observed_at), max(observed_at) from reading").fetchone()
roll = dict(c.execute("select resolution, count(*) from reading_rollup group by resolution").fetchall())
span = c.execute("select max(x) - min(y) from (select max(observed_at) x from reading), (select min(bucket) y from reading_rollup)").fetchone()[0] or 0
c.execute("pragma wal_checkpoint(truncate)")
size = os.path.getsize(db)
print(f"one year:      {span / 86400:.0f} simulated days of 5-minute polling -> {raw[0]} raw readings, "
      f"{roll.get(3600, 0)} hourly and {roll.get(86400, 0)} daily roll-ups, state.db {size / 1024:.0f} kB")
PY
