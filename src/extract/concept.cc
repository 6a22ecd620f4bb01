// What a figure counts, read from the words around it:
//   forward:  "55,000 Ukrainian soldiers killed", "2,514 civilian deaths", "20 percent of Ukraine"
//   predicate "420,000 Russian soldiers had been killed or wounded"
//   verb:     "killed two civilians"
//   "number of": "placed the number of Russian casualties at around 1.1 million"
//   backward: "temperatures plunge to nearly -20°C", "the death toll rose to 42"
//   inherited: "1.2 million casualties, including as many as 325,000 deaths"
#include <algorithm>
#include <set>

#include "corroborate/base/date.h"
#include "corroborate/base/strings.h"
#include "corroborate/text/stem.h"
#include "extract/lexicon.h"
#include "extract/quantity_match.h"

namespace corroborate::extract {
namespace {

constexpr size_t kMaxNounPhrase = 5;

struct Phrase {
  size_t begin = 0;
  size_t end = 0;  // tokens [begin, end)
  std::vector<size_t> words;  // content word tokens
};

class ConceptReader {
 public:
  explicit ConceptReader(const TokenView& tv) : tv_(tv), lex_(Lexicon::Get()) {}

  void Read(std::vector<QuantityMatch>* matches) {
    for (size_t k = 0; k < matches->size(); ++k) {
      QuantityMatch& m = (*matches)[k];
      Concept c = ReadOne(m);
      if (k > 0 && Inherits(m)) {
        Inherit((*matches)[k - 1].q.counted, &c);
      } else if (k > 0 && Coordinated((*matches)[k - 1], m)) {
        // "325,000 Russian soldiers ... and 1.2 million": the place carries over; "12 people
        // died and 30 were injured": so does the counted thing.
        const Concept& prev = (*matches)[k - 1].q.counted;
        if (c.place.empty()) c.place = prev.place;
        if (c.head.empty() && c.head_class.empty() && !prev.head_class.empty()) {
          c.head_class = prev.head_class;
          c.head = prev.head;
          c.text = prev.head + (c.text.empty() ? "" : " " + c.text);
        }
      }
      m.q.counted = std::move(c);
      m.q.count_noun = CountNoun(m);
      // "68400 people who ... and 95800 who ...", "12 people died and 30 were injured": a
      // bare count after "and", followed by "who" or an auxiliary, counts the same things.
      if (m.q.count_noun.empty() && m.q.kind == QuantityKind::kCount && m.q.normalized_unit.empty() &&
          !m.q.fraction && m.begin >= 1 && tv_.Is(m.begin - 1, "and") &&
          (tv_.Is(m.end, "who") || (tv_.IsWord(m.end) && lex_.ClassOf(tv_.Low(m.end)) == WordClass::kAux))) {
        for (size_t j = k; j-- > 0;) {
          const Quantity& e = (*matches)[j].q;
          if (e.kind == QuantityKind::kCount && !e.count_noun.empty() && e.normalized_unit.empty()) {
            m.q.count_noun = e.count_noun;
            break;
          }
        }
      }
      m.q.subject = Subject(m);
      m.q.topic = Topic(m, k > 0 ? &(*matches)[k - 1] : nullptr);
      // "seven miles (11 km)", "$3.7 billion (US $473 million)": a conversion in brackets
      // measures what the figure before it measures.
      if (k > 0 && Converts((*matches)[k - 1], m)) {
        const Quantity& prev = (*matches)[k - 1].q;
        m.q.counted = prev.counted;
        m.q.subject = prev.subject;
        m.q.topic = prev.topic;
      }
    }
    // "5, 10 and 15 new schools", "460 thefts compared with 63": the counted noun written
    // once serves the figures listed or compared with it.
    // (A rate, "an average of 20 per week", takes the noun too.)
    auto bare = [](const QuantityMatch& m, bool rate_ok) {
      bool rate = rate_ok && m.q.normalized_unit.rfind("per ", 0) == 0;
      return m.q.kind == QuantityKind::kCount && m.q.unit.empty() && (m.q.normalized_unit.empty() || rate) &&
             !m.q.fraction;
    };
    ShareElidedUnits(
        tv_, matches, [&](const QuantityMatch& m) { return bare(m, false) && !m.q.count_noun.empty(); },
        [&](const QuantityMatch& m) { return bare(m, true) && m.q.count_noun.empty() && !m.q.anaphoric; },
        [](const QuantityMatch& from, QuantityMatch* to) { to->q.count_noun = from.q.count_noun; });
  }

 private:
  bool Stops(size_t i) const {
    if (i >= tv_.size()) return true;
    if ((tv_.IsWord(i + 1) || tv_.IsNumber(i + 1)) && CompoundTail(i + 1)) {
      return false;  // the hyphen of a compound: "non-combatant", "year-old", "F-16"
    }
    if (tv_.IsNumber(i) && CompoundTail(i)) return false;  // the "16" of "F-16 fighters"
    if (!tv_.IsWord(i)) return true;
    std::string_view w = tv_.Low(i);
    if (w == "'s") return true;
    // "3 USD50 cards": a word written against the next figure is that figure's sign.
    if (tv_.IsNumber(i + 1) && tv_.Attached(i + 1)) {
      size_t n = 0;
      if (lex_.MatchUnit(tv_, i, /*prefix=*/true, &n) && n == 1) return true;
    }
    // "5 m down the road", "12 C melting point": a lone letter is a symbol, not a word
    // (but "Model S", "USB-C" and "V-6" are names).
    if (w.size() == 1 && w != "a" && !(i > 0 && tv_.IsWord(i - 1) && tv_.Capitalized(i - 1)) &&
        !(i > 0 && tv_.IsPunct(i - 1, '-') && tv_.Attached(i)) && !(tv_.IsPunct(i + 1, '-') && tv_.Attached(i + 1))) {
      return true;
    }
    // "38 others Saturday": a date ends the counted phrase.
    if (tv_.Capitalized(i) && (MonthFromName(tv_.Raw(i)) || WeekdayFromName(tv_.Raw(i)) >= 0)) return true;
    WordClass c = lex_.ClassOf(w);
    // "start-up", "pin-up", "build-up": a closed-class word ending a hyphenated noun.
    bool closed_tail = CompoundTail(i) && !lex_.NumberWordFor(tv_.Low(i - 2));
    // "the US population": an acronym is a name, not the pronoun "us".
    if (c != WordClass::kNone && !IsAcronym(i) && !closed_tail) return true;
    // "a .500 record": after "a" and a figure, a reporting verb's form is a noun.
    if (lex_.IsReportingVerb(w) && !lex_.ConceptFor(w) && !(i > 0 && tv_.IsNumber(i - 1) && FigureAfterDeterminer(i))) {
      return true;
    }
    if (lex_.NumberWordFor(w) && !lex_.ConceptFor(w)) return true;
    return false;
  }

  // An irregular simple past ("stole", "took", "fought"): a verb, where the regular "-ed"
  // and "-en" forms may be adjectives ("armed robbers", "stolen cars").
  bool SimplePast(size_t i) const {
    std::string_view w = tv_.Low(i);
    return tv_.IsWord(i) && !tv_.Capitalized(i) && lex_.IsPastVerb(w) && !EndsWith(w, "ed") && !EndsWith(w, "en") &&
           !lex_.ConceptFor(w);
  }

  bool LooksPast(size_t i) const {
    std::string_view w = tv_.Low(i);
    return w.size() > 4 && EndsWith(w, "ed") && !tv_.Capitalized(i) && !EndsWith(w, "eed");
  }

  // Token i is joined by a hyphen to the word before it ("branded" in "Sears-branded", "16"
  // in "F-16").
  bool CompoundTail(size_t i) const {
    return i >= 2 && tv_.IsPunct(i - 1, '-') && tv_.Attached(i - 1) && tv_.Attached(i) && tv_.IsWord(i - 2);
  }
  // Word w is the first part of a hyphenated compound ("Sears" in "Sears-branded"): a
  // modifier, never the plural noun a phrase counts.
  bool CompoundHead(size_t w) const { return tv_.IsWord(w + 2) && CompoundTail(w + 2); }
  bool PluralNoun(size_t w) const { return LooksPlural(tv_.Low(w)) && !CompoundHead(w); }

  bool IsAcronym(size_t i) const {
    std::string_view raw = tv_.Raw(i);
    if (raw.size() < 2) return false;
    for (char ch : raw) {
      if (!IsAsciiUpper(ch)) return false;
    }
    return true;
  }

  bool IsEvent(size_t i) const {
    const ConceptWord* cw = tv_.IsWord(i) ? lex_.ConceptFor(tv_.Low(i)) : nullptr;
    return cw && cw->role == ConceptRole::kEvent;
  }

  // Noun phrase starting at token i: content words up to a function word or punctuation;
  // an event participle ("killed") ends it.
  Phrase Forward(size_t i) const {
    Phrase p;
    p.begin = p.end = i;
    size_t j = i;
    bool have_head = false;
    while (j < tv_.size() && p.words.size() < kMaxNounPhrase && !Stops(j)) {
      const ConceptWord* cw = tv_.IsWord(j) ? lex_.ConceptFor(tv_.Low(j)) : nullptr;
      // After the counted noun only a further concept word may follow ("soldiers killed");
      // "deaths raises questions" ends at "deaths".
      if (have_head && tv_.IsWord(j) && !cw) break;
      // A past-tense verb after the first word ends the phrase: "firefighters fought".
      // Regular past forms the verb list lacks count too ("winger scored").
      // A participle joined by a hyphen makes a modifier with the word before: "Sears-branded
      // stores", "state-owned banks".
      if (!p.words.empty() && !cw && (lex_.IsPastVerb(tv_.Low(j)) || LooksPast(j)) && !CompoundTail(j)) break;
      if (tv_.IsWord(j)) p.words.push_back(j);
      if (cw && (cw->role == ConceptRole::kHead || cw->role == ConceptRole::kBoth)) have_head = true;
      ++j;
      p.end = j;
      if (IsEvent(j - 1)) break;
    }
    return p;
  }

  // Content words ending just before token i, scanning backwards.
  Phrase Backward(size_t i) const {
    Phrase p;
    p.begin = p.end = i;
    size_t j = i;
    while (j > 0 && p.words.size() < 3 && !Stops(j - 1) && !SimplePast(j - 1)) {
      --j;
      p.words.insert(p.words.begin(), j);
      p.begin = j;
    }
    return p;
  }

  Concept ReadOne(const QuantityMatch& m) {
    Concept c;
    if (m.q.kind == QuantityKind::kDuration) return c;
    size_t j = m.end;
    // "20 percent of Ukraine", "millions of people", "one-fifth of the Donetsk region"
    bool of_phrase = false;
    // "2.4 million tonnes of grain", "$45 million of damage", "8 miles (13 km) of tunnels" too.
    if (size_t after = PastBrackets(j); tv_.Is(after, "of") && m.q.kind != QuantityKind::kAge) {
      size_t k = after + 1;
      if (tv_.Is(k, "the") || tv_.Is(k, "its") || tv_.Is(k, "their") || tv_.Is(k, "all")) ++k;
      Phrase p = Forward(k);
      if (!p.words.empty()) {
        Fill(p, &c);
        of_phrase = true;
      }
    }
    // "$55 billion in annual revenue", "$65 in cash": for money, what follows "in".
    if (!of_phrase && m.q.kind == QuantityKind::kMoney && tv_.Is(j, "in")) {
      Phrase p = Forward(j + 1);
      size_t len = 0;
      bool place_or_time = !p.words.empty() && (lex_.MatchPlace(tv_, p.words[0], &len) ||
                                                 MonthFromName(tv_.Raw(p.words[0])) != 0);
      if (!p.words.empty() && !place_or_time && !tv_.Capitalized(p.words[0])) {
        Fill(p, &c);
        of_phrase = true;
      }
    }
    // "an 18-year-old winger": an age before a noun is said of that noun.
    if (m.q.kind == QuantityKind::kAge) {
      Phrase p = Forward(j);
      if (Attributive(m, p)) Fill(p, &c);
    }
    if (!of_phrase && m.q.kind != QuantityKind::kDuration && m.q.kind != QuantityKind::kAge) {
      // "a 10-foot-high barbed-wire fence": the dimension's adjective is not the noun.
      if (tv_.IsPunct(j, '-') && tv_.Attached(j) && tv_.IsWord(j + 1) && tv_.Attached(j + 1) &&
          IsExtent(tv_.Low(j + 1))) {
        j += 2;
      }
      Phrase p = Forward(j);
      // A measure with a unit is rarely followed by what it counts ("35 miles long");
      // only take words that the lexicon knows, or a noun the measure modifies ("an 80 yard
      // touchdown", "a 6.1-inch display").
      if (!p.words.empty() && (m.q.kind == QuantityKind::kCount || KnownHead(p) || Attributive(m, p, j))) {
        Fill(p, &c);
        // "five new seasons of Sesame Street", "12 members of Congress": whose they are,
        // named, belongs to what is counted.
        if (tv_.Is(p.end, "of")) {
          size_t n = p.end + 1;
          if (tv_.Is(n, "the")) ++n;
          size_t e = n;
          while (e < tv_.size() && e < n + 4 && tv_.IsWord(e) && tv_.Capitalized(e) && !MonthFromName(tv_.Raw(e)) &&
                 WeekdayFromName(tv_.Raw(e)) < 0) {
            ++e;
          }
          // Not an adjective of a common noun: "sons of Italian immigrant parents".
          bool adjective = tv_.IsWord(e) && !tv_.Capitalized(e) && lex_.ClassOf(tv_.Low(e)) == WordClass::kNone;
          if (e > n && !adjective) c.text += " of " + std::string(tv_.TextOf(n, e));
        }
      } else if (m.q.kind != QuantityKind::kCount && PastBrackets(j) != j) {
        // "a 1.8 billion-mile (2.8bn km) journey": the noun after the conversion.
        Phrase after = Forward(PastBrackets(j));
        if (Attributive(m, after)) Fill(after, &c);
      }
      // "55,000 soldiers have been killed"; and with no noun, "30 were injured".
      if (m.q.kind == QuantityKind::kCount) Predicate(p.words.empty() ? j : p.end, &c);
    }
    if (c.head.empty() && c.event_class.empty() && events_.empty()) {
      // "the number of Ukrainian soldiers killed ... is 55,000"; "put the damage at $45m";
      // otherwise the nearest word the lexicon knows ("temperatures plunge to -20°C").
      if (!NumberOf(m.begin, &c) && !AtObject(m.begin, &c)) {
        Phrase p = NearestKnownBefore(m.begin, m.q.kind == QuantityKind::kCount);
        if (!p.words.empty()) Fill(p, &c);
      }
    }
    if (m.q.kind == QuantityKind::kCount) VerbBefore(m.begin, &c);
    if (c.place.empty()) PlaceAfter(m.end, &c);
    if (c.place.empty()) SubjectPlace(m.begin, &c);
    Finish(&c);
    return c;
  }

  // "seven European countries", "millions of Americans", "13000 workers in the UK": the
  // noun phrase after a bare count, without a trailing event participle ("killed").
  std::string CountNoun(const QuantityMatch& m) const {
    // "a third of the population": a fraction's whole is what it counts a share of.
    bool share = m.q.fraction && m.q.unit.empty();
    // "the two countries" refers back; "one of the spam sites" still names its group.
    if ((m.q.kind != QuantityKind::kCount && !share) || (m.q.anaphoric && !tv_.Is(m.end, "of"))) return {};
    if (share && !tv_.Is(m.end, "of") && !tv_.Is(m.end, "the")) return {};
    if (share && tv_.Is(m.end, "the")) return CountNounAt(m.end + 1);
    size_t k = m.end;
    if (tv_.Is(k, "of")) {
      ++k;
      // "one of the spam sites", "one of my local stores"
      for (std::string_view d : {"the", "its", "their", "my", "our", "your", "his", "her"}) {
        if (tv_.Is(k, d)) {
          ++k;
          break;
        }
      }
      // "two of Johnson's deputies", "one of Airbnb's earliest investments": whose they
      // are is named with them, as NewsQuant names them ("johnson deputy").
      if (tv_.IsWord(k) && tv_.Capitalized(k) && tv_.Is(k + 1, "'s")) {
        std::string rest = CountNounAt(k + 2);
        if (!rest.empty()) return std::string(tv_.Raw(k)) + " " + rest;
      }
    }
    return CountNounAt(k);
  }

  std::string CountNounAt(size_t k) const {
    // "400 charging stations", "300 recorded songs", "5 killed soldiers": a participle
    // before a plural noun describes it; the noun is what is counted.
    auto plural_noun = [&](size_t w) {
      if (!tv_.IsWord(w)) return false;
      std::string_view low = tv_.Low(w);
      if (IrregularPlural(low)) return true;
      return PluralInS(low) && !lex_.IsVerbForm(low) && lex_.ClassOf(low) == WordClass::kNone;
    };
    if (tv_.IsWord(k) && (EndsWith(tv_.Low(k), "ing") || EndsWith(tv_.Low(k), "ed") || lex_.IsPastVerb(tv_.Low(k))) &&
        plural_noun(k + 1)) {
      ++k;
    }
    Phrase p = Forward(k);
    // "460 Kia and Hyundai vehicles", "digital and physical sales": two modifiers of one
    // plural noun.
    if (!p.words.empty() && p.words.size() <= 2 && tv_.Is(p.end, "and") &&
        std::none_of(p.words.begin(), p.words.end(), [&](size_t w) { return PluralNoun(w); })) {
      Phrase more = Forward(p.end + 1);
      if (!more.words.empty() && more.words.size() <= 3 && LooksPlural(tv_.Low(more.words.back()))) {
        p.words.insert(p.words.end(), more.words.begin(), more.words.end());
        p.end = more.end;
      }
    }
    while (!p.words.empty() && IsEvent(p.words.back()) && p.words.size() > 1) p.words.pop_back();
    if (p.words.empty()) return {};
    // "About 1000 come from Asia": a verb right after the figure; nothing is named. After
    // a determiner the figure modifies a noun ("a .500 record").
    if (p.words[0] == k && lex_.IsVerbForm(tv_.Low(k)) && !EndsWith(tv_.Low(k), "s") && !FigureAfterDeterminer(k)) {
      return {};
    }
    // "40k cheaper than its rivals", "10 times faster than": a comparative, not a noun.
    if (p.words[0] == k && tv_.Is(k + 1, "than")) return {};
    // The head is the first plural noun; what follows it is a verb, an adverb or a
    // participle ("countries conducted", "users mostly", "slots available").
    size_t last = p.words.back();
    for (size_t k2 = 0; k2 < p.words.size(); ++k2) {
      size_t w = p.words[k2];
      std::string_view low = tv_.Low(w);
      bool plural = PluralNoun(w);
      // "public housing properties", "affiliated stores": a gerund or a participle before a
      // plural noun modifies it.
      bool modifier = (EndsWith(low, "ing") || EndsWith(low, "ed")) && k2 + 1 < p.words.size() &&
                      p.words[k2 + 1] == w + 1 && LooksPlural(tv_.Low(w + 1));
      if (k2 > 0 && (lex_.IsPastVerb(low) || EndsWith(low, "ly") || EndsWith(low, "ing")) && !plural && !modifier) {
        last = p.words[k2 - 1];
        break;
      }
      if (plural || IrregularPlural(low)) {
        last = w;
        break;
      }
    }
    // "seven AK-47s": a name's number and its plural ending belong to the noun.
    while (tv_.IsNumber(last + 2) && CompoundTail(last + 2)) last += 2;
    if (tv_.IsNumber(last) && tv_.Is(last + 1, "s") && tv_.Attached(last + 1)) ++last;
    std::string noun(tv_.TextOf(p.begin, last + 1));
    // "5,700 categories of products", "65 snaps of man coverage", "four rounds of talks":
    // what a plural noun is made of is part of what is counted.
    if (LooksPlural(tv_.Low(last)) && tv_.Is(last + 1, "of")) {
      size_t y = last + 2;
      if (tv_.IsWord(y) && lex_.ClassOf(tv_.Low(y)) == WordClass::kDet) ++y;
      Phrase of = Forward(y);
      // Not a name ("seasons of Sesame Street" are its seasons), and only up to its head:
      // "categories of products leaving China" counts categories of products.
      size_t end = y;
      for (size_t w : of.words) {
        std::string_view low = tv_.Low(w);
        if (w > y && (EndsWith(low, "ing") || LooksPast(w) || lex_.IsPastVerb(low))) break;
        end = w + 1;
        if (LooksPlural(low)) break;
      }
      if (!of.words.empty() && of.words.size() <= 3 && of.words[0] == y && !tv_.Capitalized(y) && end > y) {
        noun += " of " + std::string(tv_.TextOf(y, end));
      }
    }
    return noun;
  }

  // The figure ending just before token k follows "a", "an" or "the": "a .500 record".
  bool FigureAfterDeterminer(size_t k) const {
    size_t b = k;
    while (b > 0 && !tv_.IsWord(b - 1)) --b;  // past the figure's digits and signs
    return b > 0 && (tv_.Is(b - 1, "a") || tv_.Is(b - 1, "an") || tv_.Is(b - 1, "the"));
  }

  static bool LooksPlural(std::string_view low) {
    return PluralInS(low) && low[low.size() - 2] != 'u' && low[low.size() - 2] != '\'';
  }

  bool EndsSubject(size_t i) const {
    if (!tv_.IsWord(i)) return !(tv_.IsPunct(i, '-') && tv_.Attached(i)) && !tv_.IsPunct(i, '(') &&
                               !tv_.IsPunct(i, ')') && !tv_.IsPunct(i, '.') && !tv_.IsPunct(i, '&');
    std::string_view w = tv_.Low(i);
    WordClass c = lex_.ClassOf(w);
    if (c == WordClass::kAux || c == WordClass::kWh || c == WordClass::kNeg || c == WordClass::kPron) return true;
    if (c == WordClass::kPrep && w != "of") return true;
    if (c == WordClass::kConj && w != "and") return true;
    if (lex_.IsReportingVerb(w) || (lex_.IsVerbForm(w) && !AfterDeterminer(i))) return true;
    if (const ChangeWord* cw = lex_.ChangeFor(w); cw && cw->verb) return true;
    return false;
  }

  // "The set will cost $200", "a hit": a verb's form right after a determiner is a noun.
  // "that" before a verb is a relative word more often than a determiner ("a defense that
  // gave up 517 yards").
  bool AfterDeterminer(size_t i) const {
    return i > 0 && tv_.IsWord(i - 1) && lex_.ClassOf(tv_.Low(i - 1)) == WordClass::kDet && !tv_.Is(i - 1, "that");
  }

  // The subject of the figure's clause: after the last clause break before the figure
  // (";", ":", "while", "whereas", "but", or the sentence start), skip openers ("However",
  // "Meanwhile,", "But") and read words up to the first verb, auxiliary or clause word.
  std::string Subject(const QuantityMatch& m) const { return SubjectBefore(m.begin); }

  // The subject of the clause holding a figure that starts at token `begin`.
  std::string SubjectBefore(size_t begin) const {
    size_t start = 0;
    for (size_t i = begin; i-- > 0;) {
      // "relations with Nissan, which is 43.4 percent-owned by Renault": a relative clause's
      // subject is the noun phrase it hangs on.
      // ("The move, which had been anticipated, comes 24 hours after": the clause closed.)
      if ((tv_.Is(i, "which") || tv_.Is(i, "who")) && i >= 2 && tv_.IsPunct(i - 1, ',') && !CommaBetween(i, begin)) {
        size_t e = i - 1, b = e;
        while (b > 0 && e - b < 5 && tv_.IsWord(b - 1) && lex_.ClassOf(tv_.Low(b - 1)) == WordClass::kNone &&
               !(lex_.IsVerbForm(tv_.Low(b - 1)) && !tv_.Capitalized(b - 1))) {
          --b;
        }
        if (b < e && NamesSomething(b, e)) return std::string(tv_.TextOf(b, e));
      }
      // (A colon inside a time, "9:30 a.m.", breaks nothing.)
      bool clock = i > 0 && tv_.IsNumber(i - 1) && tv_.Attached(i) && tv_.IsNumber(i + 1) && tv_.Attached(i + 1);
      if (tv_.IsPunct(i, ';') || (tv_.IsPunct(i, ':') && !clock) || tv_.Is(i, "while") || tv_.Is(i, "whereas") ||
          tv_.Is(i, "but") || ThatClause(i) || AndClause(i, begin)) {
        start = i + 1;
        break;
      }
    }
    size_t i = start;
    // Openers: adverbs, conjunctions, determiners, and a capitalised word set off by a comma.
    while (i < begin) {
      if (!tv_.IsWord(i)) {
        ++i;
        continue;
      }
      WordClass c = lex_.ClassOf(tv_.Low(i));
      // "Yesterday I ran 5 km", "Yesterday in Los Angeles, ...": a time word opening the
      // sentence is not its subject (but "Last season" and "that year's winners" are).
      bool time_word = IsTimeWord(tv_.Low(i)) ||
                       (tv_.Capitalized(i) && (WeekdayFromName(tv_.Raw(i)) >= 0 || MonthFromName(tv_.Raw(i))));
      bool time_opener = time_word && i + 1 < begin &&
                         (tv_.IsPunct(i + 1, ',') || tv_.Capitalized(i + 1) ||
                          (tv_.IsWord(i + 1) && (lex_.ClassOf(tv_.Low(i + 1)) == WordClass::kPron ||
                                                 lex_.ClassOf(tv_.Low(i + 1)) == WordClass::kPrep)));
      // "$1 million to $1.25 million, 99 days": the scale word of a figure is no subject.
      const NumberWord* nw = i > 0 && tv_.IsNumber(i - 1) ? lex_.NumberWordFor(tv_.Low(i)) : nullptr;
      bool scale = nw && (nw->kind == NumberWordKind::kScale || nw->kind == NumberWordKind::kHundred);
      if (c == WordClass::kAdv || c == WordClass::kConj || c == WordClass::kDet || time_opener || scale) {
        ++i;
        continue;
      }
      if (tv_.IsPunct(i + 1, ',') && i + 2 < begin && lex_.ClassOf(tv_.Low(i + 2)) == WordClass::kNone &&
          !tv_.Capitalized(i)) {
        i += 2;
        continue;
      }
      break;
    }
    // "At 2-0 down", "In 2018, ...": a sentence that opens with a prepositional phrase has
    // its subject after the phrase's comma.
    if (i < begin && lex_.ClassOf(tv_.Low(i)) == WordClass::kPrep) {
      size_t k = i;
      while (k < begin && !tv_.IsPunct(k, ',')) ++k;
      if (k >= begin) return {};
      i = k + 1;
      while (i < begin && tv_.IsWord(i) && lex_.ClassOf(tv_.Low(i)) == WordClass::kDet) ++i;
    }
    size_t b = i, e = i, words = 0;
    while (e < begin && words < 8 && !EndsSubject(e)) {
      if (tv_.IsWord(e)) ++words;
      ++e;
    }
    while (e > b && !tv_.IsWord(e - 1) && !tv_.IsPunct(e - 1, ')')) --e;
    while (e > b && (tv_.Is(e - 1, "of") || tv_.Is(e - 1, "and"))) --e;
    if (e <= b) {
      // "Homes from $750,000 to $1 million stay 70 days; $1 million to $1.25 million, 99
      // days": a clause after a semicolon that opens with a figure continues the list, and
      // the subject is the previous clause's.
      if (start >= 1 && tv_.IsPunct(start - 1, ';') && FigureOpens(start, begin) && Verbless(start)) {
        return SubjectBefore(start - 1);
      }
      return {};
    }
    return std::string(tv_.TextOf(b, e));
  }

  bool CommaBetween(size_t from, size_t to) const {
    for (size_t k = from; k < to; ++k) {
      if (tv_.IsPunct(k, ',')) return true;
    }
    return false;
  }

  // The clause from token `from` to the next semicolon has no verb of its own ("two other
  // bullets struck his thighs" has; "$1 million to $1.25 million, 99 days" has not).
  bool Verbless(size_t from) const {
    for (size_t i = from; i < tv_.size() && !tv_.IsPunct(i, ';'); ++i) {
      if (!tv_.IsWord(i) || tv_.Capitalized(i)) continue;
      std::string_view w = tv_.Low(i);
      if (lex_.IsPastVerb(w) || lex_.ClassOf(w) == WordClass::kAux || (lex_.IsVerbForm(w) && !AfterDeterminer(i))) {
        return false;
      }
    }
    return true;
  }

  // Tokens [from, to) are only figures: digits, signs, number words, units, range words.
  bool FigureOpens(size_t from, size_t to) const {
    for (size_t i = from; i < to; ++i) {
      if (tv_.IsNumber(i) || !tv_.IsWord(i)) continue;
      std::string_view w = tv_.Low(i);
      if (lex_.NumberWordFor(w) || w == "to" || w == "from" || w == "between" || w == "and") continue;
      size_t n = 0;
      if (lex_.MatchUnit(tv_, i, /*prefix=*/true, &n) || lex_.MatchUnit(tv_, i, /*prefix=*/false, &n)) continue;
      return false;
    }
    return true;
  }

  // "estimated that a disorderly exit would cost", "found that VR headset sales rose": a
  // clause reported by a verb has its own subject.
  // "he said Osler has 59 users" too: a reporting verb followed by its clause.
  bool ThatClause(size_t i) const {
    if (!tv_.IsWord(i)) return false;
    if (tv_.IsWord(i + 1) && !tv_.Is(i + 1, "that") && ReportingVerb(i) &&
        lex_.ClassOf(tv_.Low(i + 1)) != WordClass::kPrep && lex_.ClassOf(tv_.Low(i + 1)) != WordClass::kAdv) {
      return true;
    }
    if (!tv_.Is(i, "that") || i == 0 || !tv_.IsWord(i - 1)) return false;
    std::string_view v = tv_.Low(i - 1);
    return lex_.IsReportingVerb(v) || lex_.IsPastVerb(v) || lex_.IsVerbForm(v);
  }

  // Whether token i is a reporting verb, looked up once per token: every figure's subject
  // scan passes the same words.
  bool ReportingVerb(size_t i) const {
    if (reporting_.empty()) reporting_.assign(tv_.size(), -1);
    if (reporting_[i] < 0) reporting_[i] = lex_.IsReportingVerb(tv_.Low(i)) ? 1 : 0;
    return reporting_[i] == 1;
  }

  // "... was 2.5 F and the voltage across it was 5 volts": "and" before a determiner starts
  // a clause when a verb of its own comes before the figure.
  bool AndClause(size_t i, size_t figure) const {
    if (!tv_.Is(i, "and") || !tv_.IsWord(i + 1) || lex_.ClassOf(tv_.Low(i + 1)) != WordClass::kDet) return false;
    for (size_t k = i + 2; k < figure; ++k) {
      if (!tv_.IsWord(k)) continue;
      if (lex_.ClassOf(tv_.Low(k)) == WordClass::kAux) return true;
    }
    return false;
  }

  std::string Topic(const QuantityMatch& m, const QuantityMatch* prev) const {
    size_t i = m.begin;
    size_t skipped = 0;
    // Reaching the previous figure ("35 miles - from 252 miles to 287 miles"): the same topic.
    auto in_prev = [&](size_t k) { return prev && k < prev->end && k >= prev->begin; };
    // "LHP Andrew Miller (0.3 WAR)", "Ford (13,000 workers)": a figure alone in brackets
    // is said of the words just before them.
    if (i > 0 && tv_.IsPunct(i - 1, '(')) {
      --i;
      skipped = 6;
    }
    // Past the words that govern the figure: verbs, auxiliaries, prepositions, adverbs,
    // determiners, relative words and dashes ("has scored", "by about", "that gave up").
    while (i > 0 && skipped < 6) {
      size_t k = i - 1;
      if (in_prev(k)) return prev->q.topic;
      if (tv_.IsPunct(k, ',') || tv_.IsPunct(k, ';') || tv_.IsPunct(k, ':') || tv_.IsPunct(k, '(')) break;
      if (tv_.IsWord(k)) {
        std::string_view w = tv_.Low(k);
        WordClass c = lex_.ClassOf(w);
        // A participle or gerund next to the figure governs it too ("has scored 22").
        bool participle = !tv_.Capitalized(k) && (EndsWith(w, "ed") || EndsWith(w, "ing")) && w.size() > 4;
        bool verb = (lex_.IsVerbForm(w) || lex_.IsPastVerb(w) || lex_.IsReportingVerb(w) || lex_.ChangeFor(w) ||
                     participle) &&
                    !AfterDeterminer(k);
        // A relative word too: "a Louisville defense that gave up 517 rushing yards".
        bool relative = w == "that" || w == "which" || w == "who";
        bool governs = (c != WordClass::kNone && c != WordClass::kPron) || verb || relative;
        if (!governs) break;
      } else if (!tv_.IsPunct(k, '-')) {
        break;
      }
      --i;
      ++skipped;
    }
    size_t e = i, b = i, words = 0;
    while (b > 0 && words < 6) {
      size_t k = b - 1;
      if (in_prev(k)) break;
      if (tv_.IsWord(k)) {
        std::string_view w = tv_.Low(k);
        WordClass c = lex_.ClassOf(w);
        if (c != WordClass::kNone && !(w == "of" && words > 0)) break;
        if (words > 0 && lex_.IsVerbForm(w) && !tv_.Capitalized(k)) break;
        ++words;
      } else if (tv_.IsNumber(k) && tv_.Attached(k) && k > 0 && tv_.IsWord(k - 1)) {
        // "SF90", "A380": digits glued to a word are part of a name.
      } else if (!(tv_.IsPunct(k, '-') && tv_.Attached(k))) {
        break;
      }
      --b;
    }
    while (b < e && (tv_.Is(b, "of") || !tv_.IsWord(b))) ++b;
    if (b >= e || !NamesSomething(b, e)) return {};
    return std::string(tv_.TextOf(b, e));
  }

  // A topic names a thing: not only time words ("the last", "past", "yesterday", "last
  // week") and not one verb or participle ("played", "tapered", "battery-powered").
  static bool IsTimeWord(std::string_view w) {
    static const char* const kTime[] = {"last", "past", "next", "previous", "coming", "recent", "yesterday", "today",
                                        "tomorrow", "week", "weeks", "month", "months", "year", "years", "day",
                                        "days", "decade", "decades", "hour", "hours", "weekend", "night"};
    for (const char* t : kTime) {
      if (w == t) return true;
    }
    return false;
  }

  bool NamesSomething(size_t b, size_t e) const {
    bool only_time = true;
    size_t words = 0;
    for (size_t i = b; i < e; ++i) {
      if (!tv_.IsWord(i)) continue;
      ++words;
      only_time = only_time && IsTimeWord(tv_.Low(i));
    }
    if (words > 0 && only_time) return false;
    std::string_view last = tv_.Low(e - 1);
    // "It costs about 8", "they want 20": one word after a subject pronoun is its verb.
    if (words == 1 && b > 0 && tv_.IsWord(b - 1) && lex_.ClassOf(tv_.Low(b - 1)) == WordClass::kPron &&
        !tv_.Capitalized(b)) {
      return false;
    }
    if (words == 1 || (e - b == 3 && tv_.IsPunct(b + 1, '-'))) {
      bool verb = lex_.IsVerbForm(last) || lex_.IsPastVerb(last) ||
                  (!tv_.Capitalized(e - 1) && (EndsWith(last, "ed") || EndsWith(last, "ing")) && last.size() > 4);
      if (verb) return false;
    }
    return true;
  }

  // A measure used as a modifier: after a determiner ("a 5kW solar panel system", "its
  // $800 oven") or hyphenated to its unit ("6.1-inch display", "2,900 year-old site"), with
  // a noun, not a verb or an adjective of extent ("35 miles long"), after it.
  // `from`: where the noun may start (after "-high" in "a 10-foot-high fence").
  bool Attributive(const QuantityMatch& m, const Phrase& p, size_t from = SIZE_MAX) const {
    if (from == SIZE_MAX) from = m.end;
    if (p.words.empty() || (p.words[0] != from && p.words[0] != PastBrackets(m.end))) return false;
    std::string_view first = tv_.Low(p.words[0]);
    bool hyphenated = m.end >= 2 && tv_.IsPunct(m.end - 2, '-') && tv_.Attached(m.end - 1);
    // "(1.5mm internal diameter)": a measure opening a bracket names what follows it.
    bool determined = m.begin > 0 && ((tv_.IsWord(m.begin - 1) && (lex_.ClassOf(tv_.Low(m.begin - 1)) == WordClass::kDet ||
                                                                   tv_.Is(m.begin - 1, "'s"))) ||
                                      tv_.IsPunct(m.begin - 1, '('));
    // After "a" and the measure a verb's base form is a noun ("a 5 kilometer run"); a past
    // form or an adverb is not ("a 5 km stretch paved", "10 miles away").
    bool verb = lex_.IsVerbForm(first) && !(determined && !EndsWith(first, "s") && !EndsWith(first, "ed"));
    if (verb || lex_.IsPastVerb(first) || EndsWith(first, "ly") || IsExtent(first)) return false;
    return hyphenated || determined;
  }

  static bool IsExtent(std::string_view w) {
    for (std::string_view e : {"long", "wide", "high", "tall", "deep", "thick", "old", "away", "apart", "across",
                               "ahead", "behind", "short", "more", "less", "higher", "lower"}) {
      if (w == e) return true;
    }
    return false;
  }

  bool KnownHead(const Phrase& p) const {
    for (size_t w : p.words) {
      if (lex_.ConceptFor(tv_.Low(w))) return true;
    }
    return false;
  }

  void Fill(const Phrase& p, Concept* c) {
    c->text = std::string(tv_.TextOf(p.begin, p.end));
    std::string head_class_from_mod;
    for (size_t k = 0; k < p.words.size(); ++k) {
      size_t w = p.words[k];
      size_t len = 0;
      if (tv_.Capitalized(w)) {
        if (const Place* pl = lex_.MatchPlace(tv_, w, &len)) {
          if (c->place.empty()) c->place = pl->canonical;
          k += len - 1;
          continue;
        }
      }
      std::string_view low = tv_.Low(w);
      const ConceptWord* cw = lex_.ConceptFor(low);
      // Two-word entries: "service members", "death toll".
      if (k + 1 < p.words.size()) {
        std::string two = std::string(low) + " " + std::string(tv_.Low(p.words[k + 1]));
        if (const ConceptWord* cw2 = lex_.ConceptFor(two)) {
          cw = cw2;
          ++k;
          w = p.words[k];
        }
      }
      if (cw) {
        switch (cw->role) {
          case ConceptRole::kHead:
            c->head_class = cw->cls;
            c->head = tv_.Low(w);
            break;
          case ConceptRole::kEvent:
            AddEvent(cw->cls);
            break;
          case ConceptRole::kBoth:
            AddEvent(cw->cls);
            c->head = tv_.Low(w);
            break;
          case ConceptRole::kMod:
            head_class_from_mod = cw->cls;
            c->modifiers.push_back(cw->cls);
            break;
        }
        continue;
      }
      if (lex_.IsGenericModifier(low)) continue;
      // An unknown word: the last one is the head, earlier ones narrow it.
      c->modifiers.push_back(text::Stem(low));
      c->head = low;
    }
    if (c->head_class.empty() && !head_class_from_mod.empty()) c->head_class = head_class_from_mod;
    if (c->head_class.empty() && !c->head.empty() && !lex_.ConceptFor(c->head)) {
      c->head_class = text::Stem(c->head);
      // The head is not also a modifier.
      auto it = std::find(c->modifiers.begin(), c->modifiers.end(), c->head_class);
      if (it != c->modifiers.end()) c->modifiers.erase(it);
    }
  }

  // "had either been killed or wounded", "had been reported dead", "were missing"
  void Predicate(size_t i, Concept* c) {
    size_t j = i;
    size_t skipped = 0;
    while (j < tv_.size() && skipped < 6) {
      if (!tv_.IsWord(j)) break;
      std::string_view w = tv_.Low(j);
      WordClass wc = lex_.ClassOf(w);
      bool skippable = wc == WordClass::kAux || wc == WordClass::kAdv || w == "either" ||
                       w == "reported" || w == "confirmed" || w == "listed" ||
                       w == "registered" || w == "presumed" || w == "believed" || w == "as" ||
                       w == "feared";
      if (!skippable) break;
      ++j;
      ++skipped;
    }
    std::string words;
    size_t start = j;
    while (j < tv_.size()) {
      const ConceptWord* cw = tv_.IsWord(j) ? lex_.ConceptFor(tv_.Low(j)) : nullptr;
      if (!cw || (cw->role != ConceptRole::kEvent && cw->role != ConceptRole::kBoth)) break;
      AddEvent(cw->cls);
      size_t next = j + 1;
      if (tv_.IsPunct(next, ',')) ++next;
      if ((tv_.Is(next, "or") || tv_.Is(next, "and")) && next + 1 < tv_.size()) {
        const ConceptWord* more = tv_.IsWord(next + 1) ? lex_.ConceptFor(tv_.Low(next + 1)) : nullptr;
        if (more && (more->role == ConceptRole::kEvent || more->role == ConceptRole::kBoth)) {
          j = next + 1;
          continue;
        }
      }
      j = j + 1;
      break;
    }
    if (j > start && skipped <= 6) {
      words = std::string(tv_.TextOf(start, j));
      if (!c->text.empty()) c->text += " ";
      c->text += words;
    }
  }

  // "killed two civilians", "injuring 30", "suffered 1.2 million casualties"
  void VerbBefore(size_t b, Concept* c) {
    if (b == 0) return;
    const ConceptWord* cw = tv_.IsWord(b - 1) ? lex_.ConceptFor(tv_.Low(b - 1)) : nullptr;
    if (cw && cw->role == ConceptRole::kEvent && events_.empty()) {
      AddEvent(cw->cls);
      std::string verb(tv_.Raw(b - 1));
      c->text = c->text.empty() ? verb : c->text + " " + verb;
    }
  }

  bool NumberOf(size_t b, Concept* c) {
    // The last "number of" / "total of" / "toll of" / "count of" before the figure, in the
    // same clause (no other figure's tokens matter here).
    for (size_t i = b; i-- > 1;) {
      if (!tv_.Is(i, "of")) continue;
      std::string_view n = tv_.Low(i - 1);
      if (n == "number" || n == "total" || n == "toll" || n == "count" || n == "tally" ||
          n == "numbers") {
        size_t k = i + 1;
        if (tv_.Is(k, "the")) ++k;
        Phrase p = Forward(k);
        if (p.words.empty()) return false;
        Fill(p, c);
        Predicate(p.end, c);
        return true;
      }
      if (tv_.IsPunct(i, ';')) break;
    }
    return false;
  }

  // "put the damage at $45 million", "estimated the toll at 40": the object before "at".
  bool AtObject(size_t b, Concept* c) {
    if (b == 0 || !tv_.Is(b - 1, "at")) return false;
    Phrase p = Backward(b - 1);
    if (p.words.empty()) return false;
    // "down 0.30 percent at Rs 5197": the words before "at" are another figure's unit.
    if (p.begin > 0 && tv_.IsNumber(p.begin - 1)) return false;
    // "well-priced at $25", "diamonds valued at $108 million": a participle before "at" is
    // the verb that puts the figure on what comes before it, if anything.
    std::string_view last = tv_.Low(p.words.back());
    if (lex_.IsPastVerb(last) || (last.size() > 4 && EndsWith(last, "ed") && !lex_.ConceptFor(last))) {
      p.words.pop_back();
      if (p.words.empty() || !tv_.IsWord(p.words.back()) || tv_.IsPunct(p.words.back() + 1, '-')) return false;
      p.end = p.words.back() + 1;
    }
    Fill(p, c);
    return true;
  }

  // The nearest word before the figure that the concept lexicon knows ("temperatures",
  // "death toll", "prices"), within a few tokens and without crossing a clause break.
  Phrase NearestKnownBefore(size_t b, bool allow_events) const {
    Phrase none;
    size_t limit = b > 8 ? b - 8 : 0;
    for (size_t i = b; i-- > limit;) {
      if (IsDash(i)) {
        // Skip a parenthetical set off by dashes: "casualties—killed, wounded—estimated".
        size_t k = i;
        while (k-- > 0 && !IsDash(k)) {
        }
        if (k < i && k < tv_.size() && IsDash(k)) {
          i = k;
          limit = k > 8 ? k - 8 : 0;
          continue;
        }
      }
      if (tv_.IsPunct(i, ',') || tv_.IsPunct(i, ';') || tv_.IsPunct(i, ':')) break;
      if (!tv_.IsWord(i)) continue;
      const ConceptWord* known = lex_.ConceptFor(tv_.Low(i));
      // An event verb names what happened to people, not what money or a unit measures
      // ("lost $20bn"); and a counted figure's event comes from its own clause.
      if (known && known->role == ConceptRole::kEvent && !allow_events) continue;
      if (known) {
        // The known word, with the word before it when that narrows it ("death toll",
        // "Russian casualties").
        Phrase p;
        p.begin = i;
        p.end = i + 1;
        p.words.push_back(i);
        size_t len = 0;
        for (size_t k = i; k > 0 && p.words.size() < 4; --k) {
          size_t w = k - 1;
          if (!tv_.IsWord(w)) break;
          std::string_view low = tv_.Low(w);
          if (!(lex_.ConceptFor(low) || lex_.MatchPlace(tv_, w, &len) || lex_.IsGenericModifier(low))) {
            break;
          }
          p.begin = w;
          p.words.insert(p.words.begin(), w);
        }
        return p;
      }
    }
    return none;
  }

  bool IsDash(size_t i) const {
    return i < tv_.size() && !tv_.IsWord(i) && !tv_.IsNumber(i) && tv_.Raw(i) == "\xE2\x80\x94";
  }

  // "casualties in Ukraine", "killed fighting for Russia", "killed fighting on Russia's side"
  void PlaceAfter(size_t e, Concept* c) {
    size_t j = e;
    while (j < tv_.size() && j < e + kMaxNounPhrase && tv_.IsWord(j) &&
           !(tv_.Is(j, "in") || tv_.Is(j, "for") || tv_.Is(j, "on")) &&
           lex_.ClassOf(tv_.Low(j)) == WordClass::kNone) {
      ++j;
    }
    if (!(tv_.Is(j, "in") || tv_.Is(j, "for") || tv_.Is(j, "on"))) return;
    size_t k = j + 1;
    if (tv_.Is(k, "the")) ++k;
    size_t len = 0;
    const Place* p = lex_.MatchPlace(tv_, k, &len);
    if (!p || p->kind != "country") return;
    // "on Russia's side" names the side; "on Russia" alone does not.
    if (tv_.Is(j, "on") && !(tv_.Is(k + len, "'s") && tv_.Is(k + len + 1, "side"))) return;
    c->place = p->canonical;
  }

  // "Russia had suffered 1.2 million casualties": a place as the subject of a verb of loss.
  void SubjectPlace(size_t b, Concept* c) {
    size_t limit = b > 6 ? b - 6 : 0;
    bool loss_verb = false;
    for (size_t i = b; i-- > limit;) {
      std::string_view w = tv_.Low(i);
      if (w == "suffered" || w == "suffer" || w == "suffers" || w == "lost" || w == "loses" ||
          w == "sustained" || w == "lose") {
        loss_verb = true;
        continue;
      }
      size_t len = 0;
      if (loss_verb && tv_.Capitalized(i)) {
        if (const Place* p = lex_.MatchPlace(tv_, i, &len); p && p->kind == "country") {
          c->place = p->canonical;
          return;
        }
      }
      if (tv_.IsPunct(i, ',')) return;
    }
  }

  bool Inherits(const QuantityMatch& m) const {
    size_t b = m.begin;
    if (b >= 1 && tv_.Is(b - 1, "including")) return true;
    if (b >= 2 && tv_.Is(b - 2, "of") && tv_.Is(b - 1, "which")) return true;
    if (b >= 2 && tv_.Is(b - 2, "among") && tv_.Is(b - 1, "them")) return true;
    return false;
  }

  // "seven miles (11 km)"; "up 17.5 points, or 0.22%": the same measure restated.
  bool Converts(const QuantityMatch& prev, const QuantityMatch& m) const {
    bool bracket = BracketedAfter(tv_, prev, m);
    bool restated = m.begin > 0 && tv_.Is(m.begin - 1, "or") &&
                    (prev.end + 1 == m.begin || (prev.end + 2 == m.begin && tv_.IsPunct(prev.end, ',')));
    if (!bracket && !restated) return false;
    bool prev_measure = prev.q.kind != QuantityKind::kCount && prev.q.kind != QuantityKind::kDuration;
    bool measure = m.q.kind != QuantityKind::kCount && m.q.kind != QuantityKind::kDuration;
    return prev_measure && measure;
  }

  // The token after a bracketed aside right after token i ("8 miles (13 kilometers) of
  // tunnels"), or i itself.
  size_t PastBrackets(size_t i) const {
    if (!tv_.IsPunct(i, '(')) return i;
    for (size_t k = i + 1; k < tv_.size() && k < i + 12; ++k) {
      if (tv_.IsPunct(k, ')')) return k + 1;
      if (tv_.IsPunct(k, '(')) break;
    }
    return i;
  }

  bool Coordinated(const QuantityMatch& prev, const QuantityMatch& m) const {
    return m.begin >= 1 && tv_.Is(m.begin - 1, "and") && m.begin <= prev.end + 6 &&
           prev.q.kind == m.q.kind;
  }

  static void Inherit(const Concept& parent, Concept* c) {
    bool any = false;
    if (c->place.empty() && !parent.place.empty()) {
      c->place = parent.place;
      any = true;
    }
    if (c->head_class.empty() && !parent.head_class.empty()) {
      c->head_class = parent.head_class;
      any = true;
    }
    for (const std::string& mod : parent.modifiers) {
      if (std::find(c->modifiers.begin(), c->modifiers.end(), mod) == c->modifiers.end()) {
        c->modifiers.push_back(mod);
        any = true;
      }
    }
    c->inherited = any;
  }

  void AddEvent(const std::string& cls) { events_.insert(cls); }

  void Finish(Concept* c) {
    if (events_.count("death") && events_.count("injury")) {
      c->event_class = "casualty";
    } else if (events_.count("casualty")) {
      c->event_class = "casualty";
    } else if (!events_.empty()) {
      c->event_class = *events_.begin();
      // Prefer the most specific event when several are named ("dead or missing").
      for (const char* e : {"death", "injury", "missing", "displaced", "arrested"}) {
        if (events_.count(e)) {
          c->event_class = e;
          break;
        }
      }
    }
    events_.clear();
    std::sort(c->modifiers.begin(), c->modifiers.end());
    c->modifiers.erase(std::unique(c->modifiers.begin(), c->modifiers.end()), c->modifiers.end());
    if (c->text.size() > 120) c->text.resize(120);
  }

  const TokenView& tv_;
  const Lexicon& lex_;
  std::set<std::string> events_;
  mutable std::vector<int8_t> reporting_;
};

}  // namespace

void AttachConcepts(const TokenView& tv, std::vector<QuantityMatch>* matches) {
  ConceptReader(tv).Read(matches);
}

}  // namespace corroborate::extract
