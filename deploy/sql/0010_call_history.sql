-- The marketplace call history: one row per call and instance it touched (GET /api/instances/{id}/history). Written by
-- group commit (many calls' rows in one transaction) before each call is answered; pruned by age (CallHistory:Retention).
-- No secret and no decrypted personal data: the answer's result code and message only, never its body.

CREATE TABLE IF NOT EXISTS call_history
(
    -- The order rows were recorded: breaks ties of called_at, so a keyset page continues exactly where the last ended.
    seq            bigint           GENERATED ALWAYS AS IDENTITY,
    instance_id    text             NOT NULL,
    test           boolean          NOT NULL,
    called_at      timestamptz      NOT NULL,
    -- 'v1', 'v2', 'kit-v1' or 'kit-v2'.
    protocol       text             NOT NULL,
    activity       text             NOT NULL,
    order_id       text,
    result_code    text             NOT NULL,
    result_message text             NOT NULL,
    latency_ms     double precision NOT NULL,
    trace_id       text             NOT NULL
);

-- One instance's history newest first, one index range per page.
CREATE INDEX IF NOT EXISTS call_history_by_instance ON call_history (instance_id, test, called_at DESC, seq DESC);

-- Pruning by age: rows arrive in about called_at order, which a block-range index summarizes for almost nothing per insert.
CREATE INDEX IF NOT EXISTS call_history_by_age ON call_history USING brin (called_at);
