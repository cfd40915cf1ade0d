#include "finance/odoo_profile.hpp"

namespace hub::finance {
namespace {

// Customer invoices and credit notes; vendor bills and journal entries are not the hub's business.
constexpr std::string_view kCustomerMoves = "m.move_type IN ('out_invoice', 'out_refund')";

// A line changes when its move does (a cancel or a payment writes only account_move): the later of the two.
constexpr std::string_view kLineWriteDate =
    "CASE WHEN m.write_date > l.write_date THEN m.write_date ELSE l.write_date END AS write_date";

std::string CompanyFilter(std::string_view column, std::optional<std::int64_t> company_id) {
  if (!company_id) return "";
  return " AND " + std::string(column) + " = " + std::to_string(*company_id);
}

std::vector<StreamSpec> Odoo17(std::optional<std::int64_t> company_id) {
  const std::string moves = std::string(kCustomerMoves) + CompanyFilter("m.company_id", company_id);
  const std::string line_write_date(kLineWriteDate);
  std::string partners_company;
  if (company_id)
    partners_company = " AND (p.company_id IS NULL OR p.company_id = " + std::to_string(*company_id) + ")";
  return {
      {"partners",
       "party",
       "res_partner",
       "SELECT p.id, p.write_date, p.name, CASE WHEN p.is_company THEN 'organization' ELSE 'person' END AS kind, "
       "p.vat, p.company_registry, p.ref, p.email, p.phone, p.mobile, p.street, p.street2, p.city, p.zip, "
       "c.code AS country_code, p.active "
       "FROM res_partner p LEFT JOIN res_country c ON c.id = p.country_id WHERE p.parent_id IS NULL" +
           partners_company,
       {"name"}},
      {"invoices",
       "invoice",
       "account_move",
       "SELECT m.id, m.write_date, m.name, m.move_type, m.state, m.payment_state, "
       "m.commercial_partner_id AS partner_id, cur.name AS currency, m.amount_untaxed, m.amount_tax, "
       "m.amount_total, m.amount_residual, COALESCE(m.invoice_date, m.date) AS invoice_date, m.invoice_date_due, "
       "m.invoice_origin, m.reversed_entry_id, m.ref "
       "FROM account_move m JOIN res_currency cur ON cur.id = m.currency_id WHERE " +
           moves,
       {"name", "partner_id", "currency", "invoice_date"}},
      {"invoice_lines",
       "invoice_line",
       "account_move_line",
       "SELECT l.id, " + line_write_date +
           ", l.move_id, l.sequence, pp.default_code AS product_code, l.name, l.quantity, l.price_unit, "
           "l.price_subtotal, l.price_total "
           "FROM account_move_line l JOIN account_move m ON m.id = l.move_id "
           "LEFT JOIN product_product pp ON pp.id = l.product_id WHERE l.display_type = 'product' AND " +
           moves,
       {"move_id"}},
      {"receivables",
       "receivable",
       "account_move_line",
       "SELECT l.id, " + line_write_date +
           ", l.move_id, m.commercial_partner_id AS partner_id, l.date_maturity, cur.name AS currency, "
           "l.balance AS amount, l.amount_residual, "
           "CASE WHEN m.state = 'cancel' THEN 'cancelled' WHEN l.amount_residual = 0 THEN 'paid' ELSE 'open' END "
           "AS status "
           "FROM account_move_line l JOIN account_move m ON m.id = l.move_id "
           "JOIN account_account a ON a.id = l.account_id JOIN res_currency cur ON cur.id = l.currency_id "
           "WHERE a.account_type = 'asset_receivable' AND m.state <> 'draft' AND " +
           moves,
       {"move_id", "partner_id", "date_maturity", "currency"}},
      {"payments",
       "payment",
       "account_payment",
       "SELECT p.id, CASE WHEN m.write_date > p.write_date THEN m.write_date ELSE p.write_date END AS write_date, "
       "m.name, p.partner_id, m.state, cur.name AS currency, p.amount, m.date, m.ref "
       "FROM account_payment p JOIN account_move m ON m.id = p.move_id "
       "JOIN res_currency cur ON cur.id = p.currency_id "
       "WHERE p.partner_type = 'customer' AND p.payment_type = 'inbound' AND m.state <> 'draft'" +
           CompanyFilter("m.company_id", company_id),
       {"name", "partner_id", "currency", "date"}},
      {"credit_limits",
       "credit_limit",
       "ir_property",
       "SELECT ip.id, ip.write_date, SUBSTR(ip.res_id, 13) AS partner_id, ip.value_float AS amount, "
       "ip.company_id, co.name AS company, cur.name AS currency "
       "FROM ir_property ip JOIN res_company co ON co.id = ip.company_id "
       "JOIN res_currency cur ON cur.id = co.currency_id "
       "WHERE ip.name = 'credit_limit' AND ip.res_id LIKE 'res.partner,%'" +
           CompanyFilter("ip.company_id", company_id),
       {"partner_id", "amount", "currency"}},
  };
}

}  // namespace

std::vector<std::string_view> ProfileNames() { return {"odoo17"}; }

std::optional<std::vector<StreamSpec>> ProfileStreams(std::string_view profile,
                                                      std::optional<std::int64_t> company_id) {
  if (profile == "odoo17") return Odoo17(company_id);
  return std::nullopt;
}

}  // namespace hub::finance
