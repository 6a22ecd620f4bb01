// Online story clustering: interleaved stories separate, copies join their original,
// the same input always gives the same stories.
#include "corroborate/cluster/stories.h"

#include <gtest/gtest.h>

namespace corroborate::cluster {
namespace {

const char* kFire[] = {
    "A fire destroyed a warehouse at Port Alder harbour on Friday. Fire chief Maria Olsen said 120 firefighters fought the blaze.",
    "Port Alder firefighters battled a harbour warehouse fire for six hours, chief Maria Olsen said, and nobody was hurt.",
    "The harbour authority in Port Alder put the damage from Friday's warehouse fire at $45 million, Maria Olsen said.",
};
const char* kVote[] = {
    "Voters in Lisbon elected Joana Reis as mayor on Sunday with 52 percent of the vote, the electoral commission said.",
    "Joana Reis won the Lisbon mayoral race, taking 52 percent against incumbent Paulo Matos, officials said on Sunday.",
    "Paulo Matos conceded the Lisbon election to Joana Reis late on Sunday, after results showed her ahead by 9 points.",
};

std::vector<uint32_t> AddAll(StoryClusterer* c, const std::vector<StoryDoc>& docs) {
  std::vector<uint32_t> out;
  for (const StoryDoc& d : docs) out.push_back(c->Add(d).story);
  return out;
}

TEST(StoriesTest, InterleavedStoriesSeparate) {
  std::vector<StoryDoc> docs;
  for (int k = 0; k < 3; ++k) {
    docs.push_back(StoryDoc{kFire[k], "", Date{2025, 3, 14}, -1});
    docs.push_back(StoryDoc{kVote[k], "", Date{2025, 3, 16}, -1});
  }
  StoryClusterer c;
  std::vector<uint32_t> s = AddAll(&c, docs);
  EXPECT_EQ(c.stories(), 2u);
  EXPECT_EQ(s[0], s[2]);
  EXPECT_EQ(s[2], s[4]);
  EXPECT_EQ(s[1], s[3]);
  EXPECT_EQ(s[3], s[5]);
  EXPECT_NE(s[0], s[1]);
  StoryClusterer again;
  EXPECT_EQ(AddAll(&again, docs), s);  // deterministic
}

TEST(StoriesTest, DuplicatesJoinTheirOriginalAndOldStoriesClose) {
  StoryClusterer c;
  uint32_t fire = c.Add(StoryDoc{kFire[0], "", Date{2025, 3, 14}, -1}).story;
  c.Add(StoryDoc{kVote[0], "", Date{2025, 3, 14}, -1});
  // A copy joins its original's story even with unrelated words around it.
  EXPECT_EQ(c.Add(StoryDoc{"Advertisement. Subscribe now.", "", Date{2025, 3, 14}, 0}).story, fire);
  // The same fire story a month later starts a new story: the old one closed.
  StoryClusterer::Assignment later = c.Add(StoryDoc{kFire[1], "", Date{2025, 4, 20}, -1});
  EXPECT_NE(later.story, fire);
  EXPECT_EQ(later.similarity, 0);
}

}  // namespace
}  // namespace corroborate::cluster
