#include "corroborate/text/stem.h"

#include <libstemmer.h>

#include <memory>

namespace corroborate::text {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

}  // namespace

std::string Stem(std::string_view lower_word) {
  // sb_stemmer keeps internal state, so each thread owns one.
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("english", "UTF_8"));
  if (!stemmer || lower_word.empty()) return std::string(lower_word);
  const sb_symbol* out = sb_stemmer_stem(stemmer.get(),
                                         reinterpret_cast<const sb_symbol*>(lower_word.data()),
                                         static_cast<int>(lower_word.size()));
  if (out == nullptr) return std::string(lower_word);
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(sb_stemmer_length(stemmer.get())));
}

}  // namespace corroborate::text
