-- Selling: leads as they come in, the opportunities they turn into with every stage change, and the
-- activities (calls, mails, visits) around them.

CREATE TABLE leads (
  id                    {{id}},
  party_id              BIGINT REFERENCES parties (id),
  duplicate_of_lead_id  BIGINT REFERENCES leads (id),
  company_name          TEXT,
  contact_name          TEXT,
  phone                 TEXT,
  phone_e164            TEXT,
  email                 TEXT,
  email_normalized      TEXT,
  province              TEXT,
  city                  TEXT,
  industry              TEXT,
  channel               TEXT,
  campaign              TEXT,
  status                TEXT NOT NULL DEFAULT 'new'
                        CHECK (status IN ('new', 'contacted', 'qualified', 'disqualified', 'converted')),
  grade                 TEXT CHECK (grade IN ('A', 'B', 'C')),
  tier                  TEXT CHECK (tier IN ('base', 'middle', 'top')),
  score                 INTEGER,
  owner_employee_id     BIGINT REFERENCES employees (id),
  team_id               BIGINT REFERENCES teams (id),
  routing_rule          TEXT,
  details               {{json}},
  received_at           {{timestamp}} NOT NULL DEFAULT {{now}},
  created_at            {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at            {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_leads_status ON leads (status, received_at);
CREATE INDEX ix_leads_owner ON leads (owner_employee_id, status);
CREATE INDEX ix_leads_party ON leads (party_id);
CREATE INDEX ix_leads_phone ON leads (phone_e164);
CREATE INDEX ix_leads_email ON leads (email_normalized);

CREATE TABLE opportunities (
  id                 {{id}},
  party_id           BIGINT NOT NULL REFERENCES parties (id),
  lead_id            BIGINT REFERENCES leads (id),
  name               TEXT NOT NULL,
  stage              TEXT NOT NULL,
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
  probability        {{decimal}},
  amount             {{money}},
  currency           TEXT,
  expected_close_on  {{date}},
  owner_employee_id  BIGINT REFERENCES employees (id),
  team_id            BIGINT REFERENCES teams (id),
  lost_reason        TEXT,
  stage_entered_at   {{timestamp}} NOT NULL DEFAULT {{now}},
  closed_at          {{timestamp}},
  created_at         {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at         {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_opportunities_party ON opportunities (party_id);
CREATE INDEX ix_opportunities_stage ON opportunities (status, stage);
CREATE INDEX ix_opportunities_owner ON opportunities (owner_employee_id, status);
CREATE INDEX ix_opportunities_lead ON opportunities (lead_id);

CREATE TABLE opportunity_stage_history (
  id                   {{id}},
  opportunity_id       BIGINT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
  from_stage           TEXT,
  to_stage             TEXT NOT NULL,
  amount               {{money}},
  probability          {{decimal}},
  changed_by           TEXT,
  changed_at           {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_opportunity_stage_history_opportunity ON opportunity_stage_history (opportunity_id, changed_at);
CREATE INDEX ix_opportunity_stage_history_stage ON opportunity_stage_history (to_stage, changed_at);

CREATE TABLE activities (
  id                {{id}},
  kind              TEXT NOT NULL CHECK (kind IN ('call', 'email', 'visit', 'meeting', 'task', 'note')),
  direction         TEXT CHECK (direction IN ('inbound', 'outbound')),
  subject           TEXT,
  summary           TEXT,
  party_id          BIGINT REFERENCES parties (id),
  contact_id        BIGINT REFERENCES contacts (id),
  lead_id           BIGINT REFERENCES leads (id),
  opportunity_id    BIGINT REFERENCES opportunities (id),
  employee_id       BIGINT REFERENCES employees (id),
  occurred_at       {{timestamp}} NOT NULL,
  duration_seconds  INTEGER,
  outcome           TEXT,
  created_at        {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_activities_party ON activities (party_id, occurred_at);
CREATE INDEX ix_activities_contact ON activities (contact_id);
CREATE INDEX ix_activities_lead ON activities (lead_id);
CREATE INDEX ix_activities_opportunity ON activities (opportunity_id);
CREATE INDEX ix_activities_employee ON activities (employee_id, occurred_at);
