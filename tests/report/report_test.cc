#include "corroborate/report/report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

#include "corroborate/pipeline/analyze.h"
#include "report/spool.h"
#include "support/test_support.h"

namespace corroborate::report {
namespace {

using Json = nlohmann::json;

pipeline::RunResult RunExample() {
  pipeline::AnalyzeOptions o;
  o.threads = 1;
  return pipeline::Analyze({testing::ExampleDir().string()}, o);
}

TEST(ReportTest, JsonFollowsTheContract) {
  auto run = RunExample();
  std::stringstream ss;
  WriteJson(run.View(), ss);
  Json j = Json::parse(ss.str());
  EXPECT_EQ(j["schema"], "corroborate.report/1");
  ASSERT_TRUE(j["skipped"].is_array());
  ASSERT_EQ(j["articles"].size(), 5u);
  for (const auto& a : j["articles"]) {
    for (const char* k : {"id", "source", "title", "published", "kept", "removed"}) EXPECT_TRUE(a.contains(k)) << k;
    for (const auto& r : a["removed"]) {
      std::string reason = r["reason"];
      EXPECT_TRUE(reason == "duplicate" || reason == "boilerplate" || reason == "caption") << reason;
    }
  }
  ASSERT_EQ(j["stories"].size(), 1u);
  const Json& s = j["stories"][0];
  for (const char* k : {"id", "title", "articles", "facts", "timelines", "copies", "single_source", "coverage", "summary"}) {
    EXPECT_TRUE(s.contains(k)) << k;
  }
  for (const auto& f : s["facts"]) {
    for (const char* k : {"id", "label", "attributed_to", "as_of", "status", "low", "high", "mentions"}) {
      EXPECT_TRUE(f.contains(k)) << k;
    }
    std::string st = f["status"];
    EXPECT_TRUE(st == "agreed" || st == "compatible" || st == "conflict" || st == "single_source");
    for (const auto& m : f["mentions"]) {
      for (const char* k : {"article", "start", "end", "text", "low", "high", "qualifier", "unit", "counted",
                            "attributed_to", "as_of"}) {
        EXPECT_TRUE(m.contains(k)) << k;
      }
    }
  }
  const Json& cov = s["coverage"];
  EXPECT_EQ(cov["facts"].size(), s["facts"].size());
  EXPECT_EQ(cov["matrix"].size(), s["facts"].size());
  for (const auto& t : s["timelines"]) {
    for (const auto& p : t["points"]) EXPECT_TRUE(p["as_of"].is_string());
  }
}

// Every offset in the report cites the original bytes exactly.
TEST(ReportTest, EverySpanIsExact) {
  auto run = RunExample();
  std::stringstream ss;
  WriteJson(run.View(), ss);
  Json j = Json::parse(ss.str());
  std::map<std::string, std::string> texts;
  for (const auto& a : run.articles) texts[a->article.id] = a->article.text;
  size_t checked = 0;
  for (const auto& f : j["stories"][0]["facts"]) {
    for (const auto& m : f["mentions"]) {
      const std::string& t = texts.at(m["article"]);
      size_t b = m["start"], e = m["end"];
      ASSERT_LE(e, t.size());
      EXPECT_EQ(t.substr(b, e - b), m["text"].get<std::string>());
      ++checked;
    }
  }
  for (const auto& x : j["stories"][0]["single_source"]) {
    const std::string& t = texts.at(x["article"]);
    size_t b = x["start"], e = x["end"];
    EXPECT_EQ(t.substr(b, e - b), x["text"].get<std::string>());
    ++checked;
  }
  for (const auto& a : j["articles"]) {
    const std::string& t = texts.at(a["id"]);
    for (const auto& r : a["removed"]) EXPECT_LE(r["end"].get<size_t>(), t.size());
  }
  EXPECT_GT(checked, 20u);
}

TEST(ReportTest, HtmlEscapesArticleText) {
  std::vector<ingest::Article> articles = {
      testing::MakeArticle("evil<script>", "<script>alert('x')</script> The <b>bridge</b> carried 5,000 cars a day.\n"
                                           "Officials said 3 people & 2 dogs were hurt."),
      testing::MakeArticle("plain", "The bridge carried 5,000 cars a day before it closed."),
  };
  pipeline::AnalyzeOptions o;
  o.threads = 1;
  auto run = pipeline::AnalyzeArticles(articles, o);
  std::stringstream html;
  WriteHtml(run.View(), html);
  std::string page = html.str();
  EXPECT_EQ(page.find("<script>"), std::string::npos);
  EXPECT_EQ(page.find("<b>bridge"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.find("3 people &amp; 2 dogs"), std::string::npos);
  EXPECT_NE(page.find("<svg"), std::string::npos);  // coverage plot
  std::stringstream md;
  WriteMarkdown(run.View(), md);
  EXPECT_NE(md.str().find("# corroborate report"), std::string::npos);
}

TEST(ReportTest, SpoolKeepsEveryByteInOrderAcrossTheSpillToDisk) {
  Spool spool(/*memory_limit=*/100);  // spills to a temporary file after 100 bytes
  std::string expected;
  for (int k = 0; k < 1000; ++k) {
    std::string piece = "piece " + std::to_string(k) + (k % 7 ? "\n" : std::string(300, 'x'));
    spool.Append(piece);
    expected += piece;
  }
  std::stringstream out;
  spool.CopyTo(out);
  EXPECT_EQ(out.str(), expected);
  spool.Append("tail");
  std::stringstream again;
  spool.CopyTo(again);
  EXPECT_EQ(again.str(), expected + "tail");
}

TEST(ReportTest, StoryByStoryWritersMatchTheWholeRunWriters) {
  // Two stories handed over one at a time give the same reports as one RunView.
  pipeline::AnalyzeOptions o;
  o.threads = 1;
  std::vector<ingest::Article> arts;
  for (const auto& entry : std::filesystem::directory_iterator(testing::ExampleDir())) {
    if (entry.path().extension() == ".txt") {
      arts.push_back(testing::MakeArticle(entry.path().stem().string(), testing::ReadFile(entry.path()), "2024-05-10"));
    }
  }
  arts.push_back(testing::MakeArticle("other", "Voters in Lisbon elected Joana Reis as mayor with 52 percent of the vote.", "2024-06-30"));
  auto run = pipeline::AnalyzeArticles(arts, o);
  ASSERT_EQ(run.stories.size(), 2u);
  RunView view = run.View();
  for (Format f : {Format::kJson, Format::kMarkdown, Format::kHtml}) {
    std::stringstream whole, streamed;
    if (f == Format::kJson) WriteJson(view, whole);
    if (f == Format::kMarkdown) WriteMarkdown(view, whole);
    if (f == Format::kHtml) WriteHtml(view, whole);
    auto w = MakeWriter(f, streamed);
    for (const StoryView& s : view.stories) w->AddStory(s);
    w->Finish(view);
    EXPECT_EQ(whole.str(), streamed.str());
    EXPECT_NE(streamed.str().find("Joana Reis"), std::string::npos);
  }
}

TEST(ReportTest, ValueFormatting) {
  EXPECT_EQ(FormatValue(55000, 55000, ""), "55,000");
  EXPECT_EQ(FormatValue(2500, NAN, ""), "\xE2\x89\xA5 2,500");
  EXPECT_EQ(FormatValue(NAN, 140000, ""), "\xE2\x89\xA4 140,000");
  EXPECT_EQ(FormatValue(100000, 140000, ""), "100,000\xE2\x80\x93" "140,000");
  EXPECT_EQ(FormatValue(1200000, 1200000, ""), "1.2 million");
  EXPECT_EQ(FormatValue(20, 20, "percentage"), "20%");
  EXPECT_EQ(FormatValue(-20, -20, "celsius"), "-20 \xC2\xB0" "C");
  EXPECT_EQ(FormatValue(45e6, 45e6, "dollar"), "$45 million");
  // A suffix unit is written once after a range, in the plural, also before "per"; a
  // prefix unit on both ends; NewsQuant's "count" unit reads as "times".
  EXPECT_EQ(FormatValue(3, 4, "megabyte per day"), "3\xE2\x80\x93" "4 megabytes per day");
  EXPECT_EQ(FormatValue(10, 20, "percentage"), "10\xE2\x80\x93" "20%");
  EXPECT_EQ(FormatValue(3, 4, "dollar"), "$3\xE2\x80\x93$4");
  EXPECT_EQ(FormatValue(20000, NAN, "count"), "\xE2\x89\xA5 20,000 times");
  EXPECT_EQ(FormatValue(1, 1, "mile"), "1 mile");
  // A figure read from a fraction is rounded as a writer would round it.
  EXPECT_EQ(FormatValue(100.0 / 3, 100.0 / 3, "percentage"), "33.3%");
  EXPECT_EQ(FormatValue(2.0 / 3, 2.0 / 3, ""), "0.667");
  EXPECT_EQ(FormatValue(12.5, 12.5, "percentage"), "12.5%");
}

}  // namespace
}  // namespace corroborate::report
