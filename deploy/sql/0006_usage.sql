-- Pay-per-use metering: the usage events we accepted, their hourly totals, and the outbox of records staged for the
-- marketplace's usage push. Instances are named by their live instance id; "no package" is ''. Ingest is the hot path
-- (a batch of events is one statement), so usage_events carries its primary key and nothing else.

CREATE TABLE IF NOT EXISTS usage_events
(
    -- The seller's idempotency key, unique across all instances: an event sent again is acknowledged, not counted.
    event_id    text        NOT NULL PRIMARY KEY,
    instance_id text        NOT NULL,
    package     text        NOT NULL,
    hour_start  timestamptz NOT NULL,
    quantity    numeric     NOT NULL,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL
);

-- Written in the same statement as the events they count, so totals and events never disagree.
CREATE TABLE IF NOT EXISTS usage_hours
(
    instance_id text        NOT NULL,
    package     text        NOT NULL,
    hour_start  timestamptz NOT NULL,
    quantity    numeric     NOT NULL,
    events      bigint      NOT NULL,
    PRIMARY KEY (instance_id, package, hour_start)
);

CREATE TABLE IF NOT EXISTS usage_records
(
    metering_sn     text        NOT NULL PRIMARY KEY,
    instance_id     text        NOT NULL,
    package         text        NOT NULL,
    hour_start      timestamptz NOT NULL,
    sequence        integer     NOT NULL,
    value           numeric     NOT NULL,
    product_id      text        NOT NULL,
    staged_at       timestamptz NOT NULL,
    -- MeteringRecordStatus: 0 pending, 1 pushed, 2 dead-lettered.
    status          smallint    NOT NULL,
    attempts        integer     NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    pushed_at       timestamptz,
    last_error      text
);

-- The push round (pending, oldest hour first, a page at a time), the dead letters, and the summary's counts and oldest
-- unpushed hour all read a range of this index in its order and stop early.
CREATE INDEX IF NOT EXISTS usage_records_by_status ON usage_records (status, hour_start, instance_id, package, sequence);

-- An instance's statement and its staged amounts per hour, and re-driving one instance.
CREATE INDEX IF NOT EXISTS usage_records_by_instance ON usage_records (instance_id, hour_start, package, sequence);
