#include "cli/line_filter.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "corroborate/base/utf8.h"

namespace corroborate::cli {

int RunLineFilter(const std::string& input,
                  const std::function<OrderedJson(const std::string& text, const OrderedJson& line)>& process) {
  std::FILE* in = stdin;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(nullptr, &std::fclose);
  if (input != "-") {
    file.reset(std::fopen(input.c_str(), "rb"));
    if (!file) {
      std::fprintf(stderr, "corroborate: cannot open %s\n", input.c_str());
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
    OrderedJson out;
    OrderedJson parsed;
    std::string text;
    std::string error;
    if (auto bad = utf8::FindInvalid(line)) {
      error = "invalid UTF-8 at byte " + std::to_string(*bad);
    } else if (!line.empty() && line[0] == '{') {
      try {
        parsed = OrderedJson::parse(line);
        if (!parsed.contains("text") || !parsed["text"].is_string()) {
          error = "missing string field 'text'";
        } else {
          text = parsed["text"].get<std::string>();
        }
      } catch (const OrderedJson::parse_error& e) {
        error = std::string("malformed JSON at byte ") + std::to_string(e.byte > 0 ? e.byte - 1 : 0);
      }
    } else {
      text = line;
    }
    if (!error.empty()) {
      std::fprintf(stderr, "corroborate: %s line %lld: %s\n", input.c_str(), static_cast<long long>(line_no),
                   error.c_str());
      out["line"] = line_no;
      out["error"] = error;
      ++errors;
    } else {
      out = process(text, parsed);
      ++ok;
    }
    std::cout << out.dump(-1, ' ', false, OrderedJson::error_handler_t::replace) << '\n';
  }
  std::free(buf);
  std::cout.flush();
  if (ok == 0 && errors > 0) return 2;
  return errors ? 1 : 0;
}

}  // namespace corroborate::cli
