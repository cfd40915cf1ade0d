#include "golden/arrival_model.hpp"

#include <boost/json.hpp>

namespace hub::golden {
namespace {

namespace json = boost::json;
using matching::Field;
using matching::kFieldCount;
using matching::kLevelCount;

// A value seen this often is kept; a rarer one counts as seen once when read back.
constexpr std::uint32_t kCommonCount = 2;

json::array Levels(const std::array<std::array<double, kLevelCount>, kFieldCount>& table) {
  json::array fields;
  for (const auto& levels : table) fields.push_back(json::array(levels.begin(), levels.end()));
  return fields;
}

void ReadLevels(const json::value& value, std::array<std::array<double, kLevelCount>, kFieldCount>& table) {
  const json::array& fields = value.as_array();
  if (fields.size() != kFieldCount) throw std::invalid_argument("a weight table is not one row per field");
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    const json::array& levels = fields[f].as_array();
    if (levels.size() != kLevelCount) throw std::invalid_argument("a field's weights are not one per level");
    for (std::size_t l = 0; l < kLevelCount; ++l) table[f][l] = levels[l].to_number<double>();
  }
}

json::object Frequencies(const matching::TermFrequencies& frequencies) {
  json::object fields;
  for (int f = 0; f < kFieldCount; ++f) {
    const Field field = static_cast<Field>(f);
    if (!matching::IsTermFrequencyAdjusted(field)) continue;
    json::array common;
    for (const auto& [value, count] : frequencies.Common(field, kCommonCount)) common.push_back({value, count});
    fields[matching::FieldName(field)] = {{"total", frequencies.Total(field)}, {"common", std::move(common)}};
  }
  return fields;
}

void ReadFrequencies(const json::object& fields, matching::TermFrequencies& frequencies) {
  for (int f = 0; f < kFieldCount; ++f) {
    const Field field = static_cast<Field>(f);
    const json::value* entry = fields.if_contains(matching::FieldName(field));
    if (entry == nullptr) continue;
    std::vector<std::pair<std::string, std::uint32_t>> common;
    for (const json::value& pair : entry->at("common").as_array()) {
      common.emplace_back(json::value_to<std::string>(pair.at(0)), pair.at(1).to_number<std::uint32_t>());
    }
    frequencies.Restore(field, entry->at("total").to_number<std::uint64_t>(), common);
  }
}

}  // namespace

std::string ArrivalModelJson(const matching::FellegiSunterModel& model, const matching::TermFrequencies& frequencies,
                             const std::vector<std::string>& source_priority) {
  json::array priority;
  for (const std::string& system : source_priority) priority.push_back(json::string(system));
  return json::serialize(json::object{{"prior", model.match_prior},
                                      {"m", Levels(model.m)},
                                      {"u", Levels(model.u)},
                                      {"frequencies", Frequencies(frequencies)},
                                      {"source_priority", std::move(priority)}});
}

sdk::Result<ArrivalModel> ParseArrivalModel(std::string_view text) {
  // boost::json's accessors throw on a wrong shape; what this reads was written by ArrivalModelJson, so a throw is a
  // store whose row was edited by hand.
  try {
    const json::object document = json::parse(text).as_object();
    ArrivalModel model;
    model.model.match_prior = document.at("prior").to_number<double>();
    ReadLevels(document.at("m"), model.model.m);
    ReadLevels(document.at("u"), model.model.u);
    ReadFrequencies(document.at("frequencies").as_object(), model.frequencies);
    for (const json::value& system : document.at("source_priority").as_array()) {
      model.source_priority.push_back(json::value_to<std::string>(system));
    }
    return model;
  } catch (const std::exception& error) {
    return sdk::Status::InvalidArgument(std::string("a stored match model is not one: ") + error.what());
  }
}

}  // namespace hub::golden
