// Comparisons per second on one core of each string kernel of hub/matching on short names from the data sets:
// FEBRL 4a x 4b given names and surnames of one person (original against its duplicate), PATSTAT applicant names
// and Chinese company names each against the next in its file, and as many random pairs of those; next to two
// ceilings on the same pairs in the same run: the textbook O(n*m)
// Jaro and memcmp of the same strings. Not Google Benchmark: one table, best of three passes in thread CPU
// time. Usage: bench_string_kernels [DATA_DIR] (default ../shared/data, from the project root).
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "matching/code_points.hpp"
#include "matching/jaro.hpp"
#include "matching/ngram_similarity.hpp"
#include "matching/token_similarity.hpp"
#include "process_cpu.hpp"

namespace {

using hub::matching::ToCodePoints;

struct Pair {
  std::string set;  // "febrl", "patstat", "chinese", "random"
  std::string a;
  std::string b;
  std::u32string a32;
  std::u32string b32;
};

std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    std::string field = line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    while (!field.empty() && field.front() == ' ') field.erase(0, 1);
    fields.push_back(field);
    if (comma == std::string::npos) return fields;
    start = comma + 1;
  }
}

// rec-N-org of 4a and rec-N-dup-0 of 4b are one person: (given name, surname) by N.
std::map<std::string, std::vector<std::string>> FebrlByEntity(const std::string& path) {
  std::map<std::string, std::vector<std::string>> out;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> f = Fields(line);
    if (f.size() < 3) continue;
    const std::string id = f[0].substr(0, f[0].find('-', 4));
    out[id] = {f[1], f[2]};
  }
  return out;
}

std::vector<std::string> Column(const std::string& path, std::size_t skip_commas, char separator) {
  std::vector<std::string> out;
  std::ifstream in(path);
  std::string line;
  if (separator == ',') std::getline(in, line);
  while (std::getline(in, line)) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < skip_commas && start != std::string::npos; ++i) {
      start = line.find(separator, start);
      if (start != std::string::npos) ++start;
    }
    if (start == std::string::npos) continue;
    std::string value = line.substr(start);
    if (separator == ' ') value = line.substr(0, line.find(' '));
    std::erase(value, '"');
    if (!value.empty() && ToCodePoints(value).size() <= 40) out.push_back(value);
  }
  return out;
}

std::vector<Pair> MakePairs(const std::string& data) {
  struct Raw {
    std::string set;
    std::string a;
    std::string b;
  };
  std::vector<Raw> raw;
  const auto a = FebrlByEntity(data + "/febrl/dataset4a.csv");
  const auto b = FebrlByEntity(data + "/febrl/dataset4b.csv");
  for (const auto& [id, names] : a) {
    auto other = b.find(id);
    if (other == b.end()) continue;
    for (std::size_t i = 0; i < 2; ++i) {
      if (!names[i].empty() && !other->second[i].empty()) raw.push_back({"febrl", names[i], other->second[i]});
    }
  }
  std::vector<std::string> latin = Column(data + "/patstat_company_names/patstat_reference.csv", 2, ',');
  std::vector<std::string> chinese = Column(data + "/cn_company_name_parser/groundtruth.txt", 0, ' ');
  std::mt19937 random(7);
  for (const auto& [set, names] : {std::pair{"patstat", &latin}, std::pair{"chinese", &chinese}}) {
    for (std::size_t i = 0; i + 1 < names->size(); ++i) raw.push_back({set, (*names)[i], (*names)[i + 1]});
  }
  // As many random pairs as true ones: most candidate pairs of a blocked matcher are non-matches.
  const std::size_t matches = raw.size();
  for (std::size_t i = 0; i < matches; ++i)
    raw.push_back({"random", raw[random() % matches].a, raw[random() % matches].b});
  std::vector<Pair> pairs;
  for (const Raw& r : raw) pairs.push_back({r.set, r.a, r.b, ToCodePoints(r.a), ToCodePoints(r.b)});
  return pairs;
}

void Row(const char* name, const std::vector<Pair>& pairs, const std::function<double(const Pair&)>& kernel) {
  double sink = 0;
  const int repeats = 20;
  const double seconds = hub::bench::BestThreadCpuSeconds([&] {
    for (int r = 0; r < repeats; ++r) {
      for (const Pair& p : pairs) sink += kernel(p);
    }
  });
  const double per_second = static_cast<double>(pairs.size()) * repeats / seconds;
  std::printf("%-40s %8.2f M comparisons/s  %6.1f ns each  (checksum %.3f)\n", name, per_second / 1e6, 1e9 / per_second,
              sink);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string data = argc > 1 ? argv[1] : "../shared/data";
  const std::vector<Pair> pairs = MakePairs(data);
  if (pairs.empty()) {
    std::fprintf(stderr, "bench_string_kernels: no names read under %s\n", data.c_str());
    return 1;
  }
  double length = 0;
  for (const Pair& p : pairs) length += static_cast<double>(p.a32.size() + p.b32.size()) / 2;
  std::printf("%zu pairs, mean length %.1f code points, one core (thread CPU time, best of 3)\n", pairs.size(),
              length / static_cast<double>(pairs.size()));
  using namespace hub::matching;
  Row("ceiling: memcmp (UTF-32)", pairs, [](const Pair& p) {
    return p.a32.size() == p.b32.size() && std::memcmp(p.a32.data(), p.b32.data(), p.a32.size() * 4) == 0 ? 1.0 : 0.0;
  });
  Row("ceiling: Jaro textbook O(n*m)", pairs, [](const Pair& p) { return JaroQuadratic(p.a32, p.b32); });
  Row("Jaro bit-parallel", pairs, [](const Pair& p) { return Jaro(p.a32, p.b32); });
  Row("Jaro-Winkler bit-parallel", pairs, [](const Pair& p) { return JaroWinkler(p.a32, p.b32); });
  // A new record against its block of candidates: one pattern, kBlock texts.
  constexpr std::size_t kBlock = 50;
  std::vector<JaroPattern> patterns;
  for (std::size_t i = 0; i < pairs.size(); i += kBlock) patterns.emplace_back(pairs[i].b32);
  std::size_t next = 0;
  Row("Jaro-Winkler, one pattern vs 50", pairs, [&](const Pair& p) {
    const double score = patterns[next / kBlock].JaroWinkler(p.a32);
    next = next + 1 == pairs.size() ? 0 : next + 1;
    return score;
  });
  for (const char* set : {"febrl", "patstat", "chinese", "random"}) {
    std::vector<Pair> subset;
    double subset_length = 0;
    for (const Pair& p : pairs) {
      if (p.set != set) continue;
      subset.push_back(p);
      subset_length += static_cast<double>(p.a32.size() + p.b32.size()) / 2;
    }
    const std::string label =
        std::string("  Jaro-Winkler, ") + set + " (mean length " +
        std::to_string(static_cast<int>(subset_length / static_cast<double>(subset.size()) + 0.5)) + ")";
    Row(label.c_str(), subset, [](const Pair& p) { return JaroWinkler(p.a32, p.b32); });
  }
  Row("Indel ratio (bit-parallel LCS)", pairs, [](const Pair& p) { return IndelRatio(p.a32, p.b32); });
  Row("bigram Dice", pairs, [](const Pair& p) { return BigramDice(p.a32, p.b32); });
  Row("token sort ratio (from UTF-8)", pairs, [](const Pair& p) { return TokenSortRatio(p.a, p.b); });
  Row("token set ratio (from UTF-8)", pairs, [](const Pair& p) { return TokenSetRatio(p.a, p.b); });
  Row("token Jaccard (from UTF-8)", pairs, [](const Pair& p) { return TokenJaccard(p.a, p.b); });
  return 0;
}
