#!/usr/bin/env bash
# simwatch benchmarks: footprint and throughput of the release simwatchd, side by side with vnstatd and monit.
#
#   make bench                      (or scripts/bench.sh)
#   BENCH_SECONDS=20                throughput window
#   BENCH_WAKE_SECONDS=60           window for counting wake-ups of the idle daemons
#   BENCH_CLEAN_BUILD=0             skip the clean release build of a fresh clone (it takes minutes)
#
# Prints, in one run, figures and ratios to the peers (Debian's vnstatd and monit, started here with private
# configuration and state, stopped by PID):
#  1. stripped sizes of both binaries as `make install` installs them; whether ICU or full Foundation is inside
#  2. idle RSS and private memory (USS) with one demo line, and with one HTTP line after its first poll
#  3. wake-ups per minute of each idle daemon (context switches of all its threads)
#  4. `simwatchctl status` per whole process against `vnstat --oneline` and `monit status`
#  5. throughput: 200 demo lines polled as fast as simulated time allows; polls/s, CPU per poll, RSS
#  6. a simulated year of 5-minute polling of one line: the size of state.db after roll-ups
#  7. the clean release build time of a fresh clone
#  8. the fleet case, scripts/bench-fleet.sh: 1,000 to 100,000 lines against nginx on loopback, beside wrk
#     (BENCH_FLEET_SIZES="1000 10000 100000", BENCH_FLEET_SECONDS=20; BENCH_FLEET=0 skips it)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PATH:/opt/swift/usr/bin"
secs=${BENCH_SECONDS:-20}
wake_secs=${BENCH_WAKE_SECONDS:-60}
clean_build=${BENCH_CLEAN_BUILD:-1}

# The same build as `make build` and `make install`.
swift build -c release --static-swift-stdlib >/dev/null
bindir="$(swift build -c release --show-bin-path)"
work="$(mktemp -d -t simwatch-bench.XXXXXX)"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

kb() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }
uss_kb() { awk '/^Private_(Clean|Dirty):/ {s += $2} END {print s}' "/proc/$1/smaps_rollup"; }
mb() { awk -v v="$1" 'BEGIN {printf "%.1f MB", v / 1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f×", a / b; else print "-"}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
switches() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^(non)?voluntary_ctxt_switches:/ {s += $2} END {print s}'; }
verdict() { if awk -v a="$1" -v b="$2" 'BEGIN {exit !(a <= b)}'; then echo "met"; else echo "MISSED"; fi; }

wait_for() { # wait_for FILE: up to 10 s
    for _ in $(seq 1 100); do [[ -e "$1" ]] && return 0; sleep 0.1; done
    echo "bench: $1 did not appear" >&2
    return 1
}

echo "== simwatch benchmarks ($(uname -m), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"

# 1. Installed binaries (install.sh strips them).
PREFIX="$work/prefix" HOME="$work/home" BUILD_DIR="$bindir" scripts/install.sh install >"$work/install.log" 2>&1 ||
    { cat "$work/install.log" >&2; exit 1; }
d_size=$(stat -c %s "$work/prefix/bin/simwatchd")
c_size=$(stat -c %s "$work/prefix/bin/simwatchctl")
echo "binaries:      simwatchd $(mb $((d_size / 1024))) installed (target ≤ 20 MB: $(verdict $((d_size / 1024)) 20480)), simwatchctl $(mb $((c_size / 1024))) (target ≤ 16 MB: $(verdict $((c_size / 1024)) 16384))"
for t in simwatchd simwatchctl; do
    syms=$(nm "$bindir/$t" 2>/dev/null || true)
    icu=$(grep -c -E ' (u_|ucol_|ubrk_|icu_)[a-z_0-9]+$| icudt[0-9]+' <<<"$syms" || true)
    fnd=$(grep -c -E '\$s10Foundation|\$s27FoundationInternationalization' <<<"$syms" || true)
    if ldd "$bindir/$t" >/dev/null 2>&1; then
        libs=$(ldd "$bindir/$t" | awk '{print $1}' | grep -v -E '^(linux-vdso|/lib64/ld-linux)' | tr '\n' ' ')
    else
        libs="nothing (a static executable)"
    fi
    echo "  $t: ICU symbols $icu, full-Foundation symbols $fnd; links $libs"
done

# Peers: vnstatd and monit with private configuration and state.
mkdir -p "$work/vnstat/db"
printf 'DatabaseDir "%s"\nUseLogging 0\n' "$work/vnstat/db" >"$work/vnstat/vnstat.conf"
vnstatd -n --alwaysadd --config "$work/vnstat/vnstat.conf" >"$work/vnstat/log" 2>&1 &
vnstat_pid=$!
pids+=("$vnstat_pid")
iface=$(ip -o route show default 2>/dev/null | awk '{for (i = 1; i < NF; i++) if ($i == "dev") {print $(i + 1); exit}}')
[[ -n "$iface" ]] || iface=$(ip -o link | awk -F': ' '$2 != "lo" {print $2; exit}')
mkdir -p "$work/monit"
cat >"$work/monit/monitrc" <<EOF
set daemon 30
set pidfile $work/monit/monit.pid
set idfile $work/monit/monit.id
set statefile $work/monit/monit.state
set httpd unixsocket $work/monit/monit.sock
  allow localhost
check system benchhost
EOF
chmod 0600 "$work/monit/monitrc"
monit -c "$work/monit/monitrc" -I >"$work/monit/log" 2>&1 &
monit_pid=$!
pids+=("$monit_pid")

# simwatchd with one demo line (idle), and one with an HTTP line against a loopback JSON API.
config_demo() {
    printf '[daemon]\ntime_zone = "UTC"\npoll_interval = "15m"\n\n[[line]]\nid = "demo"\n[line.plan]\nquota = "20GB"\n'
    printf 'cycle_day = 1\n[line.provider]\ntype = "demo"\ndaily_use = "300MB"\n'
}
mkdir -p "$work/api"
printf '{"remaining": 2100000000, "quota": 5000000000}\n' >"$work/api/balance.json"
python3 -m http.server 0 --bind 127.0.0.1 --directory "$work/api" >"$work/api/log" 2>&1 &
api_pid=$!
pids+=("$api_pid")
for _ in $(seq 1 100); do
    port=$(ss -ltnpH 2>/dev/null | awk -v p="pid=$api_pid," '$0 ~ p {n = split($4, a, ":"); print a[n]; exit}')
    [[ -n "$port" ]] && break
    sleep 0.1
done
config_http() {
    printf '[daemon]\ntime_zone = "UTC"\npoll_interval = "15m"\n\n[[line]]\nid = "api"\n[line.plan]\nquota = "5GB"\n'
    printf 'cycle_day = 1\n[line.provider]\ntype = "json"\nurl = "http://127.0.0.1:%s/balance.json"\n' "$port"
    printf 'remaining = "/remaining"\n'
}
config_demo >"$work/demo.toml"
config_http >"$work/http.toml"

start() { # start NAME CONFIG -> sets PID
    mkdir -p "$work/$1"
    "$bindir/simwatchd" --config "$2" --state-dir "$work/$1" --socket "$work/$1/control.sock" --log-level error \
        >"$work/$1.log" 2>&1 &
    PID=$!
    pids+=("$PID")
    wait_for "$work/$1/control.sock"
}

start idle "$work/demo.toml"
idle_pid=$PID
start http "$work/http.toml"
http_pid=$PID
for _ in $(seq 1 100); do
    SIMWATCH_SOCKET="$work/http/control.sock" "$bindir/simwatchctl" show api 2>/dev/null | grep -q -i "remaining" && break
    sleep 0.1
done
# Both have done their job once more: a poll on demand and the status queries a user makes, so the figures are
# those of a daemon at work (simwatchd lets start-up's code pages go; what these run comes back).
for name in idle http; do
    SIMWATCH_SOCKET="$work/$name/control.sock" "$bindir/simwatchctl" poll >/dev/null 2>&1 || true
    for command in status lines; do
        SIMWATCH_SOCKET="$work/$name/control.sock" "$bindir/simwatchctl" "$command" >/dev/null 2>&1 || true
    done
done
sleep 3

# 2. Memory after start-up settles and the daemon has worked.
v_rss=$(kb "$vnstat_pid" VmRSS)
m_rss=$(kb "$monit_pid" VmRSS)
i_rss=$(kb "$idle_pid" VmRSS)
h_rss=$(kb "$http_pid" VmRSS)
echo "idle memory:   simwatchd $(mb "$i_rss") RSS, $(mb "$(uss_kb "$idle_pid")") USS with a demo line" \
    "($(ratio "$i_rss" "$m_rss") monit, $(ratio "$i_rss" "$v_rss") vnstatd; target ≤ 15 MB: $(verdict "$i_rss" 15360))"
echo "               simwatchd $(mb "$h_rss") RSS, $(mb "$(uss_kb "$http_pid")") USS with an HTTP line after its first poll" \
    "(target ≤ 20 MB: $(verdict "$h_rss" 20480))"
echo "               vnstatd $(mb "$v_rss") RSS, $(mb "$(uss_kb "$vnstat_pid")") USS; monit $(mb "$m_rss") RSS, $(mb "$(uss_kb "$monit_pid")") USS"

# 3. Wake-ups per minute over the same window.
s0=$(switches "$idle_pid") v0=$(switches "$vnstat_pid") m0=$(switches "$monit_pid")
sleep "$wake_secs"
s1=$(switches "$idle_pid") v1=$(switches "$vnstat_pid") m1=$(switches "$monit_pid")
per_min() { awk -v d="$1" -v s="$wake_secs" 'BEGIN {printf "%.1f", d * 60 / s}'; }
sw=$(per_min $((s1 - s0))) vw=$(per_min $((v1 - v0))) mw=$(per_min $((m1 - m0)))
echo "wake-ups/min:  simwatchd $sw, vnstatd $vw, monit $mw over ${wake_secs}s (target: fewer than vnstatd: $(
    awk -v a="$sw" -v b="$vw" 'BEGIN {print (a < b) ? "met" : "MISSED"}'
))"

# 4. One status query per whole process (start, connect, answer, exit), without a shell in between (-N): the
# process alone. simwatchctl and vnstat alternate over six rounds of 200 runs, each after a warm-up, and the figure
# is the median of the rounds' medians (the verdict: of the rounds' ratios), so a machine that drifts (another
# build, a timer) weighs on both alike.
# The order alternates too: whichever runs first in a round pays for the other's warm-up.
ctl_cmd=(-n simwatchctl "$bindir/simwatchctl status --socket $work/idle/control.sock")
vnstat_cmd=(-n vnstat "vnstat --config $work/vnstat/vnstat.conf --oneline -i $iface")
for round in 1 2 3 4 5 6; do
    if ((round % 2)); then order=("${ctl_cmd[@]}" "${vnstat_cmd[@]}"); else order=("${vnstat_cmd[@]}" "${ctl_cmd[@]}"); fi
    hyperfine -N --style none --warmup 20 --runs 200 --export-json "$work/status-$round.json" "${order[@]}" \
        >/dev/null 2>&1 || true
done
hyperfine -N --style none --warmup 3 --runs 50 --export-json "$work/status-monit.json" \
    -n monit "monit -c $work/monit/monitrc status" >/dev/null 2>&1 || true
python3 - "$work" <<'PY'
import glob, json, statistics, sys
rounds = {}
try:
    for path in sorted(glob.glob(f"{sys.argv[1]}/status-*.json")):
        for x in json.load(open(path))["results"]:
            rounds.setdefault(x["command"], []).append(x["median"] * 1000)
    s, v, m = (statistics.median(rounds[k]) for k in ("simwatchctl", "vnstat", "monit"))
    # Each round measures both under the same conditions: the verdict is the median of the rounds' ratios.
    ratio = statistics.median(a / b for a, b in zip(rounds["simwatchctl"], rounds["vnstat"]))
except Exception as e:
    print(f"status query:  not measured ({e})")
    sys.exit(0)
spread = " ".join(f"{a:.2f}/{b:.2f}" for a, b in zip(rounds["simwatchctl"], rounds["vnstat"]))
print(f"status query:  simwatchctl status {s:.2f} ms, vnstat --oneline {v:.2f} ms, monit status {m:.2f} ms "
      f"({ratio:.2f}× vnstat, round by round; target no slower than vnstat: {'met' if ratio <= 1 else 'MISSED'}); "
      f"rounds {spread}")
PY
kill -TERM "$http_pid" "$idle_pid"

# 5. Throughput.
lines_config() { # lines_config COUNT INTERVAL SCALE
    printf '[daemon]\ntime_zone = "UTC"\npoll_interval = "%s"\ntime_scale = %s\nmax_concurrent_polls = 8\n' "$2" "$3"
    for i in $(seq 1 "$1"); do
        printf '\n[[line]]\nid = "line-%d"\n[line.plan]\nquota = "20GB"\ncycle_day = 1\n[line.provider]\ntype = "demo"\ndaily_use = "300MB"\n' "$i"
    done
}
count_readings() {
    python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from reading").fetchone()[0])' "$1"
}
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
kill -INT "$PID"

# 6. A simulated year.
lines_config 1 5m 1000000 >"$work/year.toml"
start year "$work/year.toml"
sleep 32
kill -INT "$PID"
wait "$PID" 2>/dev/null || true
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

# 7. Clean release build of a fresh clone (what a first `make build` costs), and the debug build `make demo` does.
if [[ "$clean_build" == 1 ]]; then
    git clone -q . "$work/clone"
    t0=$(date +%s)
    (cd "$work/clone" && swift build --product simwatchd >/dev/null && swift build --product simwatchctl >/dev/null)
    t1=$(date +%s)
    (cd "$work/clone" && swift build -c release --static-swift-stdlib --scratch-path .build-release >/dev/null)
    t2=$(date +%s)
    echo "clean build:   make demo's debug build $((t1 - t0)) s (target < 120 s: $(verdict $((t1 - t0)) 120))," \
        "release build $((t2 - t1)) s, of a fresh clone"
fi

# 8. The fleet case, with the same release binaries.
if [[ "${BENCH_FLEET:-1}" == 1 ]]; then
    BENCH_FLEET_BINDIR="$bindir" scripts/bench-fleet.sh
fi
