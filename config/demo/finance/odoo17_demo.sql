-- A small Odoo 17 finance database for the hub's demo and the finance connector's tests: the tables and
-- columns the finance connector's odoo17 profile reads (a subset of Odoo's), in SQL that SQLite and
-- PostgreSQL both run. scripts/run.sh loads it into var/finance_demo.db with the sqlite3 CLI.
--   8 customers (3 of them carry in `ref` their SAP customer number, as in the supply-chain demo's DEBMAS),
--   12 invoices: 10 customer invoices and 2 credit notes; 3 paid, 2 partly paid, 1 cancelled, 1 draft, 1
--   reversed by a credit note; their product, tax and receivable lines (one invoice in two instalments);
--   6 customer payments (one cancelled); credit limits of 4 customers (ir_property, as Odoo 17 keeps them).
-- Every statement ends with ';' at the end of a line.

CREATE TABLE res_currency (id INTEGER PRIMARY KEY, name VARCHAR(3) NOT NULL, active BOOLEAN NOT NULL);
CREATE TABLE res_country (id INTEGER PRIMARY KEY, code VARCHAR(2) NOT NULL, name VARCHAR(64) NOT NULL);
CREATE TABLE res_company (id INTEGER PRIMARY KEY, name VARCHAR(128) NOT NULL, currency_id INTEGER NOT NULL REFERENCES res_currency (id));
CREATE TABLE res_partner (
  id INTEGER PRIMARY KEY,
  name VARCHAR(256),
  is_company BOOLEAN NOT NULL,
  parent_id INTEGER REFERENCES res_partner (id),
  company_id INTEGER REFERENCES res_company (id),
  ref VARCHAR(64),
  vat VARCHAR(32),
  company_registry VARCHAR(64),
  email VARCHAR(128),
  phone VARCHAR(32),
  mobile VARCHAR(32),
  street VARCHAR(128),
  street2 VARCHAR(128),
  city VARCHAR(64),
  zip VARCHAR(16),
  country_id INTEGER REFERENCES res_country (id),
  active BOOLEAN NOT NULL,
  customer_rank INTEGER NOT NULL,
  create_date TIMESTAMP NOT NULL,
  write_date TIMESTAMP NOT NULL);
CREATE TABLE account_account (id INTEGER PRIMARY KEY, code VARCHAR(16) NOT NULL, name VARCHAR(128) NOT NULL, account_type VARCHAR(32) NOT NULL);
CREATE TABLE product_product (id INTEGER PRIMARY KEY, default_code VARCHAR(64));
CREATE TABLE account_move (
  id INTEGER PRIMARY KEY,
  name VARCHAR(64),
  move_type VARCHAR(16) NOT NULL,
  state VARCHAR(16) NOT NULL,
  payment_state VARCHAR(16),
  partner_id INTEGER REFERENCES res_partner (id),
  commercial_partner_id INTEGER REFERENCES res_partner (id),
  company_id INTEGER NOT NULL REFERENCES res_company (id),
  currency_id INTEGER NOT NULL REFERENCES res_currency (id),
  date DATE NOT NULL,
  invoice_date DATE,
  invoice_date_due DATE,
  invoice_origin VARCHAR(64),
  ref VARCHAR(64),
  reversed_entry_id INTEGER REFERENCES account_move (id),
  amount_untaxed NUMERIC(16, 2),
  amount_tax NUMERIC(16, 2),
  amount_total NUMERIC(16, 2),
  amount_residual NUMERIC(16, 2),
  create_date TIMESTAMP NOT NULL,
  write_date TIMESTAMP NOT NULL);
CREATE TABLE account_move_line (
  id INTEGER PRIMARY KEY,
  move_id INTEGER NOT NULL REFERENCES account_move (id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES account_account (id),
  partner_id INTEGER REFERENCES res_partner (id),
  product_id INTEGER REFERENCES product_product (id),
  display_type VARCHAR(16) NOT NULL,
  sequence INTEGER NOT NULL,
  name VARCHAR(256),
  quantity NUMERIC(16, 3),
  price_unit NUMERIC(16, 2),
  price_subtotal NUMERIC(16, 2),
  price_total NUMERIC(16, 2),
  balance NUMERIC(16, 2) NOT NULL,
  amount_residual NUMERIC(16, 2) NOT NULL,
  currency_id INTEGER NOT NULL REFERENCES res_currency (id),
  date_maturity DATE,
  reconciled BOOLEAN NOT NULL,
  create_date TIMESTAMP NOT NULL,
  write_date TIMESTAMP NOT NULL);
CREATE TABLE account_payment (
  id INTEGER PRIMARY KEY,
  move_id INTEGER NOT NULL REFERENCES account_move (id),
  partner_id INTEGER REFERENCES res_partner (id),
  partner_type VARCHAR(16) NOT NULL,
  payment_type VARCHAR(16) NOT NULL,
  amount NUMERIC(16, 2) NOT NULL,
  currency_id INTEGER NOT NULL REFERENCES res_currency (id),
  create_date TIMESTAMP NOT NULL,
  write_date TIMESTAMP NOT NULL);
CREATE TABLE ir_property (
  id INTEGER PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  res_id VARCHAR(64),
  company_id INTEGER REFERENCES res_company (id),
  type VARCHAR(16) NOT NULL,
  value_float DOUBLE PRECISION,
  create_date TIMESTAMP NOT NULL,
  write_date TIMESTAMP NOT NULL);
CREATE INDEX account_move_write_date ON account_move (write_date, id);
CREATE INDEX account_move_line_write_date ON account_move_line (write_date, id);
CREATE INDEX res_partner_write_date ON res_partner (write_date, id);

INSERT INTO res_currency (id, name, active) VALUES (1, 'CNY', TRUE), (2, 'EUR', TRUE);
INSERT INTO res_country (id, code, name) VALUES (1, 'CN', 'China'), (2, 'DE', 'Germany');
INSERT INTO res_company (id, name, currency_id) VALUES (1, 'Hub Demo Trading Co., Ltd.', 1);
INSERT INTO account_account (id, code, name, account_type) VALUES (1, '1122', 'Accounts receivable', 'asset_receivable'), (2, '6001', 'Product sales', 'income'), (3, '2221', 'VAT payable', 'liability_current'), (4, '1002', 'Bank', 'asset_cash');
INSERT INTO product_product (id, default_code) VALUES (1, 'SKU-100'), (2, 'SKU-200'), (3, 'SKU-300');
INSERT INTO res_partner (id, name, is_company, parent_id, company_id, ref, vat, company_registry, email, phone, mobile, street, street2, city, zip, country_id, active, customer_rank, create_date, write_date) VALUES
  (11, '上海宏达贸易有限公司', TRUE, NULL, NULL, '0000100001', 'CN91310000MA1K4ABC1X', '91310000MA1K4ABC1X', 'finance@hongda.example', '+86 21 5555 0101', NULL, 'No. 88 Century Avenue', NULL, 'Shanghai', '200120', 1, TRUE, 1, '2026-11-02 09:00:00', '2026-11-02 09:00:00'),
  (12, '深圳海蓝电子有限公司', TRUE, NULL, NULL, '0000100002', 'CN91440300MA5F7XYZ2K', '91440300MA5F7XYZ2K', 'ap@hailan.example', '+86 755 8888 0202', NULL, 'Keyuan Road 15', NULL, 'Shenzhen', '518057', 1, TRUE, 1, '2026-11-02 09:01:00', '2026-11-02 09:01:00'),
  (13, 'Berliner Maschinenbau GmbH', TRUE, NULL, NULL, '0000100003', 'DE811907980', 'HRB 12345', 'rechnung@bmb.example', '+49 30 1234 5678', NULL, 'Alexanderplatz 1', NULL, 'Berlin', '10178', 2, TRUE, 1, '2026-11-02 09:02:00', '2026-11-02 09:02:00'),
  (14, '北京华信科技有限公司', TRUE, NULL, NULL, NULL, 'CN91110108MA01ABCD3Q', '91110108MA01ABCD3Q', 'caiwu@huaxin.example', '+86 10 6666 0404', NULL, 'Zhongguancun Street 27', NULL, 'Beijing', '100080', 1, TRUE, 1, '2026-11-02 09:03:00', '2026-11-02 09:03:00'),
  (15, '杭州青山茶业有限公司', TRUE, NULL, NULL, NULL, 'CN91330100MA2H1EFG4W', '91330100MA2H1EFG4W', 'tea@qingshan.example', '+86 571 8777 0505', NULL, 'Longjing Road 9', NULL, 'Hangzhou', '310013', 1, TRUE, 1, '2026-11-02 09:04:00', '2026-11-02 09:04:00'),
  (16, '广州南方物流有限公司', TRUE, NULL, NULL, NULL, 'CN91440101MA59HIJK5E', '91440101MA59HIJK5E', 'billing@nanfang.example', '+86 20 3888 0606', NULL, 'Huangpu Avenue 300', NULL, 'Guangzhou', '510620', 1, TRUE, 1, '2026-11-02 09:05:00', '2026-11-02 09:05:00'),
  (17, '成都天府餐饮管理有限公司', TRUE, NULL, NULL, NULL, 'CN91510100MA6CLMNO6R', '91510100MA6CLMNO6R', 'cw@tianfu.example', '+86 28 8555 0707', NULL, 'Tianfu Avenue 1199', NULL, 'Chengdu', '610041', 1, TRUE, 1, '2026-11-02 09:06:00', '2026-11-02 09:06:00'),
  (18, 'Müller Feinkost KG', TRUE, NULL, NULL, NULL, 'DE129273398', 'HRA 4567', 'buchhaltung@mueller.example', '+49 89 9876 5432', NULL, 'Marienplatz 8', NULL, 'München', '80331', 2, TRUE, 1, '2026-11-02 09:07:00', '2026-11-02 09:07:00');
INSERT INTO account_move (id, name, move_type, state, payment_state, partner_id, commercial_partner_id, company_id, currency_id, date, invoice_date, invoice_date_due, invoice_origin, ref, reversed_entry_id, amount_untaxed, amount_tax, amount_total, amount_residual, create_date, write_date) VALUES
  (101, 'INV/2026/00001', 'out_invoice', 'posted', 'paid', 11, 11, 1, 1, '2026-11-03', '2026-11-03', '2026-12-03', 'SO/2026/0101', NULL, NULL, 1000.00, 130.00, 1130.00, 0.00, '2026-11-13 10:00:00', '2026-11-13 10:00:00'),
  (102, 'INV/2026/00002', 'out_invoice', 'posted', 'paid', 12, 12, 1, 1, '2026-11-04', '2026-11-04', '2026-12-04', 'SO/2026/0102', NULL, NULL, 1350.00, 175.50, 1525.50, 0.00, '2026-11-13 10:01:00', '2026-11-13 10:01:00'),
  (103, 'INV/2026/00003', 'out_invoice', 'posted', 'paid', 13, 13, 1, 1, '2026-11-05', '2026-11-05', '2026-12-05', 'SO/2026/0103', NULL, NULL, 1900.00, 247.00, 2147.00, 0.00, '2026-11-13 10:02:00', '2026-11-13 10:02:00'),
  (104, 'INV/2026/00004', 'out_invoice', 'posted', 'partial', 11, 11, 1, 1, '2026-11-06', '2026-11-06', '2026-12-06', 'SO/2026/0104', NULL, NULL, 1000.00, 130.00, 1130.00, 500.00, '2026-11-13 10:03:00', '2026-11-13 10:03:00'),
  (105, 'INV/2026/00005', 'out_invoice', 'posted', 'partial', 14, 14, 1, 1, '2026-11-07', '2026-11-07', '2026-12-07', 'SO/2026/0105', NULL, NULL, 2400.00, 312.00, 2712.00, 1712.00, '2026-11-14 10:04:00', '2026-11-14 10:04:00'),
  (106, 'INV/2026/00006', 'out_invoice', 'posted', 'not_paid', 15, 15, 1, 1, '2026-11-08', '2026-11-08', '2027-01-07', NULL, NULL, NULL, 1040.00, 135.20, 1175.20, 1175.20, '2026-11-14 10:05:00', '2026-11-14 10:05:00'),
  (107, 'INV/2026/00007', 'out_invoice', 'posted', 'not_paid', 16, 16, 1, 1, '2026-10-01', '2026-10-01', '2026-10-31', 'SO/2026/0098', NULL, NULL, 300.00, 39.00, 339.00, 339.00, '2026-11-14 10:06:00', '2026-11-14 10:06:00'),
  (108, 'INV/2026/00008', 'out_invoice', 'cancel', 'not_paid', 17, 17, 1, 1, '2026-11-09', '2026-11-09', '2026-12-09', NULL, NULL, NULL, 300.00, 39.00, 339.00, 0.00, '2026-11-14 10:07:00', '2026-11-14 10:07:00'),
  (109, '/', 'out_invoice', 'draft', 'not_paid', 18, 18, 1, 1, '2026-11-14', NULL, NULL, NULL, NULL, NULL, 480.00, 62.40, 542.40, 542.40, '2026-11-15 10:08:00', '2026-11-15 10:08:00'),
  (110, 'INV/2026/00009', 'out_invoice', 'posted', 'reversed', 12, 12, 1, 1, '2026-11-10', '2026-11-10', '2026-12-10', NULL, NULL, NULL, 400.00, 52.00, 452.00, 0.00, '2026-11-15 10:09:00', '2026-11-15 10:09:00'),
  (111, 'RINV/2026/00001', 'out_refund', 'posted', 'paid', 12, 12, 1, 1, '2026-11-11', '2026-11-11', '2026-11-11', NULL, NULL, 110, 400.00, 52.00, 452.00, 0.00, '2026-11-15 10:10:00', '2026-11-15 10:10:00'),
  (112, 'RINV/2026/00002', 'out_refund', 'posted', 'not_paid', 13, 13, 1, 1, '2026-11-12', '2026-11-12', '2026-11-12', NULL, NULL, NULL, 190.00, 24.70, 214.70, 214.70, '2026-11-15 10:11:00', '2026-11-15 10:11:00'),
  (301, 'PBNK1/2026/00001', 'entry', 'posted', NULL, 11, 11, 1, 1, '2026-11-20', NULL, NULL, NULL, 'bank transfer 1', NULL, NULL, NULL, 1130.00, 0, '2026-11-20 15:00:00', '2026-11-20 15:00:00'),
  (302, 'PBNK1/2026/00002', 'entry', 'posted', NULL, 12, 12, 1, 1, '2026-11-21', NULL, NULL, NULL, 'bank transfer 2', NULL, NULL, NULL, 1525.50, 0, '2026-11-21 15:00:00', '2026-11-21 15:00:00'),
  (303, 'PBNK1/2026/00003', 'entry', 'posted', NULL, 13, 13, 1, 1, '2026-11-22', NULL, NULL, NULL, 'bank transfer 3', NULL, NULL, NULL, 2147.00, 0, '2026-11-22 15:00:00', '2026-11-22 15:00:00'),
  (304, 'PBNK1/2026/00004', 'entry', 'posted', NULL, 11, 11, 1, 1, '2026-11-23', NULL, NULL, NULL, 'bank transfer 4', NULL, NULL, NULL, 630.00, 0, '2026-11-23 15:00:00', '2026-11-23 15:00:00'),
  (305, 'PBNK1/2026/00005', 'entry', 'posted', NULL, 14, 14, 1, 1, '2026-11-24', NULL, NULL, NULL, 'bank transfer 5', NULL, NULL, NULL, 1000.00, 0, '2026-11-24 15:00:00', '2026-11-24 15:00:00'),
  (306, 'PBNK1/2026/00006', 'entry', 'cancel', NULL, 16, 16, 1, 1, '2026-11-25', NULL, NULL, NULL, 'bank transfer 6', NULL, NULL, NULL, 339.00, 0, '2026-11-25 15:00:00', '2026-11-25 15:00:00');
INSERT INTO account_move_line (id, move_id, account_id, partner_id, product_id, display_type, sequence, name, quantity, price_unit, price_subtotal, price_total, balance, amount_residual, currency_id, date_maturity, reconciled, create_date, write_date) VALUES
  (1001, 101, 2, 11, 1, 'product', 10, 'SKU-100 x10', 10, 100.00, 1000.00, 1130.00, -1000.00, 0, 1, NULL, FALSE, '2026-11-13 10:00:00', '2026-11-13 10:00:00'),
  (1002, 101, 3, 11, NULL, 'tax', 11, 'VAT 13%', NULL, NULL, NULL, NULL, -130.00, 0, 1, NULL, FALSE, '2026-11-13 10:00:00', '2026-11-13 10:00:00'),
  (1003, 101, 1, 11, NULL, 'payment_term', 12, 'INV/2026/00001', NULL, NULL, NULL, NULL, 1130.00, 0.00, 1, '2026-12-03', TRUE, '2026-11-13 10:00:00', '2026-11-13 10:00:00'),
  (1004, 102, 2, 12, 2, 'product', 10, 'SKU-200 x5', 5, 240.00, 1200.00, 1356.00, -1200.00, 0, 1, NULL, FALSE, '2026-11-13 10:01:00', '2026-11-13 10:01:00'),
  (1005, 102, 2, 12, 3, 'product', 11, 'SKU-300 x2', 2, 75.00, 150.00, 169.50, -150.00, 0, 1, NULL, FALSE, '2026-11-13 10:01:00', '2026-11-13 10:01:00'),
  (1006, 102, 3, 12, NULL, 'tax', 12, 'VAT 13%', NULL, NULL, NULL, NULL, -175.50, 0, 1, NULL, FALSE, '2026-11-13 10:01:00', '2026-11-13 10:01:00'),
  (1007, 102, 1, 12, NULL, 'payment_term', 13, 'INV/2026/00002', NULL, NULL, NULL, NULL, 1525.50, 0.00, 1, '2026-12-04', TRUE, '2026-11-13 10:01:00', '2026-11-13 10:01:00'),
  (1008, 103, 2, 13, 1, 'product', 10, 'SKU-100 x20', 20, 95.00, 1900.00, 2147.00, -1900.00, 0, 1, NULL, FALSE, '2026-11-13 10:02:00', '2026-11-13 10:02:00'),
  (1009, 103, 3, 13, NULL, 'tax', 11, 'VAT 13%', NULL, NULL, NULL, NULL, -247.00, 0, 1, NULL, FALSE, '2026-11-13 10:02:00', '2026-11-13 10:02:00'),
  (1010, 103, 1, 13, NULL, 'payment_term', 12, 'INV/2026/00003', NULL, NULL, NULL, NULL, 2147.00, 0.00, 1, '2026-12-05', TRUE, '2026-11-13 10:02:00', '2026-11-13 10:02:00'),
  (1011, 104, 2, 11, 3, 'product', 10, 'SKU-300 x40', 40, 25.00, 1000.00, 1130.00, -1000.00, 0, 1, NULL, FALSE, '2026-11-13 10:03:00', '2026-11-13 10:03:00'),
  (1012, 104, 3, 11, NULL, 'tax', 11, 'VAT 13%', NULL, NULL, NULL, NULL, -130.00, 0, 1, NULL, FALSE, '2026-11-13 10:03:00', '2026-11-13 10:03:00'),
  (1013, 104, 1, 11, NULL, 'payment_term', 12, 'INV/2026/00004', NULL, NULL, NULL, NULL, 1130.00, 500.00, 1, '2026-12-06', FALSE, '2026-11-13 10:03:00', '2026-11-13 10:03:00'),
  (1014, 105, 2, 14, 2, 'product', 10, 'SKU-200 x10', 10, 240.00, 2400.00, 2712.00, -2400.00, 0, 1, NULL, FALSE, '2026-11-14 10:04:00', '2026-11-14 10:04:00'),
  (1015, 105, 3, 14, NULL, 'tax', 11, 'VAT 13%', NULL, NULL, NULL, NULL, -312.00, 0, 1, NULL, FALSE, '2026-11-14 10:04:00', '2026-11-14 10:04:00'),
  (1016, 105, 1, 14, NULL, 'payment_term', 12, 'INV/2026/00005', NULL, NULL, NULL, NULL, 2712.00, 1712.00, 1, '2026-12-07', FALSE, '2026-11-14 10:04:00', '2026-11-14 10:04:00'),
  (1017, 106, 2, 15, 1, 'product', 10, 'SKU-100 x8', 8, 100.00, 800.00, 904.00, -800.00, 0, 1, NULL, FALSE, '2026-11-14 10:05:00', '2026-11-14 10:05:00'),
  (1018, 106, 2, 15, 2, 'product', 11, 'SKU-200 x1', 1, 240.00, 240.00, 271.20, -240.00, 0, 1, NULL, FALSE, '2026-11-14 10:05:00', '2026-11-14 10:05:00'),
  (1019, 106, 3, 15, NULL, 'tax', 12, 'VAT 13%', NULL, NULL, NULL, NULL, -135.20, 0, 1, NULL, FALSE, '2026-11-14 10:05:00', '2026-11-14 10:05:00'),
  (1020, 106, 1, 15, NULL, 'payment_term', 13, 'instalment due 2026-12-08', NULL, NULL, NULL, NULL, 587.60, 587.60, 1, '2026-12-08', FALSE, '2026-11-14 10:05:00', '2026-11-14 10:05:00'),
  (1021, 106, 1, 15, NULL, 'payment_term', 14, 'instalment due 2027-01-07', NULL, NULL, NULL, NULL, 587.60, 587.60, 1, '2027-01-07', FALSE, '2026-11-14 10:05:00', '2026-11-14 10:05:00'),
  (1022, 107, 2, 16, 3, 'product', 10, 'SKU-300 x12', 12, 25.00, 300.00, 339.00, -300.00, 0, 1, NULL, FALSE, '2026-11-14 10:06:00', '2026-11-14 10:06:00'),
  (1023, 107, 3, 16, NULL, 'tax', 11, 'VAT 13%', NULL, NULL, NULL, NULL, -39.00, 0, 1, NULL, FALSE, '2026-11-14 10:06:00', '2026-11-14 10:06:00'),
  (1024, 107, 1, 16, NULL, 'payment_term', 12, 'INV/2026/00007', NULL, NULL, NULL, NULL, 339.00, 339.00, 1, '2026-10-31', FALSE, '2026-11-14 10:06:00', '2026-11-14 10:06:00'),
  (1025, 108, 2, 17, 1, 'product', 10, 'SKU-100 x3', 3, 100.00, 300.00, 339.00, -300.00, 0, 1, NULL, FALSE, '2026-11-14 10:07:00', '2026-11-14 10:07:00'),
  (1026, 108, 3, 17, NULL, 'tax', 11, 'VAT 13%', NULL, NULL, NULL, NULL, -39.00, 0, 1, NULL, FALSE, '2026-11-14 10:07:00', '2026-11-14 10:07:00'),
  (1027, 108, 1, 17, NULL, 'payment_term', 12, 'INV/2026/00008', NULL, NULL, NULL, NULL, 339.00, 0.00, 1, '2026-12-09', FALSE, '2026-11-14 10:07:00', '2026-11-14 10:07:00'),
  (1028, 109, 2, 18, 2, 'product', 10, 'SKU-200 x2', 2, 240.00, 480.00, 542.40, -480.00, 0, 1, NULL, FALSE, '2026-11-15 10:08:00', '2026-11-15 10:08:00'),
  (1029, 109, 3, 18, NULL, 'tax', 11, 'VAT 13%', NULL, NULL, NULL, NULL, -62.40, 0, 1, NULL, FALSE, '2026-11-15 10:08:00', '2026-11-15 10:08:00'),
  (1030, 109, 1, 18, NULL, 'payment_term', 12, '/', NULL, NULL, NULL, NULL, 542.40, 542.40, 1, '2026-11-14', FALSE, '2026-11-15 10:08:00', '2026-11-15 10:08:00'),
  (1031, 110, 2, 12, 1, 'product', 10, 'SKU-100 x4', 4, 100.00, 400.00, 452.00, -400.00, 0, 1, NULL, FALSE, '2026-11-15 10:09:00', '2026-11-15 10:09:00'),
  (1032, 110, 3, 12, NULL, 'tax', 11, 'VAT 13%', NULL, NULL, NULL, NULL, -52.00, 0, 1, NULL, FALSE, '2026-11-15 10:09:00', '2026-11-15 10:09:00'),
  (1033, 110, 1, 12, NULL, 'payment_term', 12, 'INV/2026/00009', NULL, NULL, NULL, NULL, 452.00, 0.00, 1, '2026-12-10', TRUE, '2026-11-15 10:09:00', '2026-11-15 10:09:00'),
  (1034, 111, 2, 12, 1, 'product', 10, 'SKU-100 x4', 4, 100.00, 400.00, 452.00, 400.00, 0, 1, NULL, FALSE, '2026-11-15 10:10:00', '2026-11-15 10:10:00'),
  (1035, 111, 3, 12, NULL, 'tax', 11, 'VAT 13%', NULL, NULL, NULL, NULL, 52.00, 0, 1, NULL, FALSE, '2026-11-15 10:10:00', '2026-11-15 10:10:00'),
  (1036, 111, 1, 12, NULL, 'payment_term', 12, 'RINV/2026/00001', NULL, NULL, NULL, NULL, -452.00, -0.00, 1, '2026-11-11', TRUE, '2026-11-15 10:10:00', '2026-11-15 10:10:00'),
  (1037, 112, 2, 13, 1, 'product', 10, 'SKU-100 x2', 2, 95.00, 190.00, 214.70, 190.00, 0, 1, NULL, FALSE, '2026-11-15 10:11:00', '2026-11-15 10:11:00'),
  (1038, 112, 3, 13, NULL, 'tax', 11, 'VAT 13%', NULL, NULL, NULL, NULL, 24.70, 0, 1, NULL, FALSE, '2026-11-15 10:11:00', '2026-11-15 10:11:00'),
  (1039, 112, 1, 13, NULL, 'payment_term', 12, 'RINV/2026/00002', NULL, NULL, NULL, NULL, -214.70, -214.70, 1, '2026-11-12', FALSE, '2026-11-15 10:11:00', '2026-11-15 10:11:00');
INSERT INTO account_payment (id, move_id, partner_id, partner_type, payment_type, amount, currency_id, create_date, write_date) VALUES
  (201, 301, 11, 'customer', 'inbound', 1130.00, 1, '2026-11-20 15:00:00', '2026-11-20 15:00:00'),
  (202, 302, 12, 'customer', 'inbound', 1525.50, 1, '2026-11-21 15:00:00', '2026-11-21 15:00:00'),
  (203, 303, 13, 'customer', 'inbound', 2147.00, 1, '2026-11-22 15:00:00', '2026-11-22 15:00:00'),
  (204, 304, 11, 'customer', 'inbound', 630.00, 1, '2026-11-23 15:00:00', '2026-11-23 15:00:00'),
  (205, 305, 14, 'customer', 'inbound', 1000.00, 1, '2026-11-24 15:00:00', '2026-11-24 15:00:00'),
  (206, 306, 16, 'customer', 'inbound', 339.00, 1, '2026-11-25 15:00:00', '2026-11-25 15:00:00');
INSERT INTO ir_property (id, name, res_id, company_id, type, value_float, create_date, write_date) VALUES
  (401, 'credit_limit', 'res.partner,11', 1, 'float', 50000.0, '2026-11-01 08:00:00', '2026-11-01 08:00:00'),
  (402, 'credit_limit', 'res.partner,12', 1, 'float', 30000.0, '2026-11-01 08:00:00', '2026-11-01 08:01:00'),
  (403, 'credit_limit', 'res.partner,13', 1, 'float', 80000.0, '2026-11-01 08:00:00', '2026-11-01 08:02:00'),
  (404, 'credit_limit', 'res.partner,14', 1, 'float', 2000.0, '2026-11-01 08:00:00', '2026-11-01 08:03:00');
