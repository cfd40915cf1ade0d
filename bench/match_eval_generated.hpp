// A generated Chinese and English company set with its truth, for bench_match_eval: the variants the issue
// lists (region leading or in brackets, Traditional characters, the pinyin English name, legal forms in
// both languages, several phone forms, credit codes, legacy tax numbers and bare organization codes, one
// mistyped) and its hard negatives (the same trade name and industry in another city, branch offices).
#ifndef HUB_BENCH_MATCH_EVAL_GENERATED_HPP_
#define HUB_BENCH_MATCH_EVAL_GENERATED_HPP_

#include <cstddef>
#include <cstdint>

#include "match_eval_data.hpp"

namespace hub::bench {

// `records` records of companies (one in ten a branch office of the one before, in its own city), one to
// three records a company from two sources: a name in one of five forms (region leading, region in
// brackets, Traditional characters, the English name in pinyin, the same in capitals; a branch's with
// "分公司" or "… Branch"), a landline in one of four forms for 90% of the records, an identifier for 70%
// (credit code, legacy tax number, bare organization code, a credit code with a wrong check character, or
// none). Trade names of two or three of 123 characters, 36 cities, 15 industries; no two head offices share
// a registered name (trade name, industry and city), as registration ensures. Seeded: the same arguments
// give the same set.
EvalSet GenerateCompanyRecords(std::size_t records, std::uint64_t seed);

}  // namespace hub::bench

#endif  // HUB_BENCH_MATCH_EVAL_GENERATED_HPP_
