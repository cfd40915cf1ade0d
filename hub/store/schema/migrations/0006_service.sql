-- After-sales service: requests (tickets) raised by customers through any channel.

CREATE TABLE service_requests (
  id                    {{id}},
  ticket_number         TEXT NOT NULL,
  party_id              BIGINT NOT NULL REFERENCES parties (id),
  contact_id            BIGINT REFERENCES contacts (id),
  order_id              BIGINT REFERENCES orders (id),
  product_id            BIGINT REFERENCES products (id),
  channel               TEXT,
  category              TEXT,
  priority              TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  status                TEXT NOT NULL DEFAULT 'open'
                        CHECK (status IN ('open', 'in_progress', 'waiting', 'resolved', 'closed')),
  subject               TEXT NOT NULL,
  description           TEXT,
  assignee_employee_id  BIGINT REFERENCES employees (id),
  team_id               BIGINT REFERENCES teams (id),
  satisfaction          INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  opened_at             {{timestamp}} NOT NULL,
  first_response_at     {{timestamp}},
  resolved_at           {{timestamp}},
  closed_at             {{timestamp}},
  created_at            {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at            {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_service_requests_number ON service_requests (ticket_number);
CREATE INDEX ix_service_requests_party ON service_requests (party_id, opened_at);
CREATE INDEX ix_service_requests_open ON service_requests (status, priority);
CREATE INDEX ix_service_requests_assignee ON service_requests (assignee_employee_id, status);
