#include "supply_chain/idoc_document.hpp"

#include <algorithm>
#include <utility>

namespace hub::supply_chain {
namespace {

pugi::xml_encoding PugiEncoding(const std::string& encoding) {
  if (encoding == "UTF-16LE") return pugi::encoding_utf16_le;
  if (encoding == "UTF-16BE") return pugi::encoding_utf16_be;
  if (encoding == "ISO-8859-1" || encoding == "LATIN1") return pugi::encoding_latin1;
  return pugi::encoding_utf8;  // UTF-8, US-ASCII and none
}

std::string_view Trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

std::string FieldText(const pugi::xml_node& segment, const char* name) {
  return std::string(Trim(segment.child(name).child_value()));
}

pugi::xml_node SegmentWhere(const pugi::xml_node& parent, const char* name, const char* key_field,
                            std::string_view key_value) {
  for (pugi::xml_node segment : parent.children(name)) {
    if (Trim(segment.child(key_field).child_value()) == key_value) return segment;
  }
  return {};
}

sdk::Result<IdocDocument> IdocDocument::Parse(std::string_view bytes, const std::string& encoding) {
  IdocDocument parsed;
  const pugi::xml_parse_result result =
      parsed.document_.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, PugiEncoding(encoding));
  if (!result) {
    const auto upto =
        std::min<std::size_t>(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)), bytes.size());
    const auto line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(upto), '\n');
    return sdk::Status::DataError(std::string("malformed XML at line +") + std::to_string(line - 1) +
                                  " of the IDOC: " + result.description());
  }
  const pugi::xml_node control = parsed.idoc().child("EDI_DC40");
  if (!control) return sdk::Status::DataError("the IDOC has no control record EDI_DC40");
  parsed.control_.docnum = FieldText(control, "DOCNUM");
  parsed.control_.idoctyp = FieldText(control, "IDOCTYP");
  parsed.control_.mestyp = FieldText(control, "MESTYP");
  parsed.control_.sndprn = FieldText(control, "SNDPRN");
  parsed.control_.credat = FieldText(control, "CREDAT");
  return parsed;
}

}  // namespace hub::supply_chain
