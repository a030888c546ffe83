-- The instance query model: one row per instance grain state, written after the state (with the events of the change, in the
-- same transaction as seller_event_outbox), so the seller API lists instances without activating grains. A row is replaced
-- only by a newer version of its instance; storage_version is the OrleansStorage version the row was made from, which the
-- periodic repair compares to find states whose row a crash left behind.

CREATE TABLE IF NOT EXISTS instance_views
(
    -- OrleansStorage's GrainIdExtensionString of the instance's state: 'live/<instanceId>' or 'test/<instanceId>'.
    grain_key        text        NOT NULL PRIMARY KEY,
    -- Byte order, so pages follow the same order whatever the database's collation.
    instance_id      text        COLLATE "C" NOT NULL,
    test             boolean     NOT NULL,
    -- provisioning, active, frozen, released
    status           text        NOT NULL,
    product_id       text,
    sku_code         text,
    -- periodic, oneTime, payPerUse, payPerUsePackage (null while provisioning)
    charging_mode    text,
    trial            boolean     NOT NULL,
    customer_id      text,
    -- The order that opened the instance, and the order of its last transition that named one.
    opening_order_id text        NOT NULL,
    last_order_id    text,
    expires_at       timestamptz,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    -- The instance's change counter (its state's Version): the upsert keeps the highest.
    version          bigint      NOT NULL,
    storage_version  integer,
    -- A pay-per-use order line that shares another line's instance: kept for the repair, never listed.
    duplicate_of     text,
    projected_at     timestamptz NOT NULL DEFAULT now()
);

-- Keyset pages in instance id order, unfiltered and by each filter the list offers (expiresBefore filters within these).
CREATE INDEX IF NOT EXISTS instance_views_list
    ON instance_views (test, instance_id) WHERE duplicate_of IS NULL;

CREATE INDEX IF NOT EXISTS instance_views_by_status
    ON instance_views (test, status, instance_id) WHERE duplicate_of IS NULL;

CREATE INDEX IF NOT EXISTS instance_views_by_product
    ON instance_views (test, product_id, instance_id) WHERE duplicate_of IS NULL;

CREATE INDEX IF NOT EXISTS instance_views_by_customer
    ON instance_views (test, customer_id, instance_id) WHERE duplicate_of IS NULL;
