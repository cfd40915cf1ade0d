-- What the sync engine and the service keep about their own work: job checkpoints, records that could
-- not be stored, change events waiting to be published, and who changed what.
-- Double-braced tokens stand for the types and defaults that differ between engines (see sql_dialect.cpp).

CREATE TABLE sync_cursors (
  job         TEXT PRIMARY KEY,
  cursor      TEXT NOT NULL,
  updated_at  {{timestamp}} NOT NULL DEFAULT {{now}}
);

CREATE TABLE quarantine (
  id               {{id}},
  job              TEXT NOT NULL,
  source_system    TEXT,
  entity           TEXT,
  source_id        TEXT,
  source_position  TEXT NOT NULL,
  reason           TEXT NOT NULL,
  raw_record       {{json}} NOT NULL,
  created_at       {{timestamp}} NOT NULL DEFAULT {{now}},
  resolved_at      {{timestamp}},
  resolution       TEXT
);
CREATE INDEX ix_quarantine_job_open ON quarantine (job, created_at) WHERE resolved_at IS NULL;
CREATE INDEX ix_quarantine_source ON quarantine (source_system, entity, source_id);

CREATE TABLE outbox_events (
  id            {{id}},
  aggregate     TEXT NOT NULL,
  aggregate_id  TEXT NOT NULL,
  kind          TEXT NOT NULL,
  payload       {{json}} NOT NULL,
  created_at    {{timestamp}} NOT NULL DEFAULT {{now}},
  published_at  {{timestamp}}
);
CREATE INDEX ix_outbox_events_unpublished ON outbox_events (id) WHERE published_at IS NULL;
CREATE INDEX ix_outbox_events_aggregate ON outbox_events (aggregate, aggregate_id);

CREATE TABLE audit_log (
  id           {{id}},
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity       TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  before_data  {{json}},
  after_data   {{json}},
  occurred_at  {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_audit_log_entity ON audit_log (entity, entity_id, occurred_at);
CREATE INDEX ix_audit_log_actor ON audit_log (actor, occurred_at);
