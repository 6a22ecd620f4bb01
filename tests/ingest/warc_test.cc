// WARC crawls: HTML responses become articles; everything else is counted or skipped with
// its offset; truncated, corrupt and compressed-bomb inputs never stop the rest.
#include "corroborate/ingest/warc.h"

#include <gtest/gtest.h>

#include "corroborate/ingest/reader.h"
#include "support/test_support.h"

namespace corroborate::ingest {
namespace {

std::string Page(const std::string& title, const std::string& body) {
  return "<html><head><title>" + title + "</title></head><body><nav><a href='/'>Home</a></nav><article><p>" +
         body + "</p></article></body></html>";
}

const std::string kFire = Page("Fire", "A fire destroyed a warehouse at the harbour on Friday, officials said, "
                                       "and about 120 firefighters fought it for six hours.");
const std::string kFlood = Page("Flood", "Floods closed the coastal road on Saturday after two days of rain, the "
                                         "council said, and about 300 homes lost power overnight.");

std::string OtherRecord(const std::string& type, const std::string& content) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nContent-Length: " + std::to_string(content.size()) +
         "\r\n\r\n" + content + "\r\n\r\n";
}

struct Collected {
  std::vector<Article> articles;
  std::vector<Skipped> skipped;
  Sink sink;
  ReadStats stats;
  Collected() {
    sink.article = [this](Article&& a) { articles.push_back(std::move(a)); };
    sink.skipped = [this](Skipped&& s) { skipped.push_back(std::move(s)); };
    sink.warning = [](Warning&&) {};
  }
  bool SkippedWith(const std::string& words) const {
    for (const Skipped& s : skipped) {
      if (s.reason.find(words) != std::string::npos) return true;
    }
    return false;
  }
};

TEST(WarcTest, HtmlResponsesBecomeArticles) {
  std::string warc = OtherRecord("warcinfo", "software: test\r\n") +
                     OtherRecord("request", "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n") +
                     WarcResponseRecord("https://www.example.org/fire", "2025-03-14T10:00:00Z", kFire, "id-1") +
                     WarcResponseRecord("https://news.example.com/flood", "2025-03-15T08:00:00Z", kFlood, "id-2");
  Collected c;
  IngestOptions o;
  WarcStats w = ReadWarcBytes(warc, "crawl.warc", o, c.sink, &c.stats);
  EXPECT_EQ(w.records, 4u);
  EXPECT_EQ(w.responses, 2u);
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_TRUE(c.skipped.empty());
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "id-1");
  EXPECT_EQ(a.url, "https://www.example.org/fire");
  EXPECT_EQ(a.source, "example.org");  // the host when the page names no outlet
  EXPECT_EQ(a.published_date, (Date{2025, 3, 14}));  // WARC-Date as the fallback
  EXPECT_NE(a.text.find("120 firefighters"), std::string::npos);
  EXPECT_EQ(a.text.find("Home"), std::string::npos);
}

TEST(WarcTest, TruncatedAndCorruptRecordsAreSkippedWithOffsets) {
  std::string first = WarcResponseRecord("https://a.org/1", "2025-03-14T10:00:00Z", kFire, "a");
  std::string garbage = "this is not a record\r\nnor is this\r\n";
  std::string second = WarcResponseRecord("https://a.org/2", "2025-03-15T10:00:00Z", kFlood, "b");
  std::string third = WarcResponseRecord("https://a.org/3", "2025-03-16T10:00:00Z", kFire, "c");
  std::string warc = first + garbage + second + third.substr(0, third.size() / 2);
  Collected c;
  IngestOptions o;
  ReadWarcBytes(warc, "crawl.warc", o, c.sink, &c.stats);
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[1].id, "b");
  ASSERT_EQ(c.skipped.size(), 2u);
  EXPECT_NE(c.skipped[0].reason.find("not a WARC record header"), std::string::npos);
  EXPECT_NE(c.skipped[0].reason.find("at byte " + std::to_string(first.size())), std::string::npos);
  EXPECT_NE(c.skipped[1].reason.find("truncated WARC record"), std::string::npos);
}

TEST(WarcTest, NonPagesAndErrorsAreListed) {
  std::string image = "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xFF\xD8\xFF";
  std::string missing = "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>";
  auto record = [](const std::string& http) {
    return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.org/y\r\nContent-Length: " +
           std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
  };
  Collected c;
  IngestOptions o;
  ReadWarcBytes(record(image) + record(missing), "crawl.warc", o, c.sink, &c.stats);
  EXPECT_TRUE(c.articles.empty());
  EXPECT_TRUE(c.SkippedWith("not a web page (image/jpeg)"));
  EXPECT_TRUE(c.SkippedWith("HTTP status 404"));
}

TEST(WarcTest, MultiMemberGzipFilesAreRead) {
  testing::TempDir dir;
  std::string gz = GzipMember(WarcResponseRecord("https://a.org/1", "2025-03-14T10:00:00Z", kFire, "a")) +
                   GzipMember(WarcResponseRecord("https://a.org/2", "2025-03-15T10:00:00Z", kFlood, "b"));
  auto path = dir.Write("crawl.warc.gz", gz);
  Collected c;
  ReadStats stats = ReadPaths({path.string()}, IngestOptions{}, c.sink);
  EXPECT_EQ(stats.articles, 2u);
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[1].url, "https://a.org/2");
  // A gzip file cut short: the first record is read, the cut is reported.
  auto cut = dir.Write("cut.warc.gz", gz.substr(0, gz.size() - 40));
  Collected d;
  ReadPaths({cut.string()}, IngestOptions{}, d.sink);
  EXPECT_EQ(d.articles.size(), 1u);
  EXPECT_FALSE(d.skipped.empty());
}

TEST(WarcTest, GzipBombIsStopped) {
  testing::TempDir dir;
  std::string zeros(8u << 20, '\0');
  auto path = dir.Write("bomb.warc.gz", GzipMember(zeros));
  IngestOptions o;
  o.max_decompressed_bytes = 1u << 20;
  Collected c;
  ReadPaths({path.string()}, o, c.sink);
  EXPECT_TRUE(c.articles.empty());
  EXPECT_TRUE(c.SkippedWith("gzip bomb"));
}

}  // namespace
}  // namespace corroborate::ingest
