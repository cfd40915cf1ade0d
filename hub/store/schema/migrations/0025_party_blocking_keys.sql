-- Matching on arrival (issue 11): the matcher's blocking index kept in the store, and the model it scores with,
-- so that a party synced is matched at once against the store and a restart rebuilds and learns nothing.
--
-- party_blocking_keys: each party's blocking keys as the matcher computes them (matching/blocking.hpp:
-- BlockingKeyHashes, FNV-1a to 64 bits, kept signed), replaced whenever a batch writes the party while a model is
-- kept, and written by a match run for every party that has none. A key held by more parties than the blocking's
-- block size cap is not telling: matching on arrival reads at most one more than the cap of its holders.
CREATE TABLE party_blocking_keys (
  key_hash  BIGINT NOT NULL,
  party_id  BIGINT NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  PRIMARY KEY (key_hash, party_id)
);
CREATE INDEX ix_party_blocking_keys_party ON party_blocking_keys (party_id);

-- match_models: the model the last run of each match job scored with, kept for matching on arrival: JSON text
-- {"prior", "m", "u", "frequencies", "source_priority"} (golden/arrival_model.hpp), compared as written, so a run
-- that learned the same model writes nothing. A changed model is a new row (a new id): matching on arrival takes
-- the newest and reads it again only when the id moved. No row: nothing is matched on arrival.
CREATE TABLE match_models (
  id          {{id}},
  job         TEXT NOT NULL UNIQUE,
  model       TEXT NOT NULL,
  learned_at  {{timestamp}} NOT NULL DEFAULT {{now}}
);
