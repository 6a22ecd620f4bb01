#include "corroborate/clean/clean.h"

#include <gtest/gtest.h>

#include "corroborate/ingest/reader.h"
#include "support/test_support.h"

namespace corroborate::clean {
namespace {

struct Cleaned {
  ingest::Article article;
  text::Document doc;
  std::vector<Block> blocks;
  std::string Reason(size_t paragraph) const { return RemovalName(blocks[paragraph].removal); }
  std::string Text(size_t paragraph) const { return std::string(blocks[paragraph].span.Of(doc.text())); }
};

Cleaned CleanText(const std::string& text, const RepeatedLines* repeated = nullptr) {
  Cleaned c;
  c.article = testing::MakeArticle("a", text);
  c.doc = text::MakeDocument(c.article.text);
  c.blocks = Clean(c.article, c.doc, {}, repeated);
  return c;
}

TEST(CleanTest, RepeatedBodyIsRemovedAsDuplicateKeepingTheFirst) {
  std::string body =
      "The council approved the budget of 4 million euros on Monday after a long debate.\n"
      "Opposition members said the plan ignored the needs of rural schools.\n";
  Cleaned c = CleanText(body + body);
  ASSERT_EQ(c.blocks.size(), 4u);
  EXPECT_EQ(c.Reason(0), "kept");
  EXPECT_EQ(c.Reason(1), "kept");
  EXPECT_EQ(c.Reason(2), "duplicate");
  EXPECT_EQ(c.Reason(3), "duplicate");
  EXPECT_NE(c.blocks[2].detail.find("paragraph 1"), std::string::npos);
}

TEST(CleanTest, NearExactRepeatIsADuplicate) {
  Cleaned c = CleanText(
      "Rescuers pulled 12 people from the rubble of the collapsed school on Tuesday night.\n"
      "Rescuers pulled 12 people from the rubble of the collapsed school on Tuesday night, officials said.\n");
  EXPECT_EQ(c.Reason(1), "duplicate");
}

TEST(CleanTest, BoilerplatePatterns) {
  const char* lines[] = {"Featured image", "Advertisement", "Read more: Floods hit the north",
                         "Share this article", "Sign up for our daily newsletter", "© 2025 Example Media",
                         "All rights reserved.", "By Jane Smith and John Doe", "* * *", "Related stories",
                         "Follow us on Twitter", "5 min read", "Lesen Sie auch", "Vous aimerez aussi",
                         "Weiterlesen:", "Keine Kommentare", "No Responses so far", "Advertisement:",
                         "Credit: Jane Smith / Example"};
  for (const char* line : lines) {
    Cleaned c = CleanText(std::string("A real first paragraph about a storm that flooded 300 homes.\n") + line + "\n");
    ASSERT_EQ(c.blocks.size(), 2u) << line;
    EXPECT_EQ(c.Reason(1), "boilerplate") << line;
  }
}

TEST(CleanTest, SubstantiveSentencesThatMentionBoilerplateWordsStay) {
  const char* lines[] = {
      "Related charges were filed against three men on Monday.",
      "Copyright lawsuits against the company have risen sharply this year.",
      "Published figures show 55,000 deaths in 2025.",
      "The newsletter was launched by two former editors in 2019.",
      "Readers can share their views at a public meeting on Friday.",
  };
  for (const char* line : lines) {
    Cleaned c = CleanText(std::string("A first paragraph.\n") + line + "\n");
    EXPECT_EQ(c.Reason(1), "kept") << line;
  }
}

TEST(CleanTest, CaptionsAreRemovedHeadingsAndListsAreKept) {
  Cleaned c = CleanText(
      "Heavy rain flooded the valley on Sunday, and 300 homes were evacuated.\n"
      "Soldiers carry sandbags along the riverbank in an image provided by the army on Sunday\n"
      "Residents Count the Cost\n"
      "- Two bridges were closed, the transport ministry said.\n"
      "A rescue worker wades through floodwater in the town centre on Sunday morning\n"
      "The army said more troops would arrive on Monday.\n"
      "A rescue worker wades through floodwater in the town centre on Sunday morning\n");
  EXPECT_EQ(c.Reason(1), "caption");
  EXPECT_EQ(c.Reason(2), "kept");
  EXPECT_EQ(c.blocks[2].role, Role::kHeading);
  EXPECT_EQ(c.Reason(3), "kept");
  EXPECT_EQ(c.blocks[3].role, Role::kListItem);
  EXPECT_EQ(c.Reason(4), "caption");
  EXPECT_EQ(c.Reason(5), "kept");
  EXPECT_EQ(c.Reason(6), "caption");
}

TEST(CleanTest, CaptionScoreTable) {
  struct Case {
    const char* line;
    bool repeated;
    bool caption;
  };
  const Case cases[] = {
      {"Protesters gather outside parliament in this photo taken on Monday", false, true},
      {"A firefighter battles the blaze (AP Photo/Jane Doe)", false, true},
      {"Firefighters work to contain the flames rising from the market on Tuesday night", false, true},
      {"Police said the suspect was arrested on Monday.", false, false},
      {"Independent Estimates Suggest Higher Death Toll", false, false},
      {"\"We will rebuild,\" the mayor said on Monday", false, false},
      // Two different cues outweigh the full stop.
      {"Photo: Anna Berg in an image provided by Reuters.", false, true},
      {"The minister said the photo was provided by the army.", false, false},
  };
  for (const Case& c : cases) {
    int score = CaptionScore(c.line, c.repeated, nullptr);
    EXPECT_EQ(score >= CleanOptions().caption_threshold, c.caption) << c.line << " score " << score;
  }
}

TEST(CleanTest, LinesRepeatedAcrossManyArticlesAreBoilerplate) {
  RepeatedLines repeated;
  std::vector<text::Document> docs;
  for (int i = 0; i < 3; ++i) {
    docs.push_back(text::MakeDocument("Story " + std::to_string(i) + " has its own first sentence.\nReporting by the Example desk\n"));
    repeated.Add(docs.back());
  }
  Cleaned c = CleanText("A different story about 4 new hospitals.\nReporting by the Example desk\n", &repeated);
  EXPECT_EQ(c.Reason(1), "boilerplate");
  EXPECT_NE(c.blocks[1].detail.find("repeated in"), std::string::npos);
}

// Furniture that scraped text leaves inside a paragraph, sentence by sentence.
TEST(CleanTest, FurnitureSentences) {
  EXPECT_TRUE(IsFurnitureSentence("The Japan Times Ltd. All rights reserved."));
  EXPECT_TRUE(IsFurnitureSentence("To get PressNotes in your inbox every week day, click here to send an e-mail."));
  EXPECT_TRUE(IsFurnitureSentence("Report Go Asia Pacific NewsRadio PM Sunday Profile World Today ------ TV"));
  EXPECT_TRUE(IsFurnitureSentence("This site is optimized for viewing with Netscape or Internet Explorer, version 4.0."));
  EXPECT_TRUE(IsFurnitureSentence("Please make sure your browser supports JavaScript and cookies."));
  EXPECT_FALSE(IsFurnitureSentence("Hackers can take over a browser that runs JavaScript, Microsoft said."));
  EXPECT_FALSE(IsFurnitureSentence(
      "The others were Agriculture Secretary Ann Veneman, Education Secretary Rod Paige and Energy Secretary "
      "Spencer Abraham."));
  EXPECT_FALSE(IsFurnitureSentence("Police said 40 people were hurt in the fire on Friday."));
  EXPECT_FALSE(IsFurnitureSentence("More than 200 million people subscribe to Netflix, the company said."));
}

TEST(CleanTest, TitleAndDatelineKeepTheirRoles) {
  auto article = ingest::ParseTextFile("A Headline Here\nParis, France — March 3, 2025\nBody text with 5 facts.\n", "x", {});
  ASSERT_TRUE(article.ok());
  text::Document doc = text::MakeDocument(article->text);
  auto blocks = Clean(*article, doc);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].role, Role::kTitle);
  EXPECT_EQ(blocks[1].role, Role::kDateline);
  EXPECT_TRUE(blocks[0].kept());
  EXPECT_TRUE(blocks[1].kept());
}

TEST(CleanTest, AUrlLineIsMetadata) {
  auto article = ingest::ParseTextFile(
      "https://news.example.com/2025/03/03/headline-here/\nA Headline Here\nBody text with 5 facts.\n", "x", {});
  ASSERT_TRUE(article.ok());
  text::Document doc = text::MakeDocument(article->text);
  auto blocks = Clean(*article, doc);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].role, Role::kUrl);
  EXPECT_TRUE(IsMetadataLine(blocks[0].role));
  EXPECT_EQ(blocks[1].role, Role::kTitle);
  EXPECT_EQ(blocks[2].role, Role::kBody);
}

}  // namespace
}  // namespace corroborate::clean
