#include "call_center/cdr_leg.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstddef>
#include <vector>

namespace hub::call_center {
namespace {

// One way Asterisk lays out a CDR row: its name and its columns in order.
struct Layout {
  std::string name;
  std::vector<std::string_view> columns;

  std::optional<std::size_t> IndexOf(std::string_view column) const {
    const auto found = std::find(columns.begin(), columns.end(), column);
    if (found == columns.end()) return std::nullopt;
    return static_cast<std::size_t>(found - columns.begin());
  }
};

// cdr_csv.c's build_csv_record: 16 columns always, then uniqueid (loguniqueid), userfield (loguserfield),
// and peeraccount, linkedid, sequence (newcdrcolumns), each group present or not.
Layout CdrCsvLayout(bool uniqueid, bool userfield, bool newcdrcolumns) {
  Layout layout{"cdr_csv",
                {"accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp", "lastdata",
                 "start", "answer", "end", "duration", "billsec", "disposition", "amaflags"}};
  if (uniqueid) {
    layout.name += "+uniqueid";
    layout.columns.push_back("uniqueid");
  }
  if (userfield) {
    layout.name += "+userfield";
    layout.columns.push_back("userfield");
  }
  if (newcdrcolumns) {
    layout.name += "+newcdrcolumns";
    layout.columns.insert(layout.columns.end(), {"peeraccount", "linkedid", "sequence"});
  }
  return layout;
}

// Every known layout; of two with the same field count, the one with uniqueid comes first (it is taken
// only when that column holds a uniqueid).
std::vector<Layout> KnownLayouts() {
  std::vector<Layout> layouts;
  for (const bool newcdrcolumns : {false, true}) {
    layouts.push_back(CdrCsvLayout(false, false, newcdrcolumns));
    layouts.push_back(CdrCsvLayout(true, false, newcdrcolumns));
    layouts.push_back(CdrCsvLayout(false, true, newcdrcolumns));
    layouts.push_back(CdrCsvLayout(true, true, newcdrcolumns));
  }
  // cdr_custom.conf.sample's default mapping for Master.csv.
  layouts.push_back(
      {"cdr_custom",
       {"clid", "src", "dst", "dcontext", "channel", "dstchannel", "lastapp", "lastdata", "start", "answer", "end",
        "duration", "billsec", "disposition", "amaflags", "accountcode", "uniqueid", "userfield", "sequence"}});
  return layouts;
}

const std::vector<Layout>& Layouts() {
  static const std::vector<Layout> layouts = KnownLayouts();
  return layouts;
}

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

// "1706368044.0": seconds, a dot, a counter.
bool LooksLikeUniqueid(std::string_view text) {
  const std::size_t dot = text.find('.');
  return dot != std::string_view::npos && AllDigits(text.substr(0, dot)) && AllDigits(text.substr(dot + 1));
}

std::optional<int> Number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !AllDigits(text)) return std::nullopt;
  return value;
}

// "YYYY-MM-DD HH:MM:SS" local time, `utc_offset` from UTC, as ms since the epoch.
std::optional<std::int64_t> LocalTime(std::string_view text, std::chrono::minutes utc_offset) {
  if (text.size() != 19 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  const auto year = Number(text.substr(0, 4));
  const auto month = Number(text.substr(5, 2));
  const auto day = Number(text.substr(8, 2));
  const auto hour = Number(text.substr(11, 2));
  const auto minute = Number(text.substr(14, 2));
  const auto second = Number(text.substr(17, 2));
  if (!year || !month || !day || !hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 60) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  const auto local = std::chrono::sys_days(date) + std::chrono::hours(*hour) + std::chrono::minutes(*minute) +
                     std::chrono::seconds(*second);
  return std::chrono::duration_cast<std::chrono::milliseconds>((local - utc_offset).time_since_epoch()).count();
}

std::string_view FieldText(const sdk::Record& row, std::size_t index) { return row.fields[index].value.text(); }

constexpr std::array<std::string_view, 5> kDispositions = {"ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION"};

bool IsDisposition(std::string_view text) {
  return std::find(kDispositions.begin(), kDispositions.end(), text) != kDispositions.end();
}

// The field count, a start time and a disposition where the layout has them, and a uniqueid if it has one:
// a cdr_custom row, whose answer time sits where cdr_csv's start does, fails cdr_csv's disposition.
bool Fits(const Layout& layout, const sdk::Record& row, std::chrono::minutes utc_offset) {
  if (layout.columns.size() != row.fields.size()) return false;
  if (!LocalTime(FieldText(row, *layout.IndexOf("start")), utc_offset)) return false;
  if (!IsDisposition(FieldText(row, *layout.IndexOf("disposition")))) return false;
  const std::optional<std::size_t> uniqueid = layout.IndexOf("uniqueid");
  return !uniqueid || LooksLikeUniqueid(FieldText(row, *uniqueid));
}

sdk::Result<CdrLeg> LegOf(const Layout& layout, const sdk::Record& row, std::chrono::minutes utc_offset) {
  const auto text = [&](std::string_view column) {
    const std::optional<std::size_t> index = layout.IndexOf(column);
    return index ? std::string(FieldText(row, *index)) : std::string();
  };
  CdrLeg leg;
  leg.layout = layout.name;
  leg.accountcode = text("accountcode");
  leg.src = text("src");
  leg.dst = text("dst");
  leg.dcontext = text("dcontext");
  leg.clid = text("clid");
  leg.channel = text("channel");
  leg.dstchannel = text("dstchannel");
  leg.lastapp = text("lastapp");
  leg.lastdata = text("lastdata");
  leg.start_ms = *LocalTime(text("start"), utc_offset);
  const std::string answer = text("answer");
  if (!answer.empty()) {
    leg.answer_ms = LocalTime(answer, utc_offset);
    if (!leg.answer_ms) return sdk::Status::InvalidArgument("answer '" + answer + "' is not a time");
  }
  const std::optional<std::int64_t> end = LocalTime(text("end"), utc_offset);
  if (!end) return sdk::Status::InvalidArgument("end '" + text("end") + "' is not a time");
  leg.end_ms = *end;
  leg.disposition = text("disposition");
  leg.uniqueid = text("uniqueid");
  leg.userfield = text("userfield");
  leg.peeraccount = text("peeraccount");
  leg.linkedid = text("linkedid");
  return leg;
}

}  // namespace

std::string CallKey(const CdrLeg& leg) {
  if (!leg.linkedid.empty()) return leg.linkedid;
  if (!leg.uniqueid.empty()) return leg.uniqueid;
  return leg.channel + "@" + std::to_string(leg.start_ms);
}

sdk::Result<CdrLeg> ReadLeg(const sdk::Record& row, std::chrono::minutes utc_offset) {
  for (const Layout& layout : Layouts()) {
    if (Fits(layout, row, utc_offset)) return LegOf(layout, row, utc_offset);
  }
  return sdk::Status::InvalidArgument(
      "a row of no known CDR layout (" + std::to_string(row.fields.size()) +
      " fields; cdr_csv has 16 to 21 with the start time 10th and the disposition 15th, cdr_custom 19 with them "
      "9th and 14th)");
}

}  // namespace hub::call_center
