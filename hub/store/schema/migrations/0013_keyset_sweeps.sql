-- Key-set sweeps (hub/store/model/keyset_sweep.hpp): how the hub sees that a record has disappeared from
-- its source, which a timestamp watermark never shows.
--
-- A connector lists every id its source still holds as PRESENT records, batch after batch, and ends the
-- list with one SWEEP_END record. Each PRESENT id lands here in the same transaction as its batch's
-- checkpoint, so a sweep that is killed resumes where it stopped. SWEEP_END marks deleted every live
-- source link of (source_system, entity) whose id is not here, then removes the sweep's rows.
-- sweep_id is the connector's name for one pass ('' when it gives none).
CREATE TABLE keyset_sweeps (
  job            TEXT NOT NULL,
  source_system  TEXT NOT NULL,
  entity         TEXT NOT NULL,
  sweep_id       TEXT NOT NULL,
  source_id      TEXT NOT NULL,
  PRIMARY KEY (job, source_system, entity, sweep_id, source_id)
);
