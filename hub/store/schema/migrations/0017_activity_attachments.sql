-- The files a touch point carried: a mail's attachments (the email connector), each with its name, type, size
-- and the SHA-256 of its bytes, which the connector keeps content-addressed outside the store. One row per
-- attachment in the message's order (`position`, from 1); the same bytes in many messages are many rows with
-- one hash, indexed to find every activity that carried a file.

CREATE TABLE activity_attachments (
  activity_id   BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL CHECK (position >= 1),
  name          TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size_bytes    BIGINT NOT NULL CHECK (size_bytes >= 0),
  sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
  content_id    TEXT,
  is_inline     {{bool}} NOT NULL DEFAULT {{false}},
  PRIMARY KEY (activity_id, position)
);
CREATE INDEX ix_activity_attachments_sha256 ON activity_attachments (sha256);
