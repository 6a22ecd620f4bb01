#include "corroborate/summarize/summary.h"

#include <gtest/gtest.h>

#include "corroborate/base/strings.h"
#include "corroborate/pipeline/analyze.h"
#include "support/test_support.h"

namespace corroborate::summarize {
namespace {

TEST(SummaryTest, LeadsWithTheMostCorroboratedFactAndCitesSupport) {
  pipeline::AnalyzeOptions o;
  o.threads = 1;
  auto run = pipeline::Analyze({testing::ExampleDir().string()}, o);
  ASSERT_EQ(run.stories.size(), 1u);
  const auto& story = run.stories[0];
  ASSERT_FALSE(story.summary.empty());
  size_t words = 0;
  for (const SummarySentence& s : story.summary) {
    words += SplitWhitespace(s.text).size();
    EXPECT_GE(s.citations.size(), 2u) << s.text;  // only corroborated sentences
    EXPECT_NE(std::find(s.citations.begin(), s.citations.end(), s.article), s.citations.end());
  }
  EXPECT_LE(words, 150u);
  const SummarySentence& lead = story.summary[0];
  ASSERT_FALSE(lead.facts.empty());
  EXPECT_EQ(lead.facts[0], 0u);  // fact f1, the most corroborated
  // Sentences are taken from the articles as written.
  const auto& a = run.articles[story.articles[lead.article]];
  EXPECT_EQ(lead.text, CollapseWhitespace(lead.span.Of(a->doc.text())));
}

// A sentence that speaks to the page's reader, page furniture, a site's menu and a
// headline are no summary material, however well corroborated, while a sentence is there.
TEST(SummaryTest, SentencesSpeakingToTheReaderAreLeftOut) {
  pipeline::AnalyzeOptions o;
  o.threads = 1;
  // Scraped text keeps a site's menu and copyright line inside the article's paragraph.
  const char* bodies[] = {
      "Kmart is buying Sears for $11 billion in cash and stock, the companies said on Wednesday.",
      "The two retailers said on Wednesday that Kmart would pay $11 billion for Sears in cash and stock.",
      "Kmart will pay about $11 billion in cash and stock for Sears, the retailers announced on Wednesday."};
  std::vector<ingest::Article> arts;
  for (int k = 0; k < 3; ++k) {
    arts.push_back(testing::MakeArticle(
        std::string(1, static_cast<char>('a' + k)),
        std::string("Retail news\n\nKmart agrees to buy Sears in record retail deal\n\n") +
            "Home News Business Sport Markets Technology Opinion Weather Video Local. " + bodies[k] +
            " (Click here to read more about the man behind the deal) Shares of both companies rose sharply after "
            "the deal was announced. The new company will be called Sears Holdings. The Daily Example Ltd. All "
            "rights reserved.\n",
        "2004-11-17"));
  }
  auto run = pipeline::AnalyzeArticles(std::move(arts), o);
  ASSERT_EQ(run.stories.size(), 1u);
  ASSERT_FALSE(run.stories[0].summary.empty());
  for (const SummarySentence& s : run.stories[0].summary) {
    for (const char* gone : {"Click here", "Home News", "All rights reserved", "record retail deal"}) {
      EXPECT_EQ(s.text.find(gone), std::string::npos) << s.text;
    }
  }
}

TEST(SummaryTest, RespectsTheWordBudget) {
  pipeline::AnalyzeOptions o;
  o.threads = 1;
  o.summary.max_words = 40;
  auto run = pipeline::Analyze({testing::ExampleDir().string()}, o);
  size_t words = 0;
  for (const SummarySentence& s : run.stories[0].summary) words += SplitWhitespace(s.text).size();
  EXPECT_LE(words, 40u);
  EXPECT_GT(words, 0u);
}

}  // namespace
}  // namespace corroborate::summarize
