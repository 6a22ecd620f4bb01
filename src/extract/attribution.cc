#include "extract/attribution.h"

#include "corroborate/base/strings.h"
#include "extract/lexicon.h"
#include "extract/numbers.h"

namespace corroborate::extract {

const char* SourceCueName(SourceCue c) {
  switch (c) {
    case SourceCue::kNone: return "none";
    case SourceCue::kReportingVerb: return "reporting_verb";
    case SourceCue::kAccordingTo: return "according_to";
    case SourceCue::kStatement: return "statement";
    case SourceCue::kQuote: return "quote";
    case SourceCue::kPronoun: return "pronoun";
    case SourceCue::kAnaphora: return "anaphora";
  }
  return "none";
}

namespace {

bool IsPersonPronoun(std::string_view w) { return w == "he" || w == "she"; }
bool IsGroupPronoun(std::string_view w) { return w == "they" || w == "it"; }

}  // namespace

void Attributor::Begin(const TokenView* tv, const std::vector<EntityMention>* entities) {
  tv_ = tv;
  entities_ = entities;
}

const EntityMention* Attributor::EntityEndingBefore(size_t k, size_t floor) const {
  const EntityMention* best = nullptr;
  for (const EntityMention& m : *entities_) {
    if (m.token_end <= k && m.token_begin >= floor) {
      if (!best || m.token_end > best->token_end) best = &m;
    }
  }
  return best;
}

const EntityMention* Attributor::EntityStartingAt(size_t k) const {
  for (const EntityMention& m : *entities_) {
    if (m.token_begin == k) return &m;
  }
  return nullptr;
}

size_t Attributor::ClauseStart(size_t k) const {
  for (size_t i = k; i-- > 0;) {
    if (tv_->IsPunct(i, ';') || tv_->IsPunct(i, ':')) return i + 1;
  }
  return 0;
}

// A reporting word used as a verb: "report" in "a report by" is a noun.
bool Attributor::IsVerbAt(size_t k) const {
  const Lexicon& lex = Lexicon::Get();
  std::string_view w = tv_->Low(k);
  if (!lex.IsReportingVerb(w)) return false;
  if (lex.IsStatementNoun(w)) {
    // Noun when a determiner or adjective-like word precedes and no subject does.
    if (k > 0) {
      WordClass c = lex.ClassOf(tv_->Low(k - 1));
      if (c == WordClass::kDet || tv_->Is(k - 1, "'s")) return false;
      if (tv_->IsNumber(k - 1)) return false;
    }
    // "estimates" after a noun ("CSIS estimates that") is a verb; a plural noun followed by
    // a preposition ("estimates of") is a noun.
    if (tv_->Is(k + 1, "of") || tv_->Is(k + 1, "by") || tv_->Is(k + 1, "from")) return false;
  }
  // Participles used as adjectives before a figure's noun: "reported dead" is handled by
  // concepts, "the reported figure" is a noun phrase.
  if (k > 0 && (tv_->Is(k - 1, "the") || tv_->Is(k - 1, "a"))) return false;
  // Nouns spelled like reporting verbs: "to ninth place", "in second place" (after an
  // ordinal), "set records" (after a verb), "the record was set" (before an auxiliary).
  if (k > 0 && tv_->IsWord(k - 1)) {
    std::string_view prev = tv_->Low(k - 1);
    const NumberWord* nw = lex.NumberWordFor(prev);
    bool ordinal = (nw && (nw->kind == NumberWordKind::kOrdinal || nw->kind == NumberWordKind::kFraction)) ||
                   (k >= 2 && IsOrdinalSuffix(prev) && tv_->IsNumber(k - 2) && tv_->Attached(k - 1));
    if (ordinal) return false;
    if (!tv_->Capitalized(k - 1) && lex.ClassOf(prev) == WordClass::kNone &&
        (lex.IsPastVerb(prev) || lex.IsVerbForm(prev)) && !lex.IsReportingVerb(prev)) {
      return false;  // "set records", "broke records"
    }
  }
  if (k + 1 < tv_->size() && tv_->IsWord(k + 1)) {
    std::string_view next = tv_->Low(k + 1);
    if (next == "was" || next == "were" || next == "is" || next == "are" || next == "has" || next == "had") {
      return false;
    }
  }
  return true;
}

Attribution Attributor::Pronoun(size_t k) const {
  std::string_view w = tv_->Low(k);
  if (IsPersonPronoun(w) && !last_person_.empty()) return {last_person_, SourceCue::kPronoun};
  if (IsGroupPronoun(w) && !last_source_.empty()) return {last_source_, SourceCue::kPronoun};
  return {};
}

// The object of "according to" / "by" / "from" at token k.
Attribution Attributor::AfterPrep(size_t k) const {
  size_t j = k;
  if (tv_->Is(j, "the")) ++j;
  if (const EntityMention* m = EntityStartingAt(j)) {
    if (m->type != EntityType::kPlace || !tv_->IsWord(m->token_end) ||
        tv_->Low(m->token_end) == "and") {
      return {m->name, SourceCue::kStatement};
    }
  }
  // "the same study", "the report": the last named source.
  size_t e = j;
  while (e < tv_->size() && tv_->IsWord(e) && e < j + 6 &&
         Lexicon::Get().ClassOf(tv_->Low(e)) == WordClass::kNone &&
         !Lexicon::Get().IsReportingVerb(tv_->Low(e))) {
    ++e;
  }
  bool anaphoric = false;
  for (size_t i = j; i < e; ++i) {
    std::string_view w = tv_->Low(i);
    if (w == "same" || (tv_->Is(k, "the") && Lexicon::Get().IsStatementNoun(w))) anaphoric = true;
  }
  if (anaphoric && !last_source_.empty()) return {last_source_, SourceCue::kAnaphora};
  // A lower-case source: "from British defense intelligence".
  if (e > j && e - j <= 5) {
    bool has_name = false;
    for (size_t i = j; i < e; ++i) has_name = has_name || tv_->Capitalized(i);
    if (has_name) return {std::string(tv_->TextOf(j, e)), SourceCue::kStatement};
  }
  return {};
}

// "erroneously reported", "repeatedly said": a lower-case word in -ly before a verb is
// an adverb, never the subject.
bool Attributor::Adverb(size_t k) const {
  std::string_view w = tv_->Low(k);
  return w.size() > 4 && EndsWith(w, "ly") && !tv_->Capitalized(k) && w != "family" && w != "ally" && w != "italy";
}

Attribution Attributor::SubjectOf(size_t verb, size_t floor) const {
  const Lexicon& lex = Lexicon::Get();
  // A passive reporting verb's subject is what was reported, not who reported it: "94,000
  // people have been confirmed dead" names no source; "... confirmed dead by the ministry"
  // names it after "by".
  {
    size_t k = verb;
    while (k > floor && (Adverb(k - 1) || lex.ClassOf(tv_->Low(k - 1)) == WordClass::kAdv)) --k;
    if (k > floor) {
      std::string_view aux = tv_->Low(k - 1);
      if (aux == "been" || aux == "be" || aux == "being" || aux == "was" || aux == "were" || aux == "is" ||
          aux == "are") {
        for (size_t j = verb + 1; j < tv_->size() && j <= verb + 8; ++j) {
          if (tv_->IsPunct(j, ',') || tv_->IsPunct(j, ';')) break;
          if (tv_->Is(j, "by")) return AfterPrep(j + 1);
        }
        return {};
      }
    }
  }
  // "a report released last month by X indicated", "an estimate from X placed"
  bool statement = false;
  for (size_t i = floor; i < verb; ++i) {
    if (lex.IsStatementNoun(tv_->Low(i))) statement = true;
  }
  if (statement) {
    for (size_t i = verb; i-- > floor;) {
      if (tv_->Is(i, "by") || tv_->Is(i, "from")) {
        Attribution a = AfterPrep(i + 1);
        if (!a.source.empty()) return a;
      }
      // "X's estimate"
      if (tv_->Is(i, "'s") && lex.IsStatementNoun(tv_->Low(std::min(i + 3, verb - 1)))) {
        if (const EntityMention* m = EntityEndingBefore(i + 1, floor)) {
          if (m->token_end == i) return {m->name, SourceCue::kStatement};
        }
      }
    }
  }
  // A pronoun subject right before the verb, possibly with auxiliaries between.
  size_t k = verb;
  while (k > floor) {
    --k;
    WordClass c = lex.ClassOf(tv_->Low(k));
    if (c == WordClass::kAux || c == WordClass::kAdv || c == WordClass::kNeg || Adverb(k)) continue;
    if (c == WordClass::kPron) {
      Attribution a = Pronoun(k);
      if (!a.source.empty()) return a;
    }
    break;
  }
  // ", calling ...", ", adding that ...": a participle after a comma takes the subject of
  // the main clause, the first person or organisation (or pronoun) of the clause.
  std::string_view v = tv_->Low(verb);
  if (verb > floor + 1 && EndsWith(v, "ing") && tv_->IsPunct(verb - 1, ',')) {
    if (lex.ClassOf(tv_->Low(floor)) == WordClass::kPron) {
      Attribution a = Pronoun(floor);
      if (!a.source.empty()) return a;
    }
    for (const EntityMention& m : *entities_) {
      if (m.token_begin >= floor && m.token_end <= verb &&
          (m.type == EntityType::kPerson || m.type == EntityType::kOrganization)) {
        return {m.name, SourceCue::kReportingVerb};
      }
    }
  }
  const EntityMention* m = EntityEndingBefore(verb, floor);
  // The words right before the verb: "the Port Alder fire department said" is the fire
  // department, not Port Alder; "the city fire department said" names no entity at all.
  Attribution np = SubjectPhrase(verb, floor, m);
  if (!np.source.empty()) return np;
  if (m) {
    // "the Ukrainian president claiming": a demonym before a title names a person.
    if (m->type == EntityType::kPlace && tv_->IsWord(m->token_end) &&
        lex.CueFor(tv_->Raw(m->token_end)) == CueKind::kTitle) {
      for (size_t i = entities_->size(); i-- > 0;) {
        const EntityMention& p = (*entities_)[i];
        if (p.type == EntityType::kPerson && p.token_end <= m->token_begin) {
          return {p.name, SourceCue::kPronoun};
        }
      }
      if (!last_person_.empty()) return {last_person_, SourceCue::kPronoun};
      return {};
    }
    return {m->name, SourceCue::kReportingVerb};
  }
  return {};
}

Attribution Attributor::SubjectPhrase(size_t verb, size_t floor, const EntityMention* entity) const {
  const Lexicon& lex = Lexicon::Get();
  size_t end = verb;
  while (end > floor) {
    WordClass c = lex.ClassOf(tv_->Low(end - 1));
    if (c == WordClass::kAux || c == WordClass::kAdv || c == WordClass::kNeg || Adverb(end - 1)) {
      --end;
      continue;
    }
    break;
  }
  // The head must be a lower-case content word: otherwise the entity itself is the subject.
  // A word capitalised only because it opens the sentence ("Police said ...") and not part
  // of a name is lower-case for this.
  bool opens_sentence = end > floor && (end - 1 == 0 || (end - 1 == 1 && tv_->IsPunct(0, '"'))) &&
                        !(entity && entity->token_end == end);
  if (end == floor || !tv_->IsWord(end - 1) || (tv_->Capitalized(end - 1) && !opens_sentence) ||
      lex.ClassOf(tv_->Low(end - 1)) != WordClass::kNone) {
    return {};
  }
  // Heads that are not sources: a title ("the Ukrainian president" is a person, resolved
  // by the caller), a statement ("a report from earlier this year" names nobody), a time.
  std::string_view head = tv_->Low(end - 1);
  static const char* kTimeWords[] = {"year", "years", "month", "months", "week", "weeks", "day", "days",
                                     "today", "yesterday", "night", "morning", "evening", "weekend",
                                     "decade", "time", "ago"};
  for (const char* t : kTimeWords) {
    if (head == t) return {};
  }
  if (lex.IsStatementNoun(head)) return {};
  bool title_head = lex.CueFor(tv_->Raw(end - 1)) == CueKind::kTitle;
  if (title_head) {
    // "the Ukrainian president claiming", after the president was named in the sentence:
    // the caller resolves it to that person.
    for (const EntityMention& m : *entities_) {
      if (m.type == EntityType::kPerson && m.token_end <= floor + (end - floor) && m.token_end < end) return {};
    }
  }
  size_t begin = end;
  while (begin > floor && begin + 5 > end && tv_->IsWord(begin - 1) &&
         lex.ClassOf(tv_->Low(begin - 1)) == WordClass::kNone && !lex.IsReportingVerb(tv_->Low(begin - 1)) &&
         tv_->Low(begin - 1) != "'s" && !lex.NumberWordFor(tv_->Low(begin - 1))) {
    --begin;
  }
  // Only a phrase that ends at the verb and, when it contains the entity, extends it.
  if (entity && entity->token_end > begin && entity->token_begin < begin) begin = entity->token_begin;
  if (begin == end) return {};
  bool named = false;
  for (size_t i = begin; i < end && !title_head; ++i) {
    if (tv_->Capitalized(i) && i > 0) named = true;  // a title-headed phrase is a description
  }
  return {std::string(tv_->TextOf(begin, end)), SourceCue::kReportingVerb, named};
}

Attribution Attributor::ForFigure(size_t b, size_t e) const {
  const Lexicon& lex = Lexicon::Get();
  size_t floor = ClauseStart(b);
  // Backwards: the nearest cue before the figure.
  for (size_t k = b; k-- > floor;) {
    if (size_t len = lex.MatchReportingPrep(*tv_, k); len > 0 && k + len <= b) {
      Attribution a = AfterPrep(k + len);
      if (!a.source.empty()) {
        a.cue = a.cue == SourceCue::kAnaphora ? a.cue : SourceCue::kAccordingTo;
        return a;
      }
    }
    if (tv_->IsWord(k) && IsVerbAt(k)) {
      Attribution a = SubjectOf(k, floor);
      if (!a.source.empty()) return a;
    }
    // "Zelensky's February 2025 statement that over 46,000 ..."
    if (tv_->IsWord(k) && lex.IsStatementNoun(tv_->Low(k))) {
      for (size_t i = k; i-- > floor && k - i <= 4;) {
        if (tv_->Is(i, "'s")) {
          if (const EntityMention* m = EntityEndingBefore(i + 1, floor); m && m->token_end == i) {
            return {m->name, SourceCue::kStatement};
          }
        }
      }
      if (tv_->Is(k + 1, "by") || tv_->Is(k + 1, "from")) {
        Attribution a = AfterPrep(k + 2);
        if (!a.source.empty()) return a;
      }
    }
  }
  // Forwards: ", X said", ", said X", ", according to X", ", he said".
  for (size_t k = e; k < tv_->size(); ++k) {
    if (tv_->IsPunct(k, ';')) break;
    if (size_t len = lex.MatchReportingPrep(*tv_, k)) {
      Attribution a = AfterPrep(k + len);
      if (!a.source.empty()) {
        a.cue = a.cue == SourceCue::kAnaphora ? a.cue : SourceCue::kAccordingTo;
        return a;
      }
    }
    if (!tv_->IsWord(k) || !lex.IsReportingVerb(tv_->Low(k))) continue;
    std::string_view w = tv_->Low(k);
    bool speech = w == "said" || w == "says" || w == "say" || w == "told" || w == "added" ||
                  w == "stated" || w == "estimated" || w == "reported" || w == "claimed" ||
                  w == "announced" || w == "confirmed" || w == "wrote" || w == "noted";
    if (!speech) continue;
    // "said X" / "said the ministry"
    if (const EntityMention* m = EntityStartingAt(k + 1)) return {m->name, SourceCue::kReportingVerb};
    if (tv_->Is(k + 1, "the")) {
      if (const EntityMention* m = EntityStartingAt(k + 2)) return {m->name, SourceCue::kReportingVerb};
    }
    // "X said" / "X has said" / "he said", after the figure's clause.
    size_t sub_floor = e;
    for (size_t i = k; i-- > e;) {
      if (tv_->IsPunct(i, ',')) {
        sub_floor = i + 1;
        break;
      }
    }
    Attribution a = SubjectOf(k, sub_floor);
    if (!a.source.empty()) return a;
  }
  return {};
}

Attribution Attributor::ForQuote(size_t open, size_t close) const {
  const Lexicon& lex = Lexicon::Get();
  // After: "...," Zelenskyy stated / "...," he said / "...," said X
  size_t k = close + 1;
  if (tv_->IsPunct(k, ',')) ++k;
  for (size_t i = k; i < tv_->size() && i < k + 6; ++i) {
    if (tv_->IsWord(i) && lex.IsReportingVerb(tv_->Low(i))) {
      if (const EntityMention* m = EntityStartingAt(i + 1)) return {m->name, SourceCue::kQuote};
      Attribution a = SubjectOf(i, k);
      if (!a.source.empty()) {
        a.cue = a.cue == SourceCue::kPronoun ? a.cue : SourceCue::kQuote;
        return a;
      }
    }
  }
  // Before: X said: "..." / X said that "..." / X called it "..."
  size_t floor = ClauseStart(open);
  for (size_t i = open; i-- > floor && open - i <= 8;) {
    if (tv_->IsWord(i) && (lex.IsReportingVerb(tv_->Low(i)) || tv_->Is(i, "calling") ||
                           tv_->Is(i, "called"))) {
      Attribution a = SubjectOf(i, floor);
      if (!a.source.empty()) {
        a.cue = a.cue == SourceCue::kPronoun ? a.cue : SourceCue::kQuote;
        return a;
      }
    }
  }
  return {};
}

void Attributor::End(const std::vector<Attribution>& found) {
  // The last person named in the sentence becomes the referent of "he"/"she".
  if (entities_) {
    for (const EntityMention& m : *entities_) {
      if (m.type == EntityType::kPerson) last_person_ = m.name;
    }
  }
  for (const Attribution& a : found) {
    if (!a.source.empty() && a.cue != SourceCue::kPronoun) last_source_ = a.source;
  }
}

}  // namespace corroborate::extract
