#include "email/maildir_cursor.hpp"

#include <boost/json.hpp>
#include <utility>

namespace hub::email {
namespace {

namespace json = boost::json;

constexpr std::string_view kPrefix = "maildir1:";

sdk::Status Bad(std::string_view why) {
  return sdk::Status::InvalidArgument("not a cursor of the email connector's Maildir reader: " + std::string(why));
}

// A key written as [t, "u"].
sdk::Result<MaildirKey> KeyOf(const json::value& value) {
  const json::array* pair = value.if_array();
  if (pair == nullptr || pair->size() != 2 || !(*pair)[0].is_int64() || !(*pair)[1].is_string()) {
    return Bad("a recent message is not [time, \"unique\"]");
  }
  return MaildirKey{(*pair)[0].as_int64(), std::string((*pair)[1].as_string())};
}

sdk::Result<MaildirFolderPosition> PositionOf(const json::value& value) {
  const json::object* object = value.if_object();
  if (object == nullptr) return Bad("a folder's position is not an object");
  const json::value* last_time = object->if_contains("t");
  const json::value* last_unique = object->if_contains("u");
  const json::value* recent = object->if_contains("r");
  if (last_time == nullptr || !last_time->is_int64() || last_unique == nullptr || !last_unique->is_string() ||
      recent == nullptr || !recent->is_array()) {
    return Bad("a folder's position lacks t, u or r");
  }
  MaildirFolderPosition position;
  position.last = MaildirKey{last_time->as_int64(), std::string(last_unique->as_string())};
  for (const json::value& entry : recent->as_array()) {
    sdk::Result<MaildirKey> key = KeyOf(entry);
    if (!key.ok()) return key.status();
    position.recent.insert(std::move(*key));
  }
  if (const json::value* floor = object->if_contains("f")) {
    sdk::Result<MaildirKey> key = KeyOf(*floor);
    if (!key.ok()) return key.status();
    position.floor = std::move(*key);
  }
  return position;
}

}  // namespace

std::string EncodeMaildirCursor(const MaildirCursor& cursor) {
  if (cursor.empty()) return {};
  json::object folders;
  for (const auto& [folder, position] : cursor) {
    json::array recent;
    for (const MaildirKey& key : position.recent) recent.push_back(json::array{key.delivered, key.unique});
    json::object entry{{"t", position.last.delivered}, {"u", position.last.unique}, {"r", recent}};
    if (!position.floor.unique.empty()) entry["f"] = json::array{position.floor.delivered, position.floor.unique};
    folders[folder] = std::move(entry);
  }
  return std::string(kPrefix) + json::serialize(folders);
}

sdk::Result<MaildirCursor> DecodeMaildirCursor(std::string_view text) {
  if (text.empty()) return MaildirCursor{};
  if (!text.starts_with(kPrefix)) return Bad("'" + std::string(text.substr(0, 64)) + "'");
  boost::system::error_code error;
  json::value parsed = json::parse(text.substr(kPrefix.size()), error);
  if (error || !parsed.is_object()) return Bad("its JSON does not parse");
  MaildirCursor cursor;
  for (const auto& [folder, value] : parsed.as_object()) {
    sdk::Result<MaildirFolderPosition> position = PositionOf(value);
    if (!position.ok()) return position.status();
    cursor.emplace(std::string(folder), std::move(*position));
  }
  return cursor;
}

}  // namespace hub::email
