// The main job on the bundled example story: what a careful reader finds.
#include "corroborate/pipeline/analyze.h"

#include <gtest/gtest.h>

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
  EXPECT_TRUE(run_->skipped.empty());
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

TEST(AnalyzeTest, ExitStatus) {
  RunResult empty;
  EXPECT_EQ(empty.ExitStatus(), 2);
  AnalyzeOptions o;
  auto ok = AnalyzeArticles({testing::MakeArticle("a", "Text with 3 facts.")}, o);
  EXPECT_EQ(ok.ExitStatus(), 0);
  ok.skipped.push_back({"x", std::nullopt, "why"});
  EXPECT_EQ(ok.ExitStatus(), 1);
}

}  // namespace
}  // namespace corroborate::pipeline
