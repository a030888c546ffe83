-- Creates OrleansRemindersTable for Orleans' ADO.NET reminders provider: one row per reminder of a
-- grain within a ServiceId. Period is in milliseconds; Version is the reminder's ETag; GrainHash
-- places the grain on the silos' hash ring (a uint the provider sends as a signed integer).

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    text        NOT NULL,
    GrainId      text        NOT NULL,
    ReminderName text        NOT NULL,
    StartTime    timestamptz NOT NULL,
    Period       bigint      NOT NULL,
    GrainHash    integer     NOT NULL,
    Version      integer     NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Each silo loads the reminders of its own range of the hash ring.
CREATE INDEX IF NOT EXISTS OrleansRemindersTable_Ring ON OrleansRemindersTable (ServiceId, GrainHash);

-- The provider binds the @-parameters by name and reads the result columns by name.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpsertReminderRowKey', $query$
    INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
       SET StartTime = EXCLUDED.StartTime, Period = EXCLUDED.Period, GrainHash = EXCLUDED.GrainHash,
           Version = OrleansRemindersTable.Version + 1
    RETURNING Version
$query$),

('ReadReminderRowsKey', $query$
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId AND GrainId = @GrainId
$query$),

('ReadReminderRowKey', $query$
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
$query$),

-- The ring range (@BeginHash, @EndHash]; the provider uses the second form when the range wraps.
('ReadRangeRows1Key', $query$
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
$query$),

('ReadRangeRows2Key', $query$
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
$query$),

('DeleteReminderRowKey', $query$
    WITH deleted AS (
        DELETE FROM OrleansRemindersTable
         WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
           AND Version = @Version
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM deleted)
$query$),

('DeleteReminderRowsKey', $query$
    DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
