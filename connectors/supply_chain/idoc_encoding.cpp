#include "supply_chain/idoc_encoding.hpp"

#include <algorithm>
#include <array>

namespace hub::supply_chain {
namespace {

struct KnownEncoding {
  std::string_view declared;
  std::string_view converter;
};

constexpr std::array<KnownEncoding, 16> kKnown{{
    {"", ""},
    {"UTF-8", ""},
    {"UTF-16", ""},
    {"UTF-16LE", ""},
    {"UTF-16BE", ""},
    {"ISO-8859-1", ""},
    {"US-ASCII", ""},
    {"GB18030", "GB18030"},
    {"GBK", "GBK"},
    {"X-GBK", "GBK"},
    {"CP936", "GBK"},
    {"MS936", "GBK"},
    {"WINDOWS-936", "GBK"},
    {"GB2312", "GBK"},
    {"EUC-CN", "GBK"},
    {"CSGB2312", "GBK"},
}};

}  // namespace

sdk::Result<IdocEncoding> IdocEncodingOf(std::string_view declared) {
  const auto known = std::find_if(kKnown.begin(), kKnown.end(),
                                  [&](const KnownEncoding& entry) { return entry.declared == declared; });
  if (known != kKnown.end()) return IdocEncoding{std::string(declared), std::string(known->converter)};
  return sdk::Status::DataError("the declaration names encoding \"" + std::string(declared) +
                                "\", which IDoc-XML files are not read in (they are read in " +
                                std::string(kIdocEncodingsRead) + ")");
}

}  // namespace hub::supply_chain
