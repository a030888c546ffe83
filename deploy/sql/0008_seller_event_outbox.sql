-- The durable outbox of events for the seller's application (Standard Webhooks). A row is written in the same
-- transaction as the change it reports (or re-written, idempotently by event_id, when a grain re-applies what it could
-- not record before a crash), and stays until its retention ends, so a redelivery reuses its id and bytes.

CREATE TABLE IF NOT EXISTS seller_event_outbox
(
    -- Delivery order: the events of one stream are delivered one at a time, in seq order.
    seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The webhook-id: the same on every delivery of the event, so the application dedupes by it.
    event_id        text        NOT NULL UNIQUE,
    -- Whose events are ordered together: 'instance:live/<instanceId>', 'tenant:live/<tenantId>' (test/ for test traffic).
    stream          text        NOT NULL,
    event_type      text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    -- The event's data object as JSON text, kept byte for byte so every delivery signs the same body.
    data            text        NOT NULL,
    enqueued_at     timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    -- A silo delivering the event holds it until then; another may take it over after.
    leased_until    timestamptz,
    -- Which lease holds it: only that holder records how the delivery went (a silo whose lease ran out cannot).
    lease_id        uuid,
    -- When it was last re-driven from the dead letters: its age for the next dead letter counts from then, not from enqueued_at.
    redriven_at     timestamptz,
    last_error      text,
    delivered_at    timestamptz,
    dead_at         timestamptz
);

-- The heads of the streams still to deliver, and the operator's view of them.
CREATE INDEX IF NOT EXISTS seller_event_outbox_pending
    ON seller_event_outbox (stream, seq) WHERE delivered_at IS NULL AND dead_at IS NULL;

CREATE INDEX IF NOT EXISTS seller_event_outbox_dead
    ON seller_event_outbox (dead_at, seq) WHERE dead_at IS NOT NULL AND delivered_at IS NULL;

-- Pruning delivered events once their retention ends.
CREATE INDEX IF NOT EXISTS seller_event_outbox_delivered
    ON seller_event_outbox (delivered_at) WHERE delivered_at IS NOT NULL;
