#include "delivery_e2e.hpp"

#include <condition_variable>
#include <map>
#include <mutex>
#include <set>

#include <boost/json.hpp>

namespace hub::test {
namespace {

// The outbox id in an event id "<store identity>-<outbox id>"; -1 when there is none.
long long OutboxId(const std::string& event_id) {
  const std::size_t dash = event_id.rfind('-');
  if (dash == std::string::npos || dash + 1 == event_id.size()) return -1;
  try {
    return std::stoll(event_id.substr(dash + 1));
  } catch (const std::exception&) {
    return -1;
  }
}

// "<entity>/<id>" of an event's JSON body, and its event_id; empty strings when the body is not one.
struct BodyFacts {
  std::string aggregate;
  std::string event_id;
};

BodyFacts ReadBody(const std::string& body) {
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(body, error);
  if (error || !parsed.is_object()) return {};
  const boost::json::object& object = parsed.as_object();
  auto text = [&](const char* key) {
    const boost::json::value* value = object.if_contains(key);
    return value && value->is_string() ? std::string(value->as_string()) : std::string();
  };
  return {text("entity") + "/" + text("id"), text("event_id")};
}

void AppendFirstFew(std::string* out, const char* title, const std::vector<std::string>& items) {
  *out += std::string(title) + ": " + std::to_string(items.size());
  for (std::size_t i = 0; i < items.size() && i < 5; ++i) *out += (i == 0 ? " (" : ", ") + items[i];
  *out += items.empty() ? "\n" : items.size() > 5 ? ", ...)\n" : ")\n";
}

}  // namespace

std::string DeliveryConfigXml(const DeliveryHubSetup& setup) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<hub name="e2e">
  <store><connection>)" +
         setup.store + R"(</connection></store>
  <plugins dir=")" +
         std::string(HUB_PLUGIN_DIR) +
         R"("/>
  <logging level="info"/>
  <api address="127.0.0.1" port="0"/>
  <runtime lease=")" +
         setup.lease + R"("/>
  <connectors>
    <connector name="crm" plugin="file"><path>)" +
         setup.csv + R"(</path><id_field>id</id_field><settle_time>1d</settle_time></connector>
    <connector name="hook" plugin="webhook"><url>)" +
         setup.webhook_url + R"(</url><timeout>5s</timeout></connector>
  </connectors>
  <jobs>
    <job name="customers" connector="crm" every=")" +
         setup.sync_every + R"(" batch_size="100">
      <mapping entity="party" id="id">
        <field target="kind" value="organization"/>
        <field target="name" source="name"/>
      </mapping>
    </job>
    <job name="feed" kind="delivery" connector="hook" every=")" +
         setup.delivery_every + R"(" batch_size=")" + std::to_string(setup.delivery_batch) + R"(">
      <retry max_attempts="1000" backoff=")" +
         setup.retry_backoff + R"(" max_backoff=")" + setup.retry_backoff + R"("/>
    </job>
  </jobs>
</hub>
)";
}

sdk::Result<std::vector<std::string>> OutboxEventIds(odbc::Connection& store) {
  auto identity = store.Query("SELECT id FROM store_identity");
  if (!identity.ok()) return identity.status();
  if (identity->rows.size() != 1) return sdk::Status::Internal("store_identity holds no single row");
  auto ids = store.Query("SELECT id FROM outbox_events ORDER BY id");
  if (!ids.ok()) return ids.status();
  std::vector<std::string> event_ids;
  for (const odbc::Row& row : ids->rows) {
    event_ids.push_back(identity->rows[0][0].text() + "-" + std::to_string(row[0].integer()));
  }
  return event_ids;
}

DeliveryVerdict JudgeDelivery(const std::vector<RecordedRequest>& received, const std::vector<std::string>& expected) {
  DeliveryVerdict verdict;
  const std::set<std::string> wanted(expected.begin(), expected.end());
  std::map<std::string, std::string> first_body;   // by event id
  std::set<std::string> accepted;                  // event ids answered 2xx
  std::map<std::string, long long> last_accepted;  // by aggregate: the outbox id first accepted last
  std::set<std::string> reported;                  // event ids already in `unexpected` or `inconsistent`
  for (const RecordedRequest& request : received) {
    const std::string key = request.Header("idempotency-key");
    const BodyFacts body = ReadBody(request.body);
    if (!wanted.contains(key)) {
      if (reported.insert(key).second) verdict.unexpected.push_back(key);
      continue;
    }
    auto [first, is_first] = first_body.try_emplace(key, request.body);
    if ((!is_first && first->second != request.body) || body.event_id != key) {
      if (reported.insert(key).second) verdict.inconsistent.push_back(key);
    }
    if (request.status < 200 || request.status > 299) continue;
    if (!accepted.insert(key).second) {
      ++verdict.accepted_again;
      continue;
    }
    auto [last, is_new] = last_accepted.try_emplace(body.aggregate, OutboxId(key));
    if (!is_new && last->second > OutboxId(key)) {
      verdict.out_of_order.push_back(body.aggregate + ": " + key + " after outbox id " + std::to_string(last->second));
    }
    last->second = std::max(last->second, OutboxId(key));
  }
  for (const std::string& id : expected) {
    if (!accepted.contains(id)) verdict.missing.push_back(id);
  }
  return verdict;
}

std::string DeliveryVerdict::Describe() const {
  std::string out;
  AppendFirstFew(&out, "missing", missing);
  AppendFirstFew(&out, "unexpected", unexpected);
  AppendFirstFew(&out, "inconsistent repeats", inconsistent);
  AppendFirstFew(&out, "out of order", out_of_order);
  out += "accepted again: " + std::to_string(accepted_again) + "\n";
  return out;
}

bool PollUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  std::mutex mutex;
  std::condition_variable never_notified;
  std::unique_lock lock(mutex);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    never_notified.wait_for(lock, std::chrono::milliseconds(20));
  }
  return true;
}

}  // namespace hub::test
