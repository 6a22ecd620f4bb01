// Comparison of small hand-written stories: every status, timelines, copies, single-source
// and opinion spans.
#include "corroborate/compare/story.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "corroborate/pipeline/analyze.h"
#include "support/test_support.h"

namespace corroborate::compare {
namespace {

using testing::MakeArticle;

struct Story {
  pipeline::RunResult run;
  const StoryAnalysis& an() const { return run.stories.at(0).analysis; }
  std::string Id(uint32_t a) const { return run.articles[run.stories[0].articles[a]]->article.id; }
  // The fact whose label contains `label` and whose value range includes `value`.
  const Fact* Find(const std::string& label, double value) const {
    for (const Fact& f : an().facts) {
      bool in = (std::isnan(f.low) || f.low <= value) && (std::isnan(f.high) || value <= f.high);
      if (f.label.find(label) != std::string::npos && in) return &f;
    }
    return nullptr;
  }
  std::vector<std::string> Ids(const std::vector<uint32_t>& v) const {
    std::vector<std::string> out;
    for (uint32_t a : v) out.push_back(Id(a));
    return out;
  }
};

Story Analyze(std::vector<ingest::Article> articles) {
  pipeline::AnalyzeOptions o;
  o.threads = 1;
  return Story{pipeline::AnalyzeArticles(std::move(articles), o)};
}

TEST(StoryTest, AgreedCompatibleAndConflict) {
  Story s = Analyze({
      MakeArticle("a", "A gas explosion at a chemical plant in Leuna killed 12 workers on Monday, police said. "
                       "About 200 residents were evacuated.", "2025-06-03"),
      MakeArticle("b", "Twelve workers were killed when a gas explosion tore through the Leuna chemical plant, "
                       "police said. Some 200 people living nearby were evacuated.", "2025-06-03"),
      MakeArticle("c", "The gas explosion at the Leuna chemical plant killed 15 workers, according to police. "
                       "More than 150 residents were evacuated.", "2025-06-03"),
  });
  const Fact* killed = s.Find("workers", 12);
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->status, FactStatus::kConflict);
  EXPECT_EQ(killed->articles.size(), 3u);
  EXPECT_EQ(s.Ids(killed->dissenting), (std::vector<std::string>{"c"}));
  EXPECT_EQ(killed->low, 12);  // the consensus figure
  const Fact* evacuated = s.Find("evacuated", 200);
  ASSERT_NE(evacuated, nullptr);
  EXPECT_EQ(evacuated->status, FactStatus::kCompatible);
  EXPECT_EQ(evacuated->articles.size(), 3u);
}

TEST(StoryTest, SpelledOutOneAndTwoWithoutAnEventAreNotFacts) {
  // "one senior official said", "a month or two": attribution and idiom; "two people were
  // killed" is a figure.
  Story s = Analyze({
      MakeArticle("a", "One senior official said the talks would resume in a month or two. "
                       "Two people were killed in the blast, police said.", "2025-06-03"),
      MakeArticle("b", "Two people died in the blast, police said. One senior official said the talks "
                       "would resume within weeks.", "2025-06-03"),
  });
  EXPECT_EQ(s.Find("official", 1), nullptr);
  EXPECT_EQ(s.Find("month", 2), nullptr);
  const Fact* killed = s.Find("people", 2);
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->articles.size(), 2u);
}

// A rate ("each week", "a day") is another measure than a total of the same things.
TEST(StoryTest, RatesAreNotComparedWithTotals) {
  Story s = Analyze({
      MakeArticle("a", "The ministry said 40 people die on the roads each week. "
                       "Police said 900 people died on the roads last year.", "2025-06-03"),
      MakeArticle("b", "Police said 900 people were killed on the roads last year.", "2025-06-03"),
  });
  const Fact* rate = s.Find("people", 40);
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->unit, "per week");
  EXPECT_EQ(rate->articles.size(), 1u);
  const Fact* total = s.Find("people", 900);
  ASSERT_NE(total, nullptr);
  EXPECT_NE(total, rate);
  EXPECT_EQ(total->articles.size(), 2u);
}

// "Hundreds of thousands" is an order of magnitude: it groups with another such phrase,
// not with a counted figure it happens to include.
TEST(StoryTest, OrdersOfMagnitudeStayApartFromFigures) {
  Story s = Analyze({
      MakeArticle("a", "The war has left hundreds of thousands dead. A study counted up to 325,000 deaths.",
                  "2025-06-03"),
      MakeArticle("b", "The study counted up to 325,000 deaths. The war has left hundreds of thousands dead.",
                  "2025-06-03"),
  });
  const Fact* counted = s.Find("deaths", 325000);
  ASSERT_NE(counted, nullptr);
  EXPECT_EQ(counted->status, FactStatus::kAgreed);
  EXPECT_EQ(counted->high, 325000);
  const Fact* vague = s.Find("dead", 500000);
  ASSERT_NE(vague, nullptr);
  EXPECT_NE(vague, counted);
  EXPECT_EQ(vague->articles.size(), 2u);
}

TEST(StoryTest, SameFigureFromEveryOutletIsAgreed) {
  Story s = Analyze({
      MakeArticle("a", "The central bank raised its key rate to 4.5 percent on Thursday.", "2025-03-06"),
      MakeArticle("b", "On Thursday the central bank lifted the key rate to 4.5%.", "2025-03-06"),
  });
  const Fact* rate = s.Find("rate", 4.5);
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->status, FactStatus::kAgreed);
}

// Agreement counts outlets: one outlet's two articles (sources equal but for letter case)
// corroborate nothing; another outlet's article does.
TEST(StoryTest, OneOutletsArticlesDoNotCorroborateEachOther) {
  auto from = [](ingest::Article a, const std::string& source) {
    a.source = source;
    return a;
  };
  std::vector<ingest::Article> same = {
      from(MakeArticle("a", "The central bank raised its key rate to 4.5 percent on Thursday.", "2025-03-06"), "Daily Post"),
      from(MakeArticle("b", "On Thursday the central bank lifted the key rate to 4.5%.", "2025-03-06"), "daily post"),
  };
  Story one = Analyze(same);
  const Fact* rate = one.Find("rate", 4.5);
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->articles.size(), 2u);
  EXPECT_EQ(rate->outlets, 1u);
  EXPECT_EQ(rate->status, FactStatus::kSingleSource);
  same.push_back(
      from(MakeArticle("c", "The key rate is now 4.5 percent, the central bank said on Thursday.", "2025-03-06"), "Herald"));
  Story two = Analyze(same);
  rate = two.Find("rate", 4.5);
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->outlets, 2u);
  EXPECT_EQ(rate->status, FactStatus::kAgreed);
}

// Stores, shops, outlets and branches are one kind of thing counted.
TEST(StoryTest, StoresAndOutletsAreOneMeasure) {
  Story s = Analyze({
      MakeArticle("a", "After the merger the chain runs 3,500 retail stores across the country.", "2004-11-17"),
      MakeArticle("b", "The merged chain operates 3,500 outlets nationwide, the companies said.", "2004-11-17"),
  });
  const Fact* stores = s.Find("", 3500);  // labelled by either wording
  ASSERT_NE(stores, nullptr);
  EXPECT_EQ(stores->articles.size(), 2u);
  EXPECT_EQ(stores->status, FactStatus::kAgreed);
}

TEST(StoryTest, SameSourceAtDifferentTimesIsATimelineNotAConflict) {
  Story s = Analyze({
      MakeArticle("a", "The health ministry said 43 people had died by Monday. "
                       "On Wednesday the ministry said the death toll had reached 61.", "2025-05-08"),
      MakeArticle("b", "The health ministry said on Wednesday that 61 people had died.", "2025-05-08"),
  });
  for (const Fact& f : s.an().facts) EXPECT_NE(f.status, FactStatus::kConflict) << f.label;
  ASSERT_EQ(s.an().timelines.size(), 1u);
  const Timeline& t = s.an().timelines[0];
  ASSERT_EQ(t.points.size(), 2u);
  EXPECT_EQ(s.an().facts[t.points[0].fact].low, 43);
  EXPECT_EQ(s.an().facts[t.points[1].fact].low, 61);
}

// "2025" and "January 2025" are one time at two precisions: no timeline between them.
TEST(StoryTest, TimesThatContainOneAnotherAreNoTimeline) {
  Story s = Analyze({
      MakeArticle("a", "A January 2025 report from the Centre for Strategic Studies estimated that 500,000 soldiers "
                       "were killed. The Centre for Strategic Studies said 400,000 soldiers were killed in 2025.",
                  "2026-02-05"),
  });
  ASSERT_EQ(s.an().facts.size(), 2u);
  EXPECT_TRUE(s.an().timelines.empty());
}

TEST(StoryTest, DifferentSourcesAreDifferentFactsAndDifferingEstimates) {
  Story s = Analyze({
      MakeArticle("a", "The government said 3,000 people were displaced by the floods. "
                       "The Red Cross estimated that 8,000 people were displaced.", "2025-09-01"),
      MakeArticle("b", "About 8,000 people were displaced, the Red Cross said, while the government said 3,000.",
                  "2025-09-01"),
  });
  for (const Fact& f : s.an().facts) EXPECT_NE(f.status, FactStatus::kConflict) << f.label;
  ASSERT_EQ(s.an().estimates.size(), 1u);
  EXPECT_EQ(s.an().estimates[0].facts.size(), 2u);
}

// Estimates are of one measure by different bodies: a count of some of the dead ("U.S.
// soldiers killed") is not an estimate of all of them ("people killed"), and a count
// without an event ("about 850 troops") is not a death toll. A source that opens its
// sentence ("Police said ...") is still the source.
TEST(StoryTest, EstimatesNeedOneMeasure) {
  Story s = Analyze({
      MakeArticle("a", "The health ministry said 16 people were killed by the car bombs. Police said 20 people "
                       "were killed. Two U.S. soldiers were killed in another attack, the U.S. embassy said. "
                       "About 850 troops returned to their base, the army said.", "2025-09-01"),
      MakeArticle("b", "Police said 20 people were killed by the car bombs, while the health ministry said 16 "
                       "people died. The U.S. embassy said two U.S. soldiers were killed in another attack.",
                  "2025-09-01"),
  });
  const Fact* police = s.Find("killed", 20);
  ASSERT_NE(police, nullptr);
  EXPECT_EQ(police->attributed_to, "Police");
  ASSERT_EQ(s.an().estimates.size(), 1u);
  std::vector<double> values;
  for (uint32_t f : s.an().estimates[0].facts) values.push_back(s.an().facts[f].low);
  std::sort(values.begin(), values.end());
  EXPECT_EQ(values, (std::vector<double>{16, 20}));
}

// The same informative figure in two outlets is one fact even when one of them does not
// say what it counts ("a surprising $11 billion gamble"); a takeover is a deal.
TEST(StoryTest, ADistinctiveFigureIsOneFactWhereOneOutletOmitsWhatItCounts) {
  Story s = Analyze({
      MakeArticle("a", "Kmart is buying Sears in an $11 billion deal that will create a retail giant, the "
                       "companies said on Wednesday.", "2004-11-17"),
      MakeArticle("b", "A resurgent Kmart is buying Sears in a surprising $11 billion gamble to compete with "
                       "bigger rivals.", "2004-11-17"),
      MakeArticle("c", "Analysts welcomed the $11 billion takeover of the department store chain.", "2004-11-17"),
  });
  const Fact* deal = s.Find("", 11e9);
  ASSERT_NE(deal, nullptr);
  EXPECT_EQ(deal->articles.size(), 3u);
  EXPECT_EQ(deal->status, FactStatus::kAgreed);
}

// Bounds far apart are not one report of one figure, though "more than 10,000" and "more
// than 94,000" overlap as intervals: the town's toll stays apart from the country's.
TEST(StoryTest, BoundsFarApartAreDifferentFacts) {
  Story s = Analyze({
      MakeArticle("a", "More than 94,000 people have died in the floods, officials said.", "2025-01-02"),
      MakeArticle("b", "More than 94,000 people have died in the floods, officials said. In the coastal town, "
                       "relief workers estimate that more than 10,000 people died in the floods.", "2025-01-02"),
  });
  const Fact* country = s.Find("", 94000);
  ASSERT_NE(country, nullptr);
  EXPECT_EQ(country->status, FactStatus::kAgreed);
  EXPECT_EQ(country->mentions.size(), 2u);
  const Fact* town = s.Find("", 10000);
  ASSERT_NE(town, nullptr);
  EXPECT_NE(town, country);
}

// A count of the victims taken to hospitals is part of the toll, not a conflicting report.
TEST(StoryTest, FiguresInTwoUnitsAreComparedConverted) {
  Story s = Analyze({
      MakeArticle("a", "The truck carried about 400 kilograms (882 pounds) of explosives on a 370-mile journey, "
                       "police said.", "2025-09-01"),
      MakeArticle("b", "Police said the truck carried 400 kilograms of explosives on a 600-kilometer journey.",
                  "2025-09-01"),
      MakeArticle("c", "The truck, police said, carried 882 pounds of explosives on a 40-mile stretch of road.",
                  "2025-09-01"),
      MakeArticle("d", "Police said the truck drove along a 90-kilometre stretch of road.", "2025-09-01"),
  });
  // One figure, whatever the unit; shown in the first mention's unit.
  const Fact* explosives = s.Find("explosives", 400);
  ASSERT_NE(explosives, nullptr);
  EXPECT_EQ(explosives->unit, "kilogram");
  EXPECT_EQ(explosives->articles.size(), 3u);
  EXPECT_EQ(explosives->mentions.size(), 4u);  // the bracketed conversion is one more mention
  EXPECT_NE(explosives->status, FactStatus::kConflict);
  const Fact* journey = s.Find("journey", 370);
  ASSERT_NE(journey, nullptr);
  EXPECT_EQ(journey->unit, "mile");
  EXPECT_EQ(journey->articles.size(), 2u);  // 370 miles is 595.5 km, written "600"
  EXPECT_EQ(journey->status, FactStatus::kCompatible);
  // 40 miles is 64 km: a different figure, not a rounding of 90 km.
  const Fact* stretch = s.Find("stretch", 40);
  ASSERT_NE(stretch, nullptr);
  EXPECT_EQ(stretch->status, FactStatus::kConflict);
}

TEST(StoryTest, ACountAtTheHospitalsDoesNotContradictTheToll) {
  Story s = Analyze({
      MakeArticle("a", "Two car bombs killed 16 people in the capital on Saturday, the health ministry said.",
                  "2025-09-01"),
      MakeArticle("b", "Health officials said the bodies of seven people killed by the blast were brought to two "
                       "hospitals in the capital on Saturday.", "2025-09-01"),
  });
  for (const Fact& f : s.an().facts) EXPECT_NE(f.status, FactStatus::kConflict) << f.label;
}

TEST(StoryTest, CopiesAndDirection) {
  std::string wire =
      "Storm Elin brought winds of 150 km/h to the west coast on Sunday, cutting power to 40,000 homes. "
      "The national weather office said rainfall reached 90 millimetres in some valleys. "
      "Rail services between Bergen and Oslo were suspended for the day. "
      "Officials urged residents to stay indoors until the evening.";
  std::string rewrite =
      "Storm Elin brought winds of 150 km/h to the west coast on Sunday, cutting power to 40,000 homes. "
      "Rail services between Bergen and Oslo were suspended for the day.";
  std::string other =
      "A separate report on the national budget was published, with spending set at 1.9 trillion crowns.";
  Story s = Analyze({MakeArticle("wire", wire, "2025-11-02"), MakeArticle("rewrite", rewrite),
                     MakeArticle("other", other)});
  ASSERT_FALSE(s.an().copies.empty());
  const CopyRelation& top = s.an().copies[0];
  EXPECT_EQ(s.Id(top.a) + "/" + s.Id(top.b), "wire/rewrite");
  EXPECT_EQ(top.shared_sentences, 2u);
  ASSERT_TRUE(top.source.has_value());
  EXPECT_EQ(s.Id(*top.source), "wire");  // the rewrite is the cut-down copy
  for (const CopyRelation& c : s.an().copies) EXPECT_NE(s.Id(c.b), "other");
}

TEST(StoryTest, SingleSourceClaimsAndOpinion) {
  Story s = Analyze({
      MakeArticle("a", "The city council approved a new tram line costing 300 million euros on Tuesday.\n"
                       "Construction is due to start next spring, the mayor said.\n"
                       "The council also voted to rename the central square after a local poet, Irma Lind.\n"),
      MakeArticle("b", "On Tuesday the city council approved a new tram line that will cost 300 million euros.\n"
                       "Construction is due to start next spring, according to the mayor.\n"
                       "Critics argue the reckless project will obviously bankrupt the city, and the so-called "
                       "consultation was clearly a sham that raises questions about the mayor's motives.\n"),
  });
  bool rename_claim = false, opinion = false;
  for (const SingleSourceSpan& ss : s.an().single_source) {
    const auto& art = s.run.articles[s.run.stories[0].articles[ss.article]];
    std::string text(ss.span.Of(art->doc.text()));
    if (text.find("rename") != std::string::npos) rename_claim = ss.kind == ClaimKind::kClaim;
    if (text.find("Critics argue") != std::string::npos) opinion = ss.kind == ClaimKind::kOpinion;
    EXPECT_EQ(text.find("tram line"), std::string::npos) << "corroborated sentence marked single-source";
  }
  EXPECT_TRUE(rename_claim);
  EXPECT_TRUE(opinion);
}

TEST(StoryTest, CoverageMatrixMatchesFacts) {
  Story s = Analyze({
      MakeArticle("a", "The ferry carried 120 passengers when it ran aground.", "2025-07-01"),
      MakeArticle("b", "All 120 passengers were rescued after the ferry ran aground.", "2025-07-01"),
  });
  const StoryAnalysis& an = s.an();
  ASSERT_EQ(an.coverage.size(), an.facts.size());
  for (size_t f = 0; f < an.facts.size(); ++f) {
    ASSERT_EQ(an.coverage[f].size(), 2u);
    for (uint32_t a = 0; a < 2; ++a) {
      bool listed = std::find(an.facts[f].articles.begin(), an.facts[f].articles.end(), a) != an.facts[f].articles.end();
      EXPECT_EQ(an.coverage[f][a] == 1, listed);
    }
  }
}

}  // namespace
}  // namespace corroborate::compare
