#include "corroborate/extract/quantities.h"

#include <gtest/gtest.h>

#include <fstream>

#include "corroborate/base/data.h"
#include "corroborate/base/strings.h"
#include "corroborate/text/normalize.h"
#include "support/test_support.h"

namespace corroborate::extract {
namespace {

std::string Dash(const std::string& s) { return s.empty() ? "-" : s; }
std::string Num(double v) { return IsOpen(v) ? "-" : FormatNumber(v); }

// The canonical one-line rendering the golden file stores.
std::string Render(const std::string& sentence) {
  text::NormalizedText n = text::Normalize(sentence);
  std::string out;
  for (const Quantity& q : ExtractQuantities(n.text, Span{0, static_cast<uint32_t>(n.text.size())})) {
    if (!out.empty()) out += " ; ";
    out += std::string(q.span.Of(n.text)) + "|" + Num(q.low) + "|" + Num(q.high) + "|" + QualifierName(q.qualifier) +
           "|" + ChangeSymbol(q.qualifier, q.change) + "|" + Dash(q.normalized_unit) + "|" + KindName(q.kind) + "|" +
           Dash(q.counted.text);
  }
  return out.empty() ? "(none)" : out;
}

TEST(QuantitiesTest, GoldenCases) {
  auto path = testing::SourceDir() / "tests" / "golden" / "quantities.tsv";
  std::string content = testing::ReadFile(path);
  ASSERT_FALSE(content.empty()) << path;
  std::string updated;
  int cases = 0;
  for (std::string_view line : Split(content, '\n')) {
    if (line.empty() || line[0] == '#') {
      if (!line.empty()) updated += std::string(line) + "\n";
      continue;
    }
    auto fields = Split(line, '\t');
    ASSERT_EQ(fields.size(), 2u) << line;
    std::string got = Render(std::string(fields[0]));
    updated += std::string(fields[0]) + "\t" + got + "\n";
    EXPECT_EQ(got, fields[1]) << "sentence: " << fields[0];
    ++cases;
  }
  EXPECT_GE(cases, 30);
  if (std::getenv("UPDATE_GOLDEN")) std::ofstream(path) << updated;
}

TEST(QuantitiesTest, SpansPointIntoTheSentence) {
  std::string text = "Officials said about 1.2 million people, or 5%, fled.";
  auto qs = ExtractQuantities(text, Span{0, static_cast<uint32_t>(text.size())});
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].span.Of(text), "about 1.2 million");
  EXPECT_EQ(qs[0].value_span.Of(text), "1.2 million");
  EXPECT_EQ(qs[1].span.Of(text), "5%");
}

TEST(QuantitiesTest, SubjectAndTopicNameWhatAFigureIsSaidOf) {
  auto first = [](const std::string& s) {
    auto q = ExtractQuantities(s, Span{0, static_cast<uint32_t>(s.size())});
    return q.empty() ? Quantity() : q[0];
  };
  // A verb form after a determiner is a noun; a reported clause has its own subject.
  EXPECT_EQ(first("The set will cost $200.").subject, "set");
  EXPECT_EQ(first("Ford has estimated that a disorderly exit would cost it $800 million.").subject,
            "disorderly exit");
  // A relative clause's subject is the noun phrase it hangs on, while the clause lasts.
  EXPECT_EQ(first("He met Ford, which has 13,000 workers in the UK.").subject, "Ford");
  EXPECT_EQ(first("Relations with Nissan, which is 43.4 percent-owned by Renault, are tense.").subject, "Nissan");
  // A topic of time words or one verb names nothing.
  EXPECT_EQ(first("In the last three months the office sold 50 products.").topic, "");
  EXPECT_EQ(first("Chris Wood has scored 22 goals.").topic, "Chris Wood");
  // A figure alone in brackets is said of the words before them; one word after a subject
  // pronoun is a verb; an opening time word is not the subject.
  EXPECT_EQ(first("The Orioles (seven years, $140 million) made offers.").topic, "Orioles");
  EXPECT_EQ(first("It costs about 8 dollars.").topic, "");
  EXPECT_EQ(first("Ferrari revealed the SF90 with 938 horsepower.").topic, "SF90");
  EXPECT_EQ(first("A defense that gave up 517 rushing yards would fare badly.").topic, "defense");
  // "one of the ..." picks one out of a group: not a figure to compare, though it still
  // names its group.
  Quantity one = first("Are you on the hunt for one of the best wireless speakers?");
  EXPECT_TRUE(one.anaphoric);
  EXPECT_EQ(one.count_noun, "best wireless speakers");
  EXPECT_EQ(first("Yesterday I ran about 5 km.").subject, "");
  EXPECT_EQ(first("On Friday, the club won 20 games.").subject, "club");
  EXPECT_EQ(first("Last Friday, the club won 20 games.").subject, "club");
  // The colon in a time breaks no clause.
  EXPECT_EQ(first("By 5:00pm Monday, selection was winding down as five were picked.").subject, "selection");
  // A verbless clause after a semicolon that opens with a figure continues the list: the
  // subject is the previous clause's; a clause with its own verb keeps its own.
  std::string list = "Homes under $1 million stay 70 days; $1 million to $2 million, 99 days.";
  auto ql = ExtractQuantities(list, Span{0, static_cast<uint32_t>(list.size())});
  ASSERT_EQ(ql.size(), 4u);
  EXPECT_EQ(ql[3].subject, "Homes");
  std::string own = "One bullet hit his shoulder; two other bullets struck his thighs.";
  auto qo = ExtractQuantities(own, Span{0, static_cast<uint32_t>(own.size())});
  ASSERT_EQ(qo.size(), 2u);
  EXPECT_EQ(qo[1].subject, "");
  auto qs2 = ExtractQuantities(std::string_view("$1 million to $1.25 million, 99 days."), Span{0, 37});
  ASSERT_EQ(qs2.size(), 2u);
  EXPECT_EQ(qs2[1].subject, "");  // the scale word of a figure is no subject
  // A conversion in brackets measures what the figure before it measures.
  auto qs = ExtractQuantities(std::string_view("It will be the hub for 8 miles (13 kilometers) of new tunnels."),
                              Span{0, 62});
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[1].counted.text, "new tunnels");
}

TEST(QuantitiesTest, GranularityReflectsHowAFigureIsWritten) {
  auto g = [](const std::string& s) {
    auto q = ExtractQuantities(s, Span{0, static_cast<uint32_t>(s.size())});
    return q.empty() ? -1.0 : q[0].granularity;
  };
  EXPECT_EQ(g("2,514 deaths"), 1);
  EXPECT_EQ(g("55,000 deaths"), 1000);
  EXPECT_EQ(g("400,000 deaths"), 10000);  // never coarser than the second digit
  EXPECT_EQ(g("1.2 million deaths"), 100000);
  EXPECT_EQ(g("20 deaths"), 1);            // small figures are exact counts
}

TEST(QuantitiesTest, PrefilterNeverHidesAFigure) {
  EXPECT_FALSE(MayHoldQuantity("The talks ended without a deal."));
  EXPECT_FALSE(MayHoldQuantity(""));
  for (const char* s : {"55,000 soldiers", "two soldiers", "Thousands marched", "a sixfold rise",
                        "half the city", "\xEF\xBC\x92\xEF\xBC\x90 people", "\xC2\xBD of them"}) {
    EXPECT_TRUE(MayHoldQuantity(s)) << s;
  }
  // Every word of the number lexicon passes it (its shape filter drops no entry).
  size_t words = 0;
  for (const auto& row : data::Table("extract/number_words.tsv")) {
    if (row.fields.empty()) continue;
    ++words;
    EXPECT_TRUE(MayHoldQuantity("It was " + std::string(row.fields[0]) + " today.")) << row.fields[0];
  }
  EXPECT_GT(words, 50u);
  // Every sentence the extractor finds a figure in passes the prefilter.
  for (const char* s : {"Revenue grew sixfold.", "About a third voted.", "Dozens of people died."}) {
    std::string t = s;
    EXPECT_FALSE(ExtractQuantities(t, Span{0, static_cast<uint32_t>(t.size())}).empty()) << s;
  }
}

TEST(QuantitiesTest, CountNounsAsUnitNames) {
  EXPECT_EQ(CountUnitName("European countries"), "european country");
  EXPECT_EQ(CountUnitName("people"), "people");
  EXPECT_EQ(CountUnitName("commercial fishermen"), "commercial fisherman");
  EXPECT_EQ(CountUnitName("Americans"), "americans");
  EXPECT_EQ(CountUnitName("batteries"), "battery");
  EXPECT_EQ(CountUnitName("boxes"), "box");
  // "and" is left out; a superlative in front is named by its positive form.
  EXPECT_EQ(CountUnitName("Kia and Hyundai vehicles"), "kia hyundai vehicle");
  EXPECT_EQ(CountUnitName("best wireless speakers"), "good wireless speaker");
  EXPECT_EQ(CountUnitName("hottest luxury cars"), "hot luxury car");
  EXPECT_EQ(CountUnitName("proudest moments"), "proud moment");
  EXPECT_EQ(CountUnitName("largest cities"), "large city");
  EXPECT_EQ(CountUnitName("latest models"), "late model");
  EXPECT_EQ(CountUnitName("interest rates"), "interest rate");
  EXPECT_EQ(CountUnitName("Kia and Hyundai"), "kia hyundai");
}

// The counted noun written once serves the figures listed before it or compared with it;
// a figure with its own noun, or one followed by a noun-like word, keeps its own.
TEST(QuantitiesTest, CountNounsServeListedAndComparedFigures) {
  auto nouns = [](const std::string& t) {
    std::vector<std::string> out;
    for (const Quantity& q : ExtractQuantities(t, Span{0, static_cast<uint32_t>(t.size())})) {
      out.push_back(q.count_noun.empty() ? "-" : q.count_noun);
    }
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(nouns("The city opened 5, 10 and 15 schools."), (V{"schools", "schools", "schools"}));
  EXPECT_EQ(nouns("Police recorded 460 thefts, compared with 63 a year earlier."), (V{"thefts", "thefts"}));
  EXPECT_EQ(nouns("Sales reached 3.9 million headsets, up from 2.4 million in 2017."), (V{"headsets", "headsets"}));
  EXPECT_EQ(nouns("About 460 vehicles have been stolen so far this year compared with 63 last year."),
            (V{"vehicles", "vehicles"}));
  // A statistic's name may stand between; a rate takes the noun too.
  EXPECT_EQ(nouns("Police recorded 22 burglaries, compared with an average of 20 per week."),
            (V{"burglaries", "burglaries"}));
  // A comma alone does not make a list; a change amount is no level to compare with.
  EXPECT_EQ(nouns("In the end 5, 10 schools closed."), (V{"-", "schools"}));
  EXPECT_EQ(nouns("He made 3 of 4 attempts from 3 - point range."), (V{"-", "attempts", "-"}));
  // What a plural noun is made of is counted too, but not a name it belongs to.
  EXPECT_EQ(nouns("Customs taxed more than 5,700 categories of products leaving China."),
            (V{"categories of products"}));
  EXPECT_EQ(nouns("Five new seasons of Sesame Street will air."), (V{"new seasons"}));
  EXPECT_EQ(CountUnitName("categories of products"), "category product");
  // After "a" and a figure the next word is a noun; "one of my ..." counts what follows;
  // a bare count after "and" with "who" or an auxiliary counts what the last count did.
  EXPECT_EQ(nouns("The club finished with a 43 - 39 record."), (V{"-", "record"}));
  EXPECT_EQ(nouns("It is one of my local stores."), (V{"local stores"}));
  EXPECT_EQ(nouns("Two of Johnson's deputies were fired."), (V{"Johnson deputies"}));
  EXPECT_EQ(CountUnitName("Airbnb earliest investments"), "airbnb early investment");
  EXPECT_EQ(nouns("At least 12 people died and 30 were injured."), (V{"people", "people"}));
  // A comparative after a figure is not what it counts.
  EXPECT_EQ(nouns("The car is 40,000 cheaper than its rivals."), (V{"-"}));
}

TEST(QuantitiesTest, NothingCrashesOnOddInput) {
  const char* inputs[] = {"", "$", "1,2,3,4", "192.168.1.2", "- - - 5 -", "between and", "1/0", "9/11",
                          "99999999999999999999999 people", "one-", "a a a a half", "%%% 5%%"};
  for (const char* s : inputs) {
    std::string t = s;
    auto qs = ExtractQuantities(t, Span{0, static_cast<uint32_t>(t.size())});
    for (const Quantity& q : qs) EXPECT_LE(q.span.end, t.size());
  }
}

}  // namespace
}  // namespace corroborate::extract
