#include "extract/lexicon.h"

#include <algorithm>
#include <cstdlib>

#include "corroborate/base/data.h"
#include "corroborate/base/strings.h"
#include "corroborate/text/tokenize.h"
#include "extract/numbers.h"

namespace corroborate::extract {
namespace {

// Splits a lexicon phrase into the same tokens the tokenizer makes of running text.
std::vector<std::string> PhraseTokens(std::string_view phrase, bool keep_case) {
  std::vector<std::string> out;
  for (const text::Token& t : text::Tokenize(phrase)) {
    std::string_view s = t.Of(phrase);
    out.push_back(keep_case ? std::string(s) : text::Lower(s));
  }
  return out;
}

double ToDouble(std::string_view s) { return std::strtod(std::string(s).c_str(), nullptr); }

template <typename Entry>
bool MatchForward(const TokenView& tv, size_t i, const Entry& e, bool cs) {
  if (i + e.tokens.size() > tv.size()) return false;
  for (size_t k = 0; k < e.tokens.size(); ++k) {
    if (cs ? tv.Raw(i + k) != e.tokens[k] : tv.Low(i + k) != e.tokens[k]) return false;
  }
  return true;
}

// "nrs. 22,24,26,31": digits joined by two or more commas that are no thousands grouping
// (western or Indian) are a list written without spaces; each figure becomes its own token.
bool CommaList(std::string_view s) {
  if (std::count(s.begin(), s.end(), ',') < 2 || s.find('.') != std::string_view::npos) return false;
  double value, granularity;
  int digits;
  bool plain;
  return !ParseDigits(s, &value, &granularity, &digits, &plain);
}

void SplitCommaLists(std::string_view text, std::vector<text::Token>* toks) {
  auto listed = [&](const text::Token& tok) { return tok.number() && CommaList(tok.Of(text)); };
  if (std::none_of(toks->begin(), toks->end(), listed)) return;
  std::vector<text::Token> out;
  for (const text::Token& tok : *toks) {
    if (!listed(tok)) {
      out.push_back(tok);
      continue;
    }
    text::Token piece = tok;
    for (uint32_t k = tok.begin; k <= tok.end; ++k) {
      if (k < tok.end && text[k] != ',') continue;
      piece.end = k;
      out.push_back(piece);
      if (k == tok.end) break;
      out.push_back(text::Token{k, k + 1, text::TokenKind::kPunct, text::kAttached});
      piece.begin = k + 1;
      piece.flags |= text::kAttached;
    }
  }
  toks->swap(out);
}

}  // namespace

TokenView::TokenView(std::string_view t, Span range) : text(t), toks(text::Tokenize(t, range)) {
  SplitCommaLists(t, &toks);
  lower.reserve(toks.size());
  for (const text::Token& tok : toks) {
    lower.push_back(tok.kind == text::TokenKind::kWord ? text::Lower(tok.Of(t))
                                                       : std::string(tok.Of(t)));
  }
}

const Lexicon& Lexicon::Get() {
  static const Lexicon* lexicon = new Lexicon();
  return *lexicon;
}

Lexicon::Lexicon() {
  LoadNumbers();
  LoadUnits();
  LoadQualifiers();
  LoadChanges();
  LoadReporting();
  LoadConcepts();
  LoadFunctionWords();
  LoadPlaces();
  LoadCues();
  LoadSpellingAndAliases();
  LoadVerbs();
}

void Lexicon::LoadVerbs() {
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  for (std::string_view line : data::Lines("extract/verbs.txt")) {
    size_t colon = line.find(':');
    std::string base(Trim(line.substr(0, colon)));
    if (base.empty()) continue;
    if (colon != std::string_view::npos) {
      for (std::string_view f : Split(line.substr(colon + 1), ',')) {
        if (!Trim(f).empty()) past_verbs_.insert(std::string(Trim(f)));
      }
    }
    // Regular past forms: add -ed, -d after e, -ied after consonant + y, and the doubled
    // consonant form of short verbs (stop -> stopped).
    size_t n = base.size();
    if (base.back() == 'e') {
      past_verbs_.insert(base + "d");
    } else if (base.back() == 'y' && n > 1 && !vowel(base[n - 2])) {
      past_verbs_.insert(base.substr(0, n - 1) + "ied");
    } else {
      past_verbs_.insert(base + "ed");
      if (n >= 3 && !vowel(base[n - 1]) && vowel(base[n - 2]) && !vowel(base[n - 3]) &&
          base.back() != 'w' && base.back() != 'x' && base.back() != 'y') {
        past_verbs_.insert(base + base.back() + "ed");
      }
    }
    // Present forms: base, third person (-s, -es, -ies), and -ing.
    verb_forms_.insert(base);
    bool sibilant = base.back() == 's' || base.back() == 'x' || base.back() == 'z' ||
                    (n >= 2 && (base.compare(n - 2, 2, "ch") == 0 || base.compare(n - 2, 2, "sh") == 0));
    if (base.back() == 'y' && n > 1 && !vowel(base[n - 2])) {
      verb_forms_.insert(base.substr(0, n - 1) + "ies");
    } else {
      verb_forms_.insert(base + (sibilant ? "es" : "s"));
    }
    verb_forms_.insert((base.back() == 'e' && n > 2 ? base.substr(0, n - 1) : base) + "ing");
  }
  for (const std::string& p : past_verbs_) verb_forms_.insert(p);
}

bool Lexicon::IsVerbForm(std::string_view lower) const { return verb_forms_.count(lower) > 0; }

bool Lexicon::IsPastVerb(std::string_view lower) const { return past_verbs_.count(lower) > 0; }

void Lexicon::LoadNumbers() {
  for (const auto& row : data::Table("extract/number_words.tsv")) {
    if (row.fields.size() < 3) continue;
    std::string_view k = row.fields[2];
    NumberWordKind kind = k == "digit"      ? NumberWordKind::kDigit
                          : k == "teen"     ? NumberWordKind::kTeen
                          : k == "tens"     ? NumberWordKind::kTens
                          : k == "hundred"  ? NumberWordKind::kHundred
                          : k == "scale"    ? NumberWordKind::kScale
                          : k == "fraction" ? NumberWordKind::kFraction
                          : k == "ordinal"  ? NumberWordKind::kOrdinal
                          : k == "vague"    ? NumberWordKind::kVague
                                            : NumberWordKind::kCount;
    number_words_[std::string(row.fields[0])] = NumberWord{ToDouble(row.fields[1]), kind};
    number_word_filter_.Add(row.fields[0]);
  }
  for (const auto& row : data::Table("extract/scales.tsv")) {
    if (row.fields.size() < 3) continue;
    scales_[std::string(row.fields[0])] = ScaleAbbrev{
        ToDouble(row.fields[1]), row.fields[2] == "money"    ? ScaleWhen::kMoney
                                 : row.fields[2] == "spaced" ? ScaleWhen::kSpaced
                                                             : ScaleWhen::kAlways};
  }
}

void Lexicon::LoadUnits() {
  auto rows = data::Table("extract/units.tsv");
  units_.reserve(rows.size());
  for (const auto& row : rows) {
    if (row.fields.size() < 4) continue;
    UnitEntry e;
    std::string_view flags = row.fields.size() > 4 ? row.fields[4] : "";
    e.case_sensitive = flags.find("cs") != std::string_view::npos;
    e.ambiguous = flags.find("ambiguous") != std::string_view::npos;
    if (size_t x = flags.find("x="); x != std::string_view::npos) e.multiplier = ToDouble(flags.substr(x + 2));
    e.tokens = PhraseTokens(row.fields[0], e.case_sensitive);
    if (e.tokens.empty()) continue;
    e.canonical = std::string(row.fields[1]);
    e.dimension = std::string(row.fields[2]);
    std::string_view pos = row.fields[3];
    e.prefix = pos == "prefix" || pos == "both";
    e.suffix = pos == "suffix" || pos == "both";
    units_.push_back(std::move(e));
  }
  for (const UnitEntry& e : units_) units_by_first_[text::Lower(e.tokens[0])].push_back(&e);
  for (auto& [k, v] : units_by_first_) {
    std::stable_sort(v.begin(), v.end(), [](const UnitEntry* a, const UnitEntry* b) {
      return a->tokens.size() > b->tokens.size();
    });
  }
}

void Lexicon::LoadQualifiers() {
  auto rows = data::Table("extract/qualifiers.tsv");
  qualifiers_.reserve(rows.size());
  for (const auto& row : rows) {
    if (row.fields.size() < 3) continue;
    QualifierEntry e;
    e.tokens = PhraseTokens(row.fields[0], false);
    if (e.tokens.empty()) continue;
    std::string_view q = row.fields[1];
    e.qualifier = q == "approx"     ? Qualifier::kApprox
                  : q == "at_least" ? Qualifier::kAtLeast
                  : q == "at_most"  ? Qualifier::kAtMost
                                    : Qualifier::kExact;
    e.after = row.fields[2] == "after";
    std::string phrase = AsciiLowerCopy(row.fields[0]);
    if (phrase == "nearly" || phrase == "almost" || phrase == "close to" ||
        phrase == "approaching" || phrase == "closer to") {
      e.lean = -1;
    }
    qualifiers_.push_back(std::move(e));
  }
  for (const QualifierEntry& e : qualifiers_) {
    if (e.after) {
      qualifiers_by_first_[e.tokens.front()].push_back(&e);
    } else {
      qualifiers_by_last_[e.tokens.back()].push_back(&e);
    }
  }
  auto longest_first = [](const QualifierEntry* a, const QualifierEntry* b) {
    return a->tokens.size() > b->tokens.size();
  };
  for (auto& [k, v] : qualifiers_by_first_) std::stable_sort(v.begin(), v.end(), longest_first);
  for (auto& [k, v] : qualifiers_by_last_) std::stable_sort(v.begin(), v.end(), longest_first);
}

void Lexicon::LoadChanges() {
  for (const auto& row : data::Table("extract/changes.tsv")) {
    if (row.fields.size() < 3) continue;
    ChangeWord& w = changes_[std::string(row.fields[0])];
    w.direction = row.fields[1] == "up" ? Change::kUp : Change::kDown;
    if (row.fields[2] == "verb") w.verb = true;
    if (row.fields[2] == "noun") w.noun = true;
    if (row.fields[2] == "adverb") w.adverb = true;
  }
}

void Lexicon::LoadReporting() {
  for (const auto& row : data::Table("extract/reporting_verbs.tsv")) {
    if (row.fields.size() < 2) continue;
    std::string w(row.fields[0]);
    if (row.fields[1] == "verb") reporting_verbs_.insert(w);
    if (row.fields[1] == "noun") statement_nouns_.insert(w);
    if (row.fields[1] == "prep") reporting_preps_.push_back(PhraseTokens(w, false));
  }
  std::sort(reporting_preps_.begin(), reporting_preps_.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

void Lexicon::LoadConcepts() {
  for (const auto& row : data::Table("extract/concepts.tsv")) {
    if (row.fields.size() < 3) continue;
    std::string_view r = row.fields[2];
    ConceptRole role = r == "head"    ? ConceptRole::kHead
                       : r == "event" ? ConceptRole::kEvent
                       : r == "both"  ? ConceptRole::kBoth
                                      : ConceptRole::kMod;
    std::vector<std::string> toks = PhraseTokens(row.fields[0], false);
    concept_max_words_ = std::max(concept_max_words_, toks.size());
    std::string key;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (i && toks[i] != "-" && toks[i - 1] != "-") key += ' ';
      key += toks[i];
    }
    concepts_[key] = ConceptWord{std::string(row.fields[1]), role};
  }
  for (std::string_view w : data::Lines("extract/generic_modifiers.txt")) {
    generic_modifiers_.insert(std::string(w));
  }
  for (const auto& row : data::Table("extract/degree_cues.tsv")) {
    if (row.fields.size() < 2) continue;
    degree_cues_[std::string(row.fields[0])] = row.fields[1] == "temperature" ? 1 : -1;
  }
}

void Lexicon::LoadFunctionWords() {
  for (const auto& row : data::Table("extract/function_words.tsv")) {
    if (row.fields.size() < 2) continue;
    std::string_view c = row.fields[1];
    WordClass wc = c == "det"    ? WordClass::kDet
                   : c == "prep" ? WordClass::kPrep
                   : c == "conj" ? WordClass::kConj
                   : c == "aux"  ? WordClass::kAux
                   : c == "pron" ? WordClass::kPron
                   : c == "adv"  ? WordClass::kAdv
                   : c == "wh"   ? WordClass::kWh
                   : c == "neg"  ? WordClass::kNeg
                                 : WordClass::kNone;
    // A word listed twice keeps its first class ("either" is a determiner first).
    word_classes_.emplace(std::string(row.fields[0]), wc);
  }
}

void Lexicon::LoadPlaces() {
  for (const auto& row : data::Table("extract/places.tsv")) {
    if (row.fields.size() < 2) continue;
    Place p{std::string(row.fields[0]), std::string(row.fields[1])};
    auto add = [&](std::string_view name) {
      name = Trim(name);
      if (name.empty()) return;
      place_max_words_ = std::max(place_max_words_, PhraseTokens(name, true).size());
      places_.emplace(std::string(name), p);
    };
    add(row.fields[0]);
    if (row.fields.size() > 2) {
      for (std::string_view a : Split(row.fields[2], ',')) add(a);
    }
  }
}

void Lexicon::LoadCues() {
  for (const auto& row : data::Table("extract/entity_cues.tsv")) {
    if (row.fields.size() < 2) continue;
    std::string_view k = row.fields[1];
    CueKind kind = k == "title"      ? CueKind::kTitle
                   : k == "org"      ? CueKind::kOrg
                   : k == "org_name" ? CueKind::kOrgName
                   : k == "media"    ? CueKind::kMedia
                   : k == "not_name" ? CueKind::kNotName
                   : k == "not_person" ? CueKind::kNotPerson
                                     : CueKind::kNone;
    cues_.emplace(std::string(row.fields[0]), kind);
  }
}

void Lexicon::LoadSpellingAndAliases() {
  for (const auto& row : data::Table("extract/spelling.tsv")) {
    if (row.fields.size() >= 2) spelling_[std::string(row.fields[0])] = std::string(row.fields[1]);
  }
  for (const auto& row : data::Table("extract/aliases.tsv")) {
    if (row.fields.size() < 2) continue;
    std::string canonical(row.fields[0]);
    aliases_[canonical] = canonical;
    for (std::string_view a : Split(row.fields[1], ',')) {
      a = Trim(a);
      if (!a.empty()) aliases_[std::string(a)] = canonical;
    }
  }
}

const NumberWord* Lexicon::NumberWordFor(std::string_view lower) const {
  if (!number_word_filter_.MayHold(lower)) return nullptr;
  auto it = number_words_.find(lower);
  return it == number_words_.end() ? nullptr : &it->second;
}

const ScaleAbbrev* Lexicon::ScaleFor(std::string_view raw) const {
  auto it = scales_.find(raw);
  return it == scales_.end() ? nullptr : &it->second;
}

const UnitEntry* Lexicon::MatchUnit(const TokenView& tv, size_t i, bool prefix,
                                    size_t* length) const {
  if (i >= tv.size()) return nullptr;
  auto it = units_by_first_.find(tv.Low(i));
  if (it == units_by_first_.end()) return nullptr;
  for (const UnitEntry* e : it->second) {
    if (prefix ? !e->prefix : !e->suffix) continue;
    if (MatchForward(tv, i, *e, e->case_sensitive)) {
      *length = e->tokens.size();
      return e;
    }
  }
  return nullptr;
}

const UnitEntry* Lexicon::UnitNamed(std::string_view canonical) const {
  for (const UnitEntry& e : units_) {
    if (e.canonical == canonical) return &e;
  }
  return nullptr;
}

const QualifierEntry* Lexicon::MatchQualifierBefore(const TokenView& tv, size_t end,
                                                    size_t* length) const {
  if (end == 0) return nullptr;
  auto it = qualifiers_by_last_.find(tv.Low(end - 1));
  if (it == qualifiers_by_last_.end()) return nullptr;
  for (const QualifierEntry* e : it->second) {
    if (e->tokens.size() > end) continue;
    if (MatchForward(tv, end - e->tokens.size(), *e, false)) {
      *length = e->tokens.size();
      return e;
    }
  }
  return nullptr;
}

const QualifierEntry* Lexicon::MatchQualifierAfter(const TokenView& tv, size_t begin,
                                                   size_t* length) const {
  if (begin >= tv.size()) return nullptr;
  auto it = qualifiers_by_first_.find(tv.Low(begin));
  if (it == qualifiers_by_first_.end()) return nullptr;
  for (const QualifierEntry* e : it->second) {
    if (MatchForward(tv, begin, *e, false)) {
      *length = e->tokens.size();
      return e;
    }
  }
  return nullptr;
}

const ChangeWord* Lexicon::ChangeFor(std::string_view lower) const {
  auto it = changes_.find(lower);
  return it == changes_.end() ? nullptr : &it->second;
}

bool Lexicon::IsReportingVerb(std::string_view lower) const {
  return reporting_verbs_.count(lower) > 0;
}

bool Lexicon::IsStatementNoun(std::string_view lower) const {
  return statement_nouns_.count(lower) > 0;
}

size_t Lexicon::MatchReportingPrep(const TokenView& tv, size_t i) const {
  for (const auto& p : reporting_preps_) {
    if (i + p.size() > tv.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < p.size() && ok; ++k) ok = tv.Low(i + k) == p[k];
    if (ok) return p.size();
  }
  return 0;
}

const ConceptWord* Lexicon::MatchConcept(const TokenView& tv, size_t i, size_t* length) const {
  if (i >= tv.size()) return nullptr;
  for (size_t n = std::min(concept_max_words_, tv.size() - i); n >= 1; --n) {
    std::string key;
    bool words = true;
    for (size_t k = 0; k < n; ++k) {
      if (!tv.IsWord(i + k) && !(k > 0 && tv.IsPunct(i + k, '-'))) {
        words = false;
        break;
      }
      // Hyphenated entries ("non-combatants") are stored with their hyphen token.
      if (k) key += tv.IsPunct(i + k, '-') || tv.IsPunct(i + k - 1, '-') ? "" : " ";
      key += tv.Low(i + k);
    }
    if (!words) continue;
    auto it = concepts_.find(key);
    if (it != concepts_.end()) {
      *length = n;
      return &it->second;
    }
  }
  return nullptr;
}

const ConceptWord* Lexicon::ConceptFor(std::string_view lower) const {
  auto it = concepts_.find(lower);
  return it == concepts_.end() ? nullptr : &it->second;
}

WordClass Lexicon::ClassOf(std::string_view lower) const {
  auto it = word_classes_.find(lower);
  return it == word_classes_.end() ? WordClass::kNone : it->second;
}

const Place* Lexicon::MatchPlace(const TokenView& tv, size_t i, size_t* length) const {
  if (i >= tv.size()) return nullptr;
  for (size_t n = std::min(place_max_words_, tv.size() - i); n >= 1; --n) {
    if (!tv.IsWord(i) || !tv.IsWord(i + n - 1)) continue;
    auto it = places_.find(std::string(tv.TextOf(i, i + n)));
    if (it != places_.end()) {
      *length = n;
      return &it->second;
    }
  }
  return nullptr;
}

const Place* Lexicon::PlaceFor(std::string_view name) const {
  auto it = places_.find(name);
  return it == places_.end() ? nullptr : &it->second;
}

CueKind Lexicon::CueFor(std::string_view raw) const {
  auto it = cues_.find(raw);
  return it == cues_.end() ? CueKind::kNone : it->second;
}

std::string_view Lexicon::CanonicalSpelling(std::string_view lower) const {
  auto it = spelling_.find(lower);
  return it == spelling_.end() ? lower : std::string_view(it->second);
}

std::string_view Lexicon::AliasTarget(std::string_view name) const {
  auto it = aliases_.find(name);
  return it == aliases_.end() ? std::string_view() : std::string_view(it->second);
}

bool Lexicon::IsGenericModifier(std::string_view lower) const {
  return generic_modifiers_.count(lower) > 0;
}

int Lexicon::DegreeCue(std::string_view lower) const {
  auto it = degree_cues_.find(lower);
  return it == degree_cues_.end() ? 0 : it->second;
}

}  // namespace corroborate::extract
