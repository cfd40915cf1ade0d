-- What the department connectors' touch points (calls, mails) bring beyond a phone number, how the store
-- links such an activity to a party when the source names none, and what it makes of it: a callback task for
-- a missed call from a known customer, a lead candidate for an unknown one with a recorded need.
--
-- activities: the other side's e-mail (and its normal form), the registrable domain the connector read from
-- it, a need the activity recorded (a call's note, a mail asking for a quote), the names it gave, and how
-- the store found its party (party_match). Columns are added nullable, so existing activities stay as they are.

ALTER TABLE activities ADD COLUMN email TEXT;
ALTER TABLE activities ADD COLUMN email_normalized TEXT;
ALTER TABLE activities ADD COLUMN web_domain TEXT;
ALTER TABLE activities ADD COLUMN need TEXT;
ALTER TABLE activities ADD COLUMN contact_name TEXT;
ALTER TABLE activities ADD COLUMN company_name TEXT;
ALTER TABLE activities ADD COLUMN party_match TEXT
  CHECK (party_match IN ('source', 'email', 'domain', 'phone', 'ambiguous', 'none'));
CREATE INDEX ix_activities_email ON activities (email_normalized);

-- The party look-up by a mail domain: the part of each stored address after its '@' (the expression the
-- model layer's look-up compares, store/model/party_attribution.cpp). Web sites are looked up by their host,
-- indexed since migration 3.
CREATE INDEX ix_emails_domain ON emails ((substr(address_normalized, {{strpos}}(address_normalized, '@') + 1)));

-- Work for our people: a callback for a missed call now, lead follow-ups later. source_key names what made
-- the task ("<source system>/activity/<source id>/callback"), so that storing it again never makes a second one.
CREATE TABLE tasks (
  id                    {{id}},
  kind                  TEXT NOT NULL CHECK (kind IN ('callback', 'follow_up')),
  status                TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  party_id              BIGINT REFERENCES parties (id),
  activity_id           BIGINT REFERENCES activities (id),
  lead_id               BIGINT REFERENCES leads (id),
  assignee_employee_id  BIGINT REFERENCES employees (id),
  subject               TEXT NOT NULL,
  due_at                {{timestamp}},
  source_key            TEXT NOT NULL UNIQUE,
  created_at            {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at            {{timestamp}} NOT NULL DEFAULT {{now}},
  done_at               {{timestamp}}
);
CREATE INDEX ix_tasks_assignee ON tasks (assignee_employee_id, status, due_at);
CREATE INDEX ix_tasks_party ON tasks (party_id, status);
CREATE INDEX ix_tasks_activity ON tasks (activity_id);
CREATE INDEX ix_tasks_lead ON tasks (lead_id);

-- Someone unknown who asked for something (a call with a recorded need, a mail asking for a quote), for the
-- lead intake to accept as a lead or reject. source_key names what made it, as for tasks.
CREATE TABLE lead_candidates (
  id                {{id}},
  channel           TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'web', 'partner')),
  source_key        TEXT NOT NULL UNIQUE,
  activity_id       BIGINT REFERENCES activities (id),
  party_id          BIGINT REFERENCES parties (id),
  company_name      TEXT,
  contact_name      TEXT,
  phone             TEXT,
  phone_e164        TEXT,
  email             TEXT,
  email_normalized  TEXT,
  need              TEXT,
  received_at       {{timestamp}} NOT NULL,
  status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
  lead_id           BIGINT REFERENCES leads (id),
  details           {{json}},
  created_at        {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_lead_candidates_status ON lead_candidates (status, received_at);
CREATE INDEX ix_lead_candidates_activity ON lead_candidates (activity_id);
CREATE INDEX ix_lead_candidates_phone ON lead_candidates (phone_e164);
CREATE INDEX ix_lead_candidates_email ON lead_candidates (email_normalized);
CREATE INDEX ix_lead_candidates_lead ON lead_candidates (lead_id);
