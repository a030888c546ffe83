-- The operator console's page of one instance lists its stream's events, delivered ones included, newest first.
CREATE INDEX IF NOT EXISTS seller_event_outbox_by_stream ON seller_event_outbox (stream, seq DESC);
