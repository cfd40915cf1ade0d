#include "service/intent_body.hpp"

#include <array>

#include "service/body_checks.hpp"

namespace hub::service {
namespace {

constexpr std::array<std::string_view, 12> kIntakeFields = {
    "key",    "customer_id", "company_name", "contact_name",     "phone",    "email",
    "tax_id", "product",     "need",         "estimated_amount", "currency", "lead_id"};
constexpr std::array<std::string_view, 5> kIntentCustomerFields = {"company_name", "contact_name", "phone", "email",
                                                                   "tax_id"};
constexpr std::array<std::string_view, 4> kFollowUpFields = {"outcome", "owner", "reason", "opportunity_name"};
constexpr std::array<std::string_view, 3> kOutcomes = {"suggestion", "purchase", "invalid"};

// Who the intent is for: a known customer, or an intent customer who can be named and reached.
void ReadCustomer(JsonBodyReader& body, store_model::NewIntent& intent) {
  intent.party_id = body.RowId("customer_id");
  if (body.Given("customer_id")) {
    for (std::string_view field : kIntentCustomerFields) {
      if (body.Given(field)) body.Fault(field, "is for an intent customer; customer_id names a known one");
    }
    return;
  }
  if (!body.Given("company_name") && !body.Given("contact_name")) {
    body.Fault("company_name", "required, or contact_name, or customer_id: whose intent it is");
  }
  if (!body.Given("phone") && !body.Given("email")) {
    body.Fault("phone", "required, or email, or customer_id: how to reach the intent customer");
  }
  const std::optional<std::string> phone = body.Text("phone");
  CheckPhone(body, "phone", phone);
  const std::optional<std::string> email = body.Text("email");
  CheckEmail(body, email);
  const std::optional<std::string> tax_id = body.Text("tax_id");
  CheckTaxId(body, tax_id);
  intent.company_name = body.Text("company_name").value_or("");
  intent.contact_name = body.Text("contact_name").value_or("");
  intent.phone = phone.value_or("");
  intent.email = email.value_or("");
  intent.tax_id = tax_id.value_or("");
}

}  // namespace

IntentIntake ReadIntentIntake(std::string_view bytes, std::string_view idempotency_key) {
  IntentIntake intake;
  std::optional<boost::json::object> object = ParseObjectBody(bytes, intake.errors);
  if (!object) return intake;
  JsonBodyReader body(*object, intake.errors);
  body.RefuseOthers(kIntakeFields, "an intent");
  store_model::NewIntent intent;
  intent.source_key = BodySourceId(body, idempotency_key, bytes);
  ReadCustomer(body, intent);
  body.Require("product", "required: the product the customer wants");
  intent.product = body.Text("product").value_or("");
  intent.need = body.Text("need").value_or("");
  intent.estimated_amount = body.Amount("estimated_amount");
  const std::optional<std::string> currency = body.Text("currency");
  CheckCurrency(body, currency);
  intent.currency = currency.value_or("");
  intent.lead_id = body.RowId("lead_id");
  if (intake.errors.empty()) intake.intent = std::move(intent);
  return intake;
}

IntentFollowUpBody ReadIntentFollowUp(std::string_view bytes, std::string by) {
  IntentFollowUpBody read;
  std::optional<boost::json::object> object = ParseObjectBody(bytes, read.errors);
  if (!object) return read;
  JsonBodyReader body(*object, read.errors);
  body.RefuseOthers(kFollowUpFields, "an intent's follow-up");
  body.Require("outcome", "required: suggestion, purchase or invalid");
  const std::optional<std::string> outcome = body.OneOf("outcome", kOutcomes);
  store_model::IntentFollowUp follow_up;
  follow_up.owner_employee_number = body.Text("owner").value_or("");
  follow_up.reason = body.Text("reason").value_or("");
  follow_up.opportunity_name = body.Text("opportunity_name").value_or("");
  follow_up.by = std::move(by);
  if (outcome) {
    follow_up.outcome = *store_model::IntentOutcomeNamed(*outcome);
    if (*outcome == "invalid" && !body.Given("reason")) body.Fault("reason", "required: why the intent is invalid");
    if (*outcome != "invalid" && !body.Given("owner")) {
      body.Fault("owner", "required: the employee number of who follows the " + *outcome + " up");
    }
  }
  if (read.errors.empty()) read.follow_up = std::move(follow_up);
  return read;
}

}  // namespace hub::service
