#include "idoc_generator.hpp"

#include <unicode/ucnv.h>

#include <fstream>
#include <stdexcept>
#include <string>

namespace hub::supply_chain::testing {
namespace {

std::string Segment(const std::string& name, const std::string& fields, const std::string& indent = "    ") {
  return indent + "<" + name + " SEGMENT=\"1\">\n" + fields + indent + "</" + name + ">\n";
}

std::string Field(const std::string& name, const std::string& value, const std::string& indent = "      ") {
  return indent + "<" + name + ">" + value + "</" + name + ">\n";
}

// What the partners and materials of an IDOC are called in the file's language.
struct Texts {
  const char* partner;
  const char* street;
  const char* city;
  const char* postal_code;
  const char* country;
  const char* material;
};

constexpr Texts kGerman{"Nordwind Maschinenbau GmbH", "Spitalerstrasse 12", "Hamburg", "20095", "DE",
                        "Hydraulic pump series "};
constexpr Texts kChinese{"北京华信精密机械有限公司", "朝阳区建国路 88 号", "北京", "100022", "CN", "液压泵 系列 "};

// `utf8` in GBK.
std::string ToGbk(const std::string& utf8) {
  std::string gbk(utf8.size() + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = ucnv_convert("GBK", "UTF-8", gbk.data(), static_cast<int32_t>(gbk.size()), utf8.data(),
                                      static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("cannot encode in GBK: ") + u_errorName(status));
  gbk.resize(static_cast<std::size_t>(length));
  return gbk;
}

std::string Idoc(std::uint64_t n, const Texts& texts) {
  const std::string number = std::to_string(10'000'000 + n);
  const std::string customer = std::to_string(100'000 + n % 5000);
  std::string idoc = "  <IDOC BEGIN=\"1\">\n";
  idoc += Segment("EDI_DC40", Field("TABNAM", "EDI_DC40") + Field("MANDT", "100") + Field("DOCNUM", number) +
                                  Field("DOCREL", "750") + Field("STATUS", "30") + Field("DIRECT", "1") +
                                  Field("IDOCTYP", "ORDERS05") + Field("MESTYP", "ORDERS") + Field("SNDPOR", "SAPPRD") +
                                  Field("SNDPRT", "LS") + Field("SNDPRN", "PRDCLNT100") + Field("RCVPOR", "HUB") +
                                  Field("RCVPRT", "LS") + Field("RCVPRN", "HUB") + Field("CREDAT", "20261201") +
                                  Field("CRETIM", "093000"));
  idoc += Segment("E1EDK01", Field("CURCY", "EUR") + Field("BSART", "TA") + Field("BELNR", number));
  idoc += Segment("E1EDK03", Field("IDDAT", "012") + Field("DATUM", "20261201"));
  idoc += Segment("E1EDK03", Field("IDDAT", "002") + Field("DATUM", "20261215"));
  for (const char* role : {"AG", "WE"}) {
    idoc += Segment("E1EDKA1", Field("PARVW", role) + Field("PARTN", customer) + Field("NAME1", texts.partner) +
                                   Field("STRAS", texts.street) + Field("ORT01", texts.city) +
                                   Field("PSTLZ", texts.postal_code) + Field("LAND1", texts.country));
  }
  idoc += Segment("E1EDK02", Field("QUALF", "001") + Field("BELNR", "PO-" + number) + Field("DATUM", "20261130"));
  for (int line = 1; line <= 3; ++line) {
    const std::string material =
        Segment("E1EDP19",
                Field("QUALF", "002", "        ") + Field("IDTNR", "HX-" + std::to_string(2000 + line), "        ") +
                    Field("KTEXT", texts.material + std::to_string(line), "        "),
                "      ");
    idoc +=
        Segment("E1EDP01", Field("POSEX", std::to_string(line * 10)) + Field("MENGE", "4.000") + Field("MENEE", "PCE") +
                               Field("VPREI", "1250.00") + Field("NETWR", "5000.00") + material);
  }
  idoc += Segment("E1EDS01", Field("SUMID", "002") + Field("SUMME", "15000.00") + Field("SUNIT", "EUR"));
  return idoc + "  </IDOC>\n";
}

}  // namespace

GeneratedFile GenerateOrders05(const std::filesystem::path& path, std::uint64_t min_bytes, GeneratedEncoding encoding) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write " + path.string());
  const bool gbk = encoding == GeneratedEncoding::kGbk;
  GeneratedFile file;
  const std::string head =
      std::string("<?xml version=\"1.0\" encoding=\"") + (gbk ? "GBK" : "UTF-8") + "\"?>\n<ORDERS05>\n";
  out << head;
  file.bytes = head.size();
  while (file.bytes < min_bytes) {
    const std::string idoc = gbk ? ToGbk(Idoc(file.idocs, kChinese)) : Idoc(file.idocs, kGerman);
    out << idoc;
    file.bytes += idoc.size();
    ++file.idocs;
    file.records += 6;
  }
  const std::string tail = "</ORDERS05>\n";
  out << tail;
  file.bytes += tail.size();
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
  return file;
}

}  // namespace hub::supply_chain::testing
