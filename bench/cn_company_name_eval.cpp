// The Chinese company-name parser (hub/matching/cn_company_name.hpp) on companynameparser's ground truth: 500
// names, each with its labelled trade name (字号) or none. Prints the share of names whose extracted trade name
// is exactly the label (none for none) and, over the labelled names only, the share found — the two figures
// companynameparser reports for itself (97.0 / 96.7), and the names parsed per second on one core (thread CPU
// time, best of 3 passes over the 500). With -v, every miss.
// Usage: bench_cn_company_name_eval [-v] [GROUNDTRUTH] (default
// ../shared/data/cn_company_name_parser/groundtruth.txt, from the project root).
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "matching/cn_company_name.hpp"
#include "process_cpu.hpp"

int main(int argc, char** argv) {
  bool verbose = false;
  std::string path = "../shared/data/cn_company_name_parser/groundtruth.txt";
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "-v") {
      verbose = true;
    } else {
      path = argv[i];
    }
  }
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "bench_cn_company_name_eval: cannot read %s\n", path.c_str());
    return 1;
  }
  const hub::matching::ChineseCompanyNameParser& parser = hub::matching::ChineseCompanyNameParser::Builtin();
  int names = 0;
  int right = 0;
  int labelled = 0;
  int labelled_right = 0;
  std::vector<std::string> all_names;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string name;
    std::string label;
    if (!(fields >> name)) continue;
    fields >> label;
    all_names.push_back(name);
    const hub::matching::ChineseCompanyName parts = parser.Parse(name);
    ++names;
    const bool hit = parts.trade_name == label;
    right += hit ? 1 : 0;
    if (!label.empty()) {
      ++labelled;
      labelled_right += hit ? 1 : 0;
    }
    if (!hit && verbose) {
      std::printf("miss: %s label=%s got=%s (region %s, industry %s, form %s, branch %s)\n", name.c_str(),
                  label.c_str(), parts.trade_name.c_str(), parts.region.c_str(), parts.industry.c_str(),
                  parts.legal_form.c_str(), parts.branch.c_str());
    }
  }
  std::printf("names %d: trade name as labelled %.1f%% (%d); labelled names %d: found %.1f%% (%d)\n", names,
              100.0 * right / names, right, labelled, 100.0 * labelled_right / labelled, labelled_right);
  std::size_t sink = 0;
  constexpr int kRounds = 20;
  const double seconds = hub::bench::BestThreadCpuSeconds([&] {
    for (int round = 0; round < kRounds; ++round) {
      for (const std::string& name : all_names) sink += parser.Parse(name).trade_name.size();
    }
  });
  std::printf("parsed %.0f names/s on one core (%.1f us each; checksum %zu)\n",
              static_cast<double>(all_names.size()) * kRounds / seconds,
              seconds * 1e6 / (static_cast<double>(all_names.size()) * kRounds), sink);
  return 0;
}
