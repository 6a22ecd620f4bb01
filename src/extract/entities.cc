#include "corroborate/extract/entities.h"

#include <algorithm>
#include <map>

#include "corroborate/base/date.h"
#include "corroborate/base/strings.h"
#include "corroborate/text/tokenize.h"
#include "extract/lexicon.h"
#include "extract/token_view.h"

namespace corroborate::extract {

const char* EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrganization: return "organization";
    case EntityType::kPlace: return "place";
    case EntityType::kOther: return "other";
  }
  return "other";
}

namespace {

bool IsConnector(std::string_view lower) {
  return lower == "of" || lower == "for" || lower == "and" || lower == "de" || lower == "del" ||
         lower == "da" || lower == "di" || lower == "du" || lower == "la" || lower == "le" ||
         lower == "van" || lower == "von" || lower == "der" || lower == "bin" || lower == "al" ||
         lower == "in" || lower == "on" || lower == "the" || lower == "&";
}

bool AllCapsToken(const TokenView& tv, size_t i) {
  return tv.IsWord(i) && (tv.toks[i].is(text::kAllCaps) || tv.toks[i].is(text::kDotted));
}

bool NameToken(const TokenView& tv, size_t i) {
  return tv.IsWord(i) && (tv.Capitalized(i) || AllCapsToken(tv, i)) && tv.Low(i) != "'s";
}

bool CalendarWord(const TokenView& tv, size_t i) {
  return tv.IsWord(i) && (MonthFromName(tv.Raw(i)) != 0 || WeekdayFromName(tv.Raw(i)) >= 0) &&
         tv.Raw(i).size() > 3;
}

class EntityFinder {
 public:
  EntityFinder(const TokenView& tv, const std::unordered_set<std::string>* known, bool headline)
      : tv_(tv), lex_(Lexicon::Get()), known_(known), headline_(headline) {}

  std::vector<EntityMention> Run() {
    std::vector<EntityMention> out;
    bool headline = headline_;
    size_t i = 0;
    while (i < tv_.size()) {
      if (!NameToken(tv_, i)) {
        ++i;
        continue;
      }
      size_t end = Extend(i);
      if (headline) {
        // In title-case headlines capitals mean nothing: keep only known places and names.
        for (size_t k = i; k < end; ++k) {
          size_t len = 0;
          if (lex_.MatchPlace(tv_, k, &len) || (known_ && known_->count(std::string(tv_.Raw(k))))) {
            EmitRange(k, k + std::max<size_t>(len, 1), false, &out);
            if (len > 1) k += len - 1;
          }
        }
      } else {
        Split(i, end, &out);
      }
      i = std::max(end, resume_);
    }
    return out;
  }

 private:
  bool HasOrgCue(size_t b, size_t e) const {
    for (size_t k = b; k < e; ++k) {
      CueKind c = lex_.CueFor(tv_.Raw(k));
      if (c == CueKind::kOrg || c == CueKind::kMedia || c == CueKind::kOrgName) return true;
    }
    return false;
  }

  // The run of name tokens starting at i, with connectors inside organisation names
  // ("Centre for Strategic and International Studies", "Mission in Ukraine").
  size_t Extend(size_t i) const {
    size_t end = i + 1;
    while (end < tv_.size()) {
      // "NBC in February", "TV on Wednesday": dates end a name.
      if (CalendarWord(tv_, end)) break;
      if (NameToken(tv_, end)) {
        ++end;
        continue;
      }
      if (tv_.IsPunct(end, '-') && tv_.Attached(end) && NameToken(tv_, end + 1) && tv_.Attached(end + 1)) {
        end += 2;  // "Al-Assad"
        continue;
      }
      if (tv_.IsWord(end) && IsConnector(tv_.Low(end)) && NameToken(tv_, end + 1) &&
          !CalendarWord(tv_, end + 1)) {
        std::string_view c = tv_.Low(end);
        bool org_so_far = HasOrgCue(i, end);
        // Particles inside personal names: "Luiz Inacio Lula da Silva", "Ludwig van Beethoven".
        bool particle = c == "da" || c == "de" || c == "del" || c == "di" || c == "du" ||
                        c == "van" || c == "von" || c == "der" || c == "bin" || c == "al" ||
                        c == "la" || c == "le";
        if (particle && !org_so_far) {
          end += 2;
          continue;
        }
        if (!org_so_far) break;
        if (c == "and") {
          // "Strategic and International Studies": what follows must continue the name.
          size_t k = end + 1;
          size_t run = 0;
          while (NameToken(tv_, k)) {
            ++k;
            ++run;
          }
          if (run < 2 && !HasOrgCue(end + 1, k)) break;
        }
        end += 2;
        continue;
      }
      break;
    }
    return end;
  }

  // Splits a run at titles ("Ukrainian President Volodymyr Zelenskyy") and emits parts.
  void Split(size_t b, size_t e, std::vector<EntityMention>* out) {
    // A leading place or demonym followed by more names is its own entity ("Ukrainian
    // President ...", "U.S. President ...", "Russian Defense Ministry" stays whole).
    bool org = HasOrgCue(b, e);
    size_t first_title = e, last_title = e;
    for (size_t k = b; k < e; ++k) {
      if (lex_.CueFor(tv_.Raw(k)) == CueKind::kTitle) {
        if (first_title == e) first_title = k;
        last_title = k;
      }
    }
    if (first_title != e && !HasOrgCue(last_title + 1, e)) {
      if (first_title > b) EmitRange(b, first_title, false, out);
      if (last_title + 1 < e) EmitRange(last_title + 1, e, true, out);
      return;
    }
    if (!org && e - b >= 2) {
      size_t len = 0;
      if (lex_.MatchPlace(tv_, b, &len) && b + len < e && lex_.PlaceFor(tv_.TextOf(b, e)) == nullptr) {
        EmitRange(b, b + len, false, out);
        EmitRange(b + len, e, false, out);
        return;
      }
    }
    EmitRange(b, e, false, out);
  }

  bool HasCue(size_t b, size_t e, CueKind kind) const {
    for (size_t k = b; k < e; ++k) {
      if (lex_.CueFor(tv_.Raw(k)) == kind) return true;
    }
    return false;
  }

  bool TitledBefore(size_t b) const {
    // "President X", "spokesperson X", "commander, X", "Ukraine's top negotiator, X"
    size_t k = b;
    int steps = 0;
    while (k > 0 && steps < 3) {
      --k;
      ++steps;
      if (tv_.IsPunct(k, ',')) continue;
      if (tv_.IsWord(k) && lex_.CueFor(tv_.Raw(k)) == CueKind::kTitle) return true;
      if (!tv_.IsWord(k)) return false;
    }
    return false;
  }

  void EmitRange(size_t b, size_t e, bool titled, std::vector<EntityMention>* out) {
    // Drop leading words that never start a name ("The", "While", "Both") and stray
    // punctuation ("-Ukraine" after splitting "Russia-Ukraine").
    while (b < e && (!tv_.IsWord(b) || (lex_.CueFor(tv_.Raw(b)) == CueKind::kNotName && e - b > 1))) ++b;
    // Trailing connectors and punctuation never end a name.
    while (e > b && (!tv_.IsWord(e - 1) || IsConnector(tv_.Low(e - 1)))) --e;
    if (b >= e) return;
    std::string name(tv_.TextOf(b, e));
    size_t n = 0;
    for (size_t k = b; k < e; ++k) n += tv_.IsWord(k) ? 1 : 0;
    CueKind cue = lex_.CueFor(name);
    if (n == 1) {
      if (cue == CueKind::kNotName || cue == CueKind::kTitle) return;
      // A lone cue word is not a name ("TV", "Ministry").
      if ((cue == CueKind::kOrg || cue == CueKind::kMedia) && !AllCapsToken(tv_, b)) return;
      if (cue == CueKind::kMedia && name.size() <= 2) return;
    }
    // All-not_name runs ("The", "In The") are not names.
    bool only_not_names = true;
    for (size_t k = b; k < e; ++k) {
      if (tv_.IsWord(k) && lex_.CueFor(tv_.Raw(k)) != CueKind::kNotName) only_not_names = false;
    }
    if (only_not_names) return;
    size_t plen = 0;
    const Place* place = lex_.PlaceFor(name);
    if (!place && n == 1) place = lex_.MatchPlace(tv_, b, &plen);
    // A sentence-initial capitalised word is only a name if the article capitalises it
    // elsewhere, or the lexicon knows it.
    bool initial = b == 0 || (b == 1 && !tv_.IsWord(0));
    // ... or it is the subject of a reporting verb: "Peskov said", "Zelenskyy stressed".
    bool reports = tv_.IsWord(e) && lex_.IsReportingVerb(tv_.Low(e));
    if (initial && n == 1 && !place && cue == CueKind::kNone && !AllCapsToken(tv_, b) &&
        !(known_ && known_->count(name)) && !reports) {
      return;
    }
    EntityMention m;
    m.span = tv_.SpanOf(b, e);
    m.name = name;
    m.token_begin = static_cast<uint32_t>(b);
    m.token_end = static_cast<uint32_t>(e);
    m.titled = titled || TitledBefore(b);
    if (place && !HasOrgCue(b, e)) {
      m.type = EntityType::kPlace;
    } else if (HasOrgCue(b, e) || cue == CueKind::kOrgName || cue == CueKind::kMedia ||
               (n == 1 && AllCapsToken(tv_, b))) {
      m.type = EntityType::kOrganization;
    } else if (m.titled || (n >= 2 && n <= 4 && !AllCapsToken(tv_, b) && !HasCue(b, e, CueKind::kNotPerson)) ||
               (n == 1 && tv_.IsWord(e) && lex_.IsReportingVerb(tv_.Low(e)) && !AllCapsToken(tv_, b))) {
      m.type = EntityType::kPerson;
    } else {
      m.type = EntityType::kOther;
    }
    // "Centre for Strategic and International Studies (CSIS)" defines CSIS.
    if (tv_.IsPunct(e, '(') && AllCapsToken(tv_, e + 1) && tv_.IsPunct(e + 2, ')') && n >= 2) {
      m.defines = std::string(tv_.Raw(e + 1));
      EntityMention acr;
      acr.span = tv_.SpanOf(e + 1, e + 2);
      acr.name = m.defines;
      acr.type = EntityType::kOrganization;
      acr.token_begin = static_cast<uint32_t>(e + 1);
      acr.token_end = static_cast<uint32_t>(e + 2);
      out->push_back(m);
      out->push_back(acr);
      resume_ = e + 3;  // past "(CSIS)"
      return;
    }
    out->push_back(std::move(m));
  }

  const TokenView& tv_;
  const Lexicon& lex_;
  const std::unordered_set<std::string>* known_;
  bool headline_;
  size_t resume_ = 0;
};

std::string Initials(std::string_view name) {
  std::string out;
  for (std::string_view w : SplitWhitespace(name)) {
    std::string l = AsciiLowerCopy(w);
    if (l == "of" || l == "for" || l == "and" || l == "the" || l == "in" || l == "on" || l == "&") {
      continue;
    }
    if (!w.empty() && IsAsciiUpper(w[0])) out.push_back(w[0]);
  }
  return out;
}

}  // namespace

std::vector<EntityMention> ExtractEntities(std::string_view text, Span sentence,
                                           const std::unordered_set<std::string>* known,
                                           bool headline) {
  TokenView tv(text, sentence);
  return EntityFinder(tv, known, headline).Run();
}

std::string NameKey(std::string_view name) {
  const Lexicon& lex = Lexicon::Get();
  std::string out;
  for (const text::Token& t : text::Tokenize(name)) {
    if (t.kind != text::TokenKind::kWord && t.kind != text::TokenKind::kNumber) continue;
    std::string w = text::Fold(t.Of(name));
    if (w == "the" || w == "'s") continue;
    // "U.S." and "US" are one key.
    w.erase(std::remove(w.begin(), w.end(), '.'), w.end());
    if (!out.empty()) out += ' ';
    out += std::string(lex.CanonicalSpelling(w));
  }
  return out;
}

std::string SurnameKey(std::string_view surname) {
  std::string w = text::Fold(surname);
  // Collapse doubled letters: "Zelenskyy" -> "zelensky".
  std::string c;
  for (char ch : w) {
    if (c.empty() || c.back() != ch) c.push_back(ch);
  }
  // Transliteration endings: -iy, -yi, -ij, -ii, -i all read as -y.
  auto ends = [&](std::string_view s) { return EndsWith(c, s); };
  if (ends("iy") || ends("yi") || ends("ij")) {
    c.resize(c.size() - 2);
    c += 'y';
  } else if (c.size() > 3 && ends("i")) {
    c.back() = 'y';
  }
  return c;
}

void EntityResolver::Add(const EntityMention& m) {
  // Demonyms and metonyms of a country are the country: "Ukrainian", "Kyiv" -> Ukraine.
  std::string key = NameKey(m.name);
  std::string display = m.name;
  if (m.type == EntityType::kPlace) {
    if (const Place* p = Lexicon::Get().PlaceFor(m.name); p && p->kind == "country") {
      key = NameKey(p->canonical);
      display = p->canonical;
    }
  }
  if (key.empty()) return;
  auto it = by_key_.find(key);
  int idx;
  if (it == by_key_.end()) {
    idx = static_cast<int>(surfaces_.size());
    Surface s;
    s.name = display;
    s.key = key;
    s.first_seen = static_cast<uint32_t>(surfaces_.size());
    surfaces_.push_back(s);
    by_key_[key] = idx;
  } else {
    idx = it->second;
  }
  Surface& s = surfaces_[idx];
  if (m.name != s.name && std::find(s.forms.begin(), s.forms.end(), m.name) == s.forms.end()) {
    s.forms.push_back(m.name);
  }
  ++s.count;
  if (m.type == EntityType::kPerson) ++s.person_votes;
  if (m.type == EntityType::kOrganization) ++s.org_votes;
  if (m.type == EntityType::kPlace) ++s.place_votes;
  if (!m.defines.empty()) acronyms_.emplace_back(NameKey(m.defines), key);
  resolved_ = false;
}

int EntityResolver::Root(int i) const {
  while (parent_[i] != i) {
    parent_[i] = parent_[parent_[i]];
    i = parent_[i];
  }
  return i;
}

void EntityResolver::Union(int a, int b) {
  a = Root(a);
  b = Root(b);
  if (a == b) return;
  if (b < a) std::swap(a, b);
  parent_[b] = a;
}

void EntityResolver::Resolve() {
  const Lexicon& lex = Lexicon::Get();
  const int n = static_cast<int>(surfaces_.size());
  parent_.resize(n);
  for (int i = 0; i < n; ++i) parent_[i] = i;
  auto find_key = [&](const std::string& k) {
    auto it = by_key_.find(k);
    return it == by_key_.end() ? -1 : it->second;
  };
  // Alias table and acronyms defined in text.
  for (int i = 0; i < n; ++i) {
    std::string_view target = lex.AliasTarget(surfaces_[i].name);
    if (!target.empty()) {
      int j = find_key(NameKey(target));
      if (j >= 0) Union(i, j);
    }
  }
  for (const auto& [acr, long_key] : acronyms_) {
    int a = find_key(acr), b = find_key(long_key);
    if (a >= 0 && b >= 0) Union(a, b);
  }
  // Acronyms matching the initials of a longer organisation name.
  for (int i = 0; i < n; ++i) {
    const Surface& s = surfaces_[i];
    bool acronym = s.name.size() >= 2 && s.name.size() <= 6;
    for (char c : s.name) {
      if (!IsAsciiUpper(c)) acronym = false;
    }
    if (!acronym) continue;
    for (int j = 0; j < n; ++j) {
      if (j != i && SplitWhitespace(surfaces_[j].name).size() >= 2 && Initials(surfaces_[j].name) == s.name) {
        Union(i, j);
      }
    }
  }
  // People: full names sharing a surname (by transliteration key) and a compatible first
  // name; a lone surname joins the only full name with that surname.
  std::map<std::string, std::vector<int>> by_surname;
  for (int i = 0; i < n; ++i) {
    const Surface& s = surfaces_[i];
    if (s.org_votes > s.person_votes || s.place_votes > 0) continue;
    auto words = SplitWhitespace(s.name);
    if (words.empty() || words.size() > 4) continue;
    by_surname[SurnameKey(words.back())].push_back(i);
  }
  for (auto& [sur, ids] : by_surname) {
    std::vector<int> full, single;
    for (int i : ids) {
      (SplitWhitespace(surfaces_[i].name).size() >= 2 ? full : single).push_back(i);
    }
    // Full names with the same first name (or an initial) are one person.
    for (size_t a = 0; a < full.size(); ++a) {
      for (size_t b = a + 1; b < full.size(); ++b) {
        std::string fa = text::Fold(SplitWhitespace(surfaces_[full[a]].name)[0]);
        std::string fb = text::Fold(SplitWhitespace(surfaces_[full[b]].name)[0]);
        bool initial = (fa.size() <= 2 || fb.size() <= 2) && fa[0] == fb[0];
        if (fa == fb || initial) Union(full[a], full[b]);
      }
    }
    std::vector<int> roots;
    for (int f : full) {
      int r = Root(f);
      if (std::find(roots.begin(), roots.end(), r) == roots.end()) roots.push_back(r);
    }
    if (roots.size() == 1) {
      for (int s : single) Union(s, roots[0]);
    } else if (roots.empty()) {
      for (size_t k = 1; k < single.size(); ++k) Union(single[0], single[k]);
    }
  }
  // Build entities.
  std::map<int, std::vector<int>> groups;
  for (int i = 0; i < n; ++i) groups[Root(i)].push_back(i);
  entities_.clear();
  entity_by_key_.clear();
  entity_keys_.clear();
  for (auto& [root, members] : groups) {
    Entity e;
    uint32_t pv = 0, ov = 0, lv = 0;
    const Surface* best = nullptr;
    for (int i : members) {
      const Surface& s = surfaces_[i];
      e.mentions += s.count;
      pv += s.person_votes;
      ov += s.org_votes;
      lv += s.place_votes;
      // Canonical: the name with most words, then most mentions, then first seen.
      auto better = [&](const Surface& a, const Surface& b) {
        size_t wa = SplitWhitespace(a.name).size(), wb = SplitWhitespace(b.name).size();
        if (wa != wb) return wa > wb;
        if (a.count != b.count) return a.count > b.count;
        return a.first_seen < b.first_seen;
      };
      if (!best || better(s, *best)) best = &s;
    }
    e.name = best->name;
    e.type = lv > pv && lv > ov ? EntityType::kPlace
             : ov > pv          ? EntityType::kOrganization
             : pv > 0           ? EntityType::kPerson
                                : EntityType::kOther;
    for (int i : members) {
      if (surfaces_[i].name != e.name) e.aliases.push_back(surfaces_[i].name);
      for (const std::string& f : surfaces_[i].forms) {
        if (f != e.name) e.aliases.push_back(f);
      }
    }
    std::sort(e.aliases.begin(), e.aliases.end());
    e.aliases.erase(std::unique(e.aliases.begin(), e.aliases.end()), e.aliases.end());
    int id = static_cast<int>(entities_.size());
    for (int i : members) entity_by_key_[surfaces_[i].key] = id;
    entity_keys_.push_back(NameKey(e.name));
    entities_.push_back(std::move(e));
  }
  resolved_ = true;
}

int EntityResolver::Find(std::string_view name) const {
  std::string key = NameKey(name);
  auto it = entity_by_key_.find(key);
  if (it != entity_by_key_.end()) return it->second;
  const Lexicon& lex = Lexicon::Get();
  std::string_view target = lex.AliasTarget(name);
  if (!target.empty()) {
    it = entity_by_key_.find(NameKey(target));
    if (it != entity_by_key_.end()) return it->second;
  }
  // A surname alone: the one person entity whose name ends with it.
  auto words = SplitWhitespace(name);
  if (words.size() == 1) {
    std::string sk = SurnameKey(words[0]);
    int found = -1;
    for (size_t i = 0; i < entities_.size(); ++i) {
      if (entities_[i].type != EntityType::kPerson) continue;
      auto ew = SplitWhitespace(entities_[i].name);
      if (!ew.empty() && SurnameKey(ew.back()) == sk) {
        if (found >= 0) return -1;  // ambiguous
        found = static_cast<int>(i);
      }
    }
    return found;
  }
  return -1;
}

bool EntityResolver::Related(int a, int b) const {
  if (a < 0 || b < 0) return false;
  if (a == b) return true;
  const std::string& ka = entity_keys_[a];
  const std::string& kb = entity_keys_[b];
  const std::string& shorter = ka.size() < kb.size() ? ka : kb;
  const std::string& longer = ka.size() < kb.size() ? kb : ka;
  if (SplitWhitespace(shorter).size() < 2) return false;
  return StartsWith(longer, shorter) && longer.size() > shorter.size() && longer[shorter.size()] == ' ';
}

}  // namespace corroborate::extract
