#include "matching/text_normalizer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace hub::matching {
namespace {

std::unique_ptr<TextNormalizer> Make() {
  sdk::Result<std::unique_ptr<TextNormalizer>> made = TextNormalizer::Create();
  EXPECT_TRUE(made.ok()) << made.status().ToString();
  return made.ok() ? std::move(*made) : nullptr;
}

TEST(TextNormalizer, FoldsCompatibilityFormsAndCase) {
  const auto normalizer = Make();
  ASSERT_TRUE(normalizer);
  EXPECT_EQ(normalizer->Fold("  ＡＣＭＥ  Trading, Ltd. "), "acme trading ltd.");
  EXPECT_EQ(normalizer->Fold("STRAßE"), "strasse");
}

TEST(TextNormalizer, ConvertsTraditionalToSimplifiedByPhrase) {
  const auto normalizer = Make();
  ASSERT_TRUE(normalizer);
  EXPECT_EQ(normalizer->ToSimplified("華信科技（北京）有限公司"), "华信科技（北京）有限公司");
  // Phrase level: 乾 is 干 in 乾燥 (dry) but stays 乾 in 乾隆; 瞭解 -> 了解; 頭髮 -> 头发 (髮, hair, not 發).
  EXPECT_EQ(normalizer->ToSimplified("乾燥"), "干燥");
  EXPECT_EQ(normalizer->ToSimplified("乾隆"), "乾隆");
  EXPECT_EQ(normalizer->ToSimplified("瞭解頭髮"), "了解头发");
  EXPECT_EQ(normalizer->ToSimplified("Acme Ltd."), "Acme Ltd.");
}

TEST(TextNormalizer, GivesHanAndLatinNamesOnePinyinKey) {
  const auto normalizer = Make();
  ASSERT_TRUE(normalizer);
  EXPECT_EQ(normalizer->PinyinKey("华信"), "huaxin");
  EXPECT_EQ(normalizer->PinyinKey("華信"), "huaxin");
  EXPECT_EQ(normalizer->PinyinKey("Hua Xin"), "huaxin");
  EXPECT_EQ(normalizer->PinyinKey("ＨＵＡＸＩＮ"), "huaxin");
  EXPECT_EQ(normalizer->PinyinKey("重庆"), "chongqing");
  // Readings ICU's character-by-character transliteration gets wrong in names.
  EXPECT_EQ(normalizer->PinyinKey("厦门"), "xiamen");
  EXPECT_EQ(normalizer->PinyinKey("招商銀行"), "zhaoshangyinhang");
  EXPECT_EQ(normalizer->PinyinKey("成都长城"), "chengduchangcheng");
  EXPECT_EQ(normalizer->PinyinKey("佛山"), "foshan");
  EXPECT_EQ(normalizer->PinyinKey(""), "");
}

TEST(TextNormalizer, RefusesAnOpenccConfigurationItCannotLoad) {
  sdk::Result<std::unique_ptr<TextNormalizer>> made = TextNormalizer::Create("/nonexistent/t2s.json");
  ASSERT_FALSE(made.ok());
  EXPECT_EQ(made.status().code(), sdk::StatusCode::kUnavailable);
  EXPECT_THAT(made.status().message(), ::testing::HasSubstr("/nonexistent/t2s.json"));
}

TEST(TextNormalizer, IsSafeToShareBetweenThreads) {
  const auto normalizer = Make();
  ASSERT_TRUE(normalizer);
  std::vector<std::thread> threads;
  std::vector<int> right(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        right[t] += normalizer->PinyinKey("華信") == "huaxin" && normalizer->ToSimplified("華信") == "华信";
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int count : right) EXPECT_EQ(count, 200);
}

TEST(TextNormalizer, ThreadsConvertAtOnceWithTheirOwnConvertersAndGetTheAnswersOfOne) {
  // No memo: every call converts, on as many converter sets as threads convert at once.
  sdk::Result<std::unique_ptr<TextNormalizer>> made = TextNormalizer::Create(kTraditionalToSimplified, 0);
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  const TextNormalizer& normalizer = **made;
  const std::vector<std::string> names = {"華信", "長城", "廈門", "乾燥", "東興", "豐順", "龍華", "Acme", ""};
  std::vector<std::string> expected;
  for (const std::string& name : names) expected.push_back(normalizer.PinyinKey(name) + normalizer.ToSimplified(name));
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        const std::size_t n = static_cast<std::size_t>(i + t) % names.size();
        wrong[t] += normalizer.PinyinKey(names[n]) + normalizer.ToSimplified(names[n]) != expected[n];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int count : wrong) EXPECT_EQ(count, 0);
  EXPECT_EQ(expected[0], "huaxin华信");
}

TEST(StringMemo, KeepsWhatItComputedUpToItsCapacity) {
  StringMemo memo(64);  // one per shard
  int calls = 0;
  const auto upper = [&](std::string_view text) {
    ++calls;
    std::string out(text);
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
    return out;
  };
  EXPECT_EQ(memo.Get("abc", upper), "ABC");
  EXPECT_EQ(memo.Get("abc", upper), "ABC");
  EXPECT_EQ(calls, 1);
  StringMemo none(0);
  EXPECT_EQ(none.Get("abc", upper), "ABC");
  EXPECT_EQ(none.Get("abc", upper), "ABC");
  EXPECT_EQ(calls, 3);
}

}  // namespace
}  // namespace hub::matching
