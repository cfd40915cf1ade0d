#include "match_eval_data.hpp"

#include <fstream>
#include <functional>
#include <map>
#include <stdexcept>

#include "hub/files/csv_splitter.hpp"

namespace hub::bench {
namespace {

std::string Trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return "";
  const std::size_t end = text.find_last_not_of(" \t\r");
  return std::string(text.substr(begin, end - begin + 1));
}

// Calls `row` with the trimmed fields of every record after the header.
void ReadCsv(const std::string& path, files::CsvDialect dialect,
             const std::function<void(const std::vector<std::string>&)>& row) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  files::CsvSplitter splitter(dialect);
  std::string line;
  bool header = true;
  splitter.Reset();
  while (std::getline(in, line)) {
    if (!splitter.AddLine(line, "\n")) continue;
    std::vector<std::string> fields;
    for (std::size_t i = 0; i < splitter.field_count(); ++i) fields.push_back(Trim(splitter.field(i)));
    splitter.Reset();
    if (header) {
      header = false;
      continue;
    }
    row(fields);
  }
}

// "rec-12-dup-0" -> "12".
std::string FebrlEntity(const std::string& rec_id) {
  const std::size_t begin = rec_id.find('-') + 1;
  return rec_id.substr(begin, rec_id.find('-', begin) - begin);
}

}  // namespace

EvalSet LoadFebrl(const std::string& name, const std::vector<std::string>& files) {
  EvalSet set{name, files.size() > 1, {}, {}};
  for (std::size_t source = 0; source < files.size(); ++source) {
    ReadCsv(files[source], {}, [&](const std::vector<std::string>& f) {
      if (f.size() < 11) return;
      matching::MatchRecord r;
      r.source = std::to_string(source);
      r.id = f[0];
      r.given_name = f[1];
      r.family_name = f[2];
      r.street = f[3].empty() ? f[4] : f[3] + " " + f[4];
      r.locality = f[6];
      r.postcode = f[7];
      r.region = f[8];
      r.date_of_birth = f[9];
      r.personal_id = f[10];
      set.records.push_back(std::move(r));
      set.entity.push_back(FebrlEntity(f[0]));
    });
  }
  return set;
}

EvalSet LoadRestaurants(const std::string& folder) {
  EvalSet set{"restaurants", true, {}, {}};
  const files::CsvDialect pipes{'|', std::nullopt};
  std::map<std::string, std::string> entity_of_second;  // rest2 id -> rest1 id it matches
  ReadCsv(folder + "/gt.csv", pipes, [&](const std::vector<std::string>& f) { entity_of_second[f[1]] = "r1-" + f[0]; });
  for (const char* file : {"rest1", "rest2"}) {
    const bool second = std::string(file) == "rest2";
    ReadCsv(folder + "/" + file + ".csv", pipes, [&](const std::vector<std::string>& f) {
      matching::MatchRecord r;
      r.source = file;
      r.id = f[0];
      r.name = f.size() > 1 ? f[1] : "";
      if (f.size() > 2 && !f[2].empty()) r.phones.push_back(f[2]);
      r.phone_country = "US";
      r.street = f.size() > 3 ? f[3] : "";
      const auto match = entity_of_second.find(f[0]);
      set.entity.push_back(!second ? "r1-" + f[0] : match != entity_of_second.end() ? match->second : "r2-" + f[0]);
      set.records.push_back(std::move(r));
    });
  }
  return set;
}

EvalSet LoadPatstat(const std::string& folder) {
  EvalSet set{"patstat", false, {}, {}};
  std::map<std::string, std::string> leuven_id;
  ReadCsv(folder + "/patstat_reference.csv", {}, [&](const std::vector<std::string>& f) { leuven_id[f[0]] = f[1]; });
  ReadCsv(folder + "/patstat_input.csv", {}, [&](const std::vector<std::string>& f) {
    if (f.size() < 5) return;
    matching::MatchRecord r;
    r.source = "patstat";
    r.id = f[0];
    r.name = f[4];
    set.records.push_back(std::move(r));
    set.entity.push_back(leuven_id[f[0]]);
  });
  return set;
}

}  // namespace hub::bench
