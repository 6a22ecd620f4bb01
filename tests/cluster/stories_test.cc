// Online story clustering: interleaved stories separate, copies join their original,
// the same input always gives the same stories.
#include "corroborate/cluster/stories.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

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

// Two events of one kind told in one template: the words agree, the names do not.
TEST(StoriesTest, ArticlesSharingNoNameAreOtherEvents) {
  const char* kTemplate[] = {
      "Police in Varden said a man was arrested after a shooting outside a bank on the main road. The suspect fled on foot "
      "before officers caught him near the station, and a bank clerk was taken to hospital with a leg wound.",
      "Police in Osterby said a man was arrested after a shooting outside a bank on the main road. The suspect fled on foot "
      "before officers caught him near the station, and a bank clerk was taken to hospital with a leg wound.",
      "Police in Varden said the man arrested after the shooting outside a bank was charged. The bank clerk shot in the leg "
      "left hospital.",
  };
  StoryClusterer c;
  Date day{2025, 3, 14};
  std::vector<uint32_t> s = AddAll(&c, {StoryDoc{kTemplate[0], "", day, -1}, StoryDoc{kTemplate[1], "", day, -1},
                                        StoryDoc{kTemplate[2], "", day, -1}});
  EXPECT_NE(s[0], s[1]);
  EXPECT_EQ(s[0], s[2]);
  // Without names on one side the words decide: an article naming nobody joins.
  StoryClusterer::Assignment plain =
      c.Add(StoryDoc{"a man was arrested after a shooting outside a bank and the suspect fled on foot, police said.", "", day, -1});
  EXPECT_TRUE(plain.story == s[0] || plain.story == s[1]);
}

// The terms of a text less a paragraph are the terms of the text without it.
TEST(StoriesTest, CountTermsWithoutLeavesOutTheGivenParagraphs) {
  const std::string own = "Ferry crews in Brenna walked out over pay, union leader Tomas Vik said.\n";
  const std::string pasted = "Fire chief Maria Olsen said 120 firefighters fought the blaze in Port Alder.\n";
  const std::string more = "The Brenna ferry company called the strike unlawful.\n";
  StoryClusterer c;
  Date day{2025, 3, 14};
  const std::string text = own + pasted + more;
  StoryDoc doc{text, "Ferry strike", day, -1};
  TermCounts all = c.CountTerms(doc);
  TermCounts less = c.CountTermsWithout(doc, all, {{own.size(), own.size() + pasted.size()}});
  const std::string rest = own + more;
  TermCounts expected = c.CountTerms(StoryDoc{rest, "Ferry strike", day, -1});
  auto sorted = [](TermCounts t) {
    std::sort(t.terms.begin(), t.terms.end());
    return t.terms;
  };
  EXPECT_EQ(sorted(less), sorted(expected));
  EXPECT_LT(less.terms.size(), all.terms.size());
  EXPECT_EQ(sorted(c.CountTermsWithout(doc, all, {})), sorted(all));
}

// A story an article pasted a paragraph from is scored on the article's own words.
TEST(StoriesTest, APasteSourceIsScoredOnTheArticlesOwnWords) {
  Date day{2025, 3, 14};
  const std::string vote_with_paste = std::string(kVote[0]) + "\n" + kFire[0];
  for (bool told : {false, true}) {
    StoryClusterer c;
    uint32_t fire = c.Add(StoryDoc{kFire[1], "", day, -1}).story;
    StoryDoc doc{vote_with_paste, "", day, -1};
    PastedFrom pasted{{fire}, c.CountTerms(StoryDoc{kVote[0], "", day, -1})};
    StoryClusterer::Assignment a = c.Add(doc, nullptr, told ? &pasted : nullptr);
    if (told) {
      EXPECT_NE(a.story, fire);
      // The new story holds the article's own words only: the next fire report joins the
      // fire story, not it.
      EXPECT_EQ(c.Add(StoryDoc{kFire[2], "", day, -1}).story, fire);
    } else {
      EXPECT_EQ(a.story, fire);  // the pasted names and words alone carry it there
    }
  }
}

// Two open stories that an article shows to be one become one, under the earlier id.
TEST(StoriesTest, ConvergingOpenStoriesMerge) {
  const char* kHalfA = "The warehouse blaze destroyed a timber depot near the quay overnight.";
  const char* kHalfB = "Insurers estimate heavy losses after the factory inferno downtown.";
  const char* kBoth = "The warehouse blaze destroyed a timber depot near the quay; insurers estimate heavy losses after the inferno.";
  StoryOptions o;
  o.threshold = 0.45;
  o.merge_threshold = 0.2;
  o.name_share = 0;
  StoryClusterer c(o);
  Date day{2025, 3, 14};
  StoryClusterer::Assignment a = c.Add(StoryDoc{kHalfA, "", day, -1});
  StoryClusterer::Assignment b = c.Add(StoryDoc{kHalfB, "", day, -1});
  StoryClusterer::Assignment m = c.Add(StoryDoc{kBoth, "", day, -1});
  ASSERT_NE(a.story, b.story);
  ASSERT_EQ(m.merged, std::vector<uint32_t>{b.story});
  EXPECT_EQ(m.story, a.story);
  EXPECT_EQ(c.Survivor(b.story), a.story);
  EXPECT_TRUE(c.closed(b.story));
  // The merged story takes no more articles; its duplicates go to the survivor.
  EXPECT_EQ(c.Add(StoryDoc{"copy", "", day, 1}).story, a.story);
  // Merging off: the same articles leave two stories.
  o.merge_threshold = 0;
  StoryClusterer off(o);
  off.Add(StoryDoc{kHalfA, "", day, -1});
  off.Add(StoryDoc{kHalfB, "", day, -1});
  EXPECT_TRUE(off.Add(StoryDoc{kBoth, "", day, -1}).merged.empty());
}

// The article's own story may be the one merged away (into an earlier story): the other
// candidates are still tried against the survivor.
TEST(StoriesTest, AStoryMergedAwayStillGathersTheOtherCandidates) {
  const char* kHalfA = "The warehouse blaze destroyed a timber depot near the quay overnight.";
  const char* kHalfB = "Insurers estimate heavy losses after the factory inferno downtown.";
  const char* kBoth = "The warehouse blaze destroyed a timber depot near the quay; insurers estimate heavy losses after the inferno.";
  StoryOptions o;
  o.threshold = 0.9;  // each text starts its own story; only the exact repeat joins
  o.merge_threshold = 0.2;
  o.name_share = 0;
  StoryClusterer c(o);
  Date day{2025, 3, 14};
  uint32_t a = c.Add(StoryDoc{kHalfA, "", day, -1}).story;
  uint32_t b = c.Add(StoryDoc{kHalfB, "", day, -1}).story;
  uint32_t both = c.Add(StoryDoc{kBoth, "", day, -1}).story;
  ASSERT_EQ(std::set<uint32_t>({a, b, both}).size(), 3u);
  // The repeat joins `both`, the latest story: it merges into `a`, and `b` follows.
  StoryClusterer::Assignment m = c.Add(StoryDoc{kBoth, "", day, -1});
  EXPECT_EQ(m.story, a);
  EXPECT_EQ(m.merged, (std::vector<uint32_t>{b, both}));
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

TEST(StoriesTest, CloseStaleSaysWhichStoriesClosed) {
  StoryClusterer c;
  uint32_t fire = c.Add(StoryDoc{kFire[0], "", Date{2025, 3, 1}, -1}).story;
  uint32_t vote = c.Add(StoryDoc{kVote[0], "", Date{2025, 3, 6}, -1}).story;
  EXPECT_TRUE(c.CloseStale(Date{2025, 3, 8}).empty());  // 7 days: still open
  EXPECT_EQ(c.CloseStale(Date{2025, 3, 9}), std::vector<uint32_t>{fire});
  EXPECT_TRUE(c.closed(fire));
  EXPECT_FALSE(c.closed(vote));
  EXPECT_TRUE(c.CloseStale(Date{2025, 3, 9}).empty());  // each story closes once
  // A vote article keeps its story open; the fire story cannot take a copy any more.
  EXPECT_EQ(c.Add(StoryDoc{kVote[1], "", Date{2025, 3, 9}, -1}).story, vote);
  StoryClusterer::Assignment copy = c.Add(StoryDoc{kFire[0], "", Date{2025, 3, 9}, 0});
  EXPECT_NE(copy.story, fire);
  EXPECT_EQ(c.CloseStale(Date{2025, 3, 30}), (std::vector<uint32_t>{vote, copy.story}));
}

TEST(StoriesTest, StaleStoriesAreSkippedWhetherOrNotClosed) {
  // The same documents give the same stories whether CloseStale is called or not.
  std::vector<StoryDoc> docs = {
      {kFire[0], "", Date{2025, 3, 1}, -1}, {kVote[0], "", Date{2025, 3, 2}, -1},
      {kFire[1], "", Date{2025, 3, 20}, -1}, {kFire[2], "", Date{2025, 3, 20}, 0},
      {kVote[1], "", Date{2025, 3, 21}, -1}};
  StoryClusterer lazy, eager;
  std::vector<uint32_t> a = AddAll(&lazy, docs), b;
  for (const StoryDoc& d : docs) {
    eager.CloseStale(*d.date);
    b.push_back(eager.Add(d).story);
  }
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, (std::vector<uint32_t>{0, 1, 2, 2, 3}));
}

// A story months later about the same named people and places follows the earlier one in
// its thread; one about others does not, nor one without a date; threads never move articles.
TEST(StoriesTest, FollowUpsJoinTheThreadOfTheStoryTheyFollow) {
  const char* kInquest =
      "Six months after the Port Alder harbour fire, chief Maria Olsen told the inquest in Port Alder that "
      "the warehouse had no sprinklers.";
  const char* kOther = "Voters in Porto chose Rui Costa as mayor, the electoral commission said on Sunday.";
  StoryClusterer c;
  std::vector<uint32_t> fire, vote;
  for (int k = 0; k < 3; ++k) {
    fire.push_back(c.Add(StoryDoc{kFire[k], "", Date{2025, 3, 14}, -1}).story);
    vote.push_back(c.Add(StoryDoc{kVote[k], "", Date{2025, 3, 16}, -1}).story);
  }
  uint32_t inquest = c.Add(StoryDoc{kInquest, "", Date{2025, 9, 1}, -1}).story;
  uint32_t other = c.Add(StoryDoc{kOther, "", Date{2025, 9, 2}, -1}).story;
  EXPECT_NE(inquest, fire[0]);  // a story of its own: the fire story closed long before
  // Before a story closes it is its own thread.
  EXPECT_EQ(c.ThreadOf(inquest).root, inquest);
  EXPECT_EQ(c.ThreadOf(inquest).follows, UINT32_MAX);
  c.CloseAll();
  StoryClusterer::Thread t = c.ThreadOf(inquest);
  EXPECT_EQ(t.root, fire[0]);
  EXPECT_EQ(t.follows, fire[0]);
  EXPECT_GE(t.score, 0.3);
  EXPECT_EQ(c.ThreadOf(other).root, other);
  EXPECT_EQ(c.ThreadOf(vote[0]).root, vote[0]);
  EXPECT_EQ(c.ThreadOf(fire[0]).root, fire[0]);

  // An undated story has no place in time: it follows nothing. (An undated article counts
  // as arriving at the latest date seen, when the fire story is long stale.)
  StoryClusterer u;
  for (int k = 0; k < 3; ++k) u.Add(StoryDoc{kFire[k], "", Date{2025, 3, 14}, -1});
  u.Add(StoryDoc{kOther, "", Date{2025, 9, 2}, -1});
  uint32_t undated = u.Add(StoryDoc{kInquest, "", std::nullopt, -1}).story;
  EXPECT_EQ(undated, 2u);
  u.CloseAll();
  EXPECT_EQ(u.ThreadOf(undated).follows, UINT32_MAX);

  // Threads off: the same stories, none followed.
  StoryOptions off;
  off.thread_threshold = 0;
  StoryClusterer d(off);
  for (int k = 0; k < 3; ++k) d.Add(StoryDoc{kFire[k], "", Date{2025, 3, 14}, -1});
  uint32_t again = d.Add(StoryDoc{kInquest, "", Date{2025, 9, 1}, -1}).story;
  d.CloseAll();
  ASSERT_EQ(again, 1u);  // its own story after the fire story, as above
  EXPECT_EQ(d.ThreadOf(again).root, again);
}

// Held stories: undated articles come after the dated ones; one that matches a closed,
// held story strongly joins it, one about the same kind of event elsewhere does not, no
// dated article does, and a released story takes nothing.
TEST(StoriesTest, AHeldStoryTakesUndatedArticlesThatMatchItStrongly) {
  const char* kRetold =
      "Fire chief Maria Olsen said 120 firefighters fought the Port Alder harbour warehouse fire on Friday.";
  const char* kOtherFire =
      "A fire destroyed a warehouse at Kessel harbour on Friday. Fire chief Ana Duarte said 80 firefighters came.";
  auto run = [&](bool hold, bool release) {
    StoryClusterer c;
    c.HoldClosed(hold);
    std::vector<uint32_t> out;
    for (int k = 0; k < 3; ++k) out.push_back(c.Add(StoryDoc{kFire[k], "", Date{2025, 3, 14}, -1}).story);
    c.CloseStale(Date{2025, 9, 2});
    out.push_back(c.Add(StoryDoc{kVote[0], "", Date{2025, 9, 2}, -1}).story);
    EXPECT_TRUE(c.closed(out[0]));
    if (release) c.Release(out[0]);
    out.push_back(c.Add(StoryDoc{kRetold, "", std::nullopt, -1}).story);
    out.push_back(c.Add(StoryDoc{kOtherFire, "", std::nullopt, -1}).story);
    out.push_back(c.Add(StoryDoc{kFire[1], "", Date{2025, 9, 3}, -1}).story);
    return out;
  };
  std::vector<uint32_t> held = run(true, false);
  EXPECT_EQ(held[4], held[0]);  // the retold fire joins the held fire story
  EXPECT_NE(held[5], held[0]);  // another harbour's fire does not
  EXPECT_NE(held[6], held[0]);  // nor a dated article, months later
  std::vector<uint32_t> not_held = run(false, false), released = run(true, true);
  EXPECT_NE(not_held[4], not_held[0]);
  EXPECT_NE(released[4], released[0]);
  // The bar is late_threshold: at 1, nothing short of the same terms reaches it.
  StoryOptions strict;
  strict.late_threshold = 1.0;
  StoryClusterer c(strict);
  c.HoldClosed(true);
  uint32_t fire = c.Add(StoryDoc{kFire[0], "", Date{2025, 3, 14}, -1}).story;
  c.CloseStale(Date{2025, 9, 2});
  EXPECT_NE(c.Add(StoryDoc{kRetold, "", std::nullopt, -1}).story, fire);
}

}  // namespace
}  // namespace corroborate::cluster
