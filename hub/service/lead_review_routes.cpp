#include "service/lead_review_routes.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "common/value_json.hpp"
#include "service/json_body_reader.hpp"
#include "service/query_numbers.hpp"
#include "service/route_answers.hpp"
#include "service/route_transaction.hpp"
#include "store/model/lead_listing.hpp"
#include "store/model/lead_review.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/stored_values.hpp"

namespace hub::service {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using store_model::TextJson;

constexpr std::size_t kDefaultLimit = 100;
constexpr std::size_t kMaxLimit = 1000;
constexpr std::string_view kReviewStates[] = {"pending", "approved", "rejected"};
constexpr std::string_view kDecisions[] = {"approve", "reject"};
constexpr std::string_view kReviewFields[] = {"decision", "by", "note"};

boost::json::value ParsedClassification(const std::string& stored) {
  if (stored.empty()) return nullptr;
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(stored, error);
  return error ? boost::json::value(nullptr) : parsed;
}

boost::json::object LeadToJson(const store_model::LeadListing& lead) {
  boost::json::value owner = nullptr;
  if (lead.owner_employee_id) {
    owner = boost::json::object{{"employee_number", lead.owner_employee_number}, {"name", lead.owner_name}};
  }
  return boost::json::object{{"id", lead.id},
                             {"company_name", TextJson(lead.company_name)},
                             {"contact_name", TextJson(lead.contact_name)},
                             {"need", TextJson(lead.need)},
                             {"channel", TextJson(lead.channel)},
                             {"stage", TextJson(lead.stage)},
                             {"tier", TextJson(lead.tier)},
                             {"grade", TextJson(lead.grade)},
                             {"score", ValueToJson(lead.score)},
                             {"estimated_amount", ValueToJson(lead.estimated_amount)},
                             {"currency", TextJson(lead.currency)},
                             {"province", TextJson(lead.province)},
                             {"city", TextJson(lead.city)},
                             {"received_at", ValueToJson(lead.received_at)},
                             {"owner", std::move(owner)},
                             {"review", TextJson(lead.review)},
                             {"review_state", TextJson(lead.review_state)},
                             {"classification", ParsedClassification(lead.classification)}};
}

HttpResponse ListLeads(odbc::Database& store, const HttpRequest& request) {
  store_model::LeadFilter filter;
  if (const std::string_view state = request.Query("review"); !state.empty()) {
    if (std::find(std::begin(kReviewStates), std::end(kReviewStates), state) == std::end(kReviewStates)) {
      return HttpResponse::Error(400, "bad_request", "review must be pending, approved or rejected");
    }
    filter.review_state = std::string(state);
  }
  if (const std::string_view reviewer = request.Query("reviewer"); !reviewer.empty()) {
    filter.reviewer = std::string(reviewer);
  }
  sdk::Result<IdPage> page =
      ParseIdPage(request.Query("after"), request.Query("limit"), "a lead id", kDefaultLimit, kMaxLimit);
  if (!page.ok()) return HttpResponse::Error(400, "bad_request", page.status().message());
  filter.after = page->after;
  filter.limit = page->limit;
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return StoreFailure(lease.status());
  sdk::Result<std::vector<store_model::LeadListing>> leads = store_model::ListLeads(lease->get(), filter);
  if (!leads.ok()) return StoreFailure(leads.status());
  boost::json::array list;
  for (const store_model::LeadListing& lead : *leads) list.push_back(LeadToJson(lead));
  return HttpResponse::Json(200, boost::json::object{{"leads", std::move(list)}});
}

// The body of a review, or the fields at fault.
struct ReviewBody {
  std::optional<store_model::ReviewDecision> decision;
  std::vector<BodyFieldError> errors;
};

ReviewBody ReadReviewBody(std::string_view bytes, std::string principal) {
  ReviewBody read;
  std::optional<boost::json::object> object = ParseObjectBody(bytes, read.errors);
  if (!object) return read;
  JsonBodyReader body(*object, read.errors);
  body.RefuseOthers(kReviewFields, "a review");
  body.Require("decision", "required: approve or reject");
  body.Require("by", "required: who decided, as they sign");
  const std::optional<std::string> decision = body.OneOf("decision", kDecisions);
  const std::optional<std::string> by = body.Text("by");
  const std::optional<std::string> note = body.Text("note");
  if (by && by->empty()) body.Fault("by", "must not be empty");
  if (decision == "reject" && note.value_or("").empty()) body.Fault("note", "required: why the lead is rejected");
  if (read.errors.empty()) {
    read.decision = store_model::ReviewDecision{*decision == "approve", *by, note.value_or(""), std::move(principal)};
  }
  return read;
}

sdk::Status Audit(odbc::Connection& connection, std::int64_t lead_id, const store_model::ReviewDecision& decision,
                  const store_model::LeadReview& review) {
  const boost::json::object before{{"tier", review.tier_before}, {"review_state", "pending"}};
  const boost::json::object after{{"decision", review.decision},
                                  {"by", review.decided_by},
                                  {"note", TextJson(review.note)},
                                  {"tier", review.tier},
                                  {"review_state", review.review_state}};
  sdk::Result<std::int64_t> audited = store_model::ExecuteStoreStatement(
      connection,
      "INSERT INTO audit_log (actor, action, entity, entity_id, before_data, after_data) "
      "VALUES (?, 'lead review', 'leads', ?, ?, ?)",
      {sdk::Value::String(decision.principal), sdk::Value::String(std::to_string(lead_id)),
       sdk::Value::String(boost::json::serialize(before)), sdk::Value::String(boost::json::serialize(after))});
  return audited.ok() ? sdk::Status::Ok() : audited.status();
}

HttpResponse Answer(std::int64_t lead_id, const store_model::ReviewDecision& asked,
                    const store_model::LeadReview& review) {
  const std::string id = std::to_string(lead_id);
  if (review.reviewer.empty()) return HttpResponse::Error(409, "conflict", "lead " + id + " waits for no review");
  if (review.decision != store_model::DecisionName(asked.approve)) {
    return HttpResponse::Error(409, "conflict", "lead " + id + " is not pending: it was " + review.review_state);
  }
  return HttpResponse::Json(200, boost::json::object{{"lead_id", lead_id},
                                                     {"review_state", review.review_state},
                                                     {"tier", review.tier},
                                                     {"tier_before", TextJson(review.tier_before)},
                                                     {"decision", review.decision},
                                                     {"by", review.decided_by},
                                                     {"note", TextJson(review.note)},
                                                     {"decided_at", TextJson(review.decided_at)},
                                                     {"decided_now", review.decided_now}});
}

HttpResponse Review(odbc::Database& store, const Clock& clock, const HttpRequest& request) {
  const std::string& text = request.params.at("id");
  const std::optional<std::int64_t> id = ParseRowId(text);
  if (!id) return HttpResponse::Error(404, "not_found", "no lead has id '" + text + "'");
  ReviewBody body = ReadReviewBody(request.body, request.principal.empty() ? "anonymous" : request.principal);
  if (!body.errors.empty()) return RefusedBody("review", body.errors);
  const store_model::ReviewDecision& decision = *body.decision;
  return InWriteTransaction(store, [&](odbc::Connection& connection, const odbc::OutboxTurn& turn) {
    sdk::Result<std::optional<store_model::LeadReview>> review =
        store_model::DecideLeadReview(connection, turn, *id, decision, clock.Now());
    if (!review.ok()) return StoreFailure(review.status());
    if (!*review) return HttpResponse::Error(404, "not_found", "no lead has id '" + text + "'");
    if ((*review)->decided_now) {
      if (sdk::Status audited = Audit(connection, *id, decision, **review); !audited.ok()) {
        return StoreFailure(audited);
      }
    }
    return Answer(*id, decision, **review);
  });
}

}  // namespace

sdk::Status AddLeadReviewRoutes(api::Router& router, odbc::Database& store, const Clock& clock) {
  using config::Role;
  HUB_RETURN_IF_ERROR(router.Add("GET", "/api/v1/leads", Role::kRead,
                                 [&store](const HttpRequest& request) { return ListLeads(store, request); }));
  return router.Add("POST", "/api/v1/leads/{id}/review", Role::kOperate,
                    [&store, &clock](const HttpRequest& request) { return Review(store, clock, request); });
}

}  // namespace hub::service
