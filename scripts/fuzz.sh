#!/usr/bin/env bash
# Fuzzes simwatch's parsers of outside data with libFuzzer (docs/reliability.md, "Fuzzing").
#
#   scripts/fuzz.sh [SECONDS] [HARNESS...]
#
# Builds Fuzz/ (a package of harnesses over the main package's sources) with -sanitize=fuzzer,address into
# .build-fuzz, replays the committed crash inputs (Fuzz/Crashes/HARNESS/*: every crash found stays a regression
# test), then runs each harness for SECONDS (default 10) on a copy of its seed corpus (Fuzz/Corpus/HARNESS/; the
# committed corpus never grows). Prints per harness the runs executed, the coverage, and "no crash" or where the
# crashing input was saved with the top of its stack. Exits 1 on any crash, leak, timeout or out-of-memory.
#
# FUZZ_BUILD_LOCK=FILE builds under `flock FILE nice` (shared machines). FUZZ_JOBS is not offered: one harness at a
# time, so the total is about SECONDS x harnesses plus the build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$PATH:/opt/swift/usr/bin"

seconds="${1:-10}"
shift || true
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || ((seconds < 1 || seconds > 86400)); then
    echo "fuzz.sh: SECONDS must be a whole number from 1 to 86400, not '$seconds'" >&2
    exit 2
fi

all=(config toml units mail-address script-reading json-node carrier-reply tzif posix-rule varlink-frame varlink-call
    provider-json retry-after inventory)
harnesses=("$@")
((${#harnesses[@]})) || harnesses=("${all[@]}")
for h in "${harnesses[@]}"; do
    if [[ ! -d "Fuzz/Sources/fuzz-$h" ]]; then
        echo "fuzz.sh: no harness '$h' (known: ${all[*]})" >&2
        exit 2
    fi
done

scratch="$root/.build-fuzz"
mkdir -p "$scratch"
build=(swift build -c debug --package-path Fuzz --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address)
# `swift build` honours only the last --product it is given: build them all (the libraries are shared anyway).
if [[ -n "${FUZZ_BUILD_LOCK:-}" ]]; then build=(flock "$FUZZ_BUILD_LOCK" nice -n 10 "${build[@]}"); fi

echo "fuzz.sh: building ${#harnesses[@]} harness(es) into .build-fuzz"
started=$(date +%s)
# ld.gold warns about every ASan helper it cannot export; only the real diagnostics are shown.
if ! "${build[@]}" >"$scratch/build.log" 2>&1; then
    grep -v 'Cannot export local symbol' "$scratch/build.log" | tail -40 >&2
    echo "fuzz.sh: the fuzz build failed (full log: .build-fuzz/build.log)" >&2
    exit 1
fi
bin="$scratch/debug"
echo "fuzz.sh: built in $(($(date +%s) - started)) s"

# The Swift runtime's crash backtracer would fork a tracer and hold the pipes; libFuzzer and ASan report instead.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$root/Fuzz/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_stack_use_after_return=0}"

work="$(mktemp -d -t simwatch-fuzz.XXXXXX)"
trap 'rm -rf "$work"' EXIT
crashes="$scratch/crashes"
mkdir -p "$crashes"
failed=0
options=(-timeout=5 -rss_limit_mb=2048 -print_final_stats=1)

# Swift symbols readable when the toolchain's demangler is there.
demangle() {
    if command -v swift-demangle >/dev/null; then swift-demangle --simplified; else cat; fi
}

# The simwatch frames nearest the fault, and the Swift fatal error message, from a libFuzzer log.
stack_top() {
    grep -m1 -E 'Fatal error|Assertion .* failed|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)' "$1" | sed 's/^/    /' || true
    grep -E '^ +#[0-9]+ .* in .*/(Sources|checkouts)/' "$1" | grep -v '/FuzzSupport/' | head -4 |
        sed -E -e 's/^ +#[0-9]+ 0x[0-9a-f]+ in /    at /' -e "s|$root/||" | demangle || true
}

printf '%-15s %7s %12s %7s  %s\n' harness seconds runs cov result
for h in "${harnesses[@]}"; do
    exe="$bin/fuzz-$h"
    # Committed crash inputs first: each must now run clean.
    if compgen -G "Fuzz/Crashes/$h/*" >/dev/null; then
        if ! timeout 120 nice "$exe" "${options[@]}" Fuzz/Crashes/"$h"/* >"$work/$h.replay.log" 2>&1; then
            printf '%-15s %7s %12s %7s  %s\n' "$h" - - - "REGRESSION: a committed crash input still fails"
            stack_top "$work/$h.replay.log"
            cp "$work/$h.replay.log" "$crashes/$h.replay.log"
            echo "    log: .build-fuzz/crashes/$h.replay.log"
            failed=1
            continue
        fi
    fi
    corpus="$work/$h.corpus"
    mkdir -p "$corpus" "$crashes/$h"
    cp Fuzz/Corpus/"$h"/* "$corpus"/ 2>/dev/null || true
    rc=0
    timeout $((seconds + 120)) nice "$exe" "${options[@]}" -max_total_time="$seconds" \
        -artifact_prefix="$crashes/$h/" "$corpus" >"$work/$h.log" 2>&1 || rc=$?
    runs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$work/$h.log" | grep -oE '[0-9]+$' || echo "?")
    cov=$(grep -oE 'cov: [0-9]+' "$work/$h.log" | tail -1 | grep -oE '[0-9]+$' || echo "?")
    if ((rc == 0)); then
        printf '%-15s %7s %12s %7s  %s\n' "$h" "$seconds" "$runs" "$cov" "no crash"
    else
        artifact=$(grep -oE "Test unit written to [^ ]+" "$work/$h.log" | tail -1 | sed 's/Test unit written to //')
        printf '%-15s %7s %12s %7s  %s\n' "$h" "$seconds" "$runs" "$cov" "FAILED (exit $rc): ${artifact:-no artifact}"
        stack_top "$work/$h.log"
        cp "$work/$h.log" "$crashes/$h.log"
        echo "    log: .build-fuzz/crashes/$h.log"
        failed=1
    fi
done
echo "fuzz.sh: done in $(($(date +%s) - started)) s"
if ((failed)); then
    echo "fuzz.sh: failures above. Reproduce: .build-fuzz/debug/fuzz-HARNESS FILE; keep the input in Fuzz/Crashes/HARNESS/" >&2
fi
exit "$failed"
