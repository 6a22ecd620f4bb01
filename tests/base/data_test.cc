#include "corroborate/base/data.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace corroborate::data {
namespace {

TEST(DataTest, EveryLexiconIsEmbedded) {
  std::vector<std::string_view> names = Names();
  for (const char* expected : {"extract/units.tsv", "extract/qualifiers.tsv", "clean/boilerplate.tsv",
                               "text/abbreviations.tsv", "compare/opinion.tsv"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  }
}

TEST(DataTest, TablesSkipCommentsAndKeepLineNumbers) {
  auto rows = Table("extract/qualifiers.tsv");
  ASSERT_FALSE(rows.empty());
  for (const auto& r : rows) {
    EXPECT_GE(r.fields.size(), 3u) << "line " << r.line;
    EXPECT_NE(r.fields[0].substr(0, 1), "#");
  }
}

TEST(DataTest, EveryTsvRowHasItsFields) {
  // Each table documents its fields; a row with too few is a mistake in data/.
  struct Spec {
    const char* name;
    size_t fields;
  };
  for (const Spec& s : {Spec{"extract/units.tsv", 4}, Spec{"extract/number_words.tsv", 3},
                        Spec{"extract/concepts.tsv", 3}, Spec{"clean/caption_cues.tsv", 3},
                        Spec{"clean/boilerplate.tsv", 2}, Spec{"compare/opinion.tsv", 3}}) {
    for (const auto& r : Table(s.name)) EXPECT_GE(r.fields.size(), s.fields) << s.name << " line " << r.line;
  }
}

}  // namespace
}  // namespace corroborate::data
