#include "store/model/lead_review.hpp"

#include <vector>

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "store/model/outbox_event.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/stored_values.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

constexpr std::string_view kRejectedTier = "middle";

// The claim of a pending lead: only one decision finds it pending.
constexpr std::string_view kApprove =
    "UPDATE leads SET review_state = 'approved', updated_at = ? WHERE id = ? AND review_state = 'pending'";
constexpr std::string_view kReject =
    "UPDATE leads SET review_state = 'rejected', tier = 'middle', updated_at = ? WHERE id = ? AND review_state = "
    "'pending'";

// The lead's classification as an object; empty for a lead stored without one.
boost::json::object ClassificationOf(const Value& stored) {
  if (stored.is_null()) return {};
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(stored.text(), error);
  return !error && parsed.is_object() ? std::move(parsed.as_object()) : boost::json::object{};
}

std::string TextAt(const boost::json::object& object, std::string_view key) {
  const boost::json::value* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

// Records `decision` in `classification` (review_state, review_decision, and a rejection's reason and tier).
void RecordDecision(boost::json::object& classification, const ReviewDecision& decision, const LeadReview& review) {
  classification["review_state"] = review.review_state;
  classification["review_decision"] = boost::json::object{{"decision", DecisionName(decision.approve)},
                                                          {"by", decision.by},
                                                          {"note", TextJson(decision.note)},
                                                          {"at", review.decided_at},
                                                          {"principal", decision.principal},
                                                          {"tier_before", review.tier_before}};
  if (decision.approve) return;
  classification["tier"] = kRejectedTier;
  boost::json::value& reasons = classification["reasons"];
  if (!reasons.is_array()) reasons = boost::json::array{};
  reasons.as_array().push_back(boost::json::object{
      {"rule", "review"}, {"effect", "tier middle"}, {"detail", "rejected by " + decision.by + ": " + decision.note}});
}

// What the classification says of a decision taken before.
void ReadDecision(const boost::json::object& classification, LeadReview& review) {
  const boost::json::value* recorded = classification.if_contains("review_decision");
  if (recorded == nullptr || !recorded->is_object()) return;
  const boost::json::object& decision = recorded->as_object();
  review.decision = TextAt(decision, "decision");
  review.decided_by = TextAt(decision, "by");
  review.note = TextAt(decision, "note");
  review.decided_at = TextAt(decision, "at");
  review.tier_before = TextAt(decision, "tier_before");
}

sdk::Status AppendReviewed(odbc::Connection& connection, const odbc::OutboxTurn& turn, std::int64_t lead_id,
                           const LeadReview& review) {
  const boost::json::object payload{{"lead_id", lead_id},
                                    {"decision", review.decision},
                                    {"by", review.decided_by},
                                    {"note", TextJson(review.note)},
                                    {"tier", review.tier},
                                    {"tier_before", review.tier_before},
                                    {"owner_employee_id", IdJson(review.owner_employee_id)}};
  return AppendOutboxEvent(connection, turn, "lead", lead_id, "lead." + std::string(kLeadReviewed),
                           boost::json::serialize(payload));
}

}  // namespace

std::string_view DecisionName(bool approve) { return approve ? "approve" : "reject"; }

sdk::Result<std::optional<std::int64_t>> ResolveReviewer(odbc::Connection& connection, const std::string& reviewer) {
  sdk::Result<std::vector<odbc::Row>> rows = QueryStoreRows(
      connection,
      "SELECT id FROM employees WHERE status = 'active' AND (employee_number = ? OR LOWER(title) = LOWER(?)) "
      "ORDER BY CASE WHEN employee_number = ? THEN 0 ELSE 1 END, id",
      {Value::String(reviewer), Value::String(reviewer), Value::String(reviewer)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->front()[0].integer());
}

sdk::Status RequestLeadReview(odbc::Connection& connection, const odbc::OutboxTurn& turn, std::int64_t lead_id,
                              const std::string& reviewer, std::string_view tier, std::string_view grade) {
  sdk::Result<std::optional<std::int64_t>> employee = ResolveReviewer(connection, reviewer);
  if (!employee.ok()) return employee.status();
  const boost::json::object payload{{"lead_id", lead_id},
                                    {"reviewer", reviewer},
                                    {"reviewer_employee_id", IdJson(*employee)},
                                    {"tier", tier},
                                    {"grade", grade}};
  return AppendOutboxEvent(connection, turn, "lead", lead_id, "lead." + std::string(kLeadReviewRequested),
                           boost::json::serialize(payload));
}

sdk::Result<std::optional<LeadReview>> DecideLeadReview(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                                        std::int64_t lead_id, const ReviewDecision& decision,
                                                        TimePoint now) {
  sdk::Result<std::int64_t> claimed = ExecuteStoreStatement(connection, decision.approve ? kApprove : kReject,
                                                            {TimestampOf(now), Value::Int64(lead_id)});
  if (!claimed.ok()) return claimed.status();
  sdk::Result<std::vector<odbc::Row>> rows = QueryStoreRows(
      connection, "SELECT review_state, review, tier, owner_employee_id, classification FROM leads WHERE id = ?",
      {Value::Int64(lead_id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<LeadReview>();
  const odbc::Row& row = rows->front();
  LeadReview review{TextOrEmpty(row[0]), TextOrEmpty(row[1]), TextOrEmpty(row[2]), OptionalId(row[3])};
  boost::json::object classification = ClassificationOf(row[4]);
  if (*claimed == 0) {
    ReadDecision(classification, review);
    return std::optional<LeadReview>(std::move(review));
  }
  review.decision = DecisionName(decision.approve);
  review.decided_by = decision.by;
  review.note = decision.note;
  review.decided_at = FormatIsoUtc(now);
  review.tier_before = TextAt(classification, "tier");
  review.decided_now = true;
  RecordDecision(classification, decision, review);
  sdk::Result<std::int64_t> recorded =
      ExecuteStoreStatement(connection, "UPDATE leads SET classification = ? WHERE id = ?",
                            {Value::String(boost::json::serialize(classification)), Value::Int64(lead_id)});
  if (!recorded.ok()) return recorded.status();
  HUB_RETURN_IF_ERROR(AppendReviewed(connection, turn, lead_id, review));
  return std::optional<LeadReview>(std::move(review));
}

}  // namespace hub::store_model
