#include "delivery/subscription.hpp"

#include <algorithm>
#include <optional>

#include <boost/json.hpp>

namespace hub::delivery {
namespace {

bool Contains(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool MatchesEvents(const Subscription::Events& events, const OutboxEvent& event) {
  return (events.entity.empty() || events.entity == event.aggregate) &&
         (events.kinds.empty() || Contains(events.kinds, event.kind));
}

// The text of `field` in `payload` (see Subscription::Filter), or nullopt.
std::optional<std::string> FieldText(const boost::json::object& payload, const std::string& field) {
  const boost::json::value* value = payload.if_contains(field);
  if (value == nullptr) {
    const boost::json::value* fields = payload.if_contains("fields");
    if (fields != nullptr && fields->is_object()) value = fields->as_object().if_contains(field);
  }
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (value->is_string()) return std::string(value->as_string());
  return boost::json::serialize(*value);
}

bool MatchesFilters(const std::vector<Subscription::Filter>& filters, const std::string& payload_text) {
  boost::system::error_code error;
  boost::json::value payload = boost::json::parse(payload_text, error);
  if (error || !payload.is_object()) return false;
  return std::all_of(filters.begin(), filters.end(), [&](const Subscription::Filter& filter) {
    std::optional<std::string> text = FieldText(payload.as_object(), filter.field);
    const bool listed = text && Contains(filter.values, *text);
    return filter.excluded ? !listed : listed;
  });
}

}  // namespace

bool Subscription::Matches(const OutboxEvent& event) const {
  const bool wanted = events.empty() || std::any_of(events.begin(), events.end(), [&](const Events& subscribed) {
                        return MatchesEvents(subscribed, event);
                      });
  return wanted && (filters.empty() || MatchesFilters(filters, event.payload));
}

bool Subscription::WantsDocument(const OutboxEvent& event) const {
  return std::any_of(events.begin(), events.end(),
                     [&](const Events& subscribed) { return subscribed.document && MatchesEvents(subscribed, event); });
}

}  // namespace hub::delivery
