// Buying and paying: products, quotes, contracts, orders (with their lines and partners), deliveries, invoices
// (with their lines), receivables, payment plans, payments and credit limits. Every amount is an exact decimal
// with an ISO 4217 currency.
#include "model/catalog_groups.hpp"

namespace hub::model::internal {
namespace {

using enum FieldType;

// Field(name, type, required, storage, description[, allowed values[, reference]])[.Default…]
constexpr FieldSpec kProduct[] = {
    Field("sku", kString, kRequired, Column("products", "sku"), "Stock-keeping unit: the product's code."),
    Field("name", kString, kRequired, Column("products", "name"), "Name in its own script."),
    Field("name_latin", kString, kOptional, Column("products", "name_latin"), "Name in Latin script."),
    Field("category", kString, kOptional, Column("products", "category"), "Product category or line."),
    Field("unit", kString, kOptional, Column("products", "unit"), "Unit of measure, e.g. pcs, kg, 台."),
    Field("status", kString, kOptional, Column("products", "status"), "Whether it is still sold (default active).",
          "active|discontinued")
        .Default("active"),
};

constexpr FieldSpec kQuote[] = {
    Field("quote_number", kString, kRequired, Column("quotes", "quote_number"), "The quote's number in its source."),
    Field("party_source_id", kString, kRequired, Column("quotes", "party_id"), "The customer.", "", "party.source_id"),
    Field("opportunity_source_id", kString, kOptional, Column("quotes", "opportunity_id"), "The opportunity.", "",
          "opportunity.source_id"),
    Field("contact_source_id", kString, kOptional, Column("quotes", "contact_id"), "The contact it was sent to.", "",
          "contact.source_id"),
    Field("owner_employee_number", kString, kOptional, Column("quotes", "owner_employee_id"), "Who made it.", "",
          "employee.employee_number"),
    Field("status", kString, kOptional, Column("quotes", "status"), "Status (default draft).",
          "draft|sent|accepted|rejected|expired")
        .Default("draft"),
    Field("currency", kString, kRequired, Column("quotes", "currency"), "ISO 4217 currency."),
    Field("total_amount", kDecimal, kRequired, Column("quotes", "total_amount"), "Total."),
    Field("issued_on", kDate, kOptional, Column("quotes", "issued_on"), "Date issued."),
    Field("valid_until", kDate, kOptional, Column("quotes", "valid_until"), "Last day the offer holds."),
};

constexpr FieldSpec kQuoteLine[] = {
    Field("quote_source_id", kString, kRequired, Column("quote_lines", "quote_id"), "The quote.", "",
          "quote.source_id"),
    Field("line_no", kInt64, kRequired, Column("quote_lines", "line_no"), "Line number within the quote."),
    Field("sku", kString, kOptional, TextAndId("quote_lines", "sku", "product_id"), "The product.", "", "product.sku"),
    Field("description", kString, kOptional, Column("quote_lines", "description"), "What is offered."),
    Field("quantity", kDecimal, kRequired, Column("quote_lines", "quantity"), "Quantity."),
    Field("unit", kString, kOptional, Column("quote_lines", "unit"), "Unit of measure."),
    Field("unit_price", kDecimal, kRequired, Column("quote_lines", "unit_price"),
          "Price per unit, in the quote's currency."),
    Field("amount", kDecimal, kRequired, Column("quote_lines", "amount"), "Line total, in the quote's currency."),
};

constexpr FieldSpec kContract[] = {
    Field("contract_number", kString, kRequired, Column("contracts", "contract_number"),
          "The contract's number in its source."),
    Field("party_source_id", kString, kRequired, Column("contracts", "party_id"), "The customer.", "",
          "party.source_id"),
    Field("opportunity_source_id", kString, kOptional, Column("contracts", "opportunity_id"), "The opportunity won.",
          "", "opportunity.source_id"),
    Field("quote_source_id", kString, kOptional, Column("contracts", "quote_id"), "The quote accepted.", "",
          "quote.source_id"),
    Field("owner_employee_number", kString, kOptional, Column("contracts", "owner_employee_id"), "Who signed for us.",
          "", "employee.employee_number"),
    Field("status", kString, kOptional, Column("contracts", "status"), "Status (default draft).",
          "draft|signed|active|expired|terminated")
        .Default("draft"),
    Field("currency", kString, kRequired, Column("contracts", "currency"), "ISO 4217 currency."),
    Field("total_amount", kDecimal, kRequired, Column("contracts", "total_amount"), "Contract value."),
    Field("signed_on", kDate, kOptional, Column("contracts", "signed_on"), "Date signed."),
    Field("starts_on", kDate, kOptional, Column("contracts", "starts_on"), "First day in force."),
    Field("ends_on", kDate, kOptional, Column("contracts", "ends_on"), "Last day in force."),
};

constexpr FieldSpec kOrder[] = {
    Field("order_number", kString, kRequired, Column("orders", "order_number"), "The order's number in its source."),
    Field("party_source_id", kString, kRequired, Column("orders", "party_id"), "The customer.", "", "party.source_id"),
    Field("contract_source_id", kString, kOptional, Column("orders", "contract_id"), "The contract.", "",
          "contract.source_id"),
    Field("quote_source_id", kString, kOptional, Column("orders", "quote_id"), "The quote.", "", "quote.source_id"),
    Field("owner_employee_number", kString, kOptional, Column("orders", "owner_employee_id"), "Our salesperson.", "",
          "employee.employee_number"),
    Field("status", kString, kOptional, Column("orders", "status"), "Status (default open).",
          "open|confirmed|shipped|delivered|closed|cancelled")
        .Default("open"),
    Field("currency", kString, kRequired, Column("orders", "currency"), "ISO 4217 currency."),
    Field("total_amount", kDecimal, kRequired, Column("orders", "total_amount"), "Order total."),
    Field("ordered_on", kDate, kRequired, Column("orders", "ordered_on"), "Order date."),
    Field("customer_reference", kString, kOptional, Column("orders", "customer_reference"),
          "The customer's own reference for the order, e.g. its purchase order number."),
    Field("requested_on", kDate, kOptional, Column("orders", "requested_on"),
          "The delivery date the customer asked for."),
};

constexpr FieldSpec kOrderLine[] = {
    Field("order_source_id", kString, kRequired, Column("order_lines", "order_id"), "The order.", "",
          "order.source_id"),
    Field("line_no", kInt64, kRequired, Column("order_lines", "line_no"), "Line number within the order."),
    Field("sku", kString, kOptional, TextAndId("order_lines", "sku", "product_id"), "The product.", "", "product.sku"),
    Field("description", kString, kOptional, Column("order_lines", "description"), "What is ordered."),
    Field("quantity", kDecimal, kRequired, Column("order_lines", "quantity"), "Quantity."),
    Field("unit", kString, kOptional, Column("order_lines", "unit"), "Unit of measure."),
    Field("unit_price", kDecimal, kRequired, Column("order_lines", "unit_price"),
          "Price per unit, in the order's currency."),
    Field("tax_rate", kDecimal, kOptional, Column("order_lines", "tax_rate"), "Tax rate as a fraction, e.g. 0.13."),
    Field("amount", kDecimal, kRequired, Column("order_lines", "amount"), "Line total, in the order's currency."),
};

constexpr FieldSpec kOrderPartner[] = {
    Field("order_source_id", kString, kRequired, Column("order_partners", "order_id"), "The order.", "",
          "order.source_id"),
    Field("role", kString, kRequired, Column("order_partners", "role"),
          "What the partner is to the order (SAP AG, WE, RE, RG, LF; EDIFACT NAD BY, DP, IV, SU).",
          "sold_to|ship_to|bill_to|payer|supplier|other"),
    Field("partner_number", kString, kOptional, Column("order_partners", "partner_number"),
          "The partner's number as the order gives it."),
    Field("party_source_id", kString, kOptional, TextAndId("order_partners", "party_source_id", "party_id"),
          "The party the partner is, by its source id; stored as text until that party arrives, then linked.", "",
          "party.source_id"),
    Field("name", kString, kOptional, Column("order_partners", "name"), "Name as the order gives it."),
    Field("address_line", kString, kOptional, Column("order_partners", "address_line"), "Street address."),
    Field("city", kString, kOptional, Column("order_partners", "city"), "City."),
    Field("postal_code", kString, kOptional, Column("order_partners", "postal_code"), "Postal code."),
    Field("country", kString, kOptional, Column("order_partners", "country"), "ISO 3166-1 alpha-2 country code."),
};

constexpr FieldSpec kDelivery[] = {
    Field("delivery_number", kString, kRequired, Column("deliveries", "delivery_number"),
          "The delivery note's number."),
    Field("order_source_id", kString, kRequired, Column("deliveries", "order_id"), "The order delivered.", "",
          "order.source_id"),
    Field("status", kString, kOptional, Column("deliveries", "status"), "Status (default planned).",
          "planned|shipped|delivered|returned|cancelled")
        .Default("planned"),
    Field("carrier", kString, kOptional, Column("deliveries", "carrier"), "Carrier, e.g. SF Express."),
    Field("tracking_number", kString, kOptional, Column("deliveries", "tracking_number"),
          "The carrier's tracking number."),
    Field("shipped_at", kTimestamp, kOptional, Column("deliveries", "shipped_at"), "When it left."),
    Field("delivered_at", kTimestamp, kOptional, Column("deliveries", "delivered_at"), "When it arrived."),
    Field("party_source_id", kString, kOptional, TextAndId("deliveries", "party_source_id", "party_id"),
          "The ship-to party, by its source id; stored as text until that party arrives, then linked.", "",
          "party.source_id"),
    Field("gross_weight", kDecimal, kOptional, Column("deliveries", "gross_weight"), "Gross weight."),
    Field("net_weight", kDecimal, kOptional, Column("deliveries", "net_weight"), "Net weight."),
    Field("weight_unit", kString, kOptional, Column("deliveries", "weight_unit"), "Unit of both weights, e.g. KGM."),
    Field("incoterms", kString, kOptional, Column("deliveries", "incoterms"),
          "Incoterms code and place, e.g. FCA Shenzhen."),
    Field("order_reference", kString, kOptional, Column("deliveries", "order_reference"),
          "The order's number as the delivery note gives it."),
};

constexpr FieldSpec kDeliveryLine[] = {
    Field("delivery_source_id", kString, kRequired, Column("delivery_lines", "delivery_id"), "The delivery.", "",
          "delivery.source_id"),
    Field("order_line_source_id", kString, kRequired, Column("delivery_lines", "order_line_id"),
          "The order line delivered.", "", "order_line.source_id"),
    Field("quantity", kDecimal, kRequired, Column("delivery_lines", "quantity"), "Quantity delivered."),
    Field("line_no", kInt64, kOptional, Column("delivery_lines", "line_no"), "Line number within the delivery."),
    Field("sku", kString, kOptional, TextAndId("delivery_lines", "sku", "product_id"), "The product.", "",
          "product.sku"),
    Field("unit", kString, kOptional, Column("delivery_lines", "unit"), "Unit of measure."),
    Field("description", kString, kOptional, Column("delivery_lines", "description"), "What was delivered."),
};

constexpr FieldSpec kInvoice[] = {
    Field("invoice_number", kString, kRequired, Column("invoices", "invoice_number"), "The invoice (发票) number."),
    Field("party_source_id", kString, kRequired, Column("invoices", "party_id"), "The customer billed.", "",
          "party.source_id"),
    Field("order_source_id", kString, kOptional, Column("invoices", "order_id"), "The order billed.", "",
          "order.source_id"),
    Field("contract_source_id", kString, kOptional, Column("invoices", "contract_id"), "The contract billed.", "",
          "contract.source_id"),
    Field("kind", kString, kOptional, Column("invoices", "kind"), "Invoice or credit note (default invoice).",
          "invoice|credit_note")
        .Default("invoice"),
    Field("status", kString, kOptional, Column("invoices", "status"), "Status (default issued).",
          "draft|issued|partially_paid|paid|cancelled")
        .Default("issued"),
    Field("currency", kString, kRequired, Column("invoices", "currency"), "ISO 4217 currency."),
    Field("net_amount", kDecimal, kOptional, Column("invoices", "net_amount"), "Amount before tax."),
    Field("tax_amount", kDecimal, kOptional, Column("invoices", "tax_amount"), "Tax."),
    Field("total_amount", kDecimal, kRequired, Column("invoices", "total_amount"), "Amount due, tax included."),
    Field("issued_on", kDate, kRequired, Column("invoices", "issued_on"), "Date issued."),
    Field("due_on", kDate, kOptional, Column("invoices", "due_on"), "Payment due date."),
    Field("payment_state", kString, kOptional, Column("invoices", "payment_state"),
          "How far it is paid, as the finance system says.", "not_paid|partial|in_payment|paid|reversed"),
    Field("amount_residual", kDecimal, kOptional, Column("invoices", "amount_residual"),
          "What is still to be paid (for a credit note: still to be refunded or offset)."),
    Field("original_invoice_source_id", kString, kOptional, Column("invoices", "original_invoice_id"),
          "For a credit note: the invoice it reverses.", "", "invoice.source_id"),
    Field("order_reference", kString, kOptional, Column("invoices", "order_reference"),
          "The order's number as the invoice gives it."),
    Field("source_state", kString, kOptional, Column("invoices", "source_state"),
          "The state as the source wrote it (e.g. out_invoice:posted), for audit."),
};

constexpr FieldSpec kInvoiceLine[] = {
    Field("invoice_source_id", kString, kRequired, Column("invoice_lines", "invoice_id"), "The invoice.", "",
          "invoice.source_id"),
    Field("line_no", kInt64, kRequired, Column("invoice_lines", "line_no"), "Line number within the invoice."),
    Field("sku", kString, kOptional, TextAndId("invoice_lines", "sku", "product_id"), "The product.", "",
          "product.sku"),
    Field("description", kString, kOptional, Column("invoice_lines", "description"), "What is billed."),
    Field("quantity", kDecimal, kRequired, Column("invoice_lines", "quantity"), "Quantity."),
    Field("unit", kString, kOptional, Column("invoice_lines", "unit"), "Unit of measure."),
    Field("unit_price", kDecimal, kOptional, Column("invoice_lines", "unit_price"),
          "Price per unit, in the invoice's currency."),
    Field("tax_rate", kDecimal, kOptional, Column("invoice_lines", "tax_rate"), "Tax rate as a fraction, e.g. 0.13."),
    Field("amount", kDecimal, kRequired, Column("invoice_lines", "amount"),
          "Line total before tax, in the invoice's currency."),
};

constexpr FieldSpec kReceivable[] = {
    Field("party_source_id", kString, kRequired, Column("receivables", "party_id"), "The customer who owes it.", "",
          "party.source_id"),
    Field("invoice_source_id", kString, kOptional, Column("receivables", "invoice_id"), "The invoice it is due for.",
          "", "invoice.source_id"),
    Field("due_on", kDate, kOptional, Column("receivables", "due_on"), "Due date."),
    Field("currency", kString, kRequired, Column("receivables", "currency"), "ISO 4217 currency."),
    Field("amount", kDecimal, kRequired, Column("receivables", "amount"),
          "Amount due on that date (negative for a credit)."),
    Field("amount_residual", kDecimal, kOptional, Column("receivables", "amount_residual"),
          "What is still open of it."),
    Field("status", kString, kOptional, Column("receivables", "status"), "Status (default open).",
          "open|paid|cancelled")
        .Default("open"),
};

constexpr FieldSpec kPaymentPlan[] = {
    Field("party_source_id", kString, kRequired, Column("payment_plans", "party_id"), "The customer who pays.", "",
          "party.source_id"),
    Field("contract_source_id", kString, kOptional, Column("payment_plans", "contract_id"), "The contract.", "",
          "contract.source_id"),
    Field("order_source_id", kString, kOptional, Column("payment_plans", "order_id"), "The order.", "",
          "order.source_id"),
    Field("invoice_source_id", kString, kOptional, Column("payment_plans", "invoice_id"), "The invoice raised for it.",
          "", "invoice.source_id"),
    Field("installment_no", kInt64, kRequired, Column("payment_plans", "installment_no"),
          "Installment number, from 1."),
    Field("due_on", kDate, kRequired, Column("payment_plans", "due_on"), "Due date."),
    Field("currency", kString, kRequired, Column("payment_plans", "currency"), "ISO 4217 currency."),
    Field("amount", kDecimal, kRequired, Column("payment_plans", "amount"), "Amount due."),
    Field("status", kString, kOptional, Column("payment_plans", "status"), "Status (default planned).",
          "planned|invoiced|paid|overdue|cancelled")
        .Default("planned"),
};

constexpr FieldSpec kPayment[] = {
    Field("reference", kString, kRequired, Column("payments", "reference"),
          "The payment's reference, e.g. bank transaction id."),
    Field("party_source_id", kString, kRequired, Column("payments", "party_id"), "The customer who paid.", "",
          "party.source_id"),
    Field("invoice_source_id", kString, kOptional, Column("payments", "invoice_id"), "The invoice paid.", "",
          "invoice.source_id"),
    Field("payment_plan_source_id", kString, kOptional, Column("payments", "payment_plan_id"), "The installment paid.",
          "", "payment_plan.source_id"),
    Field("method", kString, kOptional, Column("payments", "method"), "How it was paid.",
          "bank_transfer|cash|card|alipay|wechat_pay|cheque|acceptance_bill|other"),
    Field("status", kString, kOptional, Column("payments", "status"), "Status (default received).", "received|reversed")
        .Default("received"),
    Field("currency", kString, kRequired, Column("payments", "currency"), "ISO 4217 currency."),
    Field("amount", kDecimal, kRequired, Column("payments", "amount"), "Amount received."),
    Field("received_on", kDate, kRequired, Column("payments", "received_on"), "Value date."),
};

constexpr FieldSpec kCreditLimit[] = {
    Field("party_source_id", kString, kRequired, Column("credit_limits", "party_id"), "The customer.", "",
          "party.source_id"),
    Field("currency", kString, kRequired, Column("credit_limits", "currency"), "ISO 4217 currency."),
    Field("amount", kDecimal, kRequired, Column("credit_limits", "amount"), "The most the customer may owe."),
    Field("company", kString, kOptional, Column("credit_limits", "company"),
          "Our company the limit holds for, when there are several."),
    Field("blocked", kBool, kOptional, Column("credit_limits", "blocked"),
          "No new orders or deliveries on credit (default false).")
        .Default("false"),
    Field("valid_from", kDate, kOptional, Column("credit_limits", "valid_from"), "First day it holds."),
};

constexpr EntitySpec kEntities[] = {
    {"product", "products", "Something we sell.", kProduct, "sku", kHasUpdatedAt},
    {"quote", "quotes", "An offer made to a customer.", kQuote, kNoNaturalKey, kHasUpdatedAt},
    {"quote_line", "quote_lines", "One line of a quote.", kQuoteLine, kNoNaturalKey, kNoUpdatedAt},
    {"contract", "contracts", "A signed agreement with a customer.", kContract, kNoNaturalKey, kHasUpdatedAt},
    {"order", "orders", "A customer's order.", kOrder, kNoNaturalKey, kHasUpdatedAt},
    {"order_line", "order_lines", "One line of an order.", kOrderLine, kNoNaturalKey, kNoUpdatedAt},
    {"order_partner", "order_partners", "A partner of an order by role: sold-to, ship-to, bill-to, payer, supplier.",
     kOrderPartner, kNoNaturalKey, kNoUpdatedAt},
    {"delivery", "deliveries", "A shipment of (part of) an order.", kDelivery, kNoNaturalKey, kHasUpdatedAt},
    {"delivery_line", "delivery_lines", "How much of one order line a delivery carried.", kDeliveryLine, kNoNaturalKey,
     kNoUpdatedAt},
    {"invoice", "invoices", "An invoice or credit note issued to a customer.", kInvoice, kNoNaturalKey, kHasUpdatedAt},
    {"invoice_line", "invoice_lines", "One line of an invoice or credit note.", kInvoiceLine, kNoNaturalKey,
     kNoUpdatedAt},
    {"receivable", "receivables", "An amount a customer owes on one due date (an invoice's payment-term line).",
     kReceivable, kNoNaturalKey, kHasUpdatedAt},
    {"payment_plan", "payment_plans", "One installment of a contract's or order's payment schedule.", kPaymentPlan,
     kNoNaturalKey, kHasUpdatedAt},
    {"payment", "payments", "Money received from a customer.", kPayment, kNoNaturalKey, kHasUpdatedAt},
    {"credit_limit", "credit_limits", "How much a customer may owe us, per currency (and company).", kCreditLimit,
     kNoNaturalKey, kHasUpdatedAt},
};

}  // namespace

std::span<const EntitySpec> CommerceEntities() { return kEntities; }

}  // namespace hub::model::internal
