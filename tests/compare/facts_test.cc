#include "compare/facts.h"

#include <gtest/gtest.h>

#include <cmath>

#include "corroborate/extract/quantities.h"

namespace corroborate::compare {
namespace {

extract::Quantity Q(const std::string& s) {
  auto qs = extract::ExtractQuantities(s, Span{0, static_cast<uint32_t>(s.size())});
  EXPECT_EQ(qs.size(), 1u) << s;
  return qs.empty() ? extract::Quantity() : qs[0];
}

bool Agree(const std::string& a, const std::string& b) {
  return Overlap(Widen(Q(a), 0.05), Widen(Q(b), 0.05));
}

TEST(FactsTest, CompatibleFiguresOverlap) {
  EXPECT_TRUE(Agree("2,514 deaths", "more than 2,500 deaths"));
  EXPECT_TRUE(Agree("up to 140,000 deaths", "between 100,000 and 140,000 deaths"));
  EXPECT_TRUE(Agree("55,000 deaths", "approximately 55,000 deaths"));
  EXPECT_TRUE(Agree("55,000 deaths", "55,312 deaths"));        // rounding of a round figure
  EXPECT_TRUE(Agree("nearly 400,000 deaths", "390,000 deaths"));
  EXPECT_TRUE(Agree("over 46,000 deaths", "46,000 deaths"));
  EXPECT_TRUE(Agree("-20°C", "nearly -20°C"));
}

TEST(FactsTest, DifferentFiguresDoNot) {
  EXPECT_FALSE(Agree("55,000 deaths", "65,000 deaths"));
  EXPECT_FALSE(Agree("55,000 deaths", "56,000 deaths"));
  EXPECT_FALSE(Agree("1.1 million casualties", "1.2 million casualties"));
  EXPECT_FALSE(Agree("three deaths", "four deaths"));
  EXPECT_FALSE(Agree("nearly 400,000 deaths", "401,000 deaths"));  // "nearly": at or a little below
  EXPECT_FALSE(Agree("up to 140,000 deaths", "150,000 deaths"));
  EXPECT_FALSE(Agree("more than 2,500 deaths", "2,000 deaths"));
}

extract::Concept C(const std::string& head, const std::string& event, const std::string& place) {
  extract::Concept c;
  c.head_class = head;
  c.head = head;
  c.event_class = event;
  c.place = place;
  return c;
}

TEST(FactsTest, ConceptCompatibility) {
  EXPECT_TRUE(ConceptsCompatible(C("soldier", "death", "Ukraine"), C("", "death", "")));
  EXPECT_TRUE(ConceptsCompatible(C("person", "death", ""), C("soldier", "death", "")));
  EXPECT_FALSE(ConceptsCompatible(C("soldier", "death", "Ukraine"), C("soldier", "death", "Russia")));
  EXPECT_FALSE(ConceptsCompatible(C("soldier", "death", ""), C("soldier", "injury", "")));
  EXPECT_FALSE(ConceptsCompatible(C("soldier", "", ""), C("civilian", "", "")));
  EXPECT_GT(ConceptSimilarity(C("soldier", "death", "Ukraine"), C("soldier", "death", "Ukraine")), 0.99);
  EXPECT_GT(ConceptSimilarity(C("soldier", "death", "Ukraine"), C("", "death", "")),
            ConceptSimilarity(C("soldier", "death", "Ukraine"), C("person", "", "")));
  EXPECT_EQ(ConceptSimilarity(C("soldier", "death", ""), C("soldier", "injury", "")), 0);
}

}  // namespace
}  // namespace corroborate::compare
