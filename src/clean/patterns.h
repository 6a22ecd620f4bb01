// The compiled boilerplate and caption pattern tables (data/clean/*.tsv).
#ifndef CORROBORATE_SRC_CLEAN_PATTERNS_H_
#define CORROBORATE_SRC_CLEAN_PATTERNS_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace corroborate::clean {

struct NamedPattern {
  std::string name;
  int weight = 0;
  std::unique_ptr<RE2> re;
};

struct Patterns {
  std::vector<NamedPattern> boilerplate;  // full match
  // The same patterns as one set: whether any matches, in one pass (IsBoilerplate).
  std::unique_ptr<RE2::Set> boilerplate_set;
  std::vector<NamedPattern> caption;      // partial match, weighted

  // Built once, shared by all threads (RE2 objects are thread-safe for matching).
  static const Patterns& Get();
};

}  // namespace corroborate::clean

#endif  // CORROBORATE_SRC_CLEAN_PATTERNS_H_
