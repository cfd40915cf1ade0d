-- Values a record gave that have no normal form (a phone number no one could dial, a unified social credit
-- code whose check character is wrong), kept as written with what is wrong with them: the export and the
-- API show them and their flag instead of a silent blank. A flag belongs to the source link that brought
-- the value and is replaced with that link's other contributions, so a later sync of the record that
-- brings a value that normalizes clears it.

CREATE TABLE data_quality (
  id              {{id}},
  source_link_id  BIGINT NOT NULL REFERENCES source_links (id) ON DELETE CASCADE,
  party_id        BIGINT REFERENCES parties (id) ON DELETE CASCADE,
  field           TEXT NOT NULL,
  value           TEXT NOT NULL,
  problem         TEXT NOT NULL,
  detail          TEXT NOT NULL,
  created_at      {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_data_quality_party ON data_quality (party_id);
CREATE INDEX ix_data_quality_source_link ON data_quality (source_link_id);

-- Records stored before this migration had their phones and identifiers normalized by older rules (an
-- impossible number given an E.164 form, a mobile stored as a landline, a wrong code stored). Their links
-- are marked changed, so that the next read of each record (a `--full` sync re-reads a whole source)
-- stores it again under the current rules, with its flags.
UPDATE source_links SET content_hash = 'before-data-quality:' || content_hash
WHERE entity IN ('party', 'contact', 'lead', 'employee');
