// Web pages: main content kept, page furniture removed with its reason, metadata read in
// order of trust, encodings converted, malformed markup survived.
#include "corroborate/ingest/html.h"

#include <gtest/gtest.h>

#include "corroborate/ingest/reader.h"

namespace corroborate::ingest {
namespace {

const char* kPage = R"(<!DOCTYPE html><html lang="en"><head>
<title>Harbour fire | Port Alder Gazette</title>
<meta property="og:title" content="Warehouse fire at Port Alder harbour">
<meta property="og:site_name" content="Port Alder Gazette">
<meta name="author" content="Ines Marlow">
<meta property="article:published_time" content="2025-03-14T09:30:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Fire destroys harbour warehouse","datePublished":"2025-03-14T08:00:00Z",
 "author":[{"@type":"Person","name":"Ines Marlow"},{"@type":"Person","name":"Tom Reyes"}],
 "publisher":{"@type":"Organization","name":"The Gazette"}}</script>
<script>var tracking = "Do not read this script text";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<article><h1>Fire destroys harbour warehouse</h1>
<p>A fire destroyed a warehouse at Port Alder harbour on Friday, the city fire department said, and about 120 firefighters fought the blaze for six hours.</p>
<p>Nobody was hurt, according to the harbour authority, which put the damage at more than $45 million and said the cause was still being investigated.</p>
<figure><img src="x.jpg"><figcaption>Smoke over the harbour on Friday.</figcaption></figure>
<p>Residents near the docks were told to keep their windows closed until the evening, when the smoke cleared over the whole district.</p>
</article>
<div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Another fire in 2019</a></li><li><a href="/b">Harbour plans</a></li></ul></div>
<section id="comments"><p>I saw the smoke from my house, it was terrible and lasted all day long, very scary indeed.</p></section>
<footer><p>Copyright 2025 Port Alder Gazette. All rights reserved. Contact us at the newsroom any time of day.</p></footer>
</body></html>)";

bool Removed(const HtmlPage& p, const std::string& needle, const std::string& reason) {
  for (const RemovedBlock& r : p.removed) {
    if (r.text.find(needle) != std::string::npos) return r.reason == reason;
  }
  return false;
}

TEST(HtmlTest, KeepsTheArticleAndListsTheFurniture) {
  HtmlPage p = ExtractHtml(kPage);
  EXPECT_NE(p.text.find("about 120 firefighters"), std::string::npos);
  EXPECT_NE(p.text.find("more than $45 million"), std::string::npos);
  EXPECT_NE(p.text.find("Residents near the docks"), std::string::npos);
  for (const char* gone : {"Share on Facebook", "Sport", "Another fire", "I saw the smoke", "Copyright",
                           "Smoke over the harbour", "Do not read"}) {
    EXPECT_EQ(p.text.find(gone), std::string::npos) << gone;
  }
  EXPECT_TRUE(Removed(p, "Home", "navigation"));
  EXPECT_TRUE(Removed(p, "Share on Facebook", "boilerplate"));
  EXPECT_TRUE(Removed(p, "I saw the smoke", "comments"));
  EXPECT_TRUE(Removed(p, "Smoke over the harbour", "caption"));
}

TEST(HtmlTest, ArticleShippedAsATemplateIsRead) {
  // Blogger's layout: the post's markup inside <script type="text/template"> in the
  // article body; a cookie box template elsewhere on the page stays unread.
  const char* page = R"(<html><body><div class="header">Security Blog: news and insights from us</div>
<div class="post"><h2>Harbour sensors go live</h2><div class="post-body"><div itemprop="articleBody">
<script type="text/template"><p>The harbour authority switched on 40 new air sensors along the docks on Monday, a spokesperson said.</p>
<p>Readings will be published every hour, and the first week of data will be reviewed by the city council in April.</p></script>
</div></div></div>
<script type="text/template" id="cookie-box"><div><p>We use cookies to improve your experience on this website, please accept them all now.</p></div></script>
</body></html>)";
  HtmlPage p = ExtractHtml(page);
  EXPECT_NE(p.text.find("40 new air sensors"), std::string::npos) << p.text;
  EXPECT_NE(p.text.find("reviewed by the city council"), std::string::npos);
  EXPECT_EQ(p.text.find("We use cookies"), std::string::npos);
  EXPECT_EQ(p.text.find("news and insights"), std::string::npos);
}

TEST(HtmlTest, TheLeadInTheArticleHeaderIsKept) {
  // The standfirst sits in the <article>'s header beside a date and share links, a sibling
  // of the body's container; a teaser outside the <article> stays out.
  const char* page = R"(<html><body><div class="teaser"><p>Watch: another story that the page links to here.</p></div>
<article><header class="entry-header"><h1>Harbour sensors go live</h1>
<div class="meta"><a href="/a">Share</a> <a href="/b">Tweet</a> <span>5 May 2025</span></div>
<div class="entry-excerpt"><p>The harbour authority switched on 40 new air sensors along the docks on Monday, it said.</p></div></header>
<div class="entry-content"><div class="inner"><p>Readings will be published every hour, and the first week of data will be reviewed by the council in April.</p>
<p>Residents had asked for the sensors after two summers of complaints about diesel fumes from the ferry terminal.</p>
<p>The city will add twelve more sensors near the schools on the hill next year if the first results hold up, officials said.</p>
<p>A public map of the readings, updated every hour, will be on the authority's website from June, a spokesperson said.</p>
<p>The sensors cost about 2,000 euros each and were paid for by the port's environment fund, according to the budget papers.</p>
<p>Similar networks already run in two other ports on the coast, where they led to new limits on idling engines at the quays.</p></div></div>
</article></body></html>)";
  HtmlPage p = ExtractHtml(page);
  EXPECT_NE(p.text.find("40 new air sensors"), std::string::npos) << p.text;
  EXPECT_NE(p.text.find("reviewed by the council"), std::string::npos);
  EXPECT_EQ(p.text.find("another story"), std::string::npos);
}

// The standfirst the page's own description repeats is kept wherever the layout puts it;
// a picture credit is a caption by its class; a lone teaser that is not the description
// stays out.
TEST(HtmlTest, TheStandfirstTheDescriptionRepeatsIsKept) {
  const char* page = R"(<html><head><meta property="og:description" content="The harbour authority switched on
  40 new air sensors along the docks on Monday, after two summers of complaints about fumes."></head><body>
<div class="top"><p class="kicker-lead">The harbour authority switched on 40 new air sensors along the docks on Monday, after two summers of complaints about fumes.</p>
<div class="meta"><form><input name="q"><p>Write to the author of this article using the form here.</p></form></div></div>
<div class="story"><p>Readings will be published every hour, and the first week of data will be reviewed by the council in April.</p>
<p class="image-credit">Photo: Harbour Authority / J. Smith</p>
<p>The city will add twelve more sensors near the schools on the hill next year if the first results hold up, officials said.</p>
<p>A public map of the readings, updated every hour, will be on the authority's website from June, a spokesperson said.</p>
<p>The sensors cost about 2,000 euros each and were paid for by the port's environment fund, according to the budget papers.</p></div>
</body></html>)";
  HtmlPage p = ExtractHtml(page);
  EXPECT_EQ(p.text.find("The harbour authority switched on 40 new air sensors"), 0u) << p.text;
  EXPECT_NE(p.text.find("reviewed by the council"), std::string::npos);
  EXPECT_EQ(p.text.find("Write to the author"), std::string::npos);
  EXPECT_TRUE(Removed(p, "Photo: Harbour Authority", "caption"));
  // Without the description the same paragraph is outside the main content.
  std::string undescribed = page;
  undescribed.erase(undescribed.find("<meta"), undescribed.find("</head>") - undescribed.find("<meta"));
  HtmlPage q = ExtractHtml(undescribed);
  EXPECT_EQ(q.text.find("40 new air sensors"), std::string::npos) << q.text;
}

// A layout class ("sidebar_right") on the content wrapper makes the whole article look
// like furniture; with a cookie notice nearly as long beside it, the article is still the
// largest block of prose and is read, and the notice never is.
TEST(HtmlTest, AnArticleInsideALayoutClassIsStillFound) {
  std::string article, notice;
  for (int i = 0; i < 6; ++i) {
    article += "<p>Paragraph " + std::to_string(i) + " says the tunnel centre opened on Monday with 300 guests, the university said.</p>";
    notice += "<p>Cookie text " + std::to_string(i) + " explains which cookies this site stores on your device.</p>";
  }
  std::string page = "<html><body><div class=\"container sidebar_right\"><main>" + article +
                     "</main></div><div id=\"cookie-consent\" class=\"modal\">" + notice + "</div></body></html>";
  HtmlPage p = ExtractHtml(page);
  EXPECT_NE(p.text.find("Paragraph 5 says the tunnel centre"), std::string::npos) << p.text;
  EXPECT_EQ(p.text.find("Cookie text"), std::string::npos);
  EXPECT_TRUE(Removed(p, "Cookie text 0", "cookie notice"));
}

// The author's box after the article ("author-bio", "cbx-Author_InfoContainer") and a
// post's metadata line are furniture; a byline class alone is not a box.
TEST(HtmlTest, AuthorBoxesAreFurniture) {
  std::string paras;
  for (int i = 0; i < 5; ++i) {
    paras += "<p>Paragraph " + std::to_string(i) + " says the harbour authority opened 40 new air sensors on Monday.</p>";
  }
  HtmlPage p = ExtractHtml("<html><body><article><p class=\"author\">By Ines Marlow</p>" + paras +
                           "<div class=\"author-bio\"><p>Ines Marlow covers the port and has a degree in marine biology "
                           "from the university.</p></div><p class=\"postmetadata alt\">This entry was posted on "
                           "Monday and is filed under Harbour news by the desk.</p></article></body></html>");
  EXPECT_NE(p.text.find("Paragraph 4"), std::string::npos) << p.text;
  EXPECT_EQ(p.text.find("marine biology"), std::string::npos) << p.text;
  EXPECT_EQ(p.text.find("This entry was posted"), std::string::npos) << p.text;
  EXPECT_TRUE(Removed(p, "marine biology", "boilerplate"));
}

// Ruby readings (furigana) are not text; soft hyphens and zero-width spaces are invisible.
TEST(HtmlTest, RubyReadingsAndInvisibleCharactersAreDropped) {
  HtmlPage p = ExtractHtml(
      "<html><body><p><ruby>\xE5\xAD\x90<rp>(</rp><rt>\xE3\x81\x93</rt><rp>)</rp></ruby>\xE3\x81\xA9\xE3\x82\x82"
      " and the Mit&shy;tel&shy;al&shy;ter\xE2\x80\x8B market, a paragraph long enough to be the page's text.</p></body></html>");
  EXPECT_NE(p.text.find("\xE5\xAD\x90\xE3\x81\xA9\xE3\x82\x82 and"), std::string::npos) << p.text;
  EXPECT_NE(p.text.find("Mittelalter market"), std::string::npos) << p.text;
}

TEST(HtmlTest, MetadataPrefersJsonLdThenOpenGraph) {
  HtmlPage p = ExtractHtml(kPage);
  EXPECT_EQ(p.title, "Fire destroys harbour warehouse");
  EXPECT_EQ(p.published, "2025-03-14T08:00:00Z");
  EXPECT_EQ(p.byline, "Ines Marlow, Tom Reyes");
  EXPECT_EQ(p.source, "The Gazette");
  EXPECT_EQ(p.language, "en");
  HtmlPage q = ExtractHtml(R"(<html><head><title>Plain title</title>
    <meta property="og:site_name" content="Site"><meta name="date" content="2024-05-01"></head>
    <body><p>A paragraph long enough to be the main content of this small page, with commas, too.</p></body></html>)");
  EXPECT_EQ(q.title, "Plain title");
  EXPECT_EQ(q.published, "2024-05-01");
  EXPECT_EQ(q.source, "Site");
}

// A page rendered by script ships a teaser in its markup and the article in JSON-LD: the
// articleBody is the text, and the teaser is listed as removed.
TEST(HtmlTest, ScriptRenderedPageReadsTheJsonLdArticleBody) {
  std::string body;
  for (int i = 0; i < 12; ++i) {
    body += "Paragraph " + std::to_string(i) + " of the council's report says the harbour needs new walls &amp; gates.\\n";
  }
  std::string page = R"(<html><head><script type="application/ld+json">{"@type": "NewsArticle",
    "headline": "Harbour walls", "articleBody": ")" + body + R"("}</script></head>
    <body><div class="teaser"><p>The council published a long report on the harbour walls on Monday, read it here.</p></div>
    <div id="app"></div></body></html>)";
  HtmlPage p = ExtractHtml(page);
  EXPECT_NE(p.text.find("Paragraph 11 of the council's report"), std::string::npos) << p.text;
  EXPECT_NE(p.text.find("new walls & gates.\n\nParagraph 1 "), std::string::npos) << p.text;
  ASSERT_FALSE(p.removed.empty());
  EXPECT_EQ(p.removed.back().reason, "shorter than the page's JSON-LD articleBody");
  // A body no longer than the markup's text changes nothing.
  HtmlPage q = ExtractHtml(R"(<html><head><script type="application/ld+json">{"@type": "NewsArticle",
    "articleBody": "A short summary."}</script></head><body><p>A paragraph long enough to be the main
    content of this small page, with commas, too.</p></body></html>)");
  EXPECT_EQ(q.text.find("short summary"), std::string::npos);
}

TEST(HtmlTest, MalformedMarkupStillGivesText) {
  HtmlPage p = ExtractHtml("<html><body><div><p>Unclosed paragraph about the harbour fire that burned all night long"
                           "<p>Second paragraph, also unclosed, about the damage of $45 million<div></span></b>");
  EXPECT_NE(p.text.find("burned all night"), std::string::npos);
  EXPECT_NE(p.text.find("$45 million"), std::string::npos);
  EXPECT_TRUE(ExtractHtml("").text.empty());
  // Stray angle brackets are text in HTML5; comments are not.
  EXPECT_EQ(ExtractHtml("<<<>>><!-- a comment -->").text, "<<<>>>");
}

TEST(HtmlTest, DeclaredCharsetIsConverted) {
  std::string latin1 = "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xE9 owners said the "
                       "fire cost them \x80" "5,000 in lost trade over the long weekend, and more.</p></body></html>";
  std::string utf8 = HtmlToUtf8(latin1);
  EXPECT_NE(utf8.find("Caf\xC3\xA9"), std::string::npos);
  EXPECT_NE(utf8.find("\xE2\x82\xAC" "5,000"), std::string::npos);  // the euro sign
  std::string already = "<p>caf\xC3\xA9</p>";
  EXPECT_EQ(HtmlToUtf8(already), already);
}

TEST(HtmlTest, PageWithoutContentIsAnError) {
  IngestOptions o;
  auto r = ParseHtmlFile("<html><body><nav><a href='/'>Home</a></nav></body></html>", "empty", o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no main content"), std::string::npos);
  auto big = ParseHtmlFile(std::string(o.max_document_bytes + 1, 'a'), "big", o);
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.status().message().find("too large"), std::string::npos);
  auto ok = ParseHtmlFile(kPage, "fire", o);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().id, "fire");
  EXPECT_EQ(ok.value().published_date, (Date{2025, 3, 14}));
  EXPECT_FALSE(ok.value().page_removed.empty());
}

}  // namespace
}  // namespace corroborate::ingest
