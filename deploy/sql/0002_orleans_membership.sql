-- Creates the cluster membership schema for Orleans' ADO.NET clustering provider (silos, and
-- clients that discover gateways). A deployment (ClusterId) has one version row that orders every
-- membership change, and one row per silo incarnation (address, port, generation).
-- Status values are Orleans' SiloStatus: 3 = Active, 6 = Dead.

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId text PRIMARY KEY,
    Version      integer NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId text    NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE,
    Address      text    NOT NULL,
    Port         integer NOT NULL,
    Generation   integer NOT NULL,
    SiloName     text    NOT NULL,
    HostName     text    NOT NULL,
    Status       integer NOT NULL,
    ProxyPort    integer NOT NULL,
    SuspectTimes text,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Every membership change first locks its deployment's version row, so concurrent writers queue
-- there; a writer holding a stale version changes nothing and reports false.
CREATE OR REPLACE FUNCTION orleans_insert_membership(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_silo_name        text,
    p_host_name        text,
    p_status           integer,
    p_proxy_port       integer,
    p_start_time       timestamptz,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM 1
       FROM OrleansMembershipVersionTable
      WHERE DeploymentId = p_deployment_id AND Version = p_expected_version
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
         p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipVersionTable SET Version = Version + 1 WHERE DeploymentId = p_deployment_id;
    RETURN true;
END
$function$;

CREATE OR REPLACE FUNCTION orleans_update_membership(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_status           integer,
    p_suspect_times    text,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM 1
       FROM OrleansMembershipVersionTable
      WHERE DeploymentId = p_deployment_id AND Version = p_expected_version
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipTable
       SET Status = p_status, SuspectTimes = p_suspect_times, IAmAliveTime = p_i_am_alive_time
     WHERE DeploymentId = p_deployment_id AND Address = p_address AND Port = p_port AND Generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipVersionTable SET Version = Version + 1 WHERE DeploymentId = p_deployment_id;
    RETURN true;
END
$function$;

-- The provider binds the @-parameters by name and reads the result columns by name.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $query$
    WITH created AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
        ON CONFLICT DO NOTHING
        RETURNING DeploymentId)
    SELECT EXISTS (SELECT 1 FROM created)
$query$),

('InsertMembershipKey', $query$
    SELECT orleans_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                     @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version)
$query$),

('UpdateMembershipKey', $query$
    SELECT orleans_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
                                     @IAmAliveTime, @Version)
$query$),

-- A heartbeat touches only the silo's own row and never the deployment version.
('UpdateIAmAlivetimeKey', $query$
    UPDATE OrleansMembershipTable
       SET IAmAliveTime = @IAmAliveTime
     WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
$query$),

-- Both reads return the version row even when no silo row matches (the silo columns are then null).
('MembershipReadRowKey', $query$
    SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
           m.SuspectTimes, m.StartTime, m.IAmAliveTime
      FROM OrleansMembershipVersionTable v
      LEFT JOIN OrleansMembershipTable m
        ON m.DeploymentId = v.DeploymentId
       AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
     WHERE v.DeploymentId = @DeploymentId
$query$),

('MembershipReadAllKey', $query$
    SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
           m.SuspectTimes, m.StartTime, m.IAmAliveTime
      FROM OrleansMembershipVersionTable v
      LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
     WHERE v.DeploymentId = @DeploymentId
$query$),

('GatewaysQueryKey', $query$
    SELECT Address, ProxyPort, Generation
      FROM OrleansMembershipTable
     WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$query$),

-- Removing the version row removes the deployment's silo rows with it (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $query$
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId
$query$),

-- Bulk clean-up of dead silos, used by providers that do not know CleanupDefunctSiloEntryKey.
('CleanupDefunctSiloEntriesKey', $query$
    DELETE FROM OrleansMembershipTable
     WHERE DeploymentId = @DeploymentId AND Status = 6
       AND StartTime < @IAmAliveTime AND IAmAliveTime < @IAmAliveTime
$query$),

-- Per-row clean-up: the provider picks dead silos older than its cutoff, then deletes each one
-- only if the row still holds the values it read.
('CleanupDefunctSiloEntryKey', $query$
    DELETE FROM OrleansMembershipTable
     WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
       AND Status = 6
       AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
       AND SuspectTimes IS NOT DISTINCT FROM @SuspectTimes
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
