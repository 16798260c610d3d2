#!/usr/bin/env bash
# simwatch fleet benchmark: one release simwatchd watching 1,000 to 100,000 lines against a loopback provider API.
#
#   scripts/bench-fleet.sh                       (also run by scripts/bench.sh, so by `make bench`)
#   BENCH_FLEET_SIZES="1000 10000 100000"        the fleet sizes, in lines
#   BENCH_FLEET_SECONDS=20                       throughput window at each size
#   BENCH_FLEET_BINDIR=DIR                       use the simwatchd and simwatchctl in DIR (no build)
#
# The provider API is Debian's nginx, started here with a private configuration on 127.0.0.1 and stopped by PID:
# it answers the same static JSON usage document for every ICCID path. Each line is a `type = "json"` line with its
# own ICCID in the URL; poll_interval and time_scale make every line due again at once, so the daemon polls
# continuously. Debian's wrk drives the same nginx in the same run, and simwatchd's request rate is printed as a
# ratio of wrk's. For each size it prints, with its target where there is one ("met" or "MISSED"):
#   polls per second, CPU per poll, memory per line (RSS over a 100-line daemon's under the same load, divided by
#   the added lines), state.db growth per line per day (bytes per poll in the run, at a 15-minute poll interval) and
#   polls per state.db transaction (writes batched), time to start
#   (launch until the first `simwatchctl status` answer), time to reload (`simwatchctl reload`, which answers when
#   the new configuration is in force), and the latency of `simwatchctl lines --limit 100` and `simwatchctl status`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PATH:/opt/swift/usr/bin:/usr/sbin"
sizes=${BENCH_FLEET_SIZES:-1000 10000 100000}
secs=${BENCH_FLEET_SECONDS:-20}

for tool in nginx wrk python3; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "bench-fleet: $tool is missing (scripts/bootstrap.sh bench installs it)" >&2
        exit 1
    }
done
if [[ -n "${BENCH_FLEET_BINDIR:-}" ]]; then
    bindir="$BENCH_FLEET_BINDIR"
else
    swift build -c release --static-swift-stdlib >/dev/null
    bindir="$(swift build -c release --show-bin-path)"
fi
work="$(mktemp -d -t simwatch-fleet.XXXXXX)"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

kb() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
now_ns() { date +%s%N; }
ms_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN {printf "%.0f", (b - a) / 1e6}'; }
verdict() { if awk -v a="$1" -v b="$2" 'BEGIN {exit !(a <= b)}'; then echo "met"; else echo "MISSED"; fi; }
ctl() { SIMWATCH_SOCKET="$work/$name/control.sock" "$bindir/simwatchctl" "$@"; }

# The loopback provider API: nginx, one worker, no access log, the same document for every path.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx/html" "$work/nginx/tmp"
printf '{"remaining": 2100000000, "quota": 5000000000}\n' >"$work/nginx/html/usage.json"
# Started as root, nginx's worker runs as nobody: it may pass through to the document, and only that.
chmod a+x "$work" "$work/nginx"
chmod a+rx "$work/nginx/html"
chmod a+r "$work/nginx/html/usage.json"
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/tmp;
    proxy_temp_path $work/nginx/tmp;
    fastcgi_temp_path $work/nginx/tmp;
    uwsgi_temp_path $work/nginx/tmp;
    scgi_temp_path $work/nginx/tmp;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:$port;
        root $work/nginx/html;
        location / { default_type application/json; try_files /usage.json =404; }
    }
}
EOF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" >"$work/nginx/stdout" 2>&1 &
pids+=("$!")
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/sims/0" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS "http://127.0.0.1:$port/sims/0" >/dev/null || { cat "$work/nginx/error.log" >&2; exit 1; }

# wrk against the same nginx: one thread, eight connections (simwatchd's max_concurrent_polls below).
wrk_rate=$(wrk -t1 -c8 -d"${secs}s" "http://127.0.0.1:$port/sims/8933000000000000001" 2>/dev/null |
    awk '/^Requests\/sec:/ {printf "%.0f", $2}')
echo "== simwatch fleet ($(uname -m), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)); loopback API: nginx $(
    nginx -v 2>&1 | sed 's/.*nginx\///'
) on 127.0.0.1:$port"
echo "wrk:           ${wrk_rate:-?} requests/s (1 thread, 8 connections, ${secs}s)"

# fleet_config COUNT FILE: COUNT json lines, each with its own ICCID, the way a reseller writes them: one group and
# an inventory of one row per SIM (FILE.csv beside FILE). Due again 36 ms after each poll (1h at 100,000x).
# BENCH_FLEET_FORM=toml writes COUNT [[line]] tables in FILE instead.
fleet_config() {
    if [[ "${BENCH_FLEET_FORM:-inventory}" == toml ]]; then
        awk -v n="$1" -v port="$port" 'BEGIN {
            printf "[daemon]\ntime_zone = \"UTC\"\npoll_interval = \"1h\"\ntime_scale = 100000\n"
            printf "poll_timeout = \"30s\"\nmax_concurrent_polls = 8\n"
            for (i = 1; i <= n; i++) {
                printf "\n[[line]]\nid = \"fleet-%06d\"\nplan = {quota = \"5GB\", cycle_day = 1}\n", i
                printf "provider = {type = \"json\", url = \"http://127.0.0.1:%s/sims/{iccid}\", ", port
                printf "iccid = \"8933%015d\", remaining = \"/remaining\", total = \"/quota\"}\n", i
            }
        }' >"$2"
        return
    fi
    cat >"$2" <<EOF
[daemon]
time_zone = "UTC"
poll_interval = "1h"
time_scale = 100000
poll_timeout = "30s"
max_concurrent_polls = 8

[groups.fleet]
plan = {quota = "5GB", cycle_day = 1}
provider = {type = "json", url = "http://127.0.0.1:$port/sims/{iccid}", remaining = "/remaining", total = "/quota"}

[[inventory]]
file = "$(basename "$2").csv"
group = "fleet"
EOF
    awk -v n="$1" 'BEGIN { print "iccid,id"; for (i = 1; i <= n; i++) printf "8933%015d,fleet-%06d\n", i, i }' >"$2.csv"
}
db_bytes() { # the database as a reader sees it (WAL included), and the newest reading's id
    python3 - "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, timeout=10)
pages = c.execute("pragma page_count").fetchone()[0] - c.execute("pragma freelist_count").fetchone()[0]
size = pages * c.execute("pragma page_size").fetchone()[0]
print(size, c.execute("select coalesce(max(id), 0) from reading").fetchone()[0])
PY
}
median_ms() { # median_ms RUNS COMMAND...: the median wall time of RUNS runs, in ms
    local runs=$1 t0
    shift
    for _ in $(seq 1 "$runs"); do
        t0=$(now_ns)
        "$@" >/dev/null 2>&1 || true
        ms_since_float "$t0"
    done | sort -n | awk '{a[NR] = $1} END {printf "%.1f", a[int((NR + 1) / 2)]}'
}
ms_since_float() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN {printf "%.2f\n", (b - a) / 1e6}'; }

# start NAME CONFIG: launches simwatchd, waits for its first status answer; sets PID and START_MS.
start() {
    mkdir -p "$work/$1"
    name=$1
    local t0
    t0=$(now_ns)
    "$bindir/simwatchd" --config "$2" --state-dir "$work/$1" --socket "$work/$1/control.sock" --log-level error \
        >"$work/$1.log" 2>&1 &
    PID=$!
    pids+=("$PID")
    for _ in $(seq 1 6000); do
        if [[ -S "$work/$1/control.sock" ]]; then
            local rc=0
            ctl status >/dev/null 2>&1 || rc=$?
            if ((rc <= 1)); then
                START_MS=$(ms_since "$t0")
                return 0
            fi
        fi
        kill -0 "$PID" 2>/dev/null || { cat "$work/$1.log" >&2; return 1; }
        sleep 0.02
    done
    echo "bench-fleet: simwatchd with $1 did not answer within 120 s" >&2
    return 1
}
transactions() { # the state database's transactions so far (`simwatchctl status --json`, which exits 1 when an
    # alert fires)
    { ctl status --json 2>/dev/null || true; } |
        python3 -c 'import json, sys; print(json.load(sys.stdin).get("state_transactions", 0))' 2>/dev/null || echo 0
}
rss_median() { # rss_median PID SECONDS: the median of the RSS sampled once a second for SECONDS (kB): one sample
    # moves by a megabyte with the transfers in flight, a kilobyte per line at 1,000 lines
    local samples=()
    for _ in $(seq 1 "$2"); do
        sleep 1
        samples+=("$(kb "$1" VmRSS)")
    done
    printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}
stop() {
    kill -TERM "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# A 100-line daemon of the same kind, polling flat out like the fleets below (its lines are due again 36 ms after
# each poll), after as long as the fleets below run: the baseline for memory per line, so that what grows with the load and not
# with the lines (SQLite's page cache, the transfer threads' malloc arenas) is not counted as the lines'.
base_lines=100
fleet_config "$base_lines" "$work/base.toml"
start base "$work/base.toml"
sleep 2
base_rss=$(rss_median "$PID" "$secs")
stop "$PID"
echo "baseline:      $base_lines json lines polled flat out, RSS $(awk -v k="$base_rss" 'BEGIN {printf "%.1f MB", k / 1024}')"

hz=$(getconf CLK_TCK)
for n in $sizes; do
    cfg="$work/fleet-$n.toml"
    fleet_config "$n" "$cfg"
    start "fleet-$n" "$cfg"
    pid=$PID
    start_ms=$START_MS
    sleep 2
    read -r bytes0 id0 < <(db_bytes "$work/$name/state.db")
    tx0=$(transactions)
    t0=$(cpu_ticks "$pid")
    w0=$(now_ns)
    rss=$(rss_median "$pid" "$secs")
    read -r bytes1 id1 < <(db_bytes "$work/$name/state.db")
    tx1=$(transactions)
    t1=$(cpu_ticks "$pid")
    window=$(awk -v a="$w0" -v b="$(now_ns)" 'BEGIN {print (b - a) / 1e9}')
    polls=$((id1 - id0))
    lines_ms=$(median_ms 9 ctl lines --limit 100)
    status_ms=$(median_ms 9 ctl status)
    r0=$(now_ns)
    ctl reload >/dev/null
    reload_ms=$(ms_since "$r0")
    stop "$pid"

    rate=$(awk -v p="$polls" -v w="$window" 'BEGIN {printf "%.0f", p / w}')
    cpu_us=$(awk -v c=$((t1 - t0)) -v hz="$hz" -v p="$polls" 'BEGIN {if (p > 0) printf "%.0f", c / hz / p * 1e6; else print "-"}')
    per_line=$(awk -v r="$rss" -v b="$base_rss" -v n="$n" -v m="$base_lines" 'BEGIN {printf "%.0f", (r - b) * 1024 / (n - m)}')
    per_poll=$(awk -v d=$((bytes1 - bytes0)) -v p="$polls" 'BEGIN {if (p > 0) printf "%.0f", d / p; else print 0}')
    per_day=$(awk -v b="$per_poll" 'BEGIN {printf "%.1f", b * 96 / 1024}')
    per_tx=$(awk -v p="$polls" -v a="${tx0:-0}" -v b="${tx1:-0}" 'BEGIN {if (b > a) printf "%.1f", p / (b - a); else print "-"}')
    ratio=$(awk -v a="$rate" -v b="${wrk_rate:-0}" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}')
    echo "-- $n lines"
    echo "  throughput:    $rate polls/s over ${window%.*}s ($polls polls; $ratio of wrk's request rate)," \
        "CPU $cpu_us µs per poll"
    echo "  memory:        RSS $(awk -v k="$rss" 'BEGIN {printf "%.1f MB", k / 1024}'), $per_line bytes per line" \
        "(target < 2048: $(verdict "$per_line" 2047))"
    echo "  state.db:      $per_poll bytes per poll, $per_day kB per line per day at a 15-minute interval" \
        "(before roll-ups); $((${tx1:-0} - ${tx0:-0})) transactions, $per_tx polls per transaction (writes batched)"
    echo "  start:         $start_ms ms to the first status answer (target ≤ 10 s: $(verdict "$start_ms" 10000))"
    echo "  reload:        $reload_ms ms (target ≤ 10 s: $(verdict "$reload_ms" 10000))"
    echo "  control:       lines --limit 100 $lines_ms ms (target ≤ 100 ms: $(verdict "$lines_ms" 100))," \
        "status $status_ms ms (target ≤ 50 ms: $(verdict "$status_ms" 50)), median of 9, whole process"
done
