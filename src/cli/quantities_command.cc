// corroborate quantities: the quantity extractor as a JSON Lines filter.
//   in:  {"text": "..."} or a plain text line
//   out: {"text": ..., "quantities": [{"start", "end", "text", "low", "high", "qualifier",
//         "change", "unit", "normalized_unit", "concept"}]}
// Offsets are bytes into the input text. A line that cannot be read gives
// {"line": n, "error": "..."} and a message on stderr; the rest are still processed.
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/line_filter.h"
#include "corroborate/extract/quantities.h"
#include "corroborate/text/normalize.h"
#include "corroborate/text/segment.h"

namespace corroborate::cli {
namespace {

using Json = nlohmann::ordered_json;

Json Number(double v) {
  if (std::isnan(v)) return nullptr;
  if (v == std::floor(v) && std::fabs(v) < 9e15) return static_cast<int64_t>(v);
  return v;
}

Json Direction(extract::Change c) {
  return c == extract::Change::kUp ? Json("up") : c == extract::Change::kDown ? Json("down") : Json(nullptr);
}

// What is counted or measured: the counted phrase when it says more than the unit, and the
// clause's subject the figure is said of.
Json ConceptOf(const extract::Quantity& q) {
  std::vector<std::string> parts;
  auto add = [&](const std::string& s) {
    if (s.empty() || s == q.count_noun) return;
    for (const std::string& p : parts) {
      if (p == s) return;
    }
    parts.push_back(s);
  };
  add(q.counted.text);
  // "one of the best wireless speakers": a figure that picks one out of a group says
  // nothing of the clause around it; the group is its unit.
  if (!(q.anaphoric && q.low == 1 && !q.count_noun.empty())) {
    add(q.topic);
    add(q.subject);
  }
  std::string c;
  for (const std::string& p : parts) c += (c.empty() ? "" : ", ") + p;
  return c.empty() ? Json(nullptr) : Json(c);
}

// Appends fields to a JSON object whose keys the caller knows to be distinct.
class Fields {
 public:
  explicit Fields(Json::object_t* object) : object_(object) { object_->reserve(kFields); }
  template <class V>
  void Set(const char* key, V&& value) {
    object_->Container::emplace_back(key, Json(std::forward<V>(value)));
  }

 private:
  static constexpr size_t kFields = 15;  // the keys QuantitiesOf writes
  Json::object_t* object_;
};

Json QuantitiesOf(const std::string& text) {
  Json out = Json::array();
  if (!extract::MayHoldQuantity(text)) return out;
  text::NormalizedText norm = text::Normalize(text);
  for (Span s : text::SplitSentences(norm.text, Span{0, static_cast<uint32_t>(norm.text.size())})) {
    for (const extract::Quantity& q : extract::ExtractQuantities(norm.text, s)) {
      Span o = norm.map.ToOriginal(q.span);
      // The keys are distinct by construction: append them to the object's vector with one
      // allocation instead of growing it key by key, each insertion searching the keys.
      Json j = Json::object();
      Fields f(&j.get_ref<Json::object_t&>());
      f.Set("start", o.begin);
      f.Set("end", o.end);
      f.Set("text", std::string(o.Of(text)));
      // Fractions are held as percentages for comparison; here they are the fraction.
      double scale = q.fraction ? 0.01 : 1;
      f.Set("low", Number(q.low * scale));
      f.Set("high", Number(q.high * scale));
      f.Set("qualifier", extract::QualifierName(q.qualifier));
      // The change amount carries its direction ("rose 5%": up); the level a change reached
      // ("rose to 42") is "=" as NewsQuant mostly marks it, its direction in "trend".
      // A change named by a noun ("a 5% drop", "an increase of 5%") is "=" there too, as
      // NewsQuant marks it; `delta` gives the direction of every change amount.
      f.Set("change", extract::ChangeSymbol(q.qualifier, q.change_named ? extract::Change::kNone : q.change));
      f.Set("delta", Direction(q.change));
      f.Set("trend", Direction(q.trend));
      // A bare count's unit is the noun it counts, as NewsQuant has it ("7 European
      // countries": unit "European countries", normalised "european country").
      // A share written as a fraction is a share of its whole: "a third of the population"
      // has NewsQuant's unit "% population" ("% -" when the whole is not named).
      if (q.fraction && q.unit.empty() && q.high <= 100) {
        f.Set("unit", "% " + (q.count_noun.empty() ? std::string("-") : q.count_noun));
        f.Set("normalized_unit", "% " + (q.count_noun.empty() ? std::string("-") : extract::CountUnitName(q.count_noun)));
      } else if (!q.unit.empty()) {
        f.Set("unit", q.unit);
        // NewsQuant normalises a share price's "p" (pence) as "point".
        f.Set("normalized_unit", q.unit == "p" ? std::string("point") : q.normalized_unit);
      } else if (!q.count_noun.empty()) {
        // A count's rate ("40 people a day") is its normalized_unit, "per day".
        std::string per = q.normalized_unit.rfind("per ", 0) == 0 ? " " + q.normalized_unit : "";
        f.Set("unit", q.count_noun);
        f.Set("normalized_unit", extract::CountUnitName(q.count_noun) + per);
      } else {
        f.Set("unit", nullptr);
        f.Set("normalized_unit", q.normalized_unit.empty() ? Json(nullptr) : Json(q.normalized_unit));
      }
      f.Set("concept", ConceptOf(q));
      f.Set("subject", q.subject.empty() ? Json(nullptr) : Json(q.subject));
      f.Set("kind", extract::KindName(q.kind));
      out.push_back(std::move(j));
    }
  }
  return out;
}

struct QuantitiesArgs {
  std::string input = "-";
  bool timing = false;
};

}  // namespace

std::function<int()> SetupQuantities(CLI::App* app) {
  auto args = std::make_shared<QuantitiesArgs>();
  app->add_option("input", args->input, "JSON Lines or text file ('-' or nothing: stdin)");
  app->add_flag("--timing", args->timing,
                "Print {\"timing\": {\"seconds\", \"bytes\"}} for the extraction alone on stderr");
  return [args] {
    double seconds = 0;
    size_t bytes = 0;
    if (args->timing) QuantitiesOf("Warm-up: the lexicons load on first use, 1 time.");
    int status = RunLineFilter(args->input, [&](const std::string& text, const OrderedJson&) {
      OrderedJson out;
      out["text"] = text;
      auto start = std::chrono::steady_clock::now();
      out["quantities"] = QuantitiesOf(text);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      bytes += text.size();
      return out;
    });
    if (args->timing) std::fprintf(stderr, "{\"timing\": {\"seconds\": %.6f, \"bytes\": %zu}}\n", seconds, bytes);
    return status;
  };
}

}  // namespace corroborate::cli
