#include "service/lead_intake.hpp"

#include <array>

#include <boost/json.hpp>

#include "model/catalog.hpp"
#include "service/body_checks.hpp"

namespace hub::service {
namespace {

using sdk::Value;

constexpr std::array<std::string_view, 7> kChannels = {"web",      "phone",   "email", "trade_show",
                                                       "referral", "partner", "other"};
constexpr std::array<std::string_view, 22> kFields = {
    "key",      "channel",          "company_name", "contact_name", "phone",    "mobile",     "email",    "tax_id",
    "website",  "address",          "province",     "city",         "region",   "industry",   "function", "need",
    "products", "estimated_amount", "currency",     "campaign",     "found_by", "received_at"};
// The text fields written as they come, each under the lead field of the same name.
constexpr std::array<std::string_view, 11> kPlainTexts = {"company_name", "contact_name", "website", "address",
                                                          "province",     "city",         "region",  "industry",
                                                          "function",     "need",         "campaign"};

void ReadFields(const boost::json::object& object, std::string_view bytes, std::string_view source_system,
                std::string_view header_key, LeadIntake& intake) {
  JsonBodyReader body(object, intake.errors);
  body.RefuseOthers(kFields, "a lead");
  model::MappedRecord record;
  record.entity = model::FindEntity("lead");
  record.source_system = std::string(source_system);
  record.source_id = BodySourceId(body, header_key, bytes);
  record.position = "POST /api/v1/leads " + record.source_id;
  body.Require("channel",
               "required: where the lead came from (web, phone, email, trade_show, referral, partner, other)");
  const std::optional<std::string> channel = body.OneOf("channel", kChannels);
  if (!body.Given("company_name") && !body.Given("contact_name")) {
    body.Fault("company_name", "required, or contact_name: who the lead is");
  }
  if (!body.Given("phone") && !body.Given("mobile") && !body.Given("email")) {
    body.Fault("phone", "required, or mobile or email: how to reach the lead");
  }
  const std::optional<std::string> phone = body.Text("phone");
  const std::optional<std::string> mobile = body.Text("mobile");
  CheckPhone(body, "phone", phone);
  CheckPhone(body, "mobile", mobile);
  const std::optional<std::string> email = body.Text("email");
  CheckEmail(body, email);
  const std::optional<std::string> tax_id = body.Text("tax_id");
  CheckTaxId(body, tax_id);
  const std::optional<std::string> currency = body.Text("currency");
  CheckCurrency(body, currency);
  const std::optional<std::string> amount = body.Amount("estimated_amount");
  const std::optional<std::vector<std::string>> products = body.TextList("products");
  const std::optional<std::int64_t> received = body.Instant("received_at");

  PutText(record, "channel", channel);
  for (std::string_view field : kPlainTexts) PutText(record, field, body.Text(field));
  PutText(record, "email", email);
  PutText(record, "phone", phone);
  PutText(record, "mobile", mobile);
  PutText(record, "tax_id", tax_id);
  PutText(record, "currency", currency);
  if (amount) Put(record, "estimated_amount", Value::Decimal(*amount));
  if (products)
    Put(record, "products",
        Value::String(boost::json::serialize(boost::json::array(products->begin(), products->end()))));
  PutText(record, "found_by_employee_number", body.Text("found_by"));
  if (received) Put(record, "received_at", Value::Timestamp(*received));
  if (intake.errors.empty()) intake.record = std::move(record);
}

}  // namespace

LeadIntake ReadLeadIntake(std::string_view body, std::string_view source_system, std::string_view idempotency_key) {
  LeadIntake intake;
  if (std::optional<boost::json::object> object = ParseObjectBody(body, intake.errors)) {
    ReadFields(*object, body, source_system, idempotency_key, intake);
  }
  return intake;
}

}  // namespace hub::service
