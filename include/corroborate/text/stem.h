// English Snowball stemming (libstemmer), for matching words across outlets that inflect
// them differently ("killed"/"killing", "estimates"/"estimated").
#ifndef CORROBORATE_TEXT_STEM_H_
#define CORROBORATE_TEXT_STEM_H_

#include <string>
#include <string_view>

namespace corroborate::text {

// Stem of a lower-cased word. Thread-safe (one stemmer per thread).
std::string Stem(std::string_view lower_word);

}  // namespace corroborate::text

#endif  // CORROBORATE_TEXT_STEM_H_
