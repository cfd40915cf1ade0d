-- Customer care: the greetings the customer-care jobs appended (birthdays, holidays), and the last day each
-- job has done (store/model/care_greetings.hpp).
--
-- customer_care_sent: one row per (occasion, person, year), written in the same transaction as the greeting's
-- outbox event, so a rerun of the day, a second hub or a run after a crash never greets a person twice for one
-- occasion in one year. occasion is "birthday" or "holiday:<name>"; occasion_date the day greeted.
CREATE TABLE customer_care_sent (
  occasion       TEXT NOT NULL,
  party_id       BIGINT NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  year           INTEGER NOT NULL,
  occasion_date  {{date}} NOT NULL,
  job            TEXT NOT NULL,
  created_at     {{timestamp}} NOT NULL DEFAULT {{now}},
  PRIMARY KEY (occasion, party_id, year)
);
CREATE INDEX ix_customer_care_sent_party ON customer_care_sent (party_id);

-- The last local day (in the job's time zone) whose greetings a customer-care job appended in full: a run
-- after downtime catches up the days after it (at most a week). One row per job, made on its first run.
CREATE TABLE customer_care_days (
  job         TEXT PRIMARY KEY,
  day_done    {{date}} NOT NULL,
  updated_at  {{timestamp}} NOT NULL DEFAULT {{now}}
);
