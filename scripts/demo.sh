#!/usr/bin/env bash
# make demo: simwatchd on the demo plan for DEMO_SECONDS, with a fresh state directory removed afterwards.
# Part way through, it renews the plan the way a person would (`simwatchctl renew --offer ... --receipt ...`), and
# shows the renewal waiting for the simulated carrier and then confirmed by it.
#
#   scripts/demo.sh BIN_DIR CONFIG SECONDS
set -euo pipefail
bin="$1" config="$2" seconds="$3"
state="$(mktemp -d -t simwatch-demo.XXXXXX)"
daemon=""
cleanup() {
    if [[ -n "$daemon" ]]; then kill -INT "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; fi
    rm -rf "$state"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export SIMWATCH_SOCKET="$state/control.sock"
ctl() { "$bin/simwatchctl" "$@"; }
say() { printf '\n\033[1msimwatch demo: %s\033[0m\n' "$*"; }

say "$config for $seconds s (simulated clock, one day every 6 s), state in $state; Ctrl-C stops it early"
echo "simwatch demo: in another terminal, try: SIMWATCH_SOCKET=$SIMWATCH_SOCKET $bin/simwatchctl lines"
"$bin/simwatchd" --config "$config" --state-dir "$state" --socket "$SIMWATCH_SOCKET" --foreground &
daemon=$!

renew_at=$((seconds * 4 / 10))
sleep "$renew_at"
kill -0 "$daemon" 2>/dev/null || { echo "simwatch demo: simwatchd stopped early" >&2; exit 1; }

say "the offers at this pace (simwatchctl offers fr-holiday)"
ctl offers fr-holiday || true
say "renewing with an offer, the order number and the receipt (simwatchctl renew ...)"
printf '%%PDF-1.4\n%% demo receipt: Orange Holiday 10 GB, 20 EUR, order A-4411\n' > "$state/facture-A-4411.pdf"
ctl renew fr-holiday --offer "Orange Holiday 10 GB" --order A-4411 --receipt "$state/facture-A-4411.pdf" \
    --note "bought at the airport" || true
sleep 0.02
say "the simulated carrier shows renewals an hour late (renewal_delay), so simwatch waits (simwatchctl show)"
ctl show fr-holiday | grep -E '^ *(Renewed|Remaining)' || true
sleep 1
say "an hour later (simulated) the carrier shows the new plan"
ctl show fr-holiday | grep -E '^ *(Renewed|Remaining)' || true
say "the ledger (simwatchctl renewals) and the month's spend (simwatchctl spend)"
ctl renewals || true
ctl spend || true
say "back to the plan's life; it stops after $seconds s"

rest=$((seconds - renew_at - 3))
if ((rest > 0)); then sleep "$rest"; fi
kill -INT "$daemon"
rc=0
wait "$daemon" || rc=$?
daemon=""
if [[ $rc -ne 0 ]]; then echo "simwatch demo: simwatchd exited with status $rc (expected 0 on SIGINT)" >&2; fi
exit "$rc"
