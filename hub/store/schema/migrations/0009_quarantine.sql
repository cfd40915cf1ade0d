-- Quarantine entries that do not pile up, and records that wait for what they refer to.
--
-- One open entry per record and reason: a re-read of the same bad record counts it again (occurrences,
-- last_seen_at) instead of adding an entry. record_key is the record's source id, or '@' and its position
-- when it has none; reason_key identifies the reason without the position (the writer's hash of it).
-- raw_length is the size of the record's raw JSON as read; raw_record keeps at most 64 KiB of it.
-- A record refused only because what it refers to is not in the store yet is 'pending' and names what it
-- awaits (awaits_entity, awaits_system — null for a natural key, any system — and awaits_key); it is stored
-- in the same transaction as the batch that brings that record.

ALTER TABLE quarantine ADD COLUMN status TEXT NOT NULL DEFAULT 'open'
  CHECK (status IN ('open', 'pending', 'resolved'));
ALTER TABLE quarantine ADD COLUMN cause TEXT CHECK (cause IN ('source', 'mapping', 'reference', 'store'));
ALTER TABLE quarantine ADD COLUMN record_key TEXT NOT NULL DEFAULT '';
ALTER TABLE quarantine ADD COLUMN reason_key TEXT NOT NULL DEFAULT '';
ALTER TABLE quarantine ADD COLUMN occurrences BIGINT NOT NULL DEFAULT 1;
ALTER TABLE quarantine ADD COLUMN last_seen_at {{timestamp}};
ALTER TABLE quarantine ADD COLUMN raw_length BIGINT;
ALTER TABLE quarantine ADD COLUMN awaits_entity TEXT;
ALTER TABLE quarantine ADD COLUMN awaits_system TEXT;
ALTER TABLE quarantine ADD COLUMN awaits_key TEXT;
ALTER TABLE quarantine ADD COLUMN last_replayed_at {{timestamp}};

UPDATE quarantine SET status = 'resolved' WHERE resolved_at IS NOT NULL;
UPDATE quarantine SET last_seen_at = created_at,
  record_key = COALESCE(NULLIF(source_id, ''), '@' || source_position);

-- Entries written before this migration that repeat one another (the same record and reason, still open)
-- are folded into the newest: it counts them all, the older ones are resolved.
UPDATE quarantine SET occurrences = (
  SELECT COUNT(*) FROM quarantine d
  WHERE d.resolved_at IS NULL AND d.job = quarantine.job AND COALESCE(d.source_system, '') = COALESCE(quarantine.source_system, '')
    AND COALESCE(d.entity, '') = COALESCE(quarantine.entity, '') AND d.record_key = quarantine.record_key
    AND d.reason = quarantine.reason)
WHERE resolved_at IS NULL;
UPDATE quarantine SET status = 'resolved', resolved_at = {{now}},
  resolution = 'folded into a later entry of the same record and reason (migration 9)'
WHERE resolved_at IS NULL AND EXISTS (
  SELECT 1 FROM quarantine d
  WHERE d.resolved_at IS NULL AND d.id > quarantine.id AND d.job = quarantine.job
    AND COALESCE(d.source_system, '') = COALESCE(quarantine.source_system, '')
    AND COALESCE(d.entity, '') = COALESCE(quarantine.entity, '') AND d.record_key = quarantine.record_key
    AND d.reason = quarantine.reason);
-- Their reasons still carry the position, which the writer's reason_key leaves out: each keeps a key of its own.
UPDATE quarantine SET reason_key = 'migrated:' || CAST(id AS TEXT);

CREATE UNIQUE INDEX ux_quarantine_open_record ON quarantine (job, source_system, entity, record_key, reason_key)
  WHERE resolved_at IS NULL;
CREATE INDEX ix_quarantine_pending ON quarantine (awaits_entity, awaits_key) WHERE status = 'pending';
CREATE INDEX ix_quarantine_pending_job ON quarantine (job, awaits_entity) WHERE status = 'pending';
