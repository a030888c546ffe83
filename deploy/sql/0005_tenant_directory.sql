-- The joint-operation tenant directory: the users and departments KooGallery syncs for each buyer
-- enterprise, one row each, so a sync writes only what it names. Tenants are keyed like their grains
-- ('live/<tenantId>' or 'test/<tenantId>'); rows are never read by Orleans.

CREATE TABLE IF NOT EXISTS tenant_users
(
    tenant        text        NOT NULL,
    app_id        text        NOT NULL,
    user_name     text        NOT NULL,
    name          text        NOT NULL,
    org_code      text        NOT NULL,
    position      text,
    employee_code text,
    employee_type integer,
    admin         boolean     NOT NULL,
    enabled       boolean     NOT NULL,
    mobile        text,
    email         text,
    work_place    text,
    entry_date    text,
    authorized    boolean     NOT NULL,
    -- A deleted user stays as a tombstone, so an older batch arriving late cannot bring it back.
    deleted       boolean     NOT NULL,
    -- currentSyncTime of the batch the row reflects; older batches leave the row alone.
    synced_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant, app_id, user_name)
);

CREATE TABLE IF NOT EXISTS tenant_departments
(
    tenant      text NOT NULL,
    org_code    text NOT NULL,
    org_name    text NOT NULL,
    parent_code text,
    PRIMARY KEY (tenant, org_code)
);
