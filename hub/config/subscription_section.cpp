// A delivery job's subscription: its <subscribe>, <filter> and <retry> children, start= and lanes=.
#include <string>

#include "config/element_reader.hpp"
#include "config/sections.hpp"

namespace hub::config {
namespace {

constexpr std::int64_t kMaxAttempts = 1000;
constexpr std::int64_t kMaxLanes = 256;

// The words of `text`, split at ASCII white space.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of(" \t\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool IsName(std::string_view text) {
  return !text.empty() && text.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string_view::npos;
}

// "party.created": an entity name, a dot, a change name.
bool IsEventKind(std::string_view kind) {
  std::size_t dot = kind.find('.');
  return dot != std::string_view::npos && IsName(kind.substr(0, dot)) && IsName(kind.substr(dot + 1));
}

// An attribute holding space-separated values; reports one present but empty. Nullopt when absent.
std::optional<std::vector<std::string>> ReadWords(LoadContext& context, pugi::xml_node element, std::string_view name,
                                                  std::string_view when_empty) {
  auto value = ReadAttribute(context, element, name, Presence::kOptional);
  if (!value) return std::nullopt;
  std::vector<std::string> words = Words(value->text);
  if (words.empty()) {
    context.Error(value->location,
                  Tag(element) + " attribute '" + std::string(name) + "' is empty; " + std::string(when_empty));
    return std::nullopt;
  }
  return words;
}

void ReadSubscribe(LoadContext& context, pugi::xml_node element, SubscriptionConfig* out) {
  CheckShape(context, element, {.attributes = {"entity", "kinds", "document"}});
  SubscriptionConfig::Events events;
  events.location = context.At(element);
  if (auto entity = ReadAttribute(context, element, "entity", Presence::kOptional)) {
    if (!IsName(entity->text)) {
      context.Error(entity->location, "<subscribe> attribute 'entity': '" + entity->shown +
                                          "' is not an entity name (lowercase letters, digits and _ only)");
      return;
    }
    events.entity = std::move(entity->text);
  }
  auto kinds = ReadWords(context, element, "kinds", "leave it out to receive every kind");
  for (const std::string& kind : kinds.value_or(std::vector<std::string>{})) {
    if (!IsEventKind(kind)) {
      context.Error(context.At(element.attribute("kinds")),
                    "<subscribe> attribute 'kinds': '" + kind +
                        "' is not an event kind (entity.change, e.g. party.created, party.updated)");
      return;
    }
    if (!events.entity.empty() && kind.substr(0, kind.find('.')) != events.entity) {
      context.Error(context.At(element.attribute("kinds")),
                    "<subscribe> attribute 'kinds': '" + kind + "' is not an event of entity '" + events.entity + "'");
      return;
    }
  }
  if (kinds) events.kinds = std::move(*kinds);
  events.document = ReadBoolean(context, element, "document").value_or(false);
  if (events.document && events.entity.empty()) {
    context.Error(context.At(element.attribute("document")),
                  "<subscribe document=\"true\"> needs entity=: a document is composed for one entity (order, "
                  "delivery, invoice)");
    return;
  }
  out->events.push_back(std::move(events));
}

// The comparisons a <filter> may make, one of which it gives.
constexpr std::string_view kFilterTests[] = {"in", "not_in", "equals"};

void ReadFilter(LoadContext& context, pugi::xml_node element, SubscriptionConfig* out) {
  CheckShape(context, element, {.attributes = {"field", "in", "not_in", "equals"}});
  SubscriptionConfig::Filter filter;
  filter.location = context.At(element);
  auto field = ReadString(context, element, "field", Presence::kRequired);
  if (field && field->empty()) {
    context.Error(filter.location, "<filter> attribute 'field' is empty; name a field of the events' payload");
  }
  std::vector<std::string> given;
  for (std::string_view test : kFilterTests) {
    if (element.attribute(std::string(test).c_str())) given.push_back("'" + std::string(test) + "'");
  }
  if (given.size() > 1) {
    context.Error(filter.location, "<filter> has both " + given[0] + " and " + given[1] + "; give one of them");
    return;
  }
  if (given.empty()) {
    context.Error(filter.location,
                  "<filter> needs 'in' (values separated by spaces), 'not_in' (values it must not hold) or "
                  "'equals' (one value) to compare its field with");
    return;
  }
  auto in = ReadWords(context, element, "in", "give the values the field may have, separated by spaces");
  auto not_in = ReadWords(context, element, "not_in", "give the values the field must not have, separated by spaces");
  auto equals = ReadAttribute(context, element, "equals", Presence::kOptional);
  if (!field || field->empty() || (!in && !not_in && !equals)) return;
  filter.field = std::move(*field);
  filter.excluded = not_in.has_value();
  filter.values = in ? std::move(*in) : not_in ? std::move(*not_in) : std::vector<std::string>{std::move(equals->text)};
  out->filters.push_back(std::move(filter));
}

void ReadRetry(LoadContext& context, pugi::xml_node element, SubscriptionConfig* out) {
  CheckShape(context, element, {.attributes = {"max_attempts", "backoff", "max_backoff"}});
  if (auto attempts = ReadInteger(context, element, "max_attempts", 1, kMaxAttempts)) {
    out->max_attempts = static_cast<int>(*attempts);
  }
  if (auto backoff = ReadDuration(context, element, "backoff")) out->backoff = *backoff;
  if (auto max_backoff = ReadDuration(context, element, "max_backoff")) out->max_backoff = *max_backoff;
  if (out->max_backoff < out->backoff) {
    context.Error(context.At(element), "<retry> max_backoff (" + std::to_string(out->max_backoff.count()) +
                                           "ms) is shorter than backoff (" + std::to_string(out->backoff.count()) +
                                           "ms)");
  }
}

}  // namespace

void ReadSubscription(LoadContext& context, pugi::xml_node job, SubscriptionConfig* out) {
  for (pugi::xml_node subscribe : job.children("subscribe")) ReadSubscribe(context, subscribe, out);
  for (pugi::xml_node filter : job.children("filter")) ReadFilter(context, filter, out);
  if (pugi::xml_node retry = SingleChild(context, job, "retry")) ReadRetry(context, retry, out);
  if (auto start = ReadChoice(context, job, "start", {"beginning", "latest"})) {
    out->start = *start == "latest" ? SubscriptionConfig::Start::kLatest : SubscriptionConfig::Start::kBeginning;
  }
  if (auto lanes = ReadInteger(context, job, "lanes", 1, kMaxLanes)) out->lanes = static_cast<int>(*lanes);
}

}  // namespace hub::config
