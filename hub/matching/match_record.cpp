#include "matching/match_record.hpp"

#include "matching/code_points.hpp"
#include "matching/parallel.hpp"
#include "model/normalize.hpp"
#include "model/phone_number.hpp"

namespace hub::matching {
namespace {

// Chinese 400 and 800 numbers reach a company's call centre, shared by all its offices and resold:
// agreeing on one says less than agreeing on a direct line.
bool IsServiceNumber(std::string_view e164) { return e164.starts_with("+86400") || e164.starts_with("+86800"); }

void AddPhones(const MatchRecord& record, PreparedRecord& prepared) {
  for (const std::string& raw : record.phones) {
    const sdk::Result<model::PhoneNumber> phone = model::ParsePhone(raw, record.phone_country);
    if (!phone.ok()) continue;
    (IsServiceNumber(phone->e164) ? prepared.service_phones : prepared.phones).push_back(phone->e164);
  }
}

void AddName(const MatchRecord& record, const RecordPreparers& preparers, PreparedRecord& prepared) {
  prepared.given_name = MakeComparedText(model::NormalizeName(record.given_name));
  prepared.family_name = MakeComparedText(model::NormalizeName(record.family_name));
  if (record.name.empty()) return;  // a person: given and family name are compared apart
  const CompanyNameKey key = MakeCompanyNameKey(record.name, preparers.normalizer, preparers.parser);
  prepared.han = key.han;
  prepared.name = MakeComparedText(key.core);
  prepared.trade_name = MakeComparedText(key.trade_name);
  prepared.name_pinyin = key.pinyin;
  prepared.branch = key.branch;
  prepared.branch_key = key.branch_key;
  if (prepared.region.empty()) prepared.region = key.region;
}

}  // namespace

ComparedText MakeComparedText(std::string_view folded) {
  return ComparedText{std::string(folded), ToCodePoints(folded)};
}

PreparedRecord PrepareRecord(const MatchRecord& record, const RecordPreparers& preparers) {
  PreparedRecord prepared;
  prepared.source = record.source;
  prepared.id = record.id;
  prepared.region = model::NormalizeName(record.region);
  AddName(record, preparers, prepared);
  prepared.street = MakeComparedText(model::NormalizeName(record.street));
  prepared.locality = MakeComparedText(model::NormalizeName(record.locality));
  prepared.postcode = model::NormalizeName(record.postcode);
  if (!record.organization_id.empty()) {
    sdk::Result<OrganizationKey> key = ReadOrganizationKey(record.organization_id);
    if (key.ok()) prepared.organization_key = std::move(*key);
  }
  prepared.personal_id = MakeComparedText(model::NormalizeName(record.personal_id));
  AddPhones(record, prepared);
  prepared.email = model::NormalizeEmail(record.email);
  std::optional<std::string> domain = preparers.domains.OfWebsite(record.website);
  if (!domain && !prepared.email.empty()) domain = preparers.domains.OfEmail(prepared.email);
  prepared.domain = domain.value_or("");
  prepared.date_of_birth = MakeComparedText(model::NormalizeName(record.date_of_birth));
  return prepared;
}

std::vector<PreparedRecord> PrepareRecords(const std::vector<MatchRecord>& records, const RecordPreparers& preparers,
                                           unsigned threads) {
  std::vector<PreparedRecord> prepared(records.size());
  ParallelFor(records.size(), threads, 256, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) prepared[i] = PrepareRecord(records[i], preparers);
  });
  return prepared;
}

}  // namespace hub::matching
