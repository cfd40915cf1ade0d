// Which encodings IDoc-XML files are read in, by what their XML declaration names, and how: expat reads a
// few itself; the Chinese ones SAP systems in China write are transcoded to UTF-8 with ICU first.
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_ENCODING_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_ENCODING_HPP_

#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::supply_chain {

// How a file in one declared encoding is read. A plain value.
struct IdocEncoding {
  std::string declared;   // as the declaration names it, upper case; "" when it names none
  std::string converter;  // the files::TextDecoder encoding its bytes are transcoded with; "" when expat reads them
};

// The encodings read, for messages: "UTF-8, UTF-16, ISO-8859-1, US-ASCII, GB18030, GBK (CP936) and GB2312".
inline constexpr std::string_view kIdocEncodingsRead =
    "UTF-8, UTF-16, ISO-8859-1, US-ASCII, GB18030, GBK (CP936) and GB2312";

// How to read a file whose declaration names `declared` (upper case; "" for none, which is UTF-8):
//  - expat reads UTF-8, UTF-16 (LE, BE), ISO-8859-1 and US-ASCII as they are;
//  - GB18030 is transcoded with ICU's gb18030;
//  - GBK and its Windows code page 936 (GBK, X-GBK, CP936, MS936, WINDOWS-936) as "GBK" (ICU's
//    windows-936), and GB2312 (GB2312, EUC-CN, CSGB2312) too: Chinese systems label GBK text "GB2312",
//    and GBK reads every GB2312 file the same.
// DataError naming the encodings read for anything else. Pure.
sdk::Result<IdocEncoding> IdocEncodingOf(std::string_view declared);

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_ENCODING_HPP_
