// Unicode normalisation that remembers where every byte came from.
//
// Normalize() applies NFKC (ICU) plus the typographic folding news text needs: curly quotes
// to ASCII quotes, dash variants to '-' or '—', non-breaking and exotic spaces to ' ',
// zero-width characters and soft hyphens removed, CR/LF to LF. An en dash or minus sign
// before a digit becomes '-' so "–20°C" reads as minus twenty. A fraction in one character
// ("½", "2¾") keeps NFKC's fraction slash U+2044 ("1⁄2", "2 3⁄4"), so it is told apart from
// a date written with '/'.
//
// The OffsetMap maps any span of the normalised text back to the exact original bytes, so
// later stages can cite the input precisely (cf. SentencePiece's norm_to_orig).
#ifndef CORROBORATE_TEXT_NORMALIZE_H_
#define CORROBORATE_TEXT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corroborate/base/span.h"

namespace corroborate::text {

class OffsetMap {
 public:
  // Appends the next piece: `norm_len` normalised bytes made from `orig_len` original
  // bytes. Identity pieces map byte for byte; other pieces map as a unit.
  void Append(uint32_t norm_len, uint32_t orig_len, bool identity);
  // Removes the last `n` bytes of the last piece, which must be an identity piece.
  void TrimLastIdentity(uint32_t n);

  // Original offset where normalised byte `pos` comes from (the start of its piece when it
  // is not an identity piece). `pos == normalized size` maps to the original size.
  uint32_t ToOriginalBegin(uint32_t pos) const;
  // Original end offset for a normalised span ending (exclusively) at `end`.
  uint32_t ToOriginalEnd(uint32_t end) const;
  Span ToOriginal(Span normalized) const;

  uint32_t normalized_size() const { return norm_size_; }
  uint32_t original_size() const { return orig_size_; }
  size_t piece_count() const { return pieces_.size(); }

 private:
  struct Piece {
    uint32_t norm_begin;
    uint32_t orig_begin;
    uint32_t norm_len;
    uint32_t orig_len;
    bool identity;
  };
  // Index of the last piece with norm_begin <= pos and norm_len > 0.
  size_t Find(uint32_t pos) const;

  std::vector<Piece> pieces_;
  uint32_t norm_size_ = 0;
  uint32_t orig_size_ = 0;
};

struct NormalizedText {
  std::string text;
  OffsetMap map;
};

struct NormalizeOptions {
  bool nfkc = true;         // apply Unicode NFKC (compatibility composition)
  bool typographic = true;  // fold quotes, dashes, spaces as described above
};

// `original` must be valid UTF-8 (ingest guarantees it); invalid bytes become U+FFFD.
NormalizedText Normalize(std::string_view original, const NormalizeOptions& options = {});

}  // namespace corroborate::text

#endif  // CORROBORATE_TEXT_NORMALIZE_H_
