#include "clean/patterns.h"

#include <cstdio>
#include <cstdlib>

#include "corroborate/base/data.h"

namespace corroborate::clean {
namespace {

std::unique_ptr<RE2> Compile(std::string_view file, int line, std::string_view pattern) {
  RE2::Options opts;
  opts.set_log_errors(false);
  auto re = std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), opts);
  if (!re->ok()) {
    // A bad pattern in data/ is a build-time mistake; fail loudly with its place.
    std::fprintf(stderr, "corroborate: data/%.*s line %d: bad pattern: %s\n",
                 static_cast<int>(file.size()), file.data(), line, re->error().c_str());
    std::abort();
  }
  return re;
}

}  // namespace

const Patterns& Patterns::Get() {
  static const Patterns* patterns = [] {
    auto* p = new Patterns();
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_max_mem(64 << 20);  // room for the set's DFA: bounded repeats make it large
    p->boilerplate_set = std::make_unique<RE2::Set>(opts, RE2::ANCHOR_BOTH);
    for (const auto& row : data::Table("clean/boilerplate.tsv")) {
      if (row.fields.size() < 2) continue;
      p->boilerplate.push_back(NamedPattern{std::string(row.fields[0]), 0,
                                            Compile("clean/boilerplate.tsv", row.line, row.fields[1])});
      std::string error;
      if (p->boilerplate_set->Add(re2::StringPiece(row.fields[1].data(), row.fields[1].size()), &error) < 0) {
        std::fprintf(stderr, "corroborate: data/clean/boilerplate.tsv line %d: bad pattern: %s\n", row.line,
                     error.c_str());
        std::abort();
      }
    }
    if (!p->boilerplate_set->Compile()) {
      std::fprintf(stderr, "corroborate: data/clean/boilerplate.tsv: the patterns do not compile as one set\n");
      std::abort();
    }
    for (const auto& row : data::Table("clean/caption_cues.tsv")) {
      if (row.fields.size() < 3) continue;
      p->caption.push_back(NamedPattern{std::string(row.fields[0]), std::atoi(std::string(row.fields[1]).c_str()),
                                        Compile("clean/caption_cues.tsv", row.line, row.fields[2])});
    }
    return p;
  }();
  return *patterns;
}

}  // namespace corroborate::clean
