// One IDOC parsed with pugixml: its control record EDI_DC40 and its data segments.
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_DOCUMENT_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_DOCUMENT_HPP_

#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::supply_chain {

// What EDI_DC40 says about the IDOC. Fields are trimmed; absent ones are empty. A plain value.
struct IdocControl {
  std::string docnum;   // the IDoc number in the sending system
  std::string idoctyp;  // the basic type: ORDERS05, DEBMAS07, DELVRY03, INVOIC02 …
  std::string mestyp;   // the message type: ORDERS, DEBMAS, DESADV …
  std::string sndprn;   // the sending partner
  std::string credat;   // creation date YYYYMMDD
};

// The text of `segment`'s field `name`, trimmed of spaces; "" when absent.
std::string FieldText(const pugi::xml_node& segment, const char* name);

// The first child segment `name` of `parent` whose field `key_field` is `key_value` (e.g. E1EDK03 with
// IDDAT 012); an empty node when none.
pugi::xml_node SegmentWhere(const pugi::xml_node& parent, const char* name, const char* key_field,
                            std::string_view key_value);

// An IDOC element's bytes parsed into a DOM. Owns the DOM; move-only.
class IdocDocument {
 public:
  // Parses `bytes` (from `<IDOC` to `</IDOC>`) in the file's `encoding` (IdocSplitter::encoding()).
  // DataError when pugixml refuses it, naming the line within the bytes; DataError when there is no
  // EDI_DC40 control record.
  static sdk::Result<IdocDocument> Parse(std::string_view bytes, const std::string& encoding);

  const IdocControl& control() const { return control_; }
  // The IDOC element, parent of EDI_DC40 and the top-level data segments.
  pugi::xml_node idoc() const { return document_.document_element(); }

 private:
  IdocDocument() = default;
  pugi::xml_document document_;
  IdocControl control_;
};

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_DOCUMENT_HPP_
