-- Quarantine entries written before migration 9, folded by record and reason; and an index on the open ones.
--
-- The open quarantine entries of a source system, by record: what every batch that stored records looks
-- up to resolve their entries (QuarantineBook::ResolveStored, Resolve), without reading the system's
-- resolved entries, which pile up over the years. SQLite's EXPLAIN QUERY PLAN of
--   SELECT 1 FROM quarantine WHERE source_system = ? AND resolved_at IS NULL LIMIT 1
-- answers "SEARCH quarantine USING COVERING INDEX ix_quarantine_open_source (source_system=?)"
-- (tests/store/schema/quarantine_migration_test.cpp holds it, and the plan of Resolve's UPDATE). PostgreSQL's
-- EXPLAIN, on 50,000 entries of which 1% are open (analyzed), scans a partial index of the open entries for
-- both: "Index Scan using ix_quarantine_open_source" for the UPDATE, and for the check this index or
-- ix_quarantine_job_open, whichever it deems cheaper; never the resolved entries.

CREATE INDEX ix_quarantine_open_source ON quarantine (source_system, entity, source_id) WHERE resolved_at IS NULL;

-- Entries written before migration 9 that are one record refused for one reason at different lines (a
-- record with a source id that moved) — their reasons equal but for the position that starts them — are
-- folded into the newest, which counts them all; that one is taken over by the writer on the record's next
-- refusal for the reason (QuarantineBook::Put).
UPDATE quarantine SET occurrences = (
  SELECT SUM(d.occurrences) FROM quarantine d
  WHERE d.resolved_at IS NULL AND d.reason_key LIKE 'migrated:%'
    AND SUBSTR(d.reason, 1, LENGTH(d.source_position) + 2) = d.source_position || ': '
    AND d.job = quarantine.job AND COALESCE(d.source_system, '') = COALESCE(quarantine.source_system, '')
    AND COALESCE(d.entity, '') = COALESCE(quarantine.entity, '') AND d.record_key = quarantine.record_key
    AND SUBSTR(d.reason, LENGTH(d.source_position) + 3) = SUBSTR(quarantine.reason, LENGTH(quarantine.source_position) + 3))
WHERE resolved_at IS NULL AND reason_key LIKE 'migrated:%'
  AND SUBSTR(reason, 1, LENGTH(source_position) + 2) = source_position || ': '
  AND NOT EXISTS (
    SELECT 1 FROM quarantine d
    WHERE d.resolved_at IS NULL AND d.reason_key LIKE 'migrated:%' AND d.id > quarantine.id
      AND SUBSTR(d.reason, 1, LENGTH(d.source_position) + 2) = d.source_position || ': '
      AND d.job = quarantine.job AND COALESCE(d.source_system, '') = COALESCE(quarantine.source_system, '')
      AND COALESCE(d.entity, '') = COALESCE(quarantine.entity, '') AND d.record_key = quarantine.record_key
      AND SUBSTR(d.reason, LENGTH(d.source_position) + 3) = SUBSTR(quarantine.reason, LENGTH(quarantine.source_position) + 3));
UPDATE quarantine SET status = 'resolved', resolved_at = {{now}},
  resolution = 'folded into a later entry of the same record and reason (migration 10)'
WHERE resolved_at IS NULL AND reason_key LIKE 'migrated:%'
  AND SUBSTR(reason, 1, LENGTH(source_position) + 2) = source_position || ': '
  AND EXISTS (
    SELECT 1 FROM quarantine d
    WHERE d.resolved_at IS NULL AND d.reason_key LIKE 'migrated:%' AND d.id > quarantine.id
      AND SUBSTR(d.reason, 1, LENGTH(d.source_position) + 2) = d.source_position || ': '
      AND d.job = quarantine.job AND COALESCE(d.source_system, '') = COALESCE(quarantine.source_system, '')
      AND COALESCE(d.entity, '') = COALESCE(quarantine.entity, '') AND d.record_key = quarantine.record_key
      AND SUBSTR(d.reason, LENGTH(d.source_position) + 3) = SUBSTR(quarantine.reason, LENGTH(quarantine.source_position) + 3));
