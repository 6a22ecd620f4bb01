// Article-level extraction: runs the sentence rules over the kept text and ties figures to
// sources, times and quotes.
#include "corroborate/extract/extractor.h"

#include <algorithm>
#include <unordered_set>

#include "corroborate/base/strings.h"
#include "extract/attribution.h"
#include "extract/lexicon.h"
#include "extract/quantity_match.h"
#include "extract/token_view.h"

namespace corroborate::extract {
namespace {

// A quotation inside one sentence, by token positions. `open` or `close` may be missing
// when a quote runs across sentences.
struct QuoteMarks {
  size_t open = 0;     // token of the opening mark, or 0 with open_missing
  size_t close = 0;    // token of the closing mark, or size() with close_missing
  bool open_missing = false;
  bool close_missing = false;
};

bool IsDoubleQuote(const TokenView& tv, size_t i) {
  return !tv.IsWord(i) && !tv.IsNumber(i) && tv.Raw(i) == "\"";
}

// Single quotes used as quotation marks ('substantive and productive'): an opening mark
// follows a space and precedes a letter; a closing mark follows a letter or punctuation.
bool IsSingleQuote(const TokenView& tv, size_t i) {
  return !tv.IsWord(i) && !tv.IsNumber(i) && tv.Raw(i) == "'";
}

std::vector<QuoteMarks> FindQuoteMarks(const TokenView& tv, bool* open_at_end, bool open_at_start) {
  std::vector<QuoteMarks> out;
  bool open = open_at_start;
  size_t open_tok = 0;
  for (size_t i = 0; i < tv.size(); ++i) {
    if (!IsDoubleQuote(tv, i)) continue;
    if (!open) {
      open = true;
      open_tok = i;
    } else {
      QuoteMarks q;
      q.open = open_tok;
      q.open_missing = open_at_start && out.empty() && open_tok == 0 && !IsDoubleQuote(tv, 0);
      if (q.open_missing) q.open = 0;
      q.close = i;
      out.push_back(q);
      open = false;
      open_at_start = false;
    }
  }
  if (open) {
    QuoteMarks q;
    q.open = open_tok;
    q.open_missing = open_at_start && out.empty();
    q.close = tv.size();
    q.close_missing = true;
    out.push_back(q);
  }
  *open_at_end = open;
  // Single-quoted phrases of two words or more.
  for (size_t i = 0; i < tv.size(); ++i) {
    if (!IsSingleQuote(tv, i) || tv.Attached(i) || !tv.IsWord(i + 1) || !tv.Attached(i + 1)) continue;
    for (size_t j = i + 2; j < tv.size() && j < i + 60; ++j) {
      if (IsSingleQuote(tv, j) && tv.Attached(j) && (j + 1 >= tv.size() || !tv.IsWord(j + 1) || !tv.Attached(j + 1))) {
        if (j - i - 1 >= 2) out.push_back(QuoteMarks{i, j, false, false});
        i = j;
        break;
      }
    }
  }
  return out;
}

// Tokens between a figure and a date beyond which the date is not the figure's.
constexpr size_t kFarDate = 25;
// Tokens an opening phrase ("In 2002,", "With no new releases the final weekend of 2004,")
// may take before its comma.
constexpr size_t kOpeningPhrase = 12;

// The time a figure refers to, from the time expressions of its sentence.
const Timex* TimeFor(const TokenView& tv, const std::vector<Timex>& timexes, const QuantityMatch& m,
                     size_t concept_end) {
  const Lexicon& lex = Lexicon::Get();
  const Timex* best = nullptr;
  int best_score = -1000;
  size_t history_end = SIZE_MAX;  // end of the last history date ("founded in 1886")
  size_t opening_comma = 0;        // the comma that closes the sentence's opening phrase
  while (opening_comma <= kOpeningPhrase && opening_comma < tv.size() && !tv.IsPunct(opening_comma, ',')) {
    ++opening_comma;
  }
  if (opening_comma > kOpeningPhrase) opening_comma = 0;  // a clause, not an opening phrase
  for (size_t k = 0; k < timexes.size(); ++k) {
    const Timex& t = timexes[k];
    if (t.type != TimexType::kDate && t.type != TimexType::kTime) continue;
    if (t.since) continue;
    if (t.token_begin >= m.begin && t.token_end <= m.end) continue;  // inside the figure
    // "Sears, founded in 1886": a date in a company's or person's history, not the figure's;
    // so is the date of a list that continues it ("founded in 1886, Kmart in 1962").
    bool history = false;
    for (size_t k = t.token_begin; k-- > 0 && t.token_begin - k <= 2;) {
      std::string_view w = tv.Low(k);
      if (w == "founded" || w == "established" || w == "born" || w == "built" || w == "created" ||
          w == "formed" || w == "launched" || w == "opened" || w == "incorporated" || w == "started") {
        history = true;
      }
    }
    if (history_end != SIZE_MAX && t.token_begin > history_end && t.token_begin - history_end <= 4 &&
        tv.IsPunct(history_end, ',')) {
      history = true;
    }
    if (history) {
      history_end = t.token_end;
      continue;
    }
    // A date far from the figure in a long run of text (a fact box run together) is not its,
    // unless it frames the sentence from its opening phrase ("In 2002, subsidies ... 8.2
    // percent for Canada").
    size_t gap = t.token_begin >= m.end ? t.token_begin - m.end : m.begin - std::min<size_t>(m.begin, t.token_end);
    if (gap > kFarDate && !(t.token_end <= opening_comma && opening_comma < m.begin)) continue;
    bool statement_date = false;
    if (t.premodifier) {
      // "the 2022 invasion" is an event's date; "a January 2025 report" dates the figure.
      size_t n = t.token_end;
      while (n < tv.size() && tv.IsWord(n) && !lex.IsStatementNoun(tv.Low(n)) && n < t.token_end + 3 &&
             lex.ClassOf(tv.Low(n)) == WordClass::kNone) {
        ++n;
      }
      if (!(tv.IsWord(n) && lex.IsStatementNoun(tv.Low(n)))) continue;
      statement_date = true;
    }
    int score = -static_cast<int>(gap);
    // "deaths in 2025", "killed or wounded in the battles throughout 2025": right after
    // the counted phrase.
    if (t.token_begin >= m.end && t.token_begin <= concept_end + 6) {
      size_t p = t.token_begin - 1;
      std::string_view w = tv.Low(p);
      if (w == "in" || w == "during" || w == "throughout" || w == "by" || w == "for" || w == "between" ||
          w == "from" || w == "of" || w == "as" || w == "until" || w == "through") {
        score += 20;
      }
    }
    // "as of six months ago"
    if (t.token_begin >= 2 && tv.Is(t.token_begin - 2, "as") && tv.Is(t.token_begin - 1, "of")) score += 30;
    if (statement_date) score += 10;
    if (t.value == "PRESENT_REF") score += 5;
    if (score > best_score) {
      best_score = score;
      best = &t;
    }
  }
  if (!best) return nullptr;
  // The end of "between February 2022 and December 2025".
  size_t idx = static_cast<size_t>(best - timexes.data());
  if (idx + 1 < timexes.size() && timexes[idx + 1].range_end) return &timexes[idx + 1];
  return best;
}

// Capitalised words the article uses in mid-sentence: these are names even at a
// sentence start.
std::unordered_set<std::string> KnownNames(const text::Document& doc, const std::vector<bool>& kept,
                                           const std::vector<bool>& heading) {
  std::unordered_set<std::string> known;
  for (size_t s = 0; s < doc.seg.sentences.size(); ++s) {
    if (!kept[s] || heading[s]) continue;  // title case says nothing about names
    std::vector<text::Token> toks = text::Tokenize(doc.text(), doc.seg.sentences[s]);
    for (size_t i = 1; i < toks.size(); ++i) {
      if (toks[i].kind == text::TokenKind::kWord && toks[i].is(text::kCapitalized) &&
          !(toks[i - 1].kind == text::TokenKind::kPunct && toks[i - 1].Of(doc.text()) == "\"")) {
        known.insert(std::string(toks[i].Of(doc.text())));
      }
    }
  }
  return known;
}

}  // namespace

ArticleExtraction ExtractArticle(const text::Document& doc, const std::vector<clean::Block>& blocks,
                                 std::optional<Date> reference, const ExtractOptions& options) {
  ArticleExtraction out;
  const auto& sentences = doc.seg.sentences;
  const size_t n = sentences.size();
  std::vector<bool> kept(n, false), title(n, false), heading(n, false);
  for (const clean::Block& b : blocks) {
    const text::Paragraph& p = doc.seg.paragraphs[b.paragraph];
    for (uint32_t s = p.first_sentence; s < p.first_sentence + p.sentence_count; ++s) {
      kept[s] = b.kept() && !clean::IsMetadataLine(b.role);
      title[s] = b.role == clean::Role::kTitle;
      heading[s] = b.role == clean::Role::kTitle || b.role == clean::Role::kHeading;
    }
  }
  std::unordered_set<std::string> known = KnownNames(doc, kept, heading);

  // First pass: entities, so single surnames can be typed by the full names around them.
  std::vector<std::vector<EntityMention>> ents(n);
  std::unordered_set<std::string> person_surnames;
  for (size_t s = 0; s < n; ++s) {
    if (!kept[s]) continue;
    ents[s] = ExtractEntities(doc.text(), sentences[s], &known, heading[s]);
    for (const EntityMention& m : ents[s]) {
      auto words = SplitWhitespace(m.name);
      if (m.type == EntityType::kPerson && words.size() >= 2) person_surnames.insert(SurnameKey(words.back()));
    }
  }
  for (auto& list : ents) {
    for (EntityMention& m : list) {
      if (m.type == EntityType::kOther && SplitWhitespace(m.name).size() == 1 &&
          person_surnames.count(SurnameKey(m.name))) {
        m.type = EntityType::kPerson;
      }
    }
  }

  out.timexes.resize(n);
  Attributor attributor;
  bool quote_open = false;
  std::string open_quote_speaker;
  std::vector<size_t> open_quote_ids;  // quotes waiting for a speaker across sentences
  for (size_t s = 0; s < n; ++s) {
    if (!kept[s]) {
      quote_open = false;
      continue;
    }
    TokenView tv(doc.text(), sentences[s]);
    for (const EntityMention& m : ents[s]) out.entities.push_back(SentenceEntity{m, static_cast<uint32_t>(s)});
    out.timexes[s] = ExtractTimexes(doc.text(), sentences[s], reference);
    attributor.Begin(&tv, &ents[s]);
    std::vector<Attribution> found;

    // Quotes.
    size_t first_quote = out.quotes.size();
    bool open_after = false;
    std::vector<QuoteMarks> marks = FindQuoteMarks(tv, &open_after, quote_open);
    for (const QuoteMarks& q : marks) {
      size_t inner_b = q.open_missing ? 0 : q.open + 1;
      size_t inner_e = q.close;
      if (inner_e <= inner_b) continue;
      Attribution a = attributor.ForQuote(q.open_missing ? 0 : q.open, q.close);
      Quote quote;
      quote.span = tv.SpanOf(inner_b, inner_e);
      quote.sentence = static_cast<uint32_t>(s);
      // Scare quotes of a word or two are not quotations of a speaker.
      size_t words = 0;
      for (size_t i = inner_b; i < inner_e; ++i) words += tv.IsWord(i) ? 1 : 0;
      if (words < 3 && !q.open_missing && !q.close_missing) continue;
      quote.speaker = a.source;
      if (!a.source.empty()) found.push_back(a);
      out.quotes.push_back(quote);
      if (q.close_missing) open_quote_ids.push_back(out.quotes.size() - 1);
      if (q.open_missing && !a.source.empty()) {
        for (size_t id : open_quote_ids) {
          if (out.quotes[id].speaker.empty()) out.quotes[id].speaker = a.source;
        }
        open_quote_ids.clear();
      }
    }
    if (!open_after) open_quote_ids.clear();
    quote_open = open_after;
    // A second quotation in the same sentence without its own speaker has the first one's
    // ("described the day as 'productive', focusing on 'practical solutions'").
    std::string sentence_speaker;
    for (size_t k = first_quote; k < out.quotes.size(); ++k) {
      if (!out.quotes[k].speaker.empty()) sentence_speaker = out.quotes[k].speaker;
    }
    for (size_t k = first_quote; k < out.quotes.size(); ++k) {
      if (out.quotes[k].speaker.empty()) out.quotes[k].speaker = sentence_speaker;
    }

    // Quantities.
    std::vector<QuantityMatch> matches = MatchQuantities(tv);
    AttachConcepts(tv, &matches);
    for (QuantityMatch& qm : matches) {
      if (out.mentions.size() >= options.max_mentions) break;
      Mention mention;
      mention.sentence = static_cast<uint32_t>(s);
      mention.in_title = title[s];
      // Inside a quote: the quote's speaker.
      for (const QuoteMarks& q : marks) {
        size_t ob = q.open_missing ? 0 : q.open;
        if (qm.begin > ob && qm.end <= q.close) {
          mention.in_quote = true;
          Attribution a = attributor.ForQuote(ob, q.close);
          mention.source = a.source;
          mention.source_cue = a.source.empty() ? SourceCue::kNone : SourceCue::kQuote;
          mention.source_named = a.named && !a.source.empty();
        }
      }
      if (!mention.in_quote) {
        Attribution a = attributor.ForFigure(qm.begin, qm.end);
        mention.source = a.source;
        mention.source_cue = a.cue;
        mention.source_named = a.named && !a.source.empty();
        if (!a.source.empty()) found.push_back(a);
      }
      size_t concept_end = qm.end;
      if (const Timex* t = TimeFor(tv, out.timexes[s], qm, concept_end + 4)) {
        mention.as_of_text = std::string(t->span.Of(doc.text()));
        if (t->date && t->value != "PRESENT_REF") mention.as_of = t->date;
      }
      mention.quantity = std::move(qm.q);
      out.mentions.push_back(std::move(mention));
    }
    attributor.End(found);
  }
  return out;
}

}  // namespace corroborate::extract
