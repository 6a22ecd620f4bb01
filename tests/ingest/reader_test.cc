#include "corroborate/ingest/reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/test_support.h"

namespace corroborate::ingest {
namespace {

using testing::TempDir;

struct Collected {
  std::vector<Article> articles;
  std::vector<Skipped> skipped;
  std::vector<Warning> warnings;
  ReadStats stats;
};

Collected Read(const std::vector<std::string>& paths, IngestOptions options = {}) {
  Collected c;
  Sink sink;
  sink.article = [&](Article&& a) { c.articles.push_back(std::move(a)); };
  sink.skipped = [&](Skipped&& s) { c.skipped.push_back(std::move(s)); };
  sink.warning = [&](Warning&& w) { c.warnings.push_back(std::move(w)); };
  c.stats = ReadPaths(paths, options, sink);
  return c;
}

TEST(TextFileTest, HeadlineAndDateline) {
  auto a = ParseTextFile(
      "Zelenskyy reveals toll | World News\nKyiv, Ukraine \xE2\x80\x94 February 5, 2026\n\nThe body starts here.\n",
      "story-1", {});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->id, "story-1");
  ASSERT_TRUE(a->title);
  EXPECT_EQ(*a->title, "Zelenskyy reveals toll");
  ASSERT_TRUE(a->published);
  EXPECT_EQ(*a->published, "2026-02-05");
  ASSERT_TRUE(a->title_span);
  EXPECT_EQ(a->title_span->Of(a->text), "Zelenskyy reveals toll | World News");
  ASSERT_TRUE(a->dateline_span);
}

TEST(TextFileTest, ASentenceWithADateIsNoDateline) {
  // A story's own sentence recalling a day, whether it ends in a full stop or a colon.
  for (const char* line : {"On Tuesday, Oct. 10, 1972, Washington awoke to this startling news:",
                           "On Tuesday, Oct. 10, 1972, the newspaper printed the story."}) {
    auto a = ParseTextFile(std::string("A Lawman's Long Career\nHe died yesterday at home.\n") + line + "\n", "x", {});
    ASSERT_TRUE(a.ok());
    EXPECT_FALSE(a->published_date) << line;
  }
  auto b = ParseTextFile("A Lawman's Long Career\nTuesday, Oct. 10, 1972\nHe died yesterday at home.\n", "y", {});
  ASSERT_TRUE(b.ok() && b->published_date);
  EXPECT_EQ(b->published_date->ToIso(), "1972-10-10");
}

TEST(TextFileTest, ALineOfDatesAndTimesAloneIsADatelineHoweverLong) {
  // Blog templates: a full stop after the time, or a publication and an update time.
  for (auto [line, iso] : std::vector<std::pair<const char*, const char*>>{
           {"on Tuesday, 16 December 2008 13: 45.", "2008-12-16"},
           {"on April 30, 2008 at 4: 31 AM, updated April 30, 2008 at 8: 33 AM", "2008-04-30"},
           {"Posted on July 13, 2009 at 10:50 a.m. ET, last updated on July 29, 2009 at 12:16 p.m. ET |", "2009-07-13"}}) {
    auto a = ParseTextFile(std::string("Jury finds suspect guilty\n") + line + "\nA jury convicted a man on Tuesday.\n", "x", {});
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(a->published_date) << line;
    EXPECT_EQ(a->published_date->ToIso(), iso) << line;
  }
  // A long line with a word beside the date is a sentence, however it ends.
  auto b = ParseTextFile("Jury finds suspect guilty\non April 30, 2008 at 4: 31 AM the jury in Troy convicted him of murder\nMore.\n", "y", {});
  ASSERT_TRUE(b.ok());
  EXPECT_FALSE(b->published_date);
}

TEST(TextFileTest, AParagraphIsNotAHeadline) {
  auto a = ParseTextFile(
      "The number of soldiers killed is 55,000, the president has said.\nSecond paragraph.\n", "x", {});
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->title);
  EXPECT_FALSE(a->published);
}

TEST(TextFileTest, AShortTextAloneIsItsHeadline) {
  // A page reduced to its title; a single sentence with a full stop stays body text.
  auto a = ParseTextFile("Barghouti to run for Palestinian leader\n", "x", {});
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(a->title);
  EXPECT_EQ(*a->title, "Barghouti to run for Palestinian leader");
  auto b = ParseTextFile("Twelve people died in the fire on Friday.\n", "y", {});
  ASSERT_TRUE(b.ok());
  EXPECT_FALSE(b->title);
}

TEST(TextFileTest, AUrlLineIsTheAddressAndMayGiveTheDate) {
  // A first line holding the page's address (also as a tokeniser spaced it out) is the
  // URL, not the headline; the headline follows; an undated article takes the URL's date.
  auto a = ParseTextFile(
      "http: / / ktla. com / 2013 / 05 / 03 / lohan - may - miss - rehab /\n"
      "Lohan Checks Into Rehab\nThe actress checked into a clinic on Thursday.\n",
      "x", {});
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(a->url && a->url_span);
  EXPECT_EQ(*a->url, "http://ktla.com/2013/05/03/lohan-may-miss-rehab/");
  ASSERT_TRUE(a->title);
  EXPECT_EQ(*a->title, "Lohan Checks Into Rehab");
  ASSERT_TRUE(a->published_date);
  EXPECT_EQ(a->published_date->ToIso(), "2013-05-03");
  // A dateline wins over the address's date.
  auto b = ParseTextFile(
      "https://example.com/2013/05/03/story\nHeadline Of The Story\nMay 4, 2013 9:00 am\nBody text here.\n", "y", {});
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->published_date->ToIso(), "2013-05-04");
  ASSERT_TRUE(b->dateline_span);
  // A long line that opens with a publication cue is a dateline, not a headline.
  auto d = ParseTextFile(
      "Posted: Nov 27, 2005 8: 20 AM ET Last Updated: Nov 27, 2005 8: 10 PM ET by the World Desk staff\n"
      "An earthquake hit southern Iran on Sunday.\n",
      "w", {});
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->title);
  ASSERT_TRUE(d->dateline_span);
  EXPECT_EQ(d->published_date->ToIso(), "2005-11-27");
  // A sentence that starts with an address is text.
  auto c = ParseTextFile("http://example.com/report says prices rose 5 percent\nSecond line here.\n", "z", {});
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->url_span);
  EXPECT_FALSE(c->url);
}

TEST(JsonLineTest, AnUndatedRecordTakesItsUrlsDate) {
  std::string warning;
  auto a = ParseJsonLine(
      R"({"id": "u", "title": "T", "url": "https://www.Example.com/world/2024/feb/05/toll", "text": "Body."})", &warning);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(a->published_date);
  EXPECT_EQ(*a->published, "2024-02-05");
  ASSERT_TRUE(a->source);
  EXPECT_EQ(*a->source, "example.com");  // no source given: the host
  auto b = ParseJsonLine(
      R"({"id": "v", "url": "https://example.com/2024/02/05/toll", "published": "2024-02-06", "text": "Body."})",
      &warning);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b->published, "2024-02-06");  // the record's own date wins
  EXPECT_EQ(*ParseJsonLine(R"({"id": "w", "source": "Example News", "url": "https://example.com/x", "text": "B."})",
                           &warning)->source,
            "Example News");  // and its own source
}

TEST(JsonLineTest, ReadsFieldsAndNumericIds) {
  std::string warning;
  auto a = ParseJsonLine(
      R"({"id": 42, "text": "Body.", "source": "BBC", "url": "https://x", "title": "T", "published": "2025-02-05T10:00:00Z"})",
      &warning);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->id, "42");
  EXPECT_EQ(*a->source, "BBC");
  EXPECT_EQ(*a->published, "2025-02-05T10:00:00Z");
  EXPECT_EQ(a->published_date->ToIso(), "2025-02-05");
  EXPECT_TRUE(warning.empty());
}

TEST(JsonLineTest, TextWithoutATitleFieldReadsItsHeadline) {
  // As a text file: the first line is the headline, a dateline gives the missing date; a
  // record's own "title" and "published" win.
  std::string warning;
  auto a = ParseJsonLine(
      R"({"id": "h", "text": "Harbour warehouse destroyed by fire\nPort Alder, March 14, 2025\nA fire destroyed a warehouse."})",
      &warning);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(a->title && a->title_span);
  EXPECT_EQ(*a->title, "Harbour warehouse destroyed by fire");
  ASSERT_TRUE(a->published_date);
  EXPECT_EQ(a->published_date->ToIso(), "2025-03-14");
  auto b = ParseJsonLine(
      R"({"id": "t", "title": "Own", "published": "2025-03-20", "text": "Harbour warehouse destroyed by fire\nPort Alder, March 14, 2025\nA fire."})",
      &warning);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b->title, "Own");
  EXPECT_FALSE(b->title_span);
  EXPECT_EQ(b->published_date->ToIso(), "2025-03-20");
}

TEST(JsonLineTest, BadRecordsSayWhy) {
  struct Case {
    std::string line;
    std::string reason;
  };
  const Case cases[] = {
      {R"({"text": "no id"})", "missing required field 'id'"},
      {R"({"id": "a"})", "missing required field 'text'"},
      {R"({"id": "a", "text": 5})", "field 'text' must be a string"},
      {R"(["not", "an", "object"])", "a JSONL record must be a JSON object"},
      {R"({"id": "a", "text": "x",)", "malformed JSON"},
      {R"({"id": "a", "html": "<nav><a href='/'>Home</a></nav>"})", "no main content found in field 'html'"},
      {R"({"id": "a", "html": 7})", "field 'html' must be a string"},
  };
  for (const Case& c : cases) {
    auto r = ParseJsonLine(c.line);
    ASSERT_FALSE(r.ok()) << c.line;
    EXPECT_NE(r.status().message().find(c.reason), std::string::npos) << r.status().message();
  }
  auto bad = ParseJsonLine(R"({"id": "a", "text": "x",)");
  ASSERT_TRUE(bad.status().offset().has_value());  // the byte where parsing failed
}

TEST(JsonLineTest, HtmlRecordsGiveTheirMainText) {
  auto a = ParseJsonLine(R"({"id": "p", "title": "Own title", "html": "<html><head><title>Page title</title>)"
                         R"(<meta name='date' content='2025-03-14'></head><body><nav><a href='/'>Home</a></nav>)"
                         R"(<p>A fire destroyed a warehouse at the harbour on Friday, officials said.</p></body></html>"})");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_NE(a->text.find("A fire destroyed"), std::string::npos);
  EXPECT_EQ(a->text.find("Home"), std::string::npos);
  EXPECT_EQ(a->title, "Own title");  // the record's field wins over the page's
  EXPECT_EQ(a->published_date, (Date{2025, 3, 14}));
}

TEST(JsonLineTest, UnreadableDateIsAWarningNotASkip) {
  std::string warning;
  auto a = ParseJsonLine(R"({"id": "a", "text": "Body.", "published": "last Tuesday"})", &warning);
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->published);
  EXPECT_NE(warning.find("not an ISO date"), std::string::npos);
}

TEST(ReaderTest, EveryBadInputIsListedAndTheRestIsRead) {
  TempDir dir;
  dir.Write("good.txt", "Headline here\n\nA good article about a fire that killed 3 people.\n");
  dir.Write("empty.txt", "   \n\n");
  dir.Write("binary.txt", std::string("\x7F" "ELF\x02\x01\x01\x00\x00\x00", 10));
  dir.Write("latin1.txt", "Caf\xE9 au lait costs 3 euros.\n");
  dir.Write("utf16.txt", std::string("\xFF\xFEH\0i\0", 6));
  dir.Write("notes.pdf", "%PDF-1.4");
  dir.Write("big.txt", std::string(2000, 'a'));
  dir.Write("lines.jsonl",
            "{\"id\": \"j1\", \"text\": \"First record.\"}\n"
            "{\"id\": \"j2\", \"text\": \n"
            "\n"
            "{\"id\": \"j3\"}\n"
            "{\"id\": \"j4\", \"text\": \"Bad \xC3(UTF-8.\"}\n"
            "{\"id\": \"j5\", \"text\": \"Last record.\"}\n");
  dir.Write(".hidden.txt", "ignored: hidden files are not inputs");
  IngestOptions options;
  options.max_document_bytes = 1000;
  Collected c = Read({dir.path().string(), (dir.path() / "missing.txt").string()}, options);

  std::vector<std::string> ids;
  for (const Article& a : c.articles) ids.push_back(a.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"good", "j1", "j5"}));

  auto reason_for = [&](const std::string& name, std::optional<int64_t> line = {}) -> std::string {
    for (const Skipped& s : c.skipped) {
      if (s.input.find(name) != std::string::npos && s.line == line) return s.reason;
    }
    return "<not skipped>";
  };
  EXPECT_EQ(reason_for("empty.txt"), "no text");
  EXPECT_EQ(reason_for("binary.txt"), "binary data, not text");
  EXPECT_EQ(reason_for("latin1.txt"), "invalid UTF-8 at byte 3");
  EXPECT_NE(reason_for("utf16.txt").find("UTF-16"), std::string::npos);
  EXPECT_EQ(reason_for("notes.pdf"), "unsupported file type '.pdf'");
  EXPECT_NE(reason_for("big.txt").find("too large: 2000 bytes"), std::string::npos);
  EXPECT_NE(reason_for("missing.txt").find("no such file"), std::string::npos);
  EXPECT_NE(reason_for("lines.jsonl", 2).find("malformed JSON"), std::string::npos);
  EXPECT_NE(reason_for("lines.jsonl", 4).find("missing required field 'text'"), std::string::npos);
  EXPECT_NE(reason_for("lines.jsonl", 5).find("invalid UTF-8"), std::string::npos);
  EXPECT_EQ(c.skipped.size(), 10u);  // nothing else, and the blank line 3 is not an error
  EXPECT_EQ(c.stats.articles, 3u);
  EXPECT_EQ(c.stats.skipped, c.skipped.size());
}

TEST(ReaderTest, UnreadableFileIsSkippedWithTheSystemReason) {
  if (geteuid() == 0) GTEST_SKIP() << "root can read any file; permission test needs a normal user";
  TempDir dir;
  auto p = dir.Write("secret.txt", "Some text.");
  chmod(p.c_str(), 0);
  Collected c = Read({p.string()});
  ASSERT_EQ(c.skipped.size(), 1u);
  EXPECT_NE(c.skipped[0].reason.find("cannot open"), std::string::npos);
}

TEST(ReaderTest, OverlongJsonLineIsSkippedWithoutReadingItIntoMemory) {
  TempDir dir;
  std::string big = "{\"id\": \"big\", \"text\": \"" + std::string(5000, 'x') + "\"}\n";
  dir.Write("a.jsonl", big + "{\"id\": \"small\", \"text\": \"ok\"}\n");
  IngestOptions options;
  options.max_document_bytes = 1000;
  Collected c = Read({(dir.path() / "a.jsonl").string()}, options);
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].id, "small");
  EXPECT_EQ(c.articles[0].line, 2);
  ASSERT_EQ(c.skipped.size(), 1u);
  EXPECT_EQ(c.skipped[0].line, 1);
  EXPECT_NE(c.skipped[0].reason.find("too large"), std::string::npos);
}

TEST(ReaderTest, DuplicateIdsAreRenamedWithAWarning) {
  TempDir dir;
  dir.Write("a/story.txt", "One.");
  dir.Write("b/story.txt", "Two.");
  Collected c = Read({dir.path().string()});
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].id, "story");
  EXPECT_EQ(c.articles[1].id, "story~2");
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_NE(c.warnings[0].message.find("duplicate id"), std::string::npos);
}

TEST(ReaderTest, ExplicitFileWithUnknownExtensionIsSniffed) {
  TempDir dir;
  auto jsonl = dir.Write("feed.data", "{\"id\": \"x\", \"text\": \"From a feed.\"}\n");
  auto text = dir.Write("notes", "Plain notes.\n");
  Collected c = Read({jsonl.string(), text.string()});
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].id, "x");
  EXPECT_EQ(c.articles[1].id, "notes");
}

}  // namespace
}  // namespace corroborate::ingest
