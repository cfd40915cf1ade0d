// The labelled data sets bench_match_eval scores the matcher on, read straight from their CSV files in
// ../shared/data (not yet through a connector): each record with the entity its ground truth gives it.
#ifndef HUB_BENCH_MATCH_EVAL_DATA_HPP_
#define HUB_BENCH_MATCH_EVAL_DATA_HPP_

#include <string>
#include <vector>

#include "matching/match_record.hpp"

namespace hub::bench {

struct EvalSet {
  std::string name;
  bool link = false;  // two sources linked (pairs within one source are not candidates), else deduplicated
  std::vector<matching::MatchRecord> records;
  std::vector<std::string> entity;  // per record: the true entity
};

// FEBRL persons (rec-N-org / rec-N-dup-K are entity N); `files` one for dedupe, two (4a, 4b) for link.
EvalSet LoadFebrl(const std::string& name, const std::vector<std::string>& files);
// pyJedAI's restaurants (D1): rest1 x rest2 by gt.csv; names, US phones, streets.
EvalSet LoadRestaurants(const std::string& folder);
// PATSTAT applicants: the input's Name, the entity its reference's leuven_id.
EvalSet LoadPatstat(const std::string& folder);

}  // namespace hub::bench

#endif  // HUB_BENCH_MATCH_EVAL_DATA_HPP_
