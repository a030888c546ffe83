-- Creates OrleansQuery: the catalogue of SQL that Orleans' ADO.NET providers (clustering,
-- grain storage, reminders) load by QueryKey once at startup. The later migrations fill it;
-- a changed row takes effect after the silos restart.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  text PRIMARY KEY,
    QueryText text NOT NULL
);
