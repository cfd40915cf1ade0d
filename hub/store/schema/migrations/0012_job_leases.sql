-- Which hub runs each sync job, when several hubs share one store (docs/ARCHITECTURE.md#several-hubs).
--
-- A hub runs a job only while it holds the job's lease: lease_owner is the hub process
-- ("<instance>@<host>:<pid>:<random>"), lease_until_ms when the claim lapses unless renewed (Unix ms of the
-- hub's clock; renewed between batches, cleared at the end of the run). last_due_ms is the due time of the
-- last schedule tick a run was started for, and last_started_ms when that run started: a tick already run
-- by one hub is skipped by the others. One row per job, made on its first run.
CREATE TABLE job_leases (
  job              TEXT PRIMARY KEY,
  lease_owner      TEXT,
  lease_until_ms   BIGINT,
  last_due_ms      BIGINT,
  last_started_ms  BIGINT
);
