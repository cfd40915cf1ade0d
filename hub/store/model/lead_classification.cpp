#include "store/model/lead_classification.hpp"

#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "store/model/lead_review.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/stored_number.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// The store's facts of a lead. Revenue: invoices issued, partly paid or paid, less the credit notes among them.
// Customers in a market: parties neither prospects nor merged into another.
constexpr std::string_view kFacts =
    "SELECT (SELECT SUM(CASE WHEN kind = 'credit_note' THEN -total_amount ELSE total_amount END) FROM invoices "
    "WHERE party_id = CAST(? AS BIGINT) AND status IN ('issued', 'partially_paid', 'paid')), "
    "CASE WHEN EXISTS (SELECT 1 FROM parties WHERE industry = ? AND status IN ('active', 'inactive')) "
    "THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM addresses a JOIN parties p ON p.id = a.party_id WHERE a.province = ? "
    "AND p.status IN ('active', 'inactive')) THEN 1 ELSE 0 END";

// The products a lead names: the text items of a JSON array (as the intake API writes them), or, for other text
// (a CSV column), its comma-separated items; each trimmed, empty ones dropped.
std::vector<std::string> ProductsOf(const std::string& text) {
  std::vector<std::string> items;
  auto add = [&items](std::string_view item) {
    const std::size_t first = item.find_first_not_of(" \t");
    if (first != std::string_view::npos)
      items.emplace_back(item.substr(first, item.find_last_not_of(" \t") - first + 1));
  };
  boost::system::error_code error;
  const boost::json::value parsed = boost::json::parse(text, error);
  if (!error && parsed.is_array()) {
    for (const boost::json::value& item : parsed.as_array()) {
      if (item.is_string()) add(item.as_string());
    }
    return items;
  }
  std::string_view rest = text;
  for (std::size_t comma = rest.find(','); comma != std::string_view::npos; comma = rest.find(',')) {
    add(rest.substr(0, comma));
    rest.remove_prefix(comma + 1);
  }
  add(rest);
  return items;
}

// What the lead's row says of it.
leads::LeadProfile ProfileOf(const RowValues& row) {
  leads::LeadProfile profile;
  profile.channel = row.Written("channel");
  profile.company_name = row.Written("company_name");
  profile.industry = row.Written("industry");
  profile.province = row.Written("province");
  profile.need = row.Written("need");
  profile.products = ProductsOf(row.Written("products"));
  profile.estimated_amount = NumberOf(row.ValueOf("estimated_amount"));
  profile.reachable = !row.Written("phone").empty() || !row.Written("mobile").empty() || !row.Written("email").empty();
  return profile;
}

Value TextOrNull(const std::string& text) { return text.empty() ? Value::Null() : Value::String(text); }

}  // namespace

std::string ClassificationJson(const leads::Classification& classification) {
  boost::json::array reasons;
  for (const leads::ClassificationReason& reason : classification.reasons) {
    reasons.push_back(boost::json::object{{"rule", reason.rule}, {"effect", reason.effect}, {"detail", reason.detail}});
  }
  const bool review = !classification.review.empty();
  return boost::json::serialize(
      boost::json::object{{"tier", leads::TierName(classification.tier)},
                          {"grade", leads::GradeName(classification.grade)},
                          {"score", classification.score},
                          {"review", review ? boost::json::value(classification.review) : boost::json::value(nullptr)},
                          {"review_state", review ? boost::json::value("pending") : boost::json::value(nullptr)},
                          {"reasons", std::move(reasons)}});
}

sdk::Status LeadClassification::AddStoreFacts(const RowValues& row, leads::LeadProfile& profile) {
  const Value party = row.ValueOf("party_id");
  auto facts = QueryStoreRows(connection_, kFacts, {party, TextOrNull(profile.industry), TextOrNull(profile.province)});
  if (!facts.ok()) return facts.status();
  const odbc::Row& found = facts->front();
  if (!party.is_null()) profile.customer_revenue = NumberOf(found[0]).value_or(0);
  profile.industry_is_new = !profile.industry.empty() && NumberOf(found[1]).value_or(0) == 0;
  profile.province_is_new = !profile.province.empty() && NumberOf(found[2]).value_or(0) == 0;
  return sdk::Status::Ok();
}

sdk::Status LeadClassification::BeforeRow(const model::MappedRecord&, std::optional<std::int64_t> row_id,
                                          RowValues& row) {
  review_.reset();
  if (row_id) return sdk::Status::Ok();
  leads::LeadProfile profile = ProfileOf(row);
  HUB_RETURN_IF_ERROR(AddStoreFacts(row, profile));
  const leads::Classification classified = leads::Classify(profile, rules_);
  row.Add("tier", Value::String(std::string(leads::TierName(classified.tier))));
  row.Add("grade", Value::String(std::string(leads::GradeName(classified.grade))));
  row.Add("score", Value::Int64(classified.score));
  row.Add("classification", Value::String(ClassificationJson(classified)));
  if (!classified.review.empty()) {
    row.Add("review", Value::String(classified.review));
    row.Add("review_state", Value::String("pending"));
    review_ = classified;
  }
  return sdk::Status::Ok();
}

sdk::Status LeadClassification::AfterRow(const model::MappedRecord&, std::int64_t row_id, std::int64_t, bool) {
  if (!review_) return sdk::Status::Ok();
  const leads::Classification classified = std::move(*review_);
  review_.reset();
  return RequestLeadReview(connection_, turn_, row_id, classified.review, leads::TierName(classified.tier),
                           leads::GradeName(classified.grade));
}

}  // namespace hub::store_model
