// corroborate quantities: the quantity extractor as a JSON Lines filter.
//   in:  {"text": "..."} or a plain text line
//   out: {"text": ..., "quantities": [{"start", "end", "text", "low", "high", "qualifier",
//         "change", "unit", "normalized_unit", "concept"}]}
// Offsets are bytes into the input text. A line that cannot be read gives
// {"line": n, "error": "..."} and a message on stderr; the rest are still processed.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "corroborate/base/utf8.h"
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
  add(q.topic);
  add(q.subject);
  std::string c;
  for (const std::string& p : parts) c += (c.empty() ? "" : ", ") + p;
  return c.empty() ? Json(nullptr) : Json(c);
}

Json QuantitiesOf(const std::string& text) {
  text::NormalizedText norm = text::Normalize(text);
  Json out = Json::array();
  for (Span s : text::SplitSentences(norm.text, Span{0, static_cast<uint32_t>(norm.text.size())})) {
    for (const extract::Quantity& q : extract::ExtractQuantities(norm.text, s)) {
      Span o = norm.map.ToOriginal(q.span);
      Json j;
      j["start"] = o.begin;
      j["end"] = o.end;
      j["text"] = std::string(o.Of(text));
      // Fractions are held as percentages for comparison; here they are the fraction.
      double scale = q.fraction ? 0.01 : 1;
      j["low"] = Number(q.low * scale);
      j["high"] = Number(q.high * scale);
      j["qualifier"] = extract::QualifierName(q.qualifier);
      // NewsQuant marks the level a change reached with its direction too ("rose to 42": up).
      j["change"] = extract::ChangeSymbol(q.qualifier, q.change != extract::Change::kNone ? q.change : q.trend);
      // A bare count's unit is the noun it counts, as NewsQuant has it ("7 European
      // countries": unit "European countries", normalised "european country").
      if (!q.unit.empty()) {
        j["unit"] = q.unit;
        j["normalized_unit"] = q.normalized_unit;
      } else if (!q.count_noun.empty()) {
        j["unit"] = q.count_noun;
        j["normalized_unit"] = extract::CountUnitName(q.count_noun);
      } else {
        j["unit"] = nullptr;
        j["normalized_unit"] = q.normalized_unit.empty() ? Json(nullptr) : Json(q.normalized_unit);
      }
      j["concept"] = ConceptOf(q);
      j["subject"] = q.subject.empty() ? Json(nullptr) : Json(q.subject);
      j["kind"] = extract::KindName(q.kind);
      out.push_back(std::move(j));
    }
  }
  return out;
}

struct QuantitiesArgs {
  std::string input = "-";
};

int RunQuantities(const QuantitiesArgs& args) {
  std::FILE* in = stdin;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(nullptr, &std::fclose);
  if (args.input != "-") {
    file.reset(std::fopen(args.input.c_str(), "rb"));
    if (!file) {
      std::fprintf(stderr, "corroborate: cannot open %s\n", args.input.c_str());
      return 2;
    }
    in = file.get();
  }
  std::string line;
  int64_t line_no = 0;
  int errors = 0, ok = 0;
  char* buf = nullptr;
  size_t cap = 0;
  ssize_t len;
  while ((len = getline(&buf, &cap, in)) >= 0) {
    ++line_no;
    line.assign(buf, static_cast<size_t>(len));
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    Json out;
    std::string text;
    std::string error;
    if (auto bad = utf8::FindInvalid(line)) {
      error = "invalid UTF-8 at byte " + std::to_string(*bad);
    } else if (!line.empty() && line[0] == '{') {
      try {
        Json j = Json::parse(line);
        if (!j.contains("text") || !j["text"].is_string()) {
          error = "missing string field 'text'";
        } else {
          text = j["text"].get<std::string>();
        }
      } catch (const Json::parse_error& e) {
        error = std::string("malformed JSON at byte ") + std::to_string(e.byte > 0 ? e.byte - 1 : 0);
      }
    } else {
      text = line;
    }
    if (!error.empty()) {
      std::fprintf(stderr, "corroborate: %s line %lld: %s\n", args.input.c_str(), static_cast<long long>(line_no),
                   error.c_str());
      out["line"] = line_no;
      out["error"] = error;
      ++errors;
    } else {
      out["text"] = text;
      out["quantities"] = QuantitiesOf(text);
      ++ok;
    }
    std::cout << out.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  }
  std::free(buf);
  std::cout.flush();
  if (ok == 0 && errors > 0) return 2;
  return errors ? 1 : 0;
}

}  // namespace

std::function<int()> SetupQuantities(CLI::App* app) {
  auto args = std::make_shared<QuantitiesArgs>();
  app->add_option("input", args->input, "JSON Lines or text file ('-' or nothing: stdin)");
  return [args] { return RunQuantities(*args); };
}

}  // namespace corroborate::cli
