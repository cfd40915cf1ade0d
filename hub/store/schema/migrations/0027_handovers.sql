-- Staff changes (issue 12, item 8): the last day of an employee's leave as HR reports it (none: open-ended, a long
-- leave), and every item an employee who left or went on a long leave handed over — an open lead, an open
-- opportunity or a customer — with whom it went to and by which rule (store/model/leaver_handover.hpp).

ALTER TABLE employees ADD COLUMN leave_until {{date}};

CREATE TABLE handovers (
  id                {{id}},
  from_employee_id  BIGINT NOT NULL REFERENCES employees (id),
  to_employee_id    BIGINT REFERENCES employees (id),
  entity            TEXT NOT NULL CHECK (entity IN ('lead', 'opportunity', 'party')),
  record_id         BIGINT NOT NULL,
  rule              TEXT,
  reason            TEXT NOT NULL,
  trace             {{json}} NOT NULL,
  cause             TEXT NOT NULL CHECK (cause IN ('left', 'long_leave')),
  handed_at         {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_handovers_from ON handovers (from_employee_id, handed_at);
CREATE INDEX ix_handovers_to ON handovers (to_employee_id, handed_at);
CREATE INDEX ix_handovers_record ON handovers (entity, record_id);
