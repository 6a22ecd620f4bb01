// The extraction lexicons (data/extract/*.tsv), loaded once and shared read-only by all
// threads.
#ifndef CORROBORATE_SRC_EXTRACT_LEXICON_H_
#define CORROBORATE_SRC_EXTRACT_LEXICON_H_

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "corroborate/base/strings.h"
#include "corroborate/extract/quantity.h"
#include "extract/token_view.h"

namespace corroborate::extract {

enum class NumberWordKind { kDigit, kTeen, kTens, kHundred, kScale, kFraction, kOrdinal, kCount, kVague };
struct NumberWord {
  double value = 0;
  NumberWordKind kind = NumberWordKind::kDigit;
};

// kSpaced: only written apart, ending the phrase, after a figure with a decimal point or
// thousands separators ("1,674.5 G"); never glued ("5G" is a network generation).
enum class ScaleWhen { kAlways, kMoney, kSpaced };
struct ScaleAbbrev {
  double multiplier = 1;
  ScaleWhen when = ScaleWhen::kAlways;
};

struct UnitEntry {
  std::vector<std::string> tokens;  // lower-cased unless case_sensitive
  std::string canonical;
  std::string dimension;
  bool prefix = false;
  bool suffix = false;
  bool case_sensitive = false;
  bool ambiguous = false;
  double multiplier = 1;  // "MUSD": a million dollars
};

struct QualifierEntry {
  std::vector<std::string> tokens;  // lower-cased
  Qualifier qualifier = Qualifier::kApprox;
  bool after = false;
  int8_t lean = 0;
};

struct ChangeWord {
  Change direction = Change::kNone;
  bool verb = false;
  bool noun = false;
  bool adverb = false;
};

enum class ReportKind { kVerb, kNoun, kPrep };
enum class ConceptRole { kHead, kEvent, kBoth, kMod };
struct ConceptWord {
  std::string cls;
  ConceptRole role = ConceptRole::kHead;
};

enum class WordClass { kNone, kDet, kPrep, kConj, kAux, kPron, kAdv, kWh, kNeg };

struct Place {
  std::string canonical;
  std::string kind;  // country, region, city
};

enum class CueKind { kNone, kTitle, kOrg, kOrgName, kMedia, kNotName, kNotPerson };

// A plural not spelled with -s: "people", "children", "men", "women", "servicemen".
inline bool IrregularPlural(std::string_view lower) {
  return lower == "people" || lower == "children" || (lower.size() >= 3 && lower.substr(lower.size() - 3) == "men");
}

// A plural spelled with -s, by its shape alone: "sales", "barrels"; not "gas", "boss", "is".
inline bool PluralInS(std::string_view lower) {
  return lower.size() > 3 && lower.back() == 's' && lower[lower.size() - 2] != 's';
}

// A Bloom filter over a lexicon's words: two bits of 65,536 per word. A word it turns down
// is not in the lexicon; most words of running text are turned down with two bit tests,
// where a map lookup hashes every byte, probes and compares ("the", "president" and "said"
// never reach it). The hash reads a word's first and last eight bytes as two integers,
// folded to lower case (ASCII letters; any byte is folded the same way on both sides, so
// other bytes merely make the filter less selective, never wrong).
class WordFilter {
 public:
  static uint64_t Hash(std::string_view word) {
    uint64_t head = 0, tail = 0;
    if (word.size() >= 8) {
      std::memcpy(&head, word.data(), 8);
      std::memcpy(&tail, word.data() + word.size() - 8, 8);
    } else {
      // Byte by byte: a copy of a variable length into an integer stalls the load after it.
      for (size_t k = 0; k < word.size(); ++k) head |= uint64_t{static_cast<unsigned char>(word[k])} << (8 * k);
      tail = head;
    }
    constexpr uint64_t kLower = 0x2020202020202020ULL;
    uint64_t h = ((head | kLower) * 0x9E3779B97F4A7C15ULL) ^ (((tail | kLower) + word.size()) * 0xC2B2AE3D27D4EB4FULL);
    return h ^ (h >> 29);
  }
  void Add(std::string_view word) {
    uint64_t h = Hash(word);
    bits_[(h & 0xFFFF) >> 6] |= uint64_t{1} << (h & 63);
    bits_[(h >> 16 & 0xFFFF) >> 6] |= uint64_t{1} << (h >> 16 & 63);
  }
  bool MayHold(std::string_view word) const {
    uint64_t h = Hash(word);
    return (bits_[(h & 0xFFFF) >> 6] >> (h & 63) & 1) && (bits_[(h >> 16 & 0xFFFF) >> 6] >> (h >> 16 & 63) & 1);
  }

 private:
  std::array<uint64_t, 1024> bits_{};
};

class Lexicon {
 public:
  static const Lexicon& Get();

  const NumberWord* NumberWordFor(std::string_view lower) const;
  // False when `word` (any case) is surely no number word: bit tests, for scans over
  // running text.
  bool MayBeNumberWord(std::string_view word) const { return number_word_filter_.MayHold(word); }
  const ScaleAbbrev* ScaleFor(std::string_view raw) const;
  // Longest unit whose tokens start at token i; nullptr when none. `prefix` selects
  // entries usable before a number, otherwise after.
  const UnitEntry* MatchUnit(const TokenView& tv, size_t i, bool prefix, size_t* length) const;
  // The first unit entry with this canonical name ("pound sterling"); nullptr if none.
  const UnitEntry* UnitNamed(std::string_view canonical) const;
  // Longest qualifier ending just before token `end` (position before) or starting at
  // token `begin` (position after).
  const QualifierEntry* MatchQualifierBefore(const TokenView& tv, size_t end, size_t* length) const;
  const QualifierEntry* MatchQualifierAfter(const TokenView& tv, size_t begin, size_t* length) const;
  const ChangeWord* ChangeFor(std::string_view lower) const;
  // Reporting verb, statement noun or "according to"-like phrase at token i.
  bool IsReportingVerb(std::string_view lower) const;
  bool IsStatementNoun(std::string_view lower) const;
  size_t MatchReportingPrep(const TokenView& tv, size_t i) const;  // tokens matched, 0 if none
  // Concept word at token i (multi-word entries first); `length` gets the tokens used.
  const ConceptWord* MatchConcept(const TokenView& tv, size_t i, size_t* length) const;
  const ConceptWord* ConceptFor(std::string_view lower) const;
  WordClass ClassOf(std::string_view lower) const;
  // Place named at token i ("Ukrainian", "South Korea", "Kyiv"); case-sensitive.
  const Place* MatchPlace(const TokenView& tv, size_t i, size_t* length) const;
  const Place* PlaceFor(std::string_view name) const;
  CueKind CueFor(std::string_view raw) const;
  // British spellings mapped to American ones, for comparing names.
  std::string_view CanonicalSpelling(std::string_view lower) const;
  // Canonical name for a known alias ("UN" -> "United Nations"), empty when unknown.
  std::string_view AliasTarget(std::string_view name) const;
  // Words that carry no narrowing meaning in a counted phrase ("total", "official").
  bool IsGenericModifier(std::string_view lower) const;
  // What a word near a bare "degrees" says it measures: 1 a temperature ("the temperature
  // is 24 degrees"), -1 an angle ("rotate 90 degrees"), 0 nothing.
  int DegreeCue(std::string_view lower) const;
  // Past tense or participle of a common verb ("fought", "battled", "handled"): ends a
  // counted phrase unless the concept lexicon knows it ("killed").
  bool IsPastVerb(std::string_view lower) const;
  // Any inflected form of a listed verb: base, third person ("says"), past, "-ing".
  bool IsVerbForm(std::string_view lower) const;

 private:
  Lexicon();
  void LoadNumbers();
  void LoadUnits();
  void LoadQualifiers();
  void LoadChanges();
  void LoadReporting();
  void LoadConcepts();
  void LoadFunctionWords();
  void LoadPlaces();
  void LoadCues();
  void LoadSpellingAndAliases();
  void LoadVerbs();

  StringSet verb_forms_;
  StringMap<NumberWord> number_words_;
  WordFilter number_word_filter_;
  StringMap<ScaleAbbrev> scales_;
  std::vector<UnitEntry> units_;
  StringMap<std::vector<const UnitEntry*>> units_by_first_;
  std::vector<QualifierEntry> qualifiers_;
  StringMap<std::vector<const QualifierEntry*>> qualifiers_by_last_;
  StringMap<std::vector<const QualifierEntry*>> qualifiers_by_first_;
  StringMap<ChangeWord> changes_;
  StringSet reporting_verbs_;
  StringSet statement_nouns_;
  std::vector<std::vector<std::string>> reporting_preps_;
  StringMap<ConceptWord> concepts_;  // key: words joined by ' '
  size_t concept_max_words_ = 1;
  StringMap<WordClass> word_classes_;
  StringMap<Place> places_;  // key: name as written
  size_t place_max_words_ = 1;
  StringMap<CueKind> cues_;
  StringMap<std::string> spelling_;
  StringMap<std::string> aliases_;
  StringSet generic_modifiers_;
  StringMap<int> degree_cues_;
  StringSet past_verbs_;
};

}  // namespace corroborate::extract

#endif  // CORROBORATE_SRC_EXTRACT_LEXICON_H_
