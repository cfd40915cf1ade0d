-- The funnel's alerts (issue 12): each alert a funnel_alerts job raised, once per (kind, subject, period),
-- written in the same transaction as its outbox event funnel_alert.<kind>, so a rerun, a second hub or a run
-- after a crash never raises the same alert twice (store/model/funnel_alerts.hpp). subject is the lead's id as
-- text or the employee number; period what a repeat shares (the stay, the silent spell, the signing day or the
-- month of a person's alert); figures the alert's figures and the norm it broke, as the event carries them.
CREATE TABLE funnel_alerts (
  kind          TEXT NOT NULL,
  subject_type  TEXT NOT NULL CHECK (subject_type IN ('lead', 'employee')),
  subject       TEXT NOT NULL,
  period        TEXT NOT NULL,
  figures       {{json}} NOT NULL,
  job           TEXT NOT NULL,
  raised_at     {{timestamp}} NOT NULL DEFAULT {{now}},
  PRIMARY KEY (kind, subject_type, subject, period)
);
CREATE INDEX ix_funnel_alerts_raised ON funnel_alerts (raised_at);
-- The cooling period's question: was a lead of this party abandoned lately?
CREATE INDEX ix_leads_party_stage ON leads (party_id, stage, stage_entered_at);
