// Paragraph-level copy detection: a pasted paragraph is found among earlier ones, with
// light edits; unrelated and short paragraphs are not; forgotten paragraphs are gone.
#include "corroborate/cluster/paragraphs.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace corroborate::cluster {
namespace {

std::string Words(std::mt19937* rng, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += "w" + std::to_string((*rng)() % 5000) + " ";
  return s;
}

TEST(ParagraphsTest, FindsAPastedParagraphWithLightEdits) {
  std::mt19937 rng(11);
  std::string wire = "The port authority said on Tuesday that " + Words(&rng, 60) + "according to the statement.";
  ParagraphIndex index;
  for (int k = 0; k < 50; ++k) index.Add(MakeParagraphPrint(Words(&rng, 40)));
  uint32_t id = index.Add(MakeParagraphPrint(wire));
  // The same paragraph with a word changed and a word added, in another article.
  std::string edited = wire;
  edited.replace(edited.find("Tuesday"), 7, "Wednesday");
  edited = "Meanwhile, " + edited;
  ParagraphIndex::Match m = index.Find(MakeParagraphPrint(edited));
  EXPECT_EQ(m.id, id);
  EXPECT_GE(m.jaccard, 0.8);
  EXPECT_LT(m.jaccard, 1.0);
  // An unrelated paragraph, and a short line, match nothing.
  EXPECT_EQ(index.Find(MakeParagraphPrint(Words(&rng, 40))).id, -1);
  EXPECT_TRUE(MakeParagraphPrint("Too short to be a pasted paragraph.").shingles.empty());
  // Once forgotten, the paragraph is no source.
  index.Forget(id);
  EXPECT_EQ(index.Find(MakeParagraphPrint(edited)).id, -1);
  EXPECT_EQ(index.live(), 50u);
}

TEST(ParagraphsTest, RecallOnRandomPastesIsHigh) {
  // Sampling anchors must not lose pastes: every copy at Jaccard >= 0.8 is found.
  std::mt19937 rng(12);
  ParagraphIndex index;
  std::vector<std::string> originals;
  for (int k = 0; k < 300; ++k) {
    originals.push_back(Words(&rng, 20 + rng() % 80));
    index.Add(MakeParagraphPrint(originals.back()));
  }
  size_t found = 0, tried = 0;
  for (const std::string& o : originals) {
    std::string copy = o + " said officials";  // two words more: Jaccard well above 0.8 for 20+ words
    ParagraphPrint p = MakeParagraphPrint(copy);
    double truth = 0;
    ParagraphPrint q = MakeParagraphPrint(o);
    size_t inter = 0;
    for (uint32_t h : p.shingles) inter += std::binary_search(q.shingles.begin(), q.shingles.end(), h);
    truth = static_cast<double>(inter) / static_cast<double>(p.shingles.size() + q.shingles.size() - inter);
    if (truth < 0.8) continue;
    ++tried;
    found += index.Find(p).id >= 0;
  }
  EXPECT_GT(tried, 250u);
  EXPECT_EQ(found, tried);
}

}  // namespace
}  // namespace corroborate::cluster
