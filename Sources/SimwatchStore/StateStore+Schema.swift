import SimwatchSQLite

extension StateStore {
    /// Schema migrations, applied in order and recorded in `schema_migration` (0.1 recorded them in GRDB's
    /// `grdb_migrations`, which the migrator imports); never edit a shipped one, add the next.
    static let migrator: Migrator = {
        var migrator = Migrator()
        migrator.register("v1") { db in
            try db.execute(
                script: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

                    CREATE TABLE line_state (
                        line_id TEXT PRIMARY KEY,
                        first_seen REAL NOT NULL,
                        period_started REAL, period_quota INTEGER, period_expires REAL,
                        period_origin TEXT NOT NULL DEFAULT 'config',
                        last_attempt REAL, last_success REAL,
                        failures INTEGER NOT NULL DEFAULT 0, last_error TEXT,
                        polls INTEGER NOT NULL DEFAULT 0, renewals INTEGER NOT NULL DEFAULT 0,
                        renewed_at REAL
                    );

                    CREATE TABLE reading (
                        id INTEGER PRIMARY KEY,
                        line_id TEXT NOT NULL,
                        observed_at REAL NOT NULL,
                        provider_updated_at REAL,
                        remaining INTEGER, used INTEGER, total INTEGER,
                        credit TEXT, currency TEXT,
                        expires_at REAL,
                        status TEXT NOT NULL,
                        source TEXT NOT NULL,
                        estimated INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE INDEX reading_by_line_time ON reading(line_id, observed_at);

                    CREATE TABLE reading_rollup (
                        line_id TEXT NOT NULL,
                        resolution INTEGER NOT NULL,
                        bucket REAL NOT NULL,
                        samples INTEGER NOT NULL,
                        min_remaining INTEGER, max_remaining INTEGER, last_remaining INTEGER,
                        last_used INTEGER, last_total INTEGER, last_expires_at REAL,
                        PRIMARY KEY (line_id, resolution, bucket)
                    );

                    CREATE TABLE alert (
                        line_id TEXT NOT NULL,
                        rule_id TEXT NOT NULL,
                        episode INTEGER NOT NULL,
                        phase TEXT NOT NULL,
                        since REAL, stage INTEGER, occurrence INTEGER, stage_reminders INTEGER,
                        last_notified REAL, next_reminder REAL,
                        resolved_at REAL, resolve_reason TEXT,
                        snoozed_until REAL,
                        PRIMARY KEY (line_id, rule_id)
                    );

                    CREATE TABLE alert_log (
                        id INTEGER PRIMARY KEY,
                        line_id TEXT NOT NULL, rule_id TEXT, episode INTEGER NOT NULL,
                        event TEXT NOT NULL, stage INTEGER, occurrence INTEGER NOT NULL,
                        at REAL NOT NULL, summary TEXT NOT NULL
                    );
                    CREATE INDEX alert_log_by_line ON alert_log(line_id, at);

                    CREATE TABLE outbox (
                        id TEXT PRIMARY KEY,
                        channel TEXT NOT NULL,
                        line_id TEXT NOT NULL, rule_id TEXT, episode INTEGER NOT NULL,
                        created_at REAL NOT NULL,
                        payload TEXT NOT NULL,
                        state TEXT NOT NULL DEFAULT 'pending',
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt REAL NOT NULL,
                        last_error TEXT,
                        sent_at REAL
                    );
                    CREATE INDEX outbox_due ON outbox(state, next_attempt);
                    """
            )
        }
        // v2: interface counters accumulated per line (the counters provider), so a restart loses nothing.
        migrator.register("v2") { db in
            try db.execute(
                script: """
                    CREATE TABLE counter_state (
                        line_id TEXT PRIMARY KEY,
                        period_started REAL NOT NULL,
                        used INTEGER NOT NULL,
                        boot_id TEXT NOT NULL,
                        sampled_at REAL NOT NULL,
                        discarded INTEGER NOT NULL DEFAULT 0
                    );

                    CREATE TABLE counter_interface (
                        line_id TEXT NOT NULL,
                        name TEXT NOT NULL,
                        rx INTEGER NOT NULL,
                        tx INTEGER NOT NULL,
                        ifindex INTEGER,
                        PRIMARY KEY (line_id, name)
                    );
                    """
            )
        }
        // v3: the renewal ledger, kept for good, and the check of a renewal recorded by hand on the line's record.
        migrator.register("v3") { db in
            try db.execute(
                script: """
                    CREATE TABLE renewal (
                        line_id TEXT NOT NULL,
                        seq INTEGER NOT NULL,
                        origin TEXT NOT NULL,
                        renewed_at REAL NOT NULL,
                        recorded_at REAL NOT NULL,
                        offer TEXT, data_bytes INTEGER, unlimited INTEGER NOT NULL DEFAULT 0, expires_at REAL,
                        price TEXT, currency TEXT, order_id TEXT,
                        receipt_file TEXT, receipt_sha256 TEXT, receipt_bytes INTEGER, receipt_name TEXT,
                        note TEXT,
                        used_bytes INTEGER, ended_at REAL,
                        check_state TEXT NOT NULL DEFAULT 'not_needed', check_at REAL, check_by TEXT,
                        PRIMARY KEY (line_id, seq)
                    );
                    CREATE INDEX renewal_by_time ON renewal(renewed_at);

                    ALTER TABLE line_state ADD COLUMN check_seq INTEGER;
                    ALTER TABLE line_state ADD COLUMN check_renewed REAL;
                    ALTER TABLE line_state ADD COLUMN check_until REAL;
                    ALTER TABLE line_state ADD COLUMN check_remaining INTEGER;
                    ALTER TABLE line_state ADD COLUMN check_expires REAL;
                    ALTER TABLE line_state ADD COLUMN check_late INTEGER NOT NULL DEFAULT 0;
                    """
            )
        }
        // v4: delivery that rides out being offline. Per outbox row: the time it has waited while the network was up
        // (`give_up_after` counts only that), when it was last tried, whether that try found no network, and how many tries did.
        migrator.register("v4") { db in
            try db.execute(
                script: """
                    ALTER TABLE outbox ADD COLUMN online_spent REAL NOT NULL DEFAULT 0;
                    ALTER TABLE outbox ADD COLUMN last_attempt REAL;
                    ALTER TABLE outbox ADD COLUMN offline INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE outbox ADD COLUMN offline_attempts INTEGER NOT NULL DEFAULT 0;
                    """
            )
        }
        // v5: the SIMs discovered per provider account (`[accounts.NAME] discover = true`), and in how many complete
        // listings in a row each has been missing.
        migrator.register("v5") { db in
            try db.execute(
                script: """
                    CREATE TABLE discovered_sim (
                        account TEXT NOT NULL,
                        iccid TEXT NOT NULL,
                        name TEXT,
                        missing INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (account, iccid)
                    );
                    """
            )
        }
        return migrator
    }()
}
