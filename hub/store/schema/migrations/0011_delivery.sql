-- Event delivery from the outbox to subscribers (hub/delivery): the store's identity, which makes event ids
-- unique across stores, each subscriber's lanes with their position, backoff and lease, and the dead letters.
-- Times the delivery acts on (leases, backoff) are the hub clock's Unix milliseconds, so that tests inject
-- the clock; the times an operator reads are timestamps.

CREATE TABLE store_identity (
  id  TEXT NOT NULL
);
INSERT INTO store_identity (id) VALUES ({{random_uuid}});

CREATE TABLE delivery_lanes (
  subscriber          TEXT NOT NULL,
  lane                INTEGER NOT NULL,
  position            BIGINT NOT NULL,
  attempts            INTEGER NOT NULL DEFAULT 0,
  next_attempt_at_ms  BIGINT,
  last_error          TEXT,
  lease_owner         TEXT,
  lease_until_ms      BIGINT,
  delivered           BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (subscriber, lane)
);

CREATE TABLE delivery_dead_letters (
  subscriber           TEXT NOT NULL,
  outbox_id            BIGINT NOT NULL,
  attempts             INTEGER NOT NULL,
  last_error           TEXT,
  dead_at              {{timestamp}} NOT NULL,
  replay_requested_at  {{timestamp}},
  replayed_at          {{timestamp}},
  PRIMARY KEY (subscriber, outbox_id)
);
CREATE INDEX ix_delivery_dead_letters_open ON delivery_dead_letters (outbox_id) WHERE replayed_at IS NULL;
