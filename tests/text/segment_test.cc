#include "corroborate/text/segment.h"

#include <gtest/gtest.h>

namespace corroborate::text {
namespace {

std::vector<std::string> Sentences(const std::string& t) {
  std::vector<std::string> out;
  for (Span s : SplitSentences(t, Span{0, static_cast<uint32_t>(t.size())})) out.emplace_back(s.Of(t));
  return out;
}

TEST(SegmentTest, AbbreviationsDoNotEndSentences) {
  struct Case {
    std::string text;
    size_t sentences;
  };
  const Case cases[] = {
      {"U.S. President Donald Trump spoke. He left.", 2},
      {"Mr. Hu arrived in Brasilia. Talks began.", 2},
      {"The deadline is Jan. 5 this year. It was moved.", 2},
      {"He lives at No. 10 Downing Street. It is old.", 2},
      {"Donald J. Trump won. It was close.", 2},
      {"Sanctions were imposed by the U.S. The move angered Moscow.", 2},
      {"\"We will win.\" Then he left.", 2},
      {"He said \"stop.\" The crowd stayed.", 2},
      {"Prices rose 5.5 percent. Wages fell.", 2},
      {"Is it over? Nobody knows!", 2},
      // A web address is not cut at its "?" or "!".
      {"Read https://news.example/search?q=30%25&page=2 for more. It lists 5 stories.", 2},
      {"See www.example.org/faq?id=7!top today. Then call.", 2},
      {"Kmart Holding Corp. (KMRT.O) agreed to buy Sears. Shares rose.", 2},
  };
  for (const Case& c : cases) EXPECT_EQ(Sentences(c.text).size(), c.sentences) << c.text;
}

TEST(SegmentTest, LinesAreParagraphsUnlessHardWrapped) {
  std::string lines = "First paragraph.\nSecond paragraph.\n\nThird.";
  EXPECT_EQ(SplitParagraphs(lines).size(), 3u);
  std::string wrapped =
      "This paragraph is hard wrapped at a fixed width like an old\n"
      "wire story, so its lines do not end sentences and the blank\n"
      "line is what separates paragraphs from each other here.\n"
      "\n"
      "The second paragraph is also wrapped at the same width as\n"
      "the first one and ends here.";
  auto paras = SplitParagraphs(wrapped);
  ASSERT_EQ(paras.size(), 2u);
  EXPECT_NE(paras[0].Of(wrapped).find("other here."), std::string::npos);
}

TEST(SegmentTest, OverlongSentencesAreCutAtSpaces) {
  std::string t(50, 'x');
  for (int i = 0; i < 200; ++i) t += " word";
  SegmentOptions o;
  o.max_sentence_bytes = 300;
  auto spans = SplitSentences(t, Span{0, static_cast<uint32_t>(t.size())}, o);
  ASSERT_GT(spans.size(), 1u);
  for (Span s : spans) EXPECT_LE(s.size(), 300u);
}

TEST(SegmentTest, SegmentationIndexesSentencesByParagraph) {
  std::string t = "One. Two.\nThree.";
  Segmentation seg = Segment(t);
  ASSERT_EQ(seg.paragraphs.size(), 2u);
  EXPECT_EQ(seg.paragraphs[0].sentence_count, 2u);
  EXPECT_EQ(seg.paragraphs[1].first_sentence, 2u);
  EXPECT_EQ(seg.sentence_paragraph, (std::vector<uint32_t>{0, 0, 1}));
}

}  // namespace
}  // namespace corroborate::text
