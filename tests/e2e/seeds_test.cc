// The five seed articles the product was conceived from (../shared/seeds, not in the
// repository): the report must show what a careful reader finds in them.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "support/test_support.h"

namespace corroborate {
namespace {

using Json = nlohmann::json;

class Seeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::SharedDir() / "seeds";
    if (!std::filesystem::is_directory(dir_)) return;
    auto r = testing::RunCli({"analyze", dir_.string(), "--json", "-"});
    exit_ = r.exit_status;
    report_ = new Json(Json::parse(r.out));
  }
  static void TearDownTestSuite() { delete report_; }
  void SetUp() override {
    if (!report_) GTEST_SKIP() << "../shared/seeds is not present: seed tests skipped";
  }
  const Json& story() const { return (*report_)["stories"][0]; }
  static std::string Seed(const std::string& prefix) {
    for (const auto& a : (*report_)["articles"]) {
      std::string id = a["id"];
      if (id.rfind(prefix, 0) == 0) return id;
    }
    return "";
  }
  const Json* Fact(const std::string& label_part, double value) const {
    for (const auto& f : story()["facts"]) {
      bool v = (f["low"].is_number() && f["low"] == value) || (f["high"].is_number() && f["high"] == value);
      if (v && f["label"].get<std::string>().find(label_part) != std::string::npos) return &f;
    }
    return nullptr;
  }
  static std::filesystem::path dir_;
  static Json* report_;
  static int exit_;
};
std::filesystem::path Seeds::dir_;
Json* Seeds::report_ = nullptr;
int Seeds::exit_ = -1;

TEST_F(Seeds, ReadsAllFive) {
  EXPECT_EQ(exit_, 0);
  EXPECT_EQ((*report_)["articles"].size(), 5u);
}

TEST_F(Seeds, FiftyFiveThousandAgreedByAllFive) {
  const Json* f = Fact("soldiers killed", 55000);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ((*f)["status"], "agreed");
  EXPECT_EQ((*f)["articles"].size(), 5u);
  EXPECT_NE((*f)["attributed_to"].get<std::string>().find("Zelensk"), std::string::npos);
}

TEST_F(Seeds, UnCivilianDeathFiguresAreCompatible) {
  const Json* f = Fact("civilian deaths", 2514);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ((*f)["status"], "compatible");
  std::set<std::string> texts;
  for (const auto& m : (*f)["mentions"]) texts.insert(m["text"]);
  EXPECT_TRUE(texts.count("2,514"));
  EXPECT_TRUE(texts.count("more than 2,500"));
  EXPECT_NE((*f)["attributed_to"].get<std::string>().find("United Nations"), std::string::npos);
}

TEST_F(Seeds, CasualtyFiguresFormATimeline) {
  bool found = false;
  for (const auto& t : story()["timelines"]) {
    std::vector<double> values;
    for (const auto& p : t["points"]) {
      for (const auto& f : story()["facts"]) {
        if (f["id"] == p["fact"]) values.push_back(f["low"].get<double>());
      }
    }
    if (values == std::vector<double>{43000, 46000, 55000}) found = true;
  }
  EXPECT_TRUE(found);
  for (const auto& f : story()["facts"]) EXPECT_NE(f["status"], "conflict") << f["label"];
}

TEST_F(Seeds, RepeatedBodyCaptionsAndFeaturedImagesAreRemoved) {
  std::map<std::string, std::map<std::string, int>> removed;
  for (const auto& a : (*report_)["articles"]) {
    for (const auto& r : a["removed"]) ++removed[a["id"]][r["reason"]];
  }
  EXPECT_GE(removed[Seed("001")]["duplicate"], 7);
  EXPECT_EQ(removed[Seed("002")]["caption"], 3);
  EXPECT_EQ(removed[Seed("002")]["boilerplate"], 2);
  EXPECT_EQ(removed[Seed("000")].size(), 0u);
  EXPECT_EQ(removed[Seed("003")].size(), 0u);
  EXPECT_EQ(removed[Seed("004")].size(), 0u);
}

TEST_F(Seeds, ClosestCopyPairIs002And004) {
  const Json& top = story()["copies"][0];
  std::set<std::string> pair = {top["articles"][0], top["articles"][1]};
  EXPECT_EQ(pair, (std::set<std::string>{Seed("002"), Seed("004")}));
}

TEST_F(Seeds, EditorialParagraphIsOpinion) {
  bool critics = false, sabotage = false;
  for (const auto& s : story()["single_source"]) {
    if (s["article"] != Seed("002") || s["kind"] != "opinion") continue;
    std::string text = s["text"];
    critics = critics || text.find("Critics argue") != std::string::npos;
    sabotage = sabotage || text.find("alleged sabotage") != std::string::npos;
  }
  EXPECT_TRUE(critics);
  EXPECT_TRUE(sabotage);
}

TEST_F(Seeds, SummaryLeadsWithTheCorroboratedToll) {
  const Json& lead = story()["summary"][0];
  EXPECT_NE(lead["text"].get<std::string>().find("55,000"), std::string::npos);
  EXPECT_EQ(lead["citations"].size(), 5u);
}

}  // namespace
}  // namespace corroborate
