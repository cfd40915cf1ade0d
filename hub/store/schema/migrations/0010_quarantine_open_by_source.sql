-- The open quarantine entries of a source system, by record: what every batch that stored records looks
-- up to resolve their entries (QuarantineBook::ResolveStored, Resolve), without reading the system's
-- resolved entries, which pile up over the years. SQLite's EXPLAIN QUERY PLAN of
--   SELECT 1 FROM quarantine WHERE source_system = ? AND resolved_at IS NULL LIMIT 1
-- answers "SEARCH quarantine USING COVERING INDEX ix_quarantine_open_source (source_system=?)"
-- (tests/store/schema/quarantine_migration_test.cpp holds it); PostgreSQL plans it as an index scan on
-- ix_quarantine_open_source once the table is larger than a few pages.

CREATE INDEX ix_quarantine_open_source ON quarantine (source_system, entity, source_id) WHERE resolved_at IS NULL;
