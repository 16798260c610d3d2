/// The Varlink interface simwatchd serves on its control socket, exactly as `GetInterfaceDescription` returns it.
/// `docs/control-protocol.md` explains each method with examples; the two must agree.
public enum ControlInterface {
    public static let name = "io.simwatch.Control"

    public static let description = """
        # simwatch control interface: what simwatchd knows about each SIM or eSIM line, and what a person or a
        # script tells it. Times are RFC 3339 strings with a numeric offset, amounts of data are bytes, durations
        # are seconds.
        interface io.simwatch.Control

        # What a provider saw at one moment.
        type Reading (
          observed_at: string,
          provider_updated_at: ?string,
          remaining_bytes: ?int,
          used_bytes: ?int,
          total_bytes: ?int,
          # Prepaid credit, "4.52 EUR".
          credit: ?string,
          expires_at: ?string,
          # active, not_active, finished, expired, unlimited or unknown.
          status: string,
          # The adapter that produced it: demo, manual ...
          source: string,
          # True when the figure is an estimate rather than an observation.
          estimated: bool
        )

        # The plan period in force.
        type Plan (
          started_at: string,
          quota_bytes: ?int,
          expires_at: ?string,
          # config (from the configuration file) or renewal (recorded with Renew, or detected).
          origin: string
        )

        # Where a line is heading at its recent pace.
        type Forecast (
          pace_bytes_per_day: ?int,
          runs_out_at: ?string,
          # Data left divided by the days left: what may be used per day to last until expiry.
          daily_allowance_bytes: ?int
        )

        # One rule on one line.
        type Alert (
          line: string,
          rule: string,
          # low_data, expiring, runs_out, credit_low or stale.
          kind: string,
          # info, warning or critical.
          severity: string,
          # idle, firing or resolved.
          state: string,
          episode: int,
          stage: ?int,
          occurrence: ?int,
          since: ?string,
          last_notified_at: ?string,
          next_reminder_at: ?string,
          resolved_at: ?string,
          # cleared, renewed or removed.
          resolved_reason: ?string,
          snoozed_until: ?string
        )

        # A line with its latest reading and state.
        type LineSummary (
          id: string,
          name: string,
          provider: string,
          poll_interval_seconds: int,
          reading: ?Reading,
          plan: ?Plan,
          # Ids of the rules firing now.
          firing: []string,
          last_poll_at: ?string,
          last_success_at: ?string,
          last_error: ?string,
          next_poll_at: ?string
        )

        type Rule (
          id: string,
          # data_below, expires_within, runs_out_within, runs_out_before_expiry, credit_below or stale.
          kind: string,
          severity: string,
          # once, every 12h, diminishing 1d (cap 7d).
          repeat: string
        )

        # One entry of a line's alert history.
        type HistoryEntry (
          at: string,
          rule: ?string,
          # firing, repeat, escalated, resolved, renewed, suppressed.
          event: string,
          episode: int,
          occurrence: int,
          summary: string
        )

        type LineDetail (
          summary: LineSummary,
          channels: []string,
          rules: []Rule,
          alerts: []Alert,
          forecast: Forecast,
          # Newest first.
          history: []HistoryEntry,
          # How to renew ([line.renew]); absent when it sets nothing.
          renew: ?Renew,
          # The latest entry of its renewal ledger, with whether the provider confirmed it.
          last_renewal: ?Renewal
        )

        # data_bytes: beyond what is left and still valid (0 when what is left lasts).
        type OfferNeed (
          pace_bytes_per_day: int,
          until: string,
          days: float,
          data_bytes: int
        )

        # An offer and its cost for the need: count purchases (absent when the need is unknown or it would take
        # more than 100) cost total_cost; cost_per_gb (absent for unlimited data) and cost_per_day in currency.
        type Offer (
          name: string,
          data_bytes: ?int,
          valid_seconds: int,
          price: string,
          currency: string,
          url: ?string,
          count: ?int,
          total_cost: ?string,
          cost_per_gb: ?float,
          cost_per_day: float,
          pick: bool
        )

        # [line.renew] as configured; sentence is the line reminders carry, open_url the page `open` opens.
        type Renew (
          url: ?string,
          app: ?string,
          app_link: ?string,
          shop: ?string,
          code: ?string,
          support: ?string,
          note: ?string,
          sentence: string,
          open_url: ?string
        )

        # A receipt copied into receipts/incoming/ of the state directory: its file name there, the name it had.
        type StagedReceipt (staged: string, name: string)

        # A receipt kept in the state directory, named for its content.
        type Receipt (path: string, sha256: string, bytes: int, name: string)

        # Whether the provider showed a renewal recorded by hand: state not_needed, waiting (until at), late (since
        # at) or confirmed (at, by the source).
        type RenewalCheck (state: string, at: ?string, by: ?string)

        # One entry of the renewal ledger; origin recorded or detected; used_bytes in its period (so far, or until
        # ended_at); service_days to the next renewal, its expiry or now.
        type Renewal (
          id: string,
          line: string,
          origin: string,
          renewed_at: string,
          recorded_at: string,
          offer: ?string,
          data_bytes: ?int,
          unlimited: bool,
          expires_at: ?string,
          price: ?string,
          currency: ?string,
          order: ?string,
          receipt: ?Receipt,
          note: ?string,
          used_bytes: ?int,
          ended_at: ?string,
          service_days: float,
          check: RenewalCheck
        )

        # Data left at one moment; resolution is raw, hour or day.
        type Point (
          at: string,
          remaining_bytes: ?int,
          resolution: string
        )

        type PollOutcome (
          line: string,
          ok: bool,
          reading: ?Reading,
          error: ?string
        )

        # The state database refusing writes (disk full, locked, read-only): since when, how often, the newest error,
        # and when the next write is tried. Absent while writes succeed.
        type StorageProblem (
          since: string,
          failures: int,
          error: string,
          retry_at: string
        )

        type LastPoll (
          line: string,
          at: string,
          ok: bool
        )

        # Something that happened, for Events.
        type Event (
          # reading, poll_failed, alert, delivery, renewal, reload.
          kind: string,
          at: string,
          line: ?string,
          rule: ?string,
          # For alert: firing, repeat, escalated, resolved, suppressed. For delivery: delivered, failed, dead.
          event: ?string,
          summary: string,
          reading: ?Reading,
          notification_id: ?string,
          channel: ?string
        )

        # One reminder in the outbox, for one channel.
        type OutboxEntry (
          # The stable notification id: line/rule/episode/occurrence/channel.
          id: string,
          channel: string,
          line: string,
          rule: ?string,
          # low_data, expiring, runs_out, credit_low, stale, renewed or test.
          kind: string,
          # firing, repeat, escalated or renewed.
          event: string,
          severity: string,
          # pending (waiting or being retried), sent, dead (given up), cancelled (its alert ended first) or
          # superseded (a newer reminder of the same alert went instead).
          state: string,
          attempts: int,
          created_at: string,
          # When a pending reminder is tried next.
          next_attempt_at: ?string,
          sent_at: ?string,
          last_error: ?string,
          summary: string
        )

        # The daemon: version, uptime, configuration, lines, firing alerts, last poll, outbox. `now` is the
        # daemon's clock, which runs faster than real time under the demo setting time_scale; clients show
        # relative times ("in 3d") against it.
        method GetStatus() -> (
          now: string,
          version: string,
          started_at: string,
          uptime_seconds: int,
          config_path: string,
          state_dir: string,
          time_zone: string,
          lines: int,
          # The alerts firing, by line and rule: at most 100 of them; firing_total counts them all.
          firing: []Alert,
          firing_total: ?int,
          last_poll: ?LastPoll,
          pending_reminders: int,
          dead_reminders: int,
          storage: ?StorageProblem,
          # Transactions committed to the state database since the daemon started; the polls of a round share one.
          state_transactions: ?int
        )

        # The lines with their latest reading and state, one page at a time in configuration order: at most limit
        # (default 1000, at most 10000) lines after the line `after` (from the first when absent). next_after is
        # set when more lines follow: pass it as `after` for the next page.
        method ListLines(limit: ?int, after: ?string) -> (now: string, lines: []LineSummary, next_after: ?string)

        # One line in detail: plan, reading, forecast, rules, alerts and alert history.
        method GetLine(line: string) -> (now: string, line: LineDetail)

        # What the line needs until it is no longer needed (needed_until, else the end of the period and one more)
        # at its measured pace, what each offer costs to cover that, and the pick. Cheapest first per currency;
        # currencies are never added or compared.
        method GetOffers(line: string) -> (
          now: string,
          line: string,
          need: ?OfferNeed,
          offers: []Offer,
          mixed_currencies: bool,
          advice: ?string
        )

        # Data left over a time range (default: the last 7 days), downsampled to at most max_points (default 200).
        method GetHistory(line: string, since: ?string, until: ?string, max_points: ?int) -> (points: []Point)

        # Reads one line (or every line) now and replies when done.
        method Poll(line: ?string) -> (outcomes: []PollOutcome)

        # Reloads the configuration file; a file with mistakes is refused with ConfigInvalid and the old one kept.
        method Reload() -> (lines: int)

        # Silences reminders of one rule (or every rule) of a line until a time. Alerts keep their state.
        method Snooze(line: string, rule: ?string, until: string) -> (alerts: []Alert)

        # Ends a snooze; a reminder that is due goes out at once.
        method Unsnooze(line: string, rule: ?string) -> (alerts: []Alert)

        # Records a reading by hand (source "manual"), judged like any other.
        method RecordReading(
          line: string,
          remaining_bytes: ?int,
          used_bytes: ?int,
          total_bytes: ?int,
          expires_at: ?string,
          credit: ?string
        ) -> (reading: Reading)

        # Records a renewal or top-up: a new plan period from now (or `at`, earlier) with data_bytes, valid for
        # valid_seconds or until expires_at, or those of the line's `offer`; price ("20 EUR"), order, note and a
        # receipt staged in the state directory's receipts/incoming/ go into the ledger. Ends data and expiry alerts
        # and sends a renewed notice; on a source that reports figures, the provider has confirm_within to show it.
        method Renew(
          line: string,
          data_bytes: ?int,
          valid_seconds: ?int,
          expires_at: ?string,
          at: ?string,
          offer: ?string,
          price: ?string,
          order: ?string,
          note: ?string,
          receipt: ?StagedReceipt
        ) -> (plan: Plan, renewal: ?Renewal)

        # The renewal ledger (kept for good), of one line or all, renewed since `since`, oldest first.
        method ListRenewals(line: ?string, since: ?string) -> (now: string, renewals: []Renewal)

        # Completes a ledger entry (id LINE/N): each given part replaces what it had.
        method EditRenewal(
          id: string,
          offer: ?string,
          price: ?string,
          order: ?string,
          note: ?string,
          receipt: ?StagedReceipt
        ) -> (renewal: Renewal)

        # Sends a test reminder through a channel now and replies with its id, or DeliveryFailed.
        method TestNotification(channel: string, line: ?string) -> (notification_id: string)

        # Reminders in the outbox, newest first: state pending, sent, dead, cancelled or superseded (default: all),
        # of one channel (default: all), at most limit (default 50, at most 1000). Dead ones are those given up after
        # the channel's give_up_after (time online), or refused for good.
        method ListOutbox(state: ?string, channel: ?string, limit: ?int) -> (now: string, reminders: []OutboxEntry)

        # Streams events (call with more): readings, failed polls, alert transitions, deliveries, renewals, reloads.
        method Events(line: ?string) -> (event: Event)

        error NoSuchLine (line: string)
        error NoSuchRule (line: string, rule: string)
        error NoSuchChannel (channel: string, known: []string)
        error InvalidArgument (parameter: string, reason: string)
        error ConfigInvalid (errors: []string)
        error DeliveryFailed (channel: string, reason: string)
        error ShuttingDown ()
        """
}
