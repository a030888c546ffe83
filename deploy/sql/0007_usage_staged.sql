-- What of each hourly total has been staged as records, kept by the statement that stages them, so recorded-but-unstaged
-- hours (a meter whose silo died before it staged a closed hour) can be counted and found without summing usage_records.
-- Ingest never writes this column; the partial index holds only the hours whose usage is not fully staged (the open hour
-- of each active meter, and closed hours waiting for their meter), so it stays small.

ALTER TABLE usage_hours ADD COLUMN IF NOT EXISTS staged numeric NOT NULL DEFAULT 0;

UPDATE usage_hours h
   SET staged = r.staged
  FROM (SELECT instance_id, package, hour_start, sum(value) AS staged FROM usage_records GROUP BY instance_id, package, hour_start) r
 WHERE (h.instance_id, h.package, h.hour_start) = (r.instance_id, r.package, r.hour_start)
   AND h.staged <> r.staged;

CREATE INDEX IF NOT EXISTS usage_hours_unstaged ON usage_hours (hour_start) WHERE quantity > staged;
