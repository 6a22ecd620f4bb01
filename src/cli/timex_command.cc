// corroborate timex: the time-expression extractor as a JSON Lines filter.
//   in:  {"text": "...", "dct": "2013-03-22"} (or "published"), or a plain text line
//   out: {"text": ..., "timexes": [{"start", "end", "text", "type", "value", "mod"}]}
// Relative expressions ("last week", "Friday") resolve against the line's date, else
// against --dct, else keep X placeholders. Offsets are bytes into the input text.
#include <memory>
#include <optional>

#include "cli/commands.h"
#include "cli/line_filter.h"
#include "corroborate/base/date.h"
#include "corroborate/extract/timex.h"
#include "corroborate/text/normalize.h"
#include "corroborate/text/segment.h"

namespace corroborate::cli {
namespace {

OrderedJson TimexesOf(const std::string& text, std::optional<Date> reference) {
  text::NormalizedText norm = text::Normalize(text);
  OrderedJson out = OrderedJson::array();
  for (Span s : text::SplitSentences(norm.text, Span{0, static_cast<uint32_t>(norm.text.size())})) {
    for (const extract::Timex& t : extract::ExtractTimexes(norm.text, s, reference)) {
      Span o = norm.map.ToOriginal(t.span);
      OrderedJson j;
      j["start"] = o.begin;
      j["end"] = o.end;
      j["text"] = std::string(o.Of(text));
      j["type"] = extract::TimexTypeName(t.type);
      j["value"] = t.value;
      j["mod"] = t.mod.empty() ? OrderedJson(nullptr) : OrderedJson(t.mod);
      out.push_back(std::move(j));
    }
  }
  return out;
}

struct TimexArgs {
  std::string input = "-";
  std::string dct;
};

}  // namespace

std::function<int()> SetupTimex(CLI::App* app) {
  auto args = std::make_shared<TimexArgs>();
  app->add_option("input", args->input, "JSON Lines or text file ('-' or nothing: stdin)");
  app->add_option("--dct", args->dct, "Reference date (ISO) for lines that carry none");
  return [args]() -> int {
    std::optional<Date> fallback;
    if (!args->dct.empty()) {
      fallback = Date::FromIso(args->dct);
      if (!fallback) {
        std::fprintf(stderr, "corroborate: --dct: not an ISO date: %s\n", args->dct.c_str());
        return kExitUsage;
      }
    }
    return RunLineFilter(args->input, [&](const std::string& text, const OrderedJson& line) {
      std::optional<Date> reference = fallback;
      for (const char* key : {"dct", "published"}) {
        if (line.is_object() && line.contains(key) && line[key].is_string()) {
          if (auto d = Date::FromIso(line[key].get<std::string>())) reference = d;
        }
      }
      OrderedJson out;
      out["text"] = text;
      out["timexes"] = TimexesOf(text, reference);
      return out;
    });
  };
}

}  // namespace corroborate::cli
