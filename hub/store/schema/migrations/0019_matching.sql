-- The matcher on the store (issue 11): the pairs of parties it decided, each with the reviewer's word where one
-- was given, and where each golden record's values came from.
--
-- match_pairs: one row per pair of parties the matcher scored as anything but a plain non-match (and every pair
-- a reviewer decided), left_party_id < right_party_id. decided_by 'reviewer' marks a decision the matcher
-- keeps on every later run (accept: decision 'link'; reject: 'no_link', never asked again). explanation is
-- the matcher's reasons: {"rule": ..., "prior": bits, "total": bits, "fields": [{"field","level","weight"}]}.
CREATE TABLE match_pairs (
  id              {{id}},
  left_party_id   BIGINT NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  right_party_id  BIGINT NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  probability     DOUBLE PRECISION NOT NULL,
  decision        TEXT NOT NULL CHECK (decision IN ('link', 'review', 'no_link', 'related', 'distinct')),
  explanation     {{json}} NOT NULL,
  decided_by      TEXT NOT NULL DEFAULT 'matcher' CHECK (decided_by IN ('matcher', 'reviewer')),
  reviewer        TEXT,
  decided_at      {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at      {{timestamp}} NOT NULL DEFAULT {{now}},
  UNIQUE (left_party_id, right_party_id),
  CHECK (left_party_id < right_party_id)
);
CREATE INDEX ix_match_pairs_decision ON match_pairs (decision, id);
CREATE INDEX ix_match_pairs_right ON match_pairs (right_party_id);

-- golden_lineage: for every golden record (a party others point at through parties.golden_party_id), the
-- value each of its fields takes and which member party gave it, by which survivorship rule. The parties'
-- own rows keep what their sources wrote; a golden record's values are these.
CREATE TABLE golden_lineage (
  golden_party_id  BIGINT NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  field            TEXT NOT NULL,
  value            TEXT NOT NULL,
  from_party_id    BIGINT NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  source_system    TEXT,
  rule             TEXT NOT NULL CHECK (rule IN ('only_value', 'source_priority', 'recency', 'completeness', 'oldest')),
  updated_at       {{timestamp}} NOT NULL DEFAULT {{now}},
  PRIMARY KEY (golden_party_id, field)
);
CREATE INDEX ix_golden_lineage_from ON golden_lineage (from_party_id);
