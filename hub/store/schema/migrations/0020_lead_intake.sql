-- The lead interface's intake (issue 12): what a lead says about the company and its need, the funnel stage
-- it is in with the history of its stages (from which dwell times and conversion rates are computed), who
-- found it, and the conflict check's finding at intake. Columns are added nullable or with a default, so
-- existing leads stay as they are and sit at the funnel's first stage.

ALTER TABLE leads ADD COLUMN stage TEXT NOT NULL DEFAULT 'resource'
  CHECK (stage IN ('resource', 'graded', 'contacted', 'lead', 'intent', 'opportunity', 'signed', 'implemented',
                   'abandoned'));
ALTER TABLE leads ADD COLUMN stage_entered_at {{timestamp}};
ALTER TABLE leads ADD COLUMN mobile TEXT;
ALTER TABLE leads ADD COLUMN mobile_e164 TEXT;
ALTER TABLE leads ADD COLUMN tax_id TEXT;
ALTER TABLE leads ADD COLUMN tax_id_normalized TEXT;
ALTER TABLE leads ADD COLUMN website TEXT;
ALTER TABLE leads ADD COLUMN website_host TEXT;
ALTER TABLE leads ADD COLUMN address TEXT;
ALTER TABLE leads ADD COLUMN region TEXT;
ALTER TABLE leads ADD COLUMN business_function TEXT;
ALTER TABLE leads ADD COLUMN need TEXT;
ALTER TABLE leads ADD COLUMN products TEXT;
ALTER TABLE leads ADD COLUMN estimated_amount {{money}};
ALTER TABLE leads ADD COLUMN currency TEXT;
ALTER TABLE leads ADD COLUMN found_by_employee_id BIGINT REFERENCES employees (id);
-- The conflict check's finding when the lead was stored: its decision, every key it looked up with the
-- customers each found, and the keys ignored as not telling (see store/model/lead_conflicts.hpp).
ALTER TABLE leads ADD COLUMN conflict {{json}};
CREATE INDEX ix_leads_stage ON leads (stage, stage_entered_at);
CREATE INDEX ix_leads_mobile ON leads (mobile_e164);
CREATE INDEX ix_leads_tax_id ON leads (tax_id_normalized);

CREATE TABLE lead_stage_history (
  id            {{id}},
  lead_id       BIGINT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  from_stage    TEXT,
  to_stage      TEXT NOT NULL,
  amount        {{money}},
  changed_at    {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_lead_stage_history_lead ON lead_stage_history (lead_id, changed_at);
CREATE INDEX ix_lead_stage_history_stage ON lead_stage_history (to_stage, changed_at);
