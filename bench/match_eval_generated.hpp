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

// `companies` entities (one in ten a branch office of the one before, written in Chinese only), one to
// three records each from two sources: a name in one of four forms, a landline in one of four forms for 90%
// of the records, an identifier for 70% (credit code, legacy tax number, bare organization code, a credit
// code with a wrong check character, or none). Seeded: the same arguments give the same set.
EvalSet GenerateCompanies(std::size_t companies, std::uint64_t seed);

}  // namespace hub::bench

#endif  // HUB_BENCH_MATCH_EVAL_GENERATED_HPP_
