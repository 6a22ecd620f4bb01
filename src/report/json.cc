// The JSON report (schema corroborate.report/1). Field order is fixed so that the same
// input gives byte-identical output.
#include <nlohmann/json.hpp>

#include <cmath>

#include "corroborate/clean/clean.h"
#include "corroborate/extract/quantity.h"
#include "corroborate/report/report.h"
#include "report/format.h"
#include "report/spool.h"

namespace corroborate::report {
namespace {

using Json = nlohmann::ordered_json;

// Integral values print as integers ("55000", not "55000.0"); open bounds as null.
Json Number(double v) {
  if (std::isnan(v) || std::isinf(v)) return nullptr;
  if (v == std::floor(v) && std::fabs(v) < 9e15) return static_cast<int64_t>(v);
  return v;
}

Json OptString(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }
Json OptString(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
Json OptDate(const std::optional<Date>& d) { return d ? Json(d->ToIso()) : Json(nullptr); }

Json ArticleJson(const StoryView& s, size_t k) {
  const compare::StoryArticle& a = s.articles[k];
  const std::string& story_id = s.id;
  const ingest::Article& art = *a.article;
  Json j;
  j["id"] = art.id;
  j["source"] = OptString(art.source);
  j["title"] = OptString(art.title);
  j["published"] = OptString(art.published);
  j["url"] = OptString(art.url);
  j["input"] = art.input;
  j["line"] = art.line ? Json(*art.line) : Json(nullptr);
  j["story"] = story_id;
  bool dup = k < s.duplicate_of.size() && !s.duplicate_of[k].empty();
  j["duplicate_of"] = dup ? Json(s.duplicate_of[k]) : Json(nullptr);
  if (dup) j["duplicate_jaccard"] = std::round(s.duplicate_jaccard[k] * 1000) / 1000;
  Json kept = Json::array(), removed = Json::array();
  for (const clean::Block& b : *a.blocks) {
    Span o = a.doc->ToOriginal(b.span);
    Json span;
    span["start"] = o.begin;
    span["end"] = o.end;
    if (b.kept()) {
      if (b.role != clean::Role::kBody) span["role"] = clean::RoleName(b.role);
      kept.push_back(span);
    } else {
      span["reason"] = clean::RemovalName(b.removal);
      span["detail"] = b.detail;
      removed.push_back(span);
    }
  }
  j["kept"] = std::move(kept);
  j["removed"] = std::move(removed);
  Json pasted = Json::array();
  if (k < s.pasted.size()) {
    for (const compare::PastedParagraph& p : s.pasted[k]) {
      Json pj;
      pj["start"] = p.span.begin;
      pj["end"] = p.span.end;
      pj["from"] = p.from;
      pj["from_story"] = p.from_story;
      pj["from_start"] = p.from_span.begin;
      pj["from_end"] = p.from_span.end;
      pj["jaccard"] = p.jaccard;
      pasted.push_back(std::move(pj));
    }
  }
  j["pasted"] = std::move(pasted);
  return j;
}

Json MentionJson(const StoryView& s, const SourceNames& names, const compare::MentionRef& r) {
  const compare::StoryArticle& a = s.articles[r.article];
  const extract::Mention& m = a.extraction->mentions[r.mention];
  const extract::Quantity& q = m.quantity;
  Span o = a.doc->ToOriginal(q.span);
  Json j;
  j["article"] = a.article->id;
  j["start"] = o.begin;
  j["end"] = o.end;
  j["text"] = std::string(o.Of(a.article->text));
  j["low"] = Number(q.low);
  j["high"] = Number(q.high);
  j["qualifier"] = extract::QualifierName(q.qualifier);
  j["unit"] = OptString(q.normalized_unit);
  j["counted"] = OptString(q.counted.text);
  j["attributed_to"] = OptString(names.Canonical(m.source));
  j["as_of"] = OptDate(m.as_of);
  j["change"] = extract::ChangeSymbol(q.qualifier, q.change);
  j["kind"] = extract::KindName(q.kind);
  j["source_cue"] = extract::SourceCueName(m.source_cue);
  j["as_of_text"] = OptString(m.as_of_text);
  j["in_title"] = m.in_title;
  j["in_quote"] = m.in_quote;
  return j;
}

Json StoryJson(const StoryView& s) {
  const compare::StoryAnalysis& an = *s.analysis;
  SourceNames names(an);
  auto article_id = [&](uint32_t i) { return s.articles[i].article->id; };
  Json j;
  j["id"] = s.id;
  j["title"] = s.title;
  j["thread"] = s.thread.empty() ? s.id : s.thread;
  j["follows"] = s.follows.empty() ? Json(nullptr) : Json{{"story", s.follows}, {"score", s.follows_score}};
  Json ids = Json::array();
  for (const auto& a : s.articles) ids.push_back(a.article->id);
  j["articles"] = ids;
  j["reference_date"] = OptDate(an.reference_date);

  Json facts = Json::array();
  for (const compare::Fact& f : an.facts) {
    Json fj;
    fj["id"] = f.id;
    fj["label"] = f.label;
    fj["attributed_to"] = OptString(f.attributed_to);
    fj["as_of"] = OptDate(f.as_of);
    fj["status"] = compare::FactStatusName(f.status);
    fj["low"] = Number(f.low);
    fj["high"] = Number(f.high);
    fj["unit"] = OptString(f.unit);
    fj["kind"] = extract::KindName(f.kind);
    Json arts = Json::array(), dissent = Json::array();
    for (uint32_t a : f.articles) arts.push_back(article_id(a));
    for (uint32_t a : f.dissenting) dissent.push_back(article_id(a));
    fj["articles"] = arts;
    fj["outlets"] = f.outlets;
    fj["dissenting"] = dissent;
    Json mentions = Json::array();
    for (const compare::MentionRef& r : f.mentions) mentions.push_back(MentionJson(s, names, r));
    fj["mentions"] = std::move(mentions);
    facts.push_back(std::move(fj));
  }
  j["facts"] = std::move(facts);

  Json timelines = Json::array();
  for (const compare::Timeline& t : an.timelines) {
    Json tj;
    tj["label"] = t.label;
    tj["attributed_to"] = OptString(t.attributed_to);
    Json points = Json::array();
    for (const compare::TimelinePoint& p : t.points) {
      const compare::Fact& f = an.facts[p.fact];
      Json pj;
      pj["as_of"] = AsOfLabel(p.as_of, an.reference_date);
      pj["fact"] = f.id;
      pj["low"] = Number(f.low);
      pj["high"] = Number(f.high);
      pj["current"] = !p.as_of.has_value();
      points.push_back(std::move(pj));
    }
    tj["points"] = std::move(points);
    timelines.push_back(std::move(tj));
  }
  j["timelines"] = std::move(timelines);

  Json estimates = Json::array();
  for (const compare::Estimates& e : an.estimates) {
    Json ej;
    ej["label"] = e.label;
    Json fs = Json::array();
    for (uint32_t f : e.facts) fs.push_back(an.facts[f].id);
    ej["facts"] = fs;
    estimates.push_back(std::move(ej));
  }
  j["estimates"] = std::move(estimates);

  Json copies = Json::array();
  for (const compare::CopyRelation& c : an.copies) {
    Json cj;
    cj["articles"] = Json::array({article_id(c.a), article_id(c.b)});
    cj["similarity"] = c.similarity;
    cj["shared_sentences"] = c.shared_sentences;
    if (c.source) {
      uint32_t copy = *c.source == c.a ? c.b : c.a;
      cj["direction"] = article_id(*c.source) + " -> " + article_id(copy);
      cj["source"] = article_id(*c.source);
      cj["basis"] = c.basis;
    } else {
      cj["direction"] = nullptr;
    }
    copies.push_back(std::move(cj));
  }
  j["copies"] = std::move(copies);

  Json singles = Json::array();
  for (const compare::SingleSourceSpan& ss : an.single_source) {
    const compare::StoryArticle& a = s.articles[ss.article];
    Span o = a.doc->ToOriginal(ss.span);
    Json sj;
    sj["article"] = a.article->id;
    sj["start"] = o.begin;
    sj["end"] = o.end;
    sj["kind"] = ss.kind == compare::ClaimKind::kOpinion ? "opinion" : "claim";
    sj["text"] = std::string(o.Of(a.article->text));
    sj["cues"] = ss.cues;
    sj["support"] = ss.support;
    singles.push_back(std::move(sj));
  }
  j["single_source"] = std::move(singles);

  Json coverage;
  Json cf = Json::array();
  for (const compare::Fact& f : an.facts) cf.push_back(f.id);
  coverage["facts"] = cf;
  coverage["articles"] = ids;
  Json matrix = Json::array();
  for (const auto& row : an.coverage) {
    Json r = Json::array();
    for (uint8_t v : row) r.push_back(static_cast<int>(v));
    matrix.push_back(std::move(r));
  }
  coverage["matrix"] = std::move(matrix);
  j["coverage"] = std::move(coverage);

  Json summary = Json::array();
  for (const summarize::SummarySentence& ss : *s.summary) {
    Json sj;
    sj["text"] = ss.text;
    Json cites = Json::array();
    for (uint32_t c : ss.citations) cites.push_back(article_id(c));
    sj["citations"] = cites;
    sj["from"] = article_id(ss.article);
    Json fs = Json::array();
    for (uint32_t f : ss.facts) fs.push_back(an.facts[f].id);
    sj["facts"] = fs;
    summary.push_back(std::move(sj));
  }
  j["summary"] = std::move(summary);

  Json entities = Json::array();
  for (const extract::Entity& e : an.entities) {
    Json ej;
    ej["name"] = e.name;
    ej["type"] = extract::EntityTypeName(e.type);
    ej["aliases"] = e.aliases;
    ej["mentions"] = e.mentions;
    entities.push_back(std::move(ej));
  }
  j["entities"] = std::move(entities);
  return j;
}

// `j` pretty-printed as it appears `level` levels deep in the report.
std::string Indented(const Json& j, int level) {
  std::string text = j.dump(2, ' ', false, Json::error_handler_t::replace);
  std::string pad(static_cast<size_t>(2 * level), ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    out.push_back(c);
    if (c == '\n') out += pad;
  }
  return out;
}

// The elements of a top-level array, spooled as they come.
class ArraySpool {
 public:
  void Add(const Json& element) {
    spool_.Append(spool_.empty() ? "[\n    " : ",\n    ");
    spool_.Append(Indented(element, 2));
  }
  void CopyTo(std::ostream& out) {
    if (spool_.empty()) {
      out << "[]";
      return;
    }
    spool_.CopyTo(out);
    out << "\n  ]";
  }

 private:
  Spool spool_;
};

class JsonWriter : public ReportWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  void AddStory(const StoryView& s) override {
    for (size_t k = 0; k < s.articles.size(); ++k) articles_.Add(ArticleJson(s, k));
    stories_.Add(StoryJson(s));
  }

  void Finish(const RunView& run) override {
    // Skipped inputs and warnings: where (input, line) and why.
    auto notes = [](const auto& items, const char* why, auto text) {
      Json arr = Json::array();
      for (const auto& item : items) {
        Json j;
        j["input"] = item.input;
        j["line"] = item.line ? Json(*item.line) : Json(nullptr);
        j[why] = text(item);
        arr.push_back(std::move(j));
      }
      return arr;
    };
    Json skipped = notes(run.skipped, "reason", [](const ingest::Skipped& x) { return x.reason; });
    Json warnings = notes(run.warnings, "message", [](const ingest::Warning& x) { return x.message; });
    Json merged = Json::array();
    for (const auto& [id, into] : run.merged) merged.push_back(Json{{"id", id}, {"into", into}});
    out_ << "{\n  \"schema\": " << Json(kSchema).dump() << ",\n  \"generator\": " << Indented(Json(run.generator), 1)
         << ",\n  \"skipped\": " << Indented(skipped, 1) << ",\n  \"warnings\": " << Indented(warnings, 1)
         << ",\n  \"merged_stories\": " << Indented(merged, 1)
         << ",\n  \"articles\": ";
    articles_.CopyTo(out_);
    out_ << ",\n  \"stories\": ";
    stories_.CopyTo(out_);
    out_ << "\n}\n";
  }

 private:
  std::ostream& out_;
  ArraySpool articles_, stories_;
};

}  // namespace

std::unique_ptr<ReportWriter> MakeJsonWriter(std::ostream& out) { return std::make_unique<JsonWriter>(out); }

void WriteJson(const RunView& run, std::ostream& out) {
  JsonWriter w(out);
  WriteAll(&w, run);
}

}  // namespace corroborate::report
