#include "hub/files/file_cursor.hpp"

#include <array>
#include <charconv>
#include <utility>

namespace hub::files {
namespace {

constexpr std::string_view kVersion = "file1";
constexpr char kSeparator = '|';

void AppendNumber(std::string* text, std::uint64_t number, int base) {
  std::array<char, 24> digits{};
  const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), number, base);
  text->append(digits.data(), result.ptr);
  text->push_back(kSeparator);
}

// Takes the text up to the next separator off the front of *rest; false when there is none.
bool TakePart(std::string_view* rest, std::string_view* part) {
  const std::size_t separator = rest->find(kSeparator);
  if (separator == std::string_view::npos) return false;
  *part = rest->substr(0, separator);
  rest->remove_prefix(separator + 1);
  return true;
}

bool TakeNumber(std::string_view* rest, std::uint64_t* number, int base) {
  std::string_view part;
  if (!TakePart(rest, &part) || part.empty()) return false;
  const auto result = std::from_chars(part.data(), part.data() + part.size(), *number, base);
  return result.ec == std::errc() && result.ptr == part.data() + part.size();
}

}  // namespace

std::string EncodeCursor(const FileCursor& cursor) {
  std::string text;
  text.reserve(96 + cursor.file_name.size());
  text.append(kVersion);
  text.push_back(kSeparator);
  AppendNumber(&text, cursor.end.offset, 10);
  AppendNumber(&text, cursor.end.next_line, 10);
  AppendNumber(&text, cursor.end.line_bytes, 10);
  AppendNumber(&text, cursor.end.line_hash, 16);
  AppendNumber(&text, cursor.head_bytes, 10);
  AppendNumber(&text, cursor.head_hash, 16);
  text.append(cursor.encoding);
  text.push_back(kSeparator);
  text.append(cursor.file_name);
  return text;
}

sdk::Result<FileCursor> DecodeCursor(std::string_view text) {
  FileCursor cursor;
  std::string_view rest = text;
  std::string_view version;
  std::string_view encoding;
  const bool parsed = TakePart(&rest, &version) && version == kVersion && TakeNumber(&rest, &cursor.end.offset, 10) &&
                      TakeNumber(&rest, &cursor.end.next_line, 10) && TakeNumber(&rest, &cursor.end.line_bytes, 10) &&
                      TakeNumber(&rest, &cursor.end.line_hash, 16) && TakeNumber(&rest, &cursor.head_bytes, 10) &&
                      TakeNumber(&rest, &cursor.head_hash, 16) && TakePart(&rest, &encoding) && !encoding.empty() &&
                      !rest.empty();
  if (!parsed || cursor.end.line_bytes > cursor.end.offset || cursor.head_bytes > cursor.end.offset) {
    std::string message = "not a cursor of the file connector (reset the job's checkpoint): ";
    message.append(text);
    return sdk::Status::InvalidArgument(std::move(message));
  }
  cursor.encoding = encoding;
  cursor.file_name = rest;
  return cursor;
}

}  // namespace hub::files
