// A record the matcher compares (a person or an organization from any source), and the forms it is
// compared in, computed once per record so that comparing a pair only reads them.
#ifndef HUB_MATCHING_MATCH_RECORD_HPP_
#define HUB_MATCHING_MATCH_RECORD_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matching/cn_company_name.hpp"
#include "matching/company_name_key.hpp"
#include "matching/domain_key.hpp"
#include "matching/organization_key.hpp"
#include "matching/text_normalizer.hpp"

namespace hub::matching {

// What a source says about one party, as written there. Every field may be empty. `name` is an
// organization's name (any script, with legal form and region); persons fill given and family name.
struct MatchRecord {
  std::string source;  // the system or data set it came from: link mode compares only across sources
  std::string id;      // its key in that source
  std::string name;
  std::string given_name;
  std::string family_name;
  std::string street;    // number and street: "12 pinkerton circuit", "建国路88号"
  std::string locality;  // suburb, district or city
  std::string postcode;
  std::string region;           // state or province
  std::string organization_id;  // USCC, legacy tax registration number or organization code
  std::string personal_id;      // a person's national or social-security number
  std::vector<std::string> phones;
  std::string phone_country;  // ISO 3166-1 alpha-2 of numbers without calling code; empty: China
  std::string email;
  std::string website;
  std::string date_of_birth;  // YYYYMMDD
};

// A text in its comparison form and as code points for the string kernels.
struct ComparedText {
  std::string text;
  std::u32string code_points;
  bool empty() const { return text.empty(); }
};

// The comparison forms of a record. `organization_key` is absent when the record has no identifier of a
// readable length; present but flagged (valid() false) when mistyped. Phones that cannot be dialled are
// dropped; 400/800 service numbers are kept apart in `service_phones` (they weigh little).
struct PreparedRecord {
  std::string source;
  std::string id;
  bool han = false;         // the name is Chinese: compared by bigrams, not by words
  ComparedText name;        // organization: the core (no legal form, region or branch); empty for a person
  ComparedText trade_name;  // organization's trade name (字号) or its Latin first words
  std::string name_pinyin;  // the trade name's pinyin key: links 华信 to "Huaxin"
  std::string branch;       // 北京分公司: empty for a head office
  std::string branch_key;   // the branch in either script (CompanyNameKey::branch_key): what is compared
  ComparedText given_name;
  ComparedText family_name;
  ComparedText street;
  ComparedText locality;
  std::string postcode;
  std::string region;
  std::optional<OrganizationKey> organization_key;
  ComparedText personal_id;
  std::vector<std::string> phones;  // E.164
  std::vector<std::string> service_phones;
  std::string email;
  std::string domain;  // registrable domain of the web site, else of the e-mail
  ComparedText date_of_birth;
};

// The converters PrepareRecord needs; each is thread-safe, so one set serves all threads.
struct RecordPreparers {
  const TextNormalizer& normalizer;
  const ChineseCompanyNameParser& parser;
  const DomainKeys& domains;
};

// The comparison forms of `record`. Thread-safe as `preparers` are.
PreparedRecord PrepareRecord(const MatchRecord& record, const RecordPreparers& preparers);

// PrepareRecord of every record, in their order, on `threads` threads (0: the machine's cores): the same
// result whatever the number of threads.
std::vector<PreparedRecord> PrepareRecords(const std::vector<MatchRecord>& records, const RecordPreparers& preparers,
                                           unsigned threads = 0);

// `text` folded (model::NormalizeName) with its code points.
ComparedText MakeComparedText(std::string_view folded);

}  // namespace hub::matching

#endif  // HUB_MATCHING_MATCH_RECORD_HPP_
