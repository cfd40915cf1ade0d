// Buying and paying: products, quotes, contracts, orders, deliveries, invoices, payment plans, payments.
// Every amount is an exact decimal with an ISO 4217 currency.
#include "model/catalog_groups.hpp"

namespace hub::model::internal {
namespace {

using enum FieldType;

// Field(name, type, required, stored in, description[, allowed values[, reference]])
constexpr FieldSpec kProduct[] = {
    Field("sku", kString, kRequired, "products.sku", "Stock-keeping unit: the product's code."),
    Field("name", kString, kRequired, "products.name", "Name in its own script."),
    Field("name_latin", kString, kOptional, "products.name_latin", "Name in Latin script."),
    Field("category", kString, kOptional, "products.category", "Product category or line."),
    Field("unit", kString, kOptional, "products.unit", "Unit of measure, e.g. pcs, kg, 台."),
    Field("status", kString, kOptional, "products.status", "Whether it is still sold (default active).",
          "active|discontinued"),
};

constexpr FieldSpec kQuote[] = {
    Field("quote_number", kString, kRequired, "quotes.quote_number", "The quote's number in its source."),
    Field("party_source_id", kString, kRequired, "quotes.party_id", "The customer.", "", "party.source_id"),
    Field("opportunity_source_id", kString, kOptional, "quotes.opportunity_id", "The opportunity.", "",
          "opportunity.source_id"),
    Field("contact_source_id", kString, kOptional, "quotes.contact_id", "The contact it was sent to.", "",
          "contact.source_id"),
    Field("owner_employee_number", kString, kOptional, "quotes.owner_employee_id", "Who made it.", "",
          "employee.employee_number"),
    Field("status", kString, kOptional, "quotes.status", "Status (default draft).",
          "draft|sent|accepted|rejected|expired"),
    Field("currency", kString, kRequired, "quotes.currency", "ISO 4217 currency."),
    Field("total_amount", kDecimal, kRequired, "quotes.total_amount", "Total."),
    Field("issued_on", kDate, kOptional, "quotes.issued_on", "Date issued."),
    Field("valid_until", kDate, kOptional, "quotes.valid_until", "Last day the offer holds."),
};

constexpr FieldSpec kQuoteLine[] = {
    Field("quote_source_id", kString, kRequired, "quote_lines.quote_id", "The quote.", "", "quote.source_id"),
    Field("line_no", kInt64, kRequired, "quote_lines.line_no", "Line number within the quote."),
    Field("sku", kString, kOptional, "quote_lines.sku, quote_lines.product_id", "The product.", "", "product.sku"),
    Field("description", kString, kOptional, "quote_lines.description", "What is offered."),
    Field("quantity", kDecimal, kRequired, "quote_lines.quantity", "Quantity."),
    Field("unit", kString, kOptional, "quote_lines.unit", "Unit of measure."),
    Field("unit_price", kDecimal, kRequired, "quote_lines.unit_price", "Price per unit, in the quote's currency."),
    Field("amount", kDecimal, kRequired, "quote_lines.amount", "Line total, in the quote's currency."),
};

constexpr FieldSpec kContract[] = {
    Field("contract_number", kString, kRequired, "contracts.contract_number", "The contract's number in its source."),
    Field("party_source_id", kString, kRequired, "contracts.party_id", "The customer.", "", "party.source_id"),
    Field("opportunity_source_id", kString, kOptional, "contracts.opportunity_id", "The opportunity won.", "",
          "opportunity.source_id"),
    Field("quote_source_id", kString, kOptional, "contracts.quote_id", "The quote accepted.", "", "quote.source_id"),
    Field("owner_employee_number", kString, kOptional, "contracts.owner_employee_id", "Who signed for us.", "",
          "employee.employee_number"),
    Field("status", kString, kOptional, "contracts.status", "Status (default draft).",
          "draft|signed|active|expired|terminated"),
    Field("currency", kString, kRequired, "contracts.currency", "ISO 4217 currency."),
    Field("total_amount", kDecimal, kRequired, "contracts.total_amount", "Contract value."),
    Field("signed_on", kDate, kOptional, "contracts.signed_on", "Date signed."),
    Field("starts_on", kDate, kOptional, "contracts.starts_on", "First day in force."),
    Field("ends_on", kDate, kOptional, "contracts.ends_on", "Last day in force."),
};

constexpr FieldSpec kOrder[] = {
    Field("order_number", kString, kRequired, "orders.order_number", "The order's number in its source."),
    Field("party_source_id", kString, kRequired, "orders.party_id", "The customer.", "", "party.source_id"),
    Field("contract_source_id", kString, kOptional, "orders.contract_id", "The contract.", "", "contract.source_id"),
    Field("quote_source_id", kString, kOptional, "orders.quote_id", "The quote.", "", "quote.source_id"),
    Field("owner_employee_number", kString, kOptional, "orders.owner_employee_id", "Our salesperson.", "",
          "employee.employee_number"),
    Field("status", kString, kOptional, "orders.status", "Status (default open).",
          "open|confirmed|shipped|delivered|closed|cancelled"),
    Field("currency", kString, kRequired, "orders.currency", "ISO 4217 currency."),
    Field("total_amount", kDecimal, kRequired, "orders.total_amount", "Order total."),
    Field("ordered_on", kDate, kRequired, "orders.ordered_on", "Order date."),
};

constexpr FieldSpec kOrderLine[] = {
    Field("order_source_id", kString, kRequired, "order_lines.order_id", "The order.", "", "order.source_id"),
    Field("line_no", kInt64, kRequired, "order_lines.line_no", "Line number within the order."),
    Field("sku", kString, kOptional, "order_lines.sku, order_lines.product_id", "The product.", "", "product.sku"),
    Field("description", kString, kOptional, "order_lines.description", "What is ordered."),
    Field("quantity", kDecimal, kRequired, "order_lines.quantity", "Quantity."),
    Field("unit", kString, kOptional, "order_lines.unit", "Unit of measure."),
    Field("unit_price", kDecimal, kRequired, "order_lines.unit_price", "Price per unit, in the order's currency."),
    Field("tax_rate", kDecimal, kOptional, "order_lines.tax_rate", "Tax rate as a fraction, e.g. 0.13."),
    Field("amount", kDecimal, kRequired, "order_lines.amount", "Line total, in the order's currency."),
};

constexpr FieldSpec kDelivery[] = {
    Field("delivery_number", kString, kRequired, "deliveries.delivery_number", "The delivery note's number."),
    Field("order_source_id", kString, kRequired, "deliveries.order_id", "The order delivered.", "", "order.source_id"),
    Field("status", kString, kOptional, "deliveries.status", "Status (default planned).",
          "planned|shipped|delivered|returned|cancelled"),
    Field("carrier", kString, kOptional, "deliveries.carrier", "Carrier, e.g. SF Express."),
    Field("tracking_number", kString, kOptional, "deliveries.tracking_number", "The carrier's tracking number."),
    Field("shipped_at", kTimestamp, kOptional, "deliveries.shipped_at", "When it left."),
    Field("delivered_at", kTimestamp, kOptional, "deliveries.delivered_at", "When it arrived."),
};

constexpr FieldSpec kDeliveryLine[] = {
    Field("delivery_source_id", kString, kRequired, "delivery_lines.delivery_id", "The delivery.", "",
          "delivery.source_id"),
    Field("order_line_source_id", kString, kRequired, "delivery_lines.order_line_id", "The order line delivered.", "",
          "order_line.source_id"),
    Field("quantity", kDecimal, kRequired, "delivery_lines.quantity", "Quantity delivered."),
};

constexpr FieldSpec kInvoice[] = {
    Field("invoice_number", kString, kRequired, "invoices.invoice_number", "The invoice (发票) number."),
    Field("party_source_id", kString, kRequired, "invoices.party_id", "The customer billed.", "", "party.source_id"),
    Field("order_source_id", kString, kOptional, "invoices.order_id", "The order billed.", "", "order.source_id"),
    Field("contract_source_id", kString, kOptional, "invoices.contract_id", "The contract billed.", "",
          "contract.source_id"),
    Field("kind", kString, kOptional, "invoices.kind", "Invoice or credit note (default invoice).",
          "invoice|credit_note"),
    Field("status", kString, kOptional, "invoices.status", "Status (default issued).",
          "draft|issued|partially_paid|paid|cancelled"),
    Field("currency", kString, kRequired, "invoices.currency", "ISO 4217 currency."),
    Field("net_amount", kDecimal, kOptional, "invoices.net_amount", "Amount before tax."),
    Field("tax_amount", kDecimal, kOptional, "invoices.tax_amount", "Tax."),
    Field("total_amount", kDecimal, kRequired, "invoices.total_amount", "Amount due, tax included."),
    Field("issued_on", kDate, kRequired, "invoices.issued_on", "Date issued."),
    Field("due_on", kDate, kOptional, "invoices.due_on", "Payment due date."),
};

constexpr FieldSpec kPaymentPlan[] = {
    Field("party_source_id", kString, kRequired, "payment_plans.party_id", "The customer who pays.", "",
          "party.source_id"),
    Field("contract_source_id", kString, kOptional, "payment_plans.contract_id", "The contract.", "",
          "contract.source_id"),
    Field("order_source_id", kString, kOptional, "payment_plans.order_id", "The order.", "", "order.source_id"),
    Field("invoice_source_id", kString, kOptional, "payment_plans.invoice_id", "The invoice raised for it.", "",
          "invoice.source_id"),
    Field("installment_no", kInt64, kRequired, "payment_plans.installment_no", "Installment number, from 1."),
    Field("due_on", kDate, kRequired, "payment_plans.due_on", "Due date."),
    Field("currency", kString, kRequired, "payment_plans.currency", "ISO 4217 currency."),
    Field("amount", kDecimal, kRequired, "payment_plans.amount", "Amount due."),
    Field("status", kString, kOptional, "payment_plans.status", "Status (default planned).",
          "planned|invoiced|paid|overdue|cancelled"),
};

constexpr FieldSpec kPayment[] = {
    Field("reference", kString, kRequired, "payments.reference", "The payment's reference, e.g. bank transaction id."),
    Field("party_source_id", kString, kRequired, "payments.party_id", "The customer who paid.", "", "party.source_id"),
    Field("invoice_source_id", kString, kOptional, "payments.invoice_id", "The invoice paid.", "", "invoice.source_id"),
    Field("payment_plan_source_id", kString, kOptional, "payments.payment_plan_id", "The installment paid.", "",
          "payment_plan.source_id"),
    Field("method", kString, kOptional, "payments.method", "How it was paid.",
          "bank_transfer|cash|card|alipay|wechat_pay|cheque|acceptance_bill|other"),
    Field("status", kString, kOptional, "payments.status", "Status (default received).", "received|reversed"),
    Field("currency", kString, kRequired, "payments.currency", "ISO 4217 currency."),
    Field("amount", kDecimal, kRequired, "payments.amount", "Amount received."),
    Field("received_on", kDate, kRequired, "payments.received_on", "Value date."),
};

constexpr EntitySpec kEntities[] = {
    {"product", "products", "Something we sell.", kProduct, "sku"},
    {"quote", "quotes", "An offer made to a customer.", kQuote},
    {"quote_line", "quote_lines", "One line of a quote.", kQuoteLine},
    {"contract", "contracts", "A signed agreement with a customer.", kContract},
    {"order", "orders", "A customer's order.", kOrder},
    {"order_line", "order_lines", "One line of an order.", kOrderLine},
    {"delivery", "deliveries", "A shipment of (part of) an order.", kDelivery},
    {"delivery_line", "delivery_lines", "How much of one order line a delivery carried.", kDeliveryLine},
    {"invoice", "invoices", "An invoice or credit note issued to a customer.", kInvoice},
    {"payment_plan", "payment_plans", "One installment of a contract's or order's payment schedule.", kPaymentPlan},
    {"payment", "payments", "Money received from a customer.", kPayment},
};

}  // namespace

std::span<const EntitySpec> CommerceEntities() { return kEntities; }

}  // namespace hub::model::internal
