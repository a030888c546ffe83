-- Creates OrleansStorage for Orleans' ADO.NET grain storage provider: one row per grain state,
-- keyed by ServiceId, grain type and grain id, with an integer Version that serves as the ETag.
-- The provider sends the serialized state as PayloadBinary (JSON bytes with our serializer).

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              text    NOT NULL,
    GrainTypeHash          integer NOT NULL,
    GrainTypeString        text    NOT NULL,
    GrainIdHash            integer NOT NULL,
    GrainIdN0              bigint  NOT NULL,
    GrainIdN1              bigint  NOT NULL,
    GrainIdExtensionString text,
    PayloadBinary          bytea,
    Version                integer NOT NULL,
    -- Not read by Orleans: tells an operator when a grain last changed its state.
    ModifiedOn             timestamptz NOT NULL DEFAULT now(),

    -- One row per grain, even when two activations of it race to write first. The hashes lead
    -- so that lookups stay narrow; a grain without a key extension has a null one.
    CONSTRAINT OrleansStorage_Grain UNIQUE NULLS NOT DISTINCT
        (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString)
);

-- Returns the state's new version, or null when p_expected_version is stale (or, for a first
-- write, when the row already exists); the provider turns null into InconsistentStateException.
CREATE OR REPLACE FUNCTION orleans_write_grain_state(
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_type_hash  integer,
    p_grain_type       text,
    p_grain_extension  text,
    p_service_id       text,
    p_expected_version integer,
    p_payload          bytea)
RETURNS integer
LANGUAGE plpgsql
AS $function$
DECLARE
    new_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        INSERT INTO OrleansStorage
            (ServiceId, GrainTypeHash, GrainTypeString, GrainIdHash, GrainIdN0, GrainIdN1,
             GrainIdExtensionString, PayloadBinary, Version)
        VALUES
            (p_service_id, p_grain_type_hash, p_grain_type, p_grain_id_hash, p_grain_id_n0, p_grain_id_n1,
             p_grain_extension, p_payload, 1)
        ON CONFLICT DO NOTHING
        RETURNING Version INTO new_version;
    ELSE
        UPDATE OrleansStorage
           SET PayloadBinary = p_payload, Version = Version + 1, ModifiedOn = now()
         WHERE GrainIdHash = p_grain_id_hash AND GrainTypeHash = p_grain_type_hash AND ServiceId = p_service_id
           AND GrainIdN0 = p_grain_id_n0 AND GrainIdN1 = p_grain_id_n1 AND GrainTypeString = p_grain_type
           AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_extension
           AND Version = p_expected_version
        RETURNING Version INTO new_version;
    END IF;
    RETURN new_version;
END
$function$;

-- The provider binds the @-parameters by name and reads the result columns by name
-- (ClearStorageKey: the first column).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $query$
    SELECT PayloadBinary, Version
      FROM OrleansStorage
     WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
       AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
$query$),

('WriteToStorageKey', $query$
    SELECT orleans_write_grain_state(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                                     @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)
           AS NewGrainStateVersion
$query$),

-- Clearing keeps the row with an empty payload and a new version, so a stale writer still fails.
('ClearStorageKey', $query$
    UPDATE OrleansStorage
       SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = now()
     WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
       AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND Version = @GrainStateVersion
    RETURNING Version
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
