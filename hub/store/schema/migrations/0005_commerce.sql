-- Buying and paying: products, quotes, contracts, orders and their lines, deliveries, invoices, payment
-- plans and payments. Amounts are exact decimals with an ISO 4217 currency beside them.

CREATE TABLE products (
  id          {{id}},
  sku         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  name_latin  TEXT,
  category    TEXT,
  unit        TEXT,
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'discontinued')),
  created_at  {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at  {{timestamp}} NOT NULL DEFAULT {{now}}
);

CREATE TABLE quotes (
  id                 {{id}},
  quote_number       TEXT NOT NULL,
  party_id           BIGINT NOT NULL REFERENCES parties (id),
  opportunity_id     BIGINT REFERENCES opportunities (id),
  contact_id         BIGINT REFERENCES contacts (id),
  owner_employee_id  BIGINT REFERENCES employees (id),
  status             TEXT NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'expired')),
  currency           TEXT NOT NULL,
  total_amount       {{money}} NOT NULL,
  issued_on          {{date}},
  valid_until        {{date}},
  created_at         {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at         {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_quotes_number ON quotes (quote_number);
CREATE INDEX ix_quotes_party ON quotes (party_id);
CREATE INDEX ix_quotes_opportunity ON quotes (opportunity_id);

CREATE TABLE quote_lines (
  id           {{id}},
  quote_id     BIGINT NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  line_no      INTEGER NOT NULL,
  product_id   BIGINT REFERENCES products (id),
  sku          TEXT,
  description  TEXT,
  quantity     {{decimal}} NOT NULL,
  unit         TEXT,
  unit_price   {{money}} NOT NULL,
  amount       {{money}} NOT NULL,
  UNIQUE (quote_id, line_no)
);
CREATE INDEX ix_quote_lines_product ON quote_lines (product_id);

CREATE TABLE contracts (
  id                 {{id}},
  contract_number    TEXT NOT NULL,
  party_id           BIGINT NOT NULL REFERENCES parties (id),
  opportunity_id     BIGINT REFERENCES opportunities (id),
  quote_id           BIGINT REFERENCES quotes (id),
  owner_employee_id  BIGINT REFERENCES employees (id),
  status             TEXT NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'signed', 'active', 'expired', 'terminated')),
  currency           TEXT NOT NULL,
  total_amount       {{money}} NOT NULL,
  signed_on          {{date}},
  starts_on          {{date}},
  ends_on            {{date}},
  created_at         {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at         {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_contracts_number ON contracts (contract_number);
CREATE INDEX ix_contracts_party ON contracts (party_id);

CREATE TABLE orders (
  id                 {{id}},
  order_number       TEXT NOT NULL,
  party_id           BIGINT NOT NULL REFERENCES parties (id),
  contract_id        BIGINT REFERENCES contracts (id),
  quote_id           BIGINT REFERENCES quotes (id),
  owner_employee_id  BIGINT REFERENCES employees (id),
  status             TEXT NOT NULL DEFAULT 'open'
                     CHECK (status IN ('open', 'confirmed', 'shipped', 'delivered', 'closed', 'cancelled')),
  currency           TEXT NOT NULL,
  total_amount       {{money}} NOT NULL,
  ordered_on         {{date}} NOT NULL,
  created_at         {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at         {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_orders_number ON orders (order_number);
CREATE INDEX ix_orders_party ON orders (party_id, ordered_on);
CREATE INDEX ix_orders_contract ON orders (contract_id);

CREATE TABLE order_lines (
  id           {{id}},
  order_id     BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no      INTEGER NOT NULL,
  product_id   BIGINT REFERENCES products (id),
  sku          TEXT,
  description  TEXT,
  quantity     {{decimal}} NOT NULL,
  unit         TEXT,
  unit_price   {{money}} NOT NULL,
  tax_rate     {{decimal}},
  amount       {{money}} NOT NULL,
  UNIQUE (order_id, line_no)
);
CREATE INDEX ix_order_lines_product ON order_lines (product_id);

CREATE TABLE deliveries (
  id               {{id}},
  delivery_number  TEXT NOT NULL,
  order_id         BIGINT NOT NULL REFERENCES orders (id),
  address_id       BIGINT REFERENCES addresses (id) ON DELETE SET NULL,
  status           TEXT NOT NULL DEFAULT 'planned'
                   CHECK (status IN ('planned', 'shipped', 'delivered', 'returned', 'cancelled')),
  carrier          TEXT,
  tracking_number  TEXT,
  shipped_at       {{timestamp}},
  delivered_at     {{timestamp}},
  created_at       {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at       {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_deliveries_number ON deliveries (delivery_number);
CREATE INDEX ix_deliveries_order ON deliveries (order_id);

CREATE TABLE delivery_lines (
  id             {{id}},
  delivery_id    BIGINT NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  order_line_id  BIGINT NOT NULL REFERENCES order_lines (id),
  quantity       {{decimal}} NOT NULL,
  UNIQUE (delivery_id, order_line_id)
);
CREATE INDEX ix_delivery_lines_order_line ON delivery_lines (order_line_id);

CREATE TABLE invoices (
  id              {{id}},
  invoice_number  TEXT NOT NULL,
  party_id        BIGINT NOT NULL REFERENCES parties (id),
  order_id        BIGINT REFERENCES orders (id),
  contract_id     BIGINT REFERENCES contracts (id),
  kind            TEXT NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'credit_note')),
  status          TEXT NOT NULL DEFAULT 'issued'
                  CHECK (status IN ('draft', 'issued', 'partially_paid', 'paid', 'cancelled')),
  currency        TEXT NOT NULL,
  net_amount      {{money}},
  tax_amount      {{money}},
  total_amount    {{money}} NOT NULL,
  issued_on       {{date}} NOT NULL,
  due_on          {{date}},
  created_at      {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at      {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_invoices_number ON invoices (invoice_number);
CREATE INDEX ix_invoices_party ON invoices (party_id, status);
CREATE INDEX ix_invoices_order ON invoices (order_id);

CREATE TABLE payment_plans (
  id              {{id}},
  party_id        BIGINT NOT NULL REFERENCES parties (id),
  contract_id     BIGINT REFERENCES contracts (id),
  order_id        BIGINT REFERENCES orders (id),
  invoice_id      BIGINT REFERENCES invoices (id),
  installment_no  INTEGER NOT NULL,
  due_on          {{date}} NOT NULL,
  currency        TEXT NOT NULL,
  amount          {{money}} NOT NULL,
  status          TEXT NOT NULL DEFAULT 'planned'
                  CHECK (status IN ('planned', 'invoiced', 'paid', 'overdue', 'cancelled')),
  created_at      {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at      {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_payment_plans_party ON payment_plans (party_id, due_on);
CREATE INDEX ix_payment_plans_contract ON payment_plans (contract_id);
CREATE INDEX ix_payment_plans_order ON payment_plans (order_id);

CREATE TABLE payments (
  id               {{id}},
  reference        TEXT NOT NULL,
  party_id         BIGINT NOT NULL REFERENCES parties (id),
  invoice_id       BIGINT REFERENCES invoices (id),
  payment_plan_id  BIGINT REFERENCES payment_plans (id),
  method           TEXT,
  status           TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'reversed')),
  currency         TEXT NOT NULL,
  amount           {{money}} NOT NULL,
  received_on      {{date}} NOT NULL,
  created_at       {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at       {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_payments_reference ON payments (reference);
CREATE INDEX ix_payments_party ON payments (party_id, received_on);
CREATE INDEX ix_payments_invoice ON payments (invoice_id);
