#include "corroborate/extract/extractor.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace corroborate::extract {
namespace {

struct Extracted {
  ingest::Article article;
  text::Document doc;
  std::vector<clean::Block> blocks;
  ArticleExtraction x;
  const Mention& At(const std::string& figure) const {
    for (const Mention& m : x.mentions) {
      if (m.quantity.span.Of(doc.text()) == figure) return m;
    }
    ADD_FAILURE() << "no mention " << figure;
    static Mention none;
    return none;
  }
};

Extracted ExtractText(const std::string& text, std::optional<Date> ref = Date{2026, 2, 5}) {
  Extracted e;
  e.article = testing::MakeArticle("a", text);
  e.doc = text::MakeDocument(e.article.text);
  e.blocks = clean::Clean(e.article, e.doc);
  e.x = ExtractArticle(e.doc, e.blocks, ref);
  return e;
}

TEST(ExtractorTest, AttributionCues) {
  Extracted e = ExtractText(
      "Ukrainian President Volodymyr Zelenskyy reported that approximately 55,000 soldiers have been killed.\n"
      "In February 2025, he had said that more than 46,000 soldiers had died.\n"
      "A report released last month by the United Nations Human Rights Monitoring Mission in Ukraine "
      "indicated 2,514 civilian deaths in 2025.\n"
      "Russian losses, according to the same study, reached 1.2 million.\n"
      "An October 2025 estimate from British defense intelligence placed the number of Russian casualties at around 1.1 million.\n"
      "The number of soldiers killed is 43,000, the defence minister has said.\n"
      "\"We counted 300 drones,\" Zelenskyy told reporters.\n"
      "Drone strikes killed two civilians.\n");
  EXPECT_EQ(e.At("approximately 55,000").source, "Volodymyr Zelenskyy");
  EXPECT_EQ(e.At("approximately 55,000").source_cue, SourceCue::kReportingVerb);
  EXPECT_EQ(e.At("more than 46,000").source, "Volodymyr Zelenskyy");
  EXPECT_EQ(e.At("more than 46,000").source_cue, SourceCue::kPronoun);
  EXPECT_EQ(e.At("2,514").source, "United Nations Human Rights Monitoring Mission in Ukraine");
  EXPECT_EQ(e.At("1.2 million").source, "United Nations Human Rights Monitoring Mission in Ukraine");
  EXPECT_EQ(e.At("1.2 million").source_cue, SourceCue::kAnaphora);
  EXPECT_EQ(e.At("around 1.1 million").source, "British defense intelligence");
  EXPECT_EQ(e.At("43,000").source, "defence minister");
  EXPECT_FALSE(e.At("43,000").source_named);
  EXPECT_EQ(e.At("300").source, "Zelenskyy");
  EXPECT_TRUE(e.At("300").in_quote);
  EXPECT_TRUE(e.At("two").source.empty());
}

// A passive reporting verb's subject is what was reported: the source, if any, follows
// "by".
TEST(ExtractorTest, APassiveReportingVerbTakesItsSourceFromBy) {
  Extracted e = ExtractText(
      "More than 94,000 people have been confirmed dead in Indonesia.\n"
      "At least 400 people were confirmed dead by the Health Ministry.\n");
  EXPECT_TRUE(e.At("More than 94,000").source.empty());
  EXPECT_EQ(e.At("At least 400").source, "Health Ministry");
}

// "place", "record" and "report" are nouns too: after an ordinal, after a verb, or
// before an auxiliary they name no source.
TEST(ExtractorTest, NounsSpelledLikeReportingVerbsNameNoSource) {
  Extracted e = ExtractText(
      "The Phantom of the Opera jumped one spot to ninth place, earning $4.8 million over the weekend.\n"
      "Meet the Fockers set records for the biggest gross on New Year's Eve, with $12.2 million.\n"
      "The previous New Year's Eve record was set by Cast Away with $8.5 million.\n"
      "Officials place the toll at 40.\n"
      "The Aviator rose to 3rd place, earning $11.2 million.\n");
  EXPECT_TRUE(e.At("$4.8 million").source.empty()) << e.At("$4.8 million").source;
  EXPECT_TRUE(e.At("$12.2 million").source.empty()) << e.At("$12.2 million").source;
  EXPECT_TRUE(e.At("$8.5 million").source.empty()) << e.At("$8.5 million").source;
  EXPECT_EQ(e.At("40").source, "Officials");
  EXPECT_TRUE(e.At("$11.2 million").source.empty()) << e.At("$11.2 million").source;
}

TEST(ExtractorTest, AnAdverbBeforeTheReportingVerbIsNotTheSource) {
  // "I have always indicated", "were erroneously reported": the adverb is skipped.
  Extracted e = ExtractText(
      "The boats were erroneously reported to carry 6 missiles.\n"
      "Maria Olsen spoke on Friday. She has always said that 120 firefighters fought the blaze.\n");
  EXPECT_NE(e.At("6").source, "erroneously");
  EXPECT_EQ(e.At("120").source, "Maria Olsen");
}

TEST(ExtractorTest, AsOfComesFromTheFiguresOwnTime) {
  Extracted e = ExtractText(
      "In a previous interview in February 2025, he said over 46,000 soldiers had died.\n"
      "Zelenskyy said 55,000 soldiers have been killed since the invasion began in 2022.\n"
      "The UN recorded 2,514 civilian deaths in 2025, a report released last month said.\n"
      "As of six months ago, over 70,000 people were missing.\n"
      "The figure covers losses between February 2022 and December 2025: 1.2 million casualties.\n"
      "Russia suffered 1.2 million casualties between February 2022 and December 2025.\n"
      "Currently, Russian forces occupy about 20 percent of Ukraine, taken before the 2022 invasion.\n");
  EXPECT_EQ(e.At("over 46,000").as_of->ToIso(), "2025-02");
  EXPECT_FALSE(e.At("55,000").as_of);  // "since ... 2022" opens a period, it is not a date
  EXPECT_EQ(e.At("2,514").as_of->ToIso(), "2025");
  EXPECT_EQ(e.At("over 70,000").as_of->ToIso(), "2025-08");
  EXPECT_EQ(e.x.mentions[5].as_of->ToIso(), "2025-12");  // the end of the period
  EXPECT_FALSE(e.At("about 20 percent").as_of);  // "the 2022 invasion" dates the invasion
  // A fact box run together: a list that continues a founding date is history too, and a
  // date far from the figure is not its own, unless it opens the sentence.
  Extracted box = ExtractText(
      "Bigger and better? Third largest US retailer after Wal-Mart and Home Depot Nearly 3,500 stores Combined workforce of 345,000 in US and Canada Kmart has annual sales of about $23bn, "
      "Sears has annual revenue of about $41bn Sears founded in 1886, Kmart in 1962\n"
      "In 2002, subsidies to charities accounted for only 1.5 percent of the budget, far below the 12.9 percent "
      "spent in the Netherlands, 12.1 percent in Ireland and 8.2 percent in Canada.\n");
  EXPECT_FALSE(box.At("Nearly 3,500").as_of);
  EXPECT_FALSE(box.At("about $41bn").as_of);
  EXPECT_EQ(box.At("8.2 percent").as_of->ToIso(), "2002");
}

TEST(ExtractorTest, QuotesAndSpeakers) {
  Extracted e = ExtractText(
      "\"If we lose this war, we will lose our independence,\" he said.\n"
      "Rustem Umerov described the talks as 'substantive and productive,' focusing on 'concrete steps and practical solutions.'\n"
      "Zelenskyy stressed the stakes. \"We need more air defence. We need it now,\" he added.\n");
  ASSERT_GE(e.x.quotes.size(), 4u);
  EXPECT_EQ(e.x.quotes[1].speaker, "Rustem Umerov");
  EXPECT_EQ(e.x.quotes[2].speaker, "Rustem Umerov");  // same sentence, same speaker
  EXPECT_EQ(e.x.quotes[3].speaker, "Zelenskyy");      // "he" after a named speaker
}

TEST(ExtractorTest, OnlyKeptTextIsExtracted) {
  Extracted e = ExtractText(
      "A bridge collapsed, killing 7 people.\n"
      "Rescuers search the river in an image provided by police on Monday, 3 boats visible\n"
      "A bridge collapsed, killing 7 people.\n");
  EXPECT_EQ(e.x.mentions.size(), 1u);
}

}  // namespace
}  // namespace corroborate::extract
