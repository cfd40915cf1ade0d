#include "matching/blocking.hpp"

#include <algorithm>

#include "matching/code_points.hpp"
#include "matching/parallel.hpp"

namespace hub::matching {
namespace {

char SoundexDigit(char c) {
  switch (c) {
    case 'b':
    case 'f':
    case 'p':
    case 'v':
      return '1';
    case 'c':
    case 'g':
    case 'j':
    case 'k':
    case 'q':
    case 's':
    case 'x':
    case 'z':
      return '2';
    case 'd':
    case 't':
      return '3';
    case 'l':
      return '4';
    case 'm':
    case 'n':
      return '5';
    case 'r':
      return '6';
    default:
      return '0';  // vowels, h, w, y: no code
  }
}

bool IsAsciiLetter(char c) { return c >= 'a' && c <= 'z'; }

// The first `count` code points, as UTF-8.
std::string Prefix(std::u32string_view code_points, std::size_t count) { return ToUtf8(code_points.substr(0, count)); }

std::string FirstWord(const std::string& text) { return text.substr(0, text.find(' ')); }

void AddPersonKeys(const PreparedRecord& r, std::vector<std::string>& keys) {
  const std::string family = Soundex(r.family_name.text);
  const std::string given = Soundex(r.given_name.text);
  if (!family.empty()) keys.push_back("fn:" + family + ":" + r.given_name.text.substr(0, 1));
  if (!given.empty()) keys.push_back("gn:" + given + ":" + r.family_name.text.substr(0, 1));
  if (!r.date_of_birth.empty()) keys.push_back("dob:" + r.date_of_birth.text);
  if (!r.personal_id.empty()) keys.push_back("pid:" + r.personal_id.text);
}

void AddOrganizationKeys(const PreparedRecord& r, std::vector<std::string>& keys) {
  if (!r.name_pinyin.empty()) keys.push_back("tn:" + r.name_pinyin);
  if (!r.name.empty()) {
    // A Chinese name core's first three characters: its trade name and the start of its industry (华信科);
    // two alone are shared by every company of that trade name in every trade and city, dozens at a
    // million records, each block paired in full. Its Soundex would be its first two characters.
    keys.push_back(r.han ? "nm:" + Prefix(r.name.code_points, 3) : "nm:" + FirstWord(r.name.text));
    if (!r.han) keys.push_back("ns:" + Soundex(FirstWord(r.name.text)));
  }
  if (!r.han) {
    // Every word of a Latin name's trade name (the whole core when it starts with an industry word): word
    // order varies ("electronics konink philips" / "philips"), and an industry word says nothing of who.
    const std::string& words = r.trade_name.empty() ? r.name.text : r.trade_name.text;
    for (std::size_t begin = 0; begin < words.size();) {
      std::size_t end = words.find(' ', begin);
      if (end == std::string::npos) end = words.size();
      if (end - begin >= 3) keys.push_back("tk:" + words.substr(begin, end - begin));
      begin = end + 1;
    }
  }
  if (r.organization_key) keys.push_back("ok:" + r.organization_key->organization_code);
  if (!r.domain.empty()) keys.push_back("dm:" + r.domain);
  if (!r.email.empty()) keys.push_back("em:" + r.email);
}

void AddPlaceKeys(const PreparedRecord& r, std::vector<std::string>& keys) {
  if (!r.postcode.empty()) keys.push_back("pc:" + r.postcode);
  if (!r.street.empty()) keys.push_back("st:" + Prefix(r.street.code_points, 6));
  for (const std::string& phone : r.phones) keys.push_back("ph:" + phone);
  for (const std::string& phone : r.service_phones) keys.push_back("ph:" + phone);
}

// `pinyin`: the block is a trade name's pinyin key, which pairs a Chinese name with its spelling in pinyin;
// two Chinese names with one reading are homophones (华信, 华鑫), and two with one trade name share "nm:".
void AddPair(const std::vector<PreparedRecord>& records, const BlockingOptions& options, bool pinyin, std::uint32_t a,
             std::uint32_t b, std::vector<CandidatePair>& pairs) {
  if (a == b) return;
  if (options.across_sources_only && records[a].source == records[b].source) return;
  if (pinyin && records[a].han && records[b].han) return;
  pairs.push_back(a < b ? CandidatePair{a, b} : CandidatePair{b, a});
}

// A large block, split: members with one sort key (the same name) are chained, each to the next, which is
// enough for their closure; one representative of each distinct key is then paired with every other when
// they are few, else with the `window` that follow it in sort order (sorted neighbourhood).
void SplitLargeBlock(const std::vector<PreparedRecord>& records, const BlockingOptions& options, bool pinyin,
                     const std::vector<std::uint32_t>& members, std::vector<CandidatePair>& pairs) {
  std::vector<std::pair<std::string, std::uint32_t>> sorted;
  sorted.reserve(members.size());
  for (std::uint32_t m : members) sorted.emplace_back(NeighbourhoodKey(records[m]), m);
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::uint32_t> representatives;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0 && sorted[i].first == sorted[i - 1].first) {
      AddPair(records, options, pinyin, sorted[i - 1].second, sorted[i].second, pairs);
    } else {
      representatives.push_back(sorted[i].second);
    }
  }
  const std::size_t window = representatives.size() <= options.max_block_size ? representatives.size() : options.window;
  for (std::size_t i = 0; i < representatives.size(); ++i) {
    for (std::size_t j = i + 1; j < representatives.size() && j <= i + window; ++j) {
      AddPair(records, options, pinyin, representatives[i], representatives[j], pairs);
    }
  }
}

}  // namespace

std::string Soundex(std::string_view word) {
  if (word.empty()) return "";
  if (!IsAsciiLetter(word[0])) return Prefix(ToCodePoints(word), 2);
  std::string code(1, word[0]);
  char last = SoundexDigit(word[0]);
  for (std::size_t i = 1; i < word.size() && code.size() < 4; ++i) {
    const char c = word[i];
    if (!IsAsciiLetter(c)) continue;
    const char digit = SoundexDigit(c);
    if (digit != '0' && digit != last) code += digit;
    if (c != 'h' && c != 'w') last = digit;
  }
  code.resize(4, '0');
  return code;
}

std::string NeighbourhoodKey(const PreparedRecord& r) {
  return r.name.text + '|' + r.family_name.text + '|' + r.given_name.text + '|' + r.street.text;
}

std::uint64_t HashBlockingKey(std::string_view key) {
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a: the same on every platform and run
  for (unsigned char c : key) hash = (hash ^ c) * 1099511628211ULL;
  return hash;
}

std::vector<BlockEntry> BlockEntries(const std::vector<PreparedRecord>& records, unsigned threads) {
  constexpr std::size_t kChunk = 4096;
  std::vector<std::vector<BlockEntry>> chunks((records.size() + kChunk - 1) / kChunk);
  ParallelFor(records.size(), threads, kChunk, [&](std::size_t begin, std::size_t end) {
    std::vector<BlockEntry>& entries = chunks[begin / kChunk];
    for (std::size_t i = begin; i < end; ++i) {
      for (const BlockingKeyHash& key : BlockingKeyHashes(records[i])) {
        entries.push_back(BlockEntry{key.hash, static_cast<std::uint32_t>(i), key.pinyin});
      }
    }
  });
  std::vector<BlockEntry> entries;
  std::size_t total = 0;
  for (const auto& chunk : chunks) total += chunk.size();
  entries.reserve(total);
  for (auto& chunk : chunks) {
    entries.insert(entries.end(), chunk.begin(), chunk.end());
    std::vector<BlockEntry>().swap(chunk);
  }
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  return entries;
}

std::vector<std::string> BlockingKeys(const PreparedRecord& record) {
  std::vector<std::string> keys;
  AddPersonKeys(record, keys);
  AddOrganizationKeys(record, keys);
  AddPlaceKeys(record, keys);
  return keys;
}

std::vector<BlockingKeyHash> BlockingKeyHashes(const PreparedRecord& record) {
  std::vector<BlockingKeyHash> hashes;
  for (const std::string& key : BlockingKeys(record)) hashes.push_back({HashBlockingKey(key), key.starts_with("tn:")});
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

std::vector<CandidatePair> CandidatePairs(const std::vector<PreparedRecord>& records, const BlockingOptions& options,
                                          unsigned threads) {
  const std::vector<BlockEntry> entries = BlockEntries(records, threads);
  std::vector<CandidatePair> pairs;
  std::vector<std::uint32_t> members;
  for (std::size_t begin = 0; begin < entries.size();) {
    std::size_t end = begin + 1;
    while (end < entries.size() && entries[end].key == entries[begin].key) ++end;
    members.clear();
    for (std::size_t i = begin; i < end; ++i) members.push_back(entries[i].record);
    const bool pinyin = entries[begin].pinyin;
    begin = end;
    if (members.size() > options.max_block_size) {
      SplitLargeBlock(records, options, pinyin, members, pairs);
      continue;
    }
    for (std::size_t i = 0; i < members.size(); ++i) {
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        AddPair(records, options, pinyin, members[i], members[j], pairs);
      }
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace hub::matching
