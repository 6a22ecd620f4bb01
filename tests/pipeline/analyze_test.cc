// The main job on the bundled example story: what a careful reader finds.
#include "corroborate/pipeline/analyze.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

#include "support/test_support.h"

namespace corroborate::pipeline {
namespace {

class ExampleStory : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    AnalyzeOptions o;
    o.threads = 2;
    run_ = new RunResult(Analyze({testing::ExampleDir().string()}, o));
  }
  static void TearDownTestSuite() { delete run_; }

  const compare::StoryAnalysis& an() const { return run_->stories.at(0).analysis; }
  std::string Id(uint32_t a) const { return run_->articles[run_->stories[0].articles[a]]->article.id; }
  std::vector<std::string> Ids(const std::vector<uint32_t>& v) const {
    std::vector<std::string> out;
    for (uint32_t a : v) out.push_back(Id(a));
    std::sort(out.begin(), out.end());
    return out;
  }
  const compare::Fact* Find(const std::string& label, double value) const {
    for (const auto& f : an().facts) {
      if (f.label.find(label) != std::string::npos && (f.low == value || f.high == value)) return &f;
    }
    return nullptr;
  }
  static RunResult* run_;
};
RunResult* ExampleStory::run_ = nullptr;

TEST_F(ExampleStory, ReadsEveryArticle) {
  EXPECT_EQ(run_->articles.size(), 5u);
  EXPECT_TRUE(run_->info.skipped.empty());
  EXPECT_EQ(run_->ExitStatus(), 0);
  EXPECT_EQ(run_->stories.size(), 1u);
}

TEST_F(ExampleStory, TheDeathTollConflictNamesTheDissenter) {
  const compare::Fact* f = Find("killed", 3);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->status, compare::FactStatus::kConflict);
  EXPECT_EQ(f->articles.size(), 5u);
  EXPECT_EQ(Ids(f->dissenting), (std::vector<std::string>{"northern-voice"}));
}

TEST_F(ExampleStory, CorroboratedFigures) {
  const compare::Fact* injured = Find("injured", 14);
  ASSERT_NE(injured, nullptr);
  EXPECT_EQ(injured->status, compare::FactStatus::kCompatible);  // "more than 12" fits 14
  for (auto [label, value] : std::vector<std::pair<std::string, double>>{
           {"firefighters", 120}, {"evacuated", 300}, {"damage", 45e6}}) {
    const compare::Fact* f = Find(label, value);
    ASSERT_NE(f, nullptr) << label;
    EXPECT_EQ(f->status, compare::FactStatus::kAgreed) << label;
    EXPECT_GE(f->articles.size(), 4u) << label;
  }
}

TEST_F(ExampleStory, TheInjuryCountIsATimeline) {
  bool found = false;
  for (const auto& t : an().timelines) {
    if (t.points.size() == 2 && an().facts[t.points[0].fact].low == 11 && an().facts[t.points[1].fact].low == 14) {
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(ExampleStory, CleaningRemovesDuplicatesCaptionsAndBoilerplate) {
  std::map<std::string, std::map<std::string, int>> removed;
  for (const auto& a : run_->articles) {
    for (const auto& b : a->blocks) {
      if (!b.kept()) ++removed[a->article.id][clean::RemovalName(b.removal)];
    }
  }
  EXPECT_EQ(removed["bay-daily"]["duplicate"], 3);
  EXPECT_EQ(removed["northern-voice"]["caption"], 2);
  EXPECT_EQ(removed["northern-voice"]["boilerplate"], 2);
  EXPECT_EQ(removed["alder-gazette"].size(), 0u);
}

TEST_F(ExampleStory, CopyPairAndDirection) {
  ASSERT_FALSE(an().copies.empty());
  const auto& top = an().copies[0];
  EXPECT_EQ(Ids({top.a, top.b}), (std::vector<std::string>{"alder-gazette", "coastal-wire"}));
  ASSERT_TRUE(top.source.has_value());
  EXPECT_EQ(Id(*top.source), "alder-gazette");
}

TEST_F(ExampleStory, EditorialIsOpinionAndTheUnionClaimIsSingleSource) {
  bool opinion = false, union_claim = false;
  for (const auto& ss : an().single_source) {
    const auto& art = run_->articles[run_->stories[0].articles[ss.article]];
    std::string text(ss.span.Of(art->doc.text()));
    if (Id(ss.article) == "northern-voice" && text.find("Critics argue") != std::string::npos) {
      opinion = ss.kind == compare::ClaimKind::kOpinion;
    }
    if (text.find("safety complaints") != std::string::npos) union_claim = ss.kind == compare::ClaimKind::kClaim;
  }
  EXPECT_TRUE(opinion);
  EXPECT_TRUE(union_claim);
}

TEST(AnalyzeTest, SameJsonWhateverTheThreadCount) {
  std::string outputs[3];
  size_t threads[3] = {1, 2, 8};
  for (int k = 0; k < 3; ++k) {
    AnalyzeOptions o;
    o.threads = threads[k];
    auto run = Analyze({testing::ExampleDir().string()}, o);
    std::stringstream ss;
    report::WriteJson(run.View(), ss);
    outputs[k] = ss.str();
  }
  EXPECT_EQ(outputs[0], outputs[1]);
  EXPECT_EQ(outputs[0], outputs[2]);
}

// Three short stories: a fire in March, a vote in March, a storm in May.
std::vector<ingest::Article> ThreeStories() {
  using testing::MakeArticle;
  return {
      MakeArticle("fire-1", "A fire destroyed a warehouse at Port Alder harbour. Fire chief Maria Olsen said 120 firefighters fought the blaze.", "2025-03-14"),
      MakeArticle("vote-1", "Voters in Lisbon elected Joana Reis as mayor with 52 percent of the vote, the electoral commission said.", "2025-03-15"),
      MakeArticle("fire-2", "Port Alder firefighters battled the harbour warehouse fire for six hours, chief Maria Olsen said.", "2025-03-15"),
      MakeArticle("vote-2", "Joana Reis won the Lisbon mayoral race with 52 percent against Paulo Matos, officials said.", "2025-03-16"),
      MakeArticle("storm-1", "Storm Hilda flooded the coastal town of Vellmar, and mayor Anton Berg said 300 homes were evacuated.", "2025-05-02"),
      MakeArticle("storm-2", "Vellmar mayor Anton Berg said Storm Hilda forced 300 homes to be evacuated along the coast.", "2025-05-03"),
  };
}

TEST(AnalyzeTest, StoriesAreHandedOverAsTheyClose) {
  testing::TempDir dir;
  std::string lines;
  for (const ingest::Article& a : ThreeStories()) {
    lines += nlohmann::json{{"id", a.id}, {"text", a.text}, {"published", *a.published}}.dump() + "\n";
  }
  auto path = dir.Write("stream.jsonl", lines);
  AnalyzeOptions o;
  o.threads = 2;
  o.batch = 1;  // decide after every article, as a large run does between batches
  std::vector<std::string> order;
  std::vector<size_t> seen_when;  // articles read when each story was handed over
  size_t read = 0;
  o.progress = [&](const char* phase, size_t, uint64_t) { read += std::string(phase) == "reading"; };
  RunInfo info = AnalyzeStream({path.string()}, o, [&](FinishedStory&& f) {
    std::string ids;
    for (const auto& a : f.articles) ids += a->article.id + " ";
    order.push_back(f.story.id + ": " + ids);
    seen_when.push_back(read);
    EXPECT_FALSE(f.story.analysis.facts.empty()) << f.story.id;
  });
  EXPECT_EQ(info.articles, 6u);
  EXPECT_EQ(info.stories, 3u);
  EXPECT_EQ(info.ExitStatus(), 0);
  ASSERT_EQ(order.size(), 3u);
  // March's stories close when May's first article arrives, before the end of the input.
  EXPECT_EQ(order[0], "s1: fire-1 fire-2 ");
  EXPECT_EQ(order[1], "s2: vote-1 vote-2 ");
  EXPECT_EQ(order[2], "s3: storm-1 storm-2 ");
  EXPECT_EQ(seen_when[0], 5u);
  EXPECT_EQ(seen_when[2], 6u);
}

// Two open stories that a later article shows to be one are handed over as one story,
// its articles in publication order, under the earlier story's id.
TEST(AnalyzeTest, ConvergingStoriesAreHandedOverAsOne) {
  AnalyzeOptions o;
  o.threads = 1;
  o.stories.threshold = 0.45;
  o.stories.merge_threshold = 0.2;
  o.stories.name_share = 0;
  std::vector<std::string> order;
  std::vector<ingest::Article> arts = {
      testing::MakeArticle("a", "The warehouse blaze destroyed a timber depot near the quay overnight, and 40 workers fled.", "2025-03-14"),
      testing::MakeArticle("b", "Insurers estimate heavy losses of 12 million after the factory inferno downtown.", "2025-03-14"),
      testing::MakeArticle("m", "The warehouse blaze destroyed a timber depot near the quay; insurers estimate heavy losses "
                       "of 12 million after the inferno.", "2025-03-15"),
  };
  RunResult run = AnalyzeArticles(std::move(arts), o);
  ASSERT_EQ(run.stories.size(), 1u);
  std::string ids;
  for (size_t i : run.stories[0].articles) ids += run.articles[i]->article.id + " ";
  EXPECT_EQ(run.stories[0].id + ": " + ids, "s1: a b m ");
  // The report says which story became part of which: a story written before the merge
  // may name the merged one.
  ASSERT_EQ(run.info.merged.size(), 1u);
  EXPECT_EQ(run.info.merged[0], (std::pair<std::string, std::string>{"s2", "s1"}));
  std::ostringstream json;
  report::WriteJson(run.View(), json);
  EXPECT_NE(json.str().find("\"merged_stories\": [\n    {\n      \"id\": \"s2\",\n      \"into\": \"s1\""),
            std::string::npos)
      << json.str().substr(0, 600);
}

TEST(AnalyzeTest, InputOrderDoesNotMatter) {
  // Files are read twice (dates, then everything), so articles in any order are
  // analysed in publication order: the same stories and the same report.
  std::vector<ingest::Article> arts = ThreeStories();
  std::string sorted, shuffled;
  for (size_t k : {0, 1, 2, 3, 4, 5}) {
    sorted += nlohmann::json{{"id", arts[k].id}, {"text", arts[k].text}, {"published", *arts[k].published}}.dump() + "\n";
  }
  for (size_t k : {5, 2, 4, 0, 3, 1}) {
    shuffled += nlohmann::json{{"id", arts[k].id}, {"text", arts[k].text}, {"published", *arts[k].published}}.dump() + "\n";
  }
  testing::TempDir a, b;
  AnalyzeOptions o;
  o.batch = 2;
  auto report = [&](const std::filesystem::path& p) {
    RunResult run = Analyze({p.string()}, o);
    std::string out;
    for (const StoryResult& s : run.stories) {
      out += s.id + ":";
      for (size_t i : s.articles) out += " " + run.articles[i]->article.id;
      out += " | " + std::to_string(s.analysis.facts.size()) + " facts\n";
    }
    return out;
  };
  std::string x = report(a.Write("in.jsonl", sorted)), y = report(b.Write("in.jsonl", shuffled));
  EXPECT_EQ(x, y);
  EXPECT_EQ(x.substr(0, 18), "s1: fire-1 fire-2 ");
}

// Two articles of a harbour fire on 14 March 2025.
std::vector<ingest::Article> FireStory() {
  using testing::MakeArticle;
  return {MakeArticle("fire-1", "A fire destroyed a warehouse at Port Alder harbour. Chief Maria Olsen said 120 firefighters came.",
                      "2025-03-14"),
          MakeArticle("fire-2", "Port Alder firefighters fought the harbour warehouse fire for six hours, Maria Olsen said.",
                      "2025-03-14")};
}

// A story months after another about the same people and places is handed over as its
// own story that follows the first, in the JSON and in the Markdown.
TEST(AnalyzeTest, AFollowUpNamesTheStoryItFollows) {
  std::vector<ingest::Article> arts = FireStory();
  arts.push_back(testing::MakeArticle(
      "inquest", "At the inquest into the Port Alder harbour fire, Maria Olsen said the warehouse had no sprinklers.",
      "2025-09-01"));
  RunResult run = AnalyzeArticles(arts, AnalyzeOptions{});
  ASSERT_EQ(run.stories.size(), 2u);
  EXPECT_EQ(run.stories[0].thread, "s1");
  EXPECT_EQ(run.stories[0].follows, "");
  EXPECT_EQ(run.stories[1].id, "s2");
  EXPECT_EQ(run.stories[1].thread, "s1");
  EXPECT_EQ(run.stories[1].follows, "s1");
  EXPECT_GE(run.stories[1].follows_score, 0.3);
  std::ostringstream json, md;
  report::WriteJson(run.View(), json);
  report::WriteMarkdown(run.View(), md);
  nlohmann::json j = nlohmann::json::parse(json.str());
  EXPECT_EQ(j["stories"][1]["thread"], "s1");
  EXPECT_EQ(j["stories"][1]["follows"]["story"], "s1");
  EXPECT_TRUE(j["stories"][0]["follows"].is_null());
  EXPECT_NE(md.str().find("Follows story s1 (thread s1)."), std::string::npos);
}

TEST(AnalyzeTest, AnUndatedArticleJoinsTheClosedStoryItRetells) {
  // Undated articles come after the dated ones, when the fire story closed months before;
  // it is held for them, so the undated retelling still joins it and its relative dates
  // resolve against the story's date. Without holding, it is a story of its own.
  using testing::MakeArticle;
  std::vector<ingest::Article> arts = FireStory();
  arts.push_back(MakeArticle(
      "retold", "Chief Maria Olsen said 120 firefighters fought the Port Alder harbour warehouse fire on Friday.",
      std::nullopt));
  arts.push_back(MakeArticle("vote", "Voters in Lisbon elected Joana Reis as mayor with 52 percent of the vote.",
                             "2025-09-01"));
  AnalyzeOptions o;
  o.batch = 1;
  RunResult run = AnalyzeArticles(arts, o);
  ASSERT_EQ(run.stories.size(), 2u);
  std::map<std::string, const ArticleAnalysis*> by_id;
  for (const auto& a : run.articles) by_id[a->article.id] = a.get();
  EXPECT_EQ(by_id.at("retold")->story, by_id.at("fire-1")->story);
  ASSERT_TRUE(by_id.at("retold")->reference.has_value());
  EXPECT_EQ(*by_id.at("retold")->reference, (Date{2025, 3, 14}));
  EXPECT_EQ(run.stories[0].articles.size(), 3u);
  // Holding off, or a cap (in articles) that the fire story's two already pass: apart.
  for (size_t cap : {0, 1}) {
    o.hold_articles = cap;
    EXPECT_EQ(AnalyzeArticles(arts, o).stories.size(), 3u) << cap;
  }
}

TEST(AnalyzeTest, ALateCopyOfAClosedStoryIsStillNamedACopy) {
  // A syndicated copy published after its story closed starts a story of its own, but
  // the report names the article it copies; one published more than a window after the
  // copied story closed is new.
  using testing::MakeArticle;
  const std::string body =
      "A fire destroyed a warehouse at Port Alder harbour on Friday night. Fire chief Maria Olsen said 120 "
      "firefighters fought the blaze for six hours before it was under control, and that nobody was hurt. "
      "The harbour authority put the damage at more than 45 million dollars and said the cause was still "
      "being investigated by the police and the fire department.";
  std::vector<ingest::Article> arts = {
      MakeArticle("fire-1", body, "2025-03-14"),
      MakeArticle("vote-1", "Voters in Lisbon elected Joana Reis as mayor with 52 percent of the vote.", "2025-03-25"),
      MakeArticle("fire-late", body + " This story was first published by the Gazette.", "2025-03-26"),
      MakeArticle("vote-2", "Joana Reis was sworn in as mayor of Lisbon on Thursday.", "2025-04-10"),
      MakeArticle("fire-third", body, "2025-04-12"),
      MakeArticle("vote-3", "Lisbon's new mayor Joana Reis named her cabinet on Friday.", "2025-04-25"),
      MakeArticle("fire-later", body, "2025-05-20"),
  };
  AnalyzeOptions o;
  o.batch = 1;
  RunResult run = AnalyzeArticles(arts, o);
  std::map<std::string, const ArticleAnalysis*> by_id;
  for (const auto& a : run.articles) by_id[a->article.id] = a.get();
  EXPECT_EQ(by_id.at("fire-late")->duplicate_of, "fire-1");
  EXPECT_NE(by_id.at("fire-late")->story, by_id.at("fire-1")->story);
  // fire-1 was forgotten on 1 April, a window after its story closed: the next copy names
  // the copy still known. Past that copy's window, nothing is.
  EXPECT_EQ(by_id.at("fire-third")->duplicate_of, "fire-late");
  EXPECT_EQ(by_id.at("fire-later")->duplicate_of, "");
}

TEST(AnalyzeTest, APastedParagraphIsTracedToItsOutlet) {
  // A background paragraph from the fire story reappears in another outlet's vote story.
  const std::string background =
      "The harbour district has seen three large fires in the past decade, and the city council has twice "
      "rejected plans to move the fuel depots that firefighters say make every blaze there more dangerous.";
  std::vector<ingest::Article> arts = ThreeStories();
  arts[0].text += "\n\n" + background;
  arts[0].source = "alder-gazette";
  arts[3].text += "\n\nIn other news from the coast: " + background;
  arts[3].source = "lisbon-post";
  arts[2].text += "\n\n" + background;  // the same paragraph from the same outlet: not a paste
  arts[2].source = "alder-gazette";
  AnalyzeOptions o;
  RunResult run = AnalyzeArticles(arts, o);
  const ArticleAnalysis* vote2 = nullptr;
  const ArticleAnalysis* fire2 = nullptr;
  for (const auto& a : run.articles) {
    if (a->article.id == "vote-2") vote2 = a.get();
    if (a->article.id == "fire-2") fire2 = a.get();
  }
  ASSERT_TRUE(vote2 && fire2);
  ASSERT_EQ(vote2->pasted.size(), 1u);
  const compare::PastedParagraph& p = vote2->pasted[0];
  EXPECT_EQ(p.from, "fire-1");
  EXPECT_EQ(p.from_story, "s1");
  EXPECT_EQ(run.stories[vote2->story].id, "s2");
  EXPECT_GE(p.jaccard, 0.8);
  EXPECT_NE(p.span.Of(vote2->article.text).find("fuel depots"), std::string::npos);
  EXPECT_EQ(p.from_span.Of(run.articles[run.stories[0].articles[0]]->article.text), background);
  EXPECT_TRUE(fire2->pasted.empty());
}

TEST(AnalyzeTest, APastedParagraphDoesNotDrawAnArticleIntoItsStory) {
  using testing::MakeArticle;
  const std::string background =
      "Maria Olsen has warned the Port Alder council for years that the fuel depots beside the harbour warehouses "
      "make every blaze there more dangerous, and twice the council rejected her plan to move them.";
  std::vector<ingest::Article> arts = {
      MakeArticle("fire-1", "A fire destroyed a warehouse at Port Alder harbour. Fire chief Maria Olsen said 120 "
                            "firefighters fought the blaze.\n\n" + background, "2025-03-14"),
      // Another outlet's story of another event, with the fire story's paragraph pasted in.
      MakeArticle("ferry-1", "Ferry crews in Brenna walked out over pay, and union leader Tomas Vik said no boats "
                             "would sail until Monday.\n\nThe Brenna ferry company called the strike unlawful and said "
                             "it would ask a court to order the crews back, while Tomas Vik said the union had offered "
                             "talks three times since January.\n\n" + background, "2025-03-15"),
      // A rewrite that is mostly the fire story's paragraph retells the fire story.
      MakeArticle("fire-2", "The Port Alder fire is out.\n\n" + background, "2025-03-15"),
      // A report of the fire in its own words, with the paragraph pasted in: the fire story.
      MakeArticle("fire-3", "Firefighters in Port Alder put out the harbour warehouse fire on Saturday, and chief "
                            "Maria Olsen said the cause was still unknown.\n\n" + background, "2025-03-15"),
  };
  const char* outlets[] = {"alder-gazette", "coast-times", "bay-daily", "river-news"};
  for (size_t k = 0; k < arts.size(); ++k) arts[k].source = outlets[k];
  for (bool analyze : {true, false}) {  // `analyze` and `cluster` make the same stories
    AnalyzeOptions o;
    o.analyze = analyze;
    RunResult run = AnalyzeArticles(arts, o);
    std::map<std::string, uint32_t> story;
    for (const auto& a : run.articles) story[a->article.id] = a->story;
    EXPECT_NE(story.at("ferry-1"), story.at("fire-1")) << analyze;
    EXPECT_EQ(story.at("fire-2"), story.at("fire-1")) << analyze;
    EXPECT_EQ(story.at("fire-3"), story.at("fire-1")) << analyze;
    if (analyze) {
      for (const auto& a : run.articles) {
        if (a->article.id == "ferry-1") {
          EXPECT_EQ(a->pasted.size(), 1u);  // still reported
        }
      }
    }
  }
}

TEST(AnalyzeTest, ExitStatus) {
  RunResult empty;
  EXPECT_EQ(empty.ExitStatus(), 2);
  AnalyzeOptions o;
  auto ok = AnalyzeArticles({testing::MakeArticle("a", "Text with 3 facts.")}, o);
  EXPECT_EQ(ok.ExitStatus(), 0);
  ok.info.skipped.push_back({"x", std::nullopt, "why"});
  EXPECT_EQ(ok.ExitStatus(), 1);
}

}  // namespace
}  // namespace corroborate::pipeline
