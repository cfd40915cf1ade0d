-- The acceptance SLA of a routed lead (issue 12, item 5): when its owner accepted the assignment (POST
-- /api/v1/leads/{id}/accept, `accepted_by` the API principal). A lead_sla job routes a lead whose latest
-- assignment stays unaccepted past <leads><routing sla_hours> — and whose stage is still resource or graded: an
-- owner who moved it on has acted on it — to the next candidate (an assignment with reason 'sla').

ALTER TABLE lead_assignments ADD COLUMN accepted_at {{timestamp}};
ALTER TABLE lead_assignments ADD COLUMN accepted_by TEXT;
-- When a lead_sla job found that the assignment's SLA had passed and claimed it (then routed the lead again):
-- set once, so that an accept racing the job and a second run never handle one assignment twice.
ALTER TABLE lead_assignments ADD COLUMN sla_missed_at {{timestamp}};
