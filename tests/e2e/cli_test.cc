// End-to-end: the real binary, real files, real exit statuses.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace corroborate {
namespace {

using testing::RunCli;
using testing::TempDir;

TEST(CliTest, AnalyzeWritesAllThreeReports) {
  TempDir out;
  auto json = out.path() / "r.json", md = out.path() / "r.md", html = out.path() / "r.html";
  auto r = RunCli({"analyze", testing::ExampleDir().string(), "--json", json.string(), "--md", md.string(),
                   "--html", html.string()});
  EXPECT_EQ(r.exit_status, 0) << r.err;
  auto j = nlohmann::json::parse(testing::ReadFile(json));
  EXPECT_EQ(j["schema"], "corroborate.report/1");
  EXPECT_NE(testing::ReadFile(md).find("## "), std::string::npos);
  std::string page = testing::ReadFile(html);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("</html>"), std::string::npos);
}

TEST(CliTest, BodyPrintsTheMainTextOfAWebPage) {
  TempDir in;
  auto page = in.Write("fire.html",
                       "<html><head><title>Fire</title></head><body><nav><a href='/'>Home</a></nav>"
                       "<article><p>A fire destroyed a warehouse at the harbour on Friday, officials said.</p>"
                       "<p>About 120 firefighters fought the blaze, which burned for six hours overnight.</p>"
                       "</article><footer><p>Copyright 2025, all rights reserved by the publisher.</p></footer>"
                       "</body></html>");
  auto r = RunCli({"body", page.string()});
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("120 firefighters"), std::string::npos);
  EXPECT_EQ(r.out.find("Home"), std::string::npos);
  EXPECT_EQ(r.out.find("Copyright"), std::string::npos);
  auto j = RunCli({"body", "--json", page.string(), (in.path() / "missing.html").string()});
  EXPECT_EQ(j.exit_status, 1);
  EXPECT_NE(j.err.find("missing.html"), std::string::npos);
  auto first = nlohmann::json::parse(j.out.substr(0, j.out.find('\n')));
  EXPECT_EQ(first["title"], "Fire");
  bool footer_listed = false;
  for (const auto& rem : first["removed"]) footer_listed |= rem["text"].get<std::string>().find("Copyright") != std::string::npos;
  EXPECT_TRUE(footer_listed);
}

TEST(CliTest, ReportIsTheSameWhateverTheThreadCount) {
  TempDir out;
  auto one = out.path() / "one.json", four = out.path() / "four.json";
  auto a = RunCli({"analyze", testing::ExampleDir().string(), "--json", one.string(), "--threads", "1"});
  auto b = RunCli({"analyze", testing::ExampleDir().string(), "--json", four.string(), "--threads", "4"});
  ASSERT_EQ(a.exit_status, 0) << a.err;
  ASSERT_EQ(b.exit_status, 0) << b.err;
  EXPECT_EQ(testing::ReadFile(one), testing::ReadFile(four));
}

TEST(CliTest, DefaultsToMarkdownOnStdout) {
  auto r = RunCli({"analyze", testing::ExampleDir().string()});
  EXPECT_EQ(r.exit_status, 0);
  EXPECT_EQ(r.out.rfind("# corroborate report", 0), 0u);
}

TEST(CliTest, BadInputsAreReportedAndTheRestAnalysed) {
  TempDir dir;
  dir.Write("good.txt", "Flood waters rose\n\nThe river flooded 400 homes on Monday, officials said.\n");
  dir.Write("also-good.jsonl", "{\"id\": \"j1\", \"text\": \"About 400 homes were flooded by the river.\"}\n"
                               "{\"id\": \"j2\", \"text\": broken}\n");
  dir.Write("bad.txt", "bytes \xFE\xFF here");
  dir.Write("empty.txt", "");
  TempDir out;
  auto json = out.path() / "r.json";
  auto r = RunCli({"analyze", dir.path().string(), (dir.path() / "nope.txt").string(), "--json", json.string()});
  EXPECT_EQ(r.exit_status, 1);  // some inputs skipped
  EXPECT_NE(r.err.find("bad.txt: invalid UTF-8 at byte 6"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("also-good.jsonl line 2: malformed JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("empty.txt: no text"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nope.txt: cannot read"), std::string::npos) << r.err;
  auto j = nlohmann::json::parse(testing::ReadFile(json));
  EXPECT_EQ(j["articles"].size(), 2u);
  ASSERT_EQ(j["skipped"].size(), 4u);
  bool line2 = false;
  for (const auto& s : j["skipped"]) {
    if (s["line"] == 2) line2 = true;
    EXPECT_FALSE(s["reason"].get<std::string>().empty());
  }
  EXPECT_TRUE(line2);
}

TEST(CliTest, NothingUsableExitsTwo) {
  TempDir dir;
  dir.Write("empty.txt", "  ");
  auto r = RunCli({"analyze", dir.path().string(), "--json", "-"});
  EXPECT_EQ(r.exit_status, 2);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["articles"].size(), 0u);
  EXPECT_EQ(j["skipped"].size(), 1u);
}

TEST(CliTest, ReadsJsonLinesFromStdin) {
  auto r = RunCli({"analyze", "-", "--json", "-"},
                  std::string("{\"id\": \"a\", \"text\": \"The quake killed 40 people, officials said.\"}\n"
                              "{\"id\": \"b\", \"text\": \"Officials said the quake killed 40 people.\"}\n"));
  EXPECT_EQ(r.exit_status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["articles"].size(), 2u);
  bool agreed = false;
  for (const auto& f : j["stories"][0]["facts"]) agreed = agreed || f["status"] == "agreed";
  EXPECT_TRUE(agreed);
}

TEST(CliTest, UsageErrors) {
  EXPECT_EQ(RunCli({}).exit_status, 64);
  EXPECT_EQ(RunCli({"analyze"}).exit_status, 64);
  EXPECT_EQ(RunCli({"frobnicate"}).exit_status, 64);
  auto help = RunCli({"analyze", "--help"});
  EXPECT_EQ(help.exit_status, 0);
  EXPECT_NE(help.out.find("Exit status"), std::string::npos);
}

TEST(CliTest, UnwritableOutputFails) {
  auto r = RunCli({"analyze", testing::ExampleDir().string(), "--json", "/nonexistent-dir/x.json"});
  EXPECT_EQ(r.exit_status, 3);
  EXPECT_NE(r.err.find("cannot write /nonexistent-dir/x.json"), std::string::npos);
}

TEST(CliTest, QuantitiesFilter) {
  auto r = RunCli({"quantities"}, std::string("{\"text\": \"Nearly 400,000 troops were killed or wounded.\"}\n"
                                              "not json but a plain line with 20% inflation\n"
                                              "{\"text\": 5}\n"));
  EXPECT_EQ(r.exit_status, 1);
  std::vector<nlohmann::json> lines;
  std::stringstream ss(r.out);
  std::string line;
  while (std::getline(ss, line)) lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 3u);
  const auto& q = lines[0]["quantities"][0];
  EXPECT_EQ(q["text"], "Nearly 400,000");
  EXPECT_EQ(q["low"], 400000);
  EXPECT_EQ(q["qualifier"], "approx");
  EXPECT_EQ(q["change"], "~");
  EXPECT_EQ(lines[1]["quantities"][0]["normalized_unit"], "percentage");
  EXPECT_EQ(lines[2]["line"], 3);
  EXPECT_NE(r.err.find("line 3"), std::string::npos);
}

// `change` is NewsQuant's: a verb's change is up/down, a noun's "=" and the level reached
// "="; `delta` and `trend` keep the directions.
TEST(CliTest, QuantitiesChangeFollowsNewsQuant) {
  auto r = RunCli({"quantities"}, std::string("Shares rose 5% to $42, a 3% gain on the week, and Ross was down 2%, "
                                              "Burlington by 1.5%.\n"));
  ASSERT_EQ(r.exit_status, 0) << r.err;
  auto qs = nlohmann::json::parse(r.out)["quantities"];
  ASSERT_EQ(qs.size(), 5u) << r.out;
  EXPECT_EQ(qs[0]["change"], "up");
  EXPECT_EQ(qs[0]["delta"], "up");
  EXPECT_EQ(qs[1]["change"], "=");
  EXPECT_EQ(qs[1]["trend"], "up");
  EXPECT_EQ(qs[2]["change"], "=");
  EXPECT_EQ(qs[2]["delta"], "up");
  EXPECT_EQ(qs[3]["change"], "down");
  EXPECT_EQ(qs[4]["change"], "down");  // the verb left out of "Burlington by 1.5%"
}

}  // namespace
}  // namespace corroborate
