-- Product intents (产品意向, issue 12): a product someone wants, recorded against a known customer (party_id) or
-- an intent customer (意向客户: no party yet, only the names and channels the intent gives), and followed up
-- once — as a suggestion (an owner is named), a purchase (an opportunity is made, opportunity_id) or invalid
-- (closed with the reason, kept for the record). An intent customer followed up as a suggestion or a purchase
-- joins the customer master as a prospect, and party_id points at it from then on. source_key is the client's
-- idempotency key, or the SHA-256 of the body, so that one intent posted twice is one row.
CREATE TABLE intents (
  id                 {{id}},
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'suggestion', 'purchase', 'invalid')),
  party_id           BIGINT REFERENCES parties (id),
  company_name       TEXT,
  contact_name       TEXT,
  phone              TEXT,
  phone_e164         TEXT,
  email              TEXT,
  email_normalized   TEXT,
  tax_id             TEXT,
  tax_id_normalized  TEXT,
  product            TEXT NOT NULL,
  need               TEXT,
  estimated_amount   {{money}},
  currency           TEXT,
  lead_id            BIGINT REFERENCES leads (id),
  owner_employee_id  BIGINT REFERENCES employees (id),
  opportunity_id     BIGINT REFERENCES opportunities (id),
  invalid_reason     TEXT,
  followed_up_at     {{timestamp}},
  followed_up_by     TEXT,
  source_key         TEXT NOT NULL UNIQUE,
  created_at         {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at         {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_intents_status ON intents (status, id);
CREATE INDEX ix_intents_party ON intents (party_id, status);
CREATE INDEX ix_intents_lead ON intents (lead_id);
CREATE INDEX ix_intents_opportunity ON intents (opportunity_id);
