-- Lead routing (issue 12, item 5): every assignment of a lead to an owner, with the decision that made it — the
-- rule that decided and the trace of every candidate and step (store/model/lead_routing.hpp) — and why it was
-- made: at intake, after an owner let the SLA pass, or when the owner left. The holdings and signings of an
-- owner are counted from leads by owner and stage.

CREATE TABLE lead_assignments (
  id           {{id}},
  lead_id      BIGINT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  employee_id  BIGINT REFERENCES employees (id),
  team_id      BIGINT REFERENCES teams (id),
  rule         TEXT,
  reason       TEXT NOT NULL DEFAULT 'intake' CHECK (reason IN ('intake', 'sla', 'leaver', 'manual')),
  trace        {{json}} NOT NULL,
  assigned_at  {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_lead_assignments_lead ON lead_assignments (lead_id, assigned_at);
CREATE INDEX ix_lead_assignments_employee ON lead_assignments (employee_id, assigned_at);
CREATE INDEX ix_leads_owner_stage ON leads (owner_employee_id, stage);
