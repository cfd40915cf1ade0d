-- What the department connectors bring (finance, supply chain, HR): an invoice's payment state, residual and
-- the invoice a credit note reverses; invoice lines, receivables (one per due date) and credit limits; an
-- order's partners by role and the customer's own reference; a delivery's ship-to, weights and incoterms; a
-- delivery line's product; an employee's capacity and the date of its status; and, on a party's source link,
-- the record of another system it is the same customer as (party.same_as_source_id). Columns are added
-- nullable, so existing rows and the status CHECKs stay as they are; raw source states have columns of their own.

ALTER TABLE invoices ADD COLUMN payment_state TEXT
  CHECK (payment_state IN ('not_paid', 'partial', 'in_payment', 'paid', 'reversed'));
ALTER TABLE invoices ADD COLUMN amount_residual {{money}};
ALTER TABLE invoices ADD COLUMN original_invoice_id BIGINT REFERENCES invoices (id);
ALTER TABLE invoices ADD COLUMN order_reference TEXT;
ALTER TABLE invoices ADD COLUMN source_state TEXT;
CREATE INDEX ix_invoices_original ON invoices (original_invoice_id);

CREATE TABLE invoice_lines (
  id           {{id}},
  invoice_id   BIGINT NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
  line_no      INTEGER NOT NULL,
  product_id   BIGINT REFERENCES products (id),
  sku          TEXT,
  description  TEXT,
  quantity     {{decimal}} NOT NULL,
  unit         TEXT,
  unit_price   {{money}},
  tax_rate     {{decimal}},
  amount       {{money}} NOT NULL
);
CREATE INDEX ix_invoice_lines_invoice ON invoice_lines (invoice_id, line_no);
CREATE INDEX ix_invoice_lines_product ON invoice_lines (product_id);

CREATE TABLE receivables (
  id               {{id}},
  party_id         BIGINT NOT NULL REFERENCES parties (id),
  invoice_id       BIGINT REFERENCES invoices (id),
  due_on           {{date}},
  currency         TEXT NOT NULL,
  amount           {{money}} NOT NULL,
  amount_residual  {{money}},
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'cancelled')),
  created_at       {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at       {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_receivables_party ON receivables (party_id, due_on);
CREATE INDEX ix_receivables_invoice ON receivables (invoice_id);

CREATE TABLE credit_limits (
  id          {{id}},
  party_id    BIGINT NOT NULL REFERENCES parties (id),
  currency    TEXT NOT NULL,
  amount      {{money}} NOT NULL,
  company     TEXT,
  blocked     {{bool}} NOT NULL DEFAULT {{false}},
  valid_from  {{date}},
  created_at  {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at  {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_credit_limits_party ON credit_limits (party_id);

ALTER TABLE orders ADD COLUMN customer_reference TEXT;
ALTER TABLE orders ADD COLUMN requested_on {{date}};

CREATE TABLE order_partners (
  id               {{id}},
  order_id         BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  role             TEXT NOT NULL
                   CHECK (role IN ('sold_to', 'ship_to', 'bill_to', 'payer', 'supplier', 'other')),
  partner_number   TEXT,
  party_id         BIGINT REFERENCES parties (id),
  party_source_id  TEXT,
  name             TEXT,
  address_line     TEXT,
  city             TEXT,
  postal_code      TEXT,
  country          TEXT
);
CREATE INDEX ix_order_partners_order ON order_partners (order_id, role);
CREATE INDEX ix_order_partners_party ON order_partners (party_id);
-- A partner whose party is not stored yet: its id is filled when the party arrives (text_references.cpp).
CREATE INDEX ix_order_partners_unresolved ON order_partners (party_source_id) WHERE party_id IS NULL;

ALTER TABLE deliveries ADD COLUMN party_id BIGINT REFERENCES parties (id);
ALTER TABLE deliveries ADD COLUMN party_source_id TEXT;
ALTER TABLE deliveries ADD COLUMN gross_weight {{decimal}};
ALTER TABLE deliveries ADD COLUMN net_weight {{decimal}};
ALTER TABLE deliveries ADD COLUMN weight_unit TEXT;
ALTER TABLE deliveries ADD COLUMN incoterms TEXT;
ALTER TABLE deliveries ADD COLUMN order_reference TEXT;
CREATE INDEX ix_deliveries_party ON deliveries (party_id);
CREATE INDEX ix_deliveries_unresolved ON deliveries (party_source_id) WHERE party_id IS NULL;

ALTER TABLE delivery_lines ADD COLUMN line_no INTEGER;
ALTER TABLE delivery_lines ADD COLUMN product_id BIGINT REFERENCES products (id);
ALTER TABLE delivery_lines ADD COLUMN sku TEXT;
ALTER TABLE delivery_lines ADD COLUMN unit TEXT;
ALTER TABLE delivery_lines ADD COLUMN description TEXT;

ALTER TABLE employees ADD COLUMN capacity BIGINT;
ALTER TABLE employees ADD COLUMN status_since {{date}};

ALTER TABLE source_links ADD COLUMN same_as_system TEXT;
ALTER TABLE source_links ADD COLUMN same_as_source_id TEXT;
CREATE INDEX ix_source_links_same_as ON source_links (same_as_system, same_as_source_id)
  WHERE same_as_source_id IS NOT NULL;
