#include "corroborate/text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>

#include "corroborate/base/strings.h"
#include "corroborate/base/utf8.h"

namespace corroborate::text {

void OffsetMap::Append(uint32_t norm_len, uint32_t orig_len, bool identity) {
  if (identity && !pieces_.empty() && pieces_.back().identity) {
    pieces_.back().norm_len += norm_len;
    pieces_.back().orig_len += orig_len;
  } else {
    pieces_.push_back(Piece{norm_size_, orig_size_, norm_len, orig_len, identity});
  }
  norm_size_ += norm_len;
  orig_size_ += orig_len;
}

void OffsetMap::TrimLastIdentity(uint32_t n) {
  Piece& p = pieces_.back();
  p.norm_len -= n;
  p.orig_len -= n;
  norm_size_ -= n;
  orig_size_ -= n;
  if (p.norm_len == 0) pieces_.pop_back();
}

size_t OffsetMap::Find(uint32_t pos) const {
  // Pieces are sorted by norm_begin; empty pieces (deletions) share the begin of the next
  // piece, so take the last non-empty piece that starts at or before pos.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                             [](uint32_t p, const Piece& piece) { return p < piece.norm_begin; });
  size_t idx = static_cast<size_t>(it - pieces_.begin());
  while (idx > 0 && pieces_[idx - 1].norm_len == 0) --idx;
  return idx == 0 ? 0 : idx - 1;
}

uint32_t OffsetMap::ToOriginalBegin(uint32_t pos) const {
  if (pieces_.empty() || pos >= norm_size_) return orig_size_;
  const Piece& p = pieces_[Find(pos)];
  return p.identity ? p.orig_begin + (pos - p.norm_begin) : p.orig_begin;
}

uint32_t OffsetMap::ToOriginalEnd(uint32_t end) const {
  if (pieces_.empty()) return 0;
  if (end == 0) return ToOriginalBegin(0);
  if (end > norm_size_) end = norm_size_;
  const Piece& p = pieces_[Find(end - 1)];
  return p.identity ? p.orig_begin + (end - p.norm_begin) : p.orig_begin + p.orig_len;
}

Span OffsetMap::ToOriginal(Span normalized) const {
  if (normalized.empty()) {
    uint32_t b = ToOriginalBegin(normalized.begin);
    return Span{b, b};
  }
  return Span{ToOriginalBegin(normalized.begin), ToOriginalEnd(normalized.end)};
}

namespace {

bool IsSpaceLike(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
         (c >= 0x2000 && c <= 0x200A);
}

// Peeks at the code point before byte offset i (0 when none).
char32_t PrevCodePoint(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return utf8::Decode(s, &j);
}

char32_t NextCodePoint(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return utf8::Decode(s, &i);
}

// Typographic folding of one code point that starts at s[i] and ends at s[end]. Returns
// false when the code point has no special folding.
bool FoldTypographic(char32_t c, std::string_view s, size_t i, size_t end, std::string* out) {
  switch (c) {
    case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      *out = " ";
      return true;
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0xAD:
      out->clear();  // zero-width characters and soft hyphens vanish
      return true;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
    case 0x2039: case 0x203A: case 0xFF07:
      *out = "'";
      return true;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0xAB: case 0xBB:
    case 0xFF02:
      *out = "\"";
      return true;
    case 0x2010: case 0x2011: case 0x2012: case 0x2043: case 0x2212: case 0xFE63: case 0xFF0D:
      *out = "-";
      return true;
    case 0x2013: {
      // "2020–2025", "–20°C", "Paris–London" keep a hyphen-minus; a dash set off by spaces
      // on both sides is sentence punctuation, like an em dash.
      char32_t prev = PrevCodePoint(s, i);
      char32_t next = NextCodePoint(s, end);
      *out = (IsSpaceLike(prev) && IsSpaceLike(next)) ? "\xE2\x80\x94" : "-";
      return true;
    }
    case 0x2015:
      *out = "\xE2\x80\x94";  // horizontal bar reads as an em dash
      return true;
    case 0x2028: case 0x85:
      *out = "\n";
      return true;
    case 0x2029:
      *out = "\n\n";
      return true;
    default:
      if (c >= 0x2000 && c <= 0x200A) {
        *out = " ";
        return true;
      }
      return false;
  }
}

// "½", "⅙", "↉": a fraction in one code point, which NFKC spells with the fraction slash
// U+2044 ("1⁄6"); the slash is kept, so a reader can tell a fraction from "1/6", a date.
bool IsVulgarFraction(char32_t c) {
  return (c >= 0xBC && c <= 0xBE) || (c >= 0x2150 && c <= 0x215F) || c == 0x2189;
}

class Builder {
 public:
  explicit Builder(NormalizedText* out) : out_(out) {}
  void Identity(std::string_view bytes) {
    out_->text.append(bytes);
    out_->map.Append(static_cast<uint32_t>(bytes.size()), static_cast<uint32_t>(bytes.size()),
                     true);
  }
  void Replace(std::string_view replacement, size_t orig_len) {
    out_->text.append(replacement);
    out_->map.Append(static_cast<uint32_t>(replacement.size()), static_cast<uint32_t>(orig_len),
                     false);
  }
  char LastByte() const { return out_->text.empty() ? '\0' : out_->text.back(); }
  // Takes back the last identity byte so it can be normalised with what follows.
  bool TakeBackLastAsciiByte() {
    if (out_->text.empty() || static_cast<unsigned char>(out_->text.back()) >= 0x80) return false;
    out_->text.pop_back();
    out_->map.TrimLastIdentity(1);
    return true;
  }

 private:
  NormalizedText* out_;
};

}  // namespace

NormalizedText Normalize(std::string_view s, const NormalizeOptions& options) {
  NormalizedText out;
  out.text.reserve(s.size());
  Builder b(&out);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = options.nfkc ? icu::Normalizer2::getNFKCInstance(err) : nullptr;
  if (U_FAILURE(err)) nfkc = nullptr;

  const size_t n = s.size();
  size_t i = 0;
  std::string folded;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c >= 0x20 && c != 0x7F) {
        size_t j = i + 1;
        while (j < n) {
          unsigned char d = static_cast<unsigned char>(s[j]);
          if (d >= 0x80 || d < 0x20 || d == 0x7F) break;
          ++j;
        }
        b.Identity(s.substr(i, j - i));
        i = j;
      } else if (c == '\n') {
        b.Identity(s.substr(i, 1));
        ++i;
      } else if (c == '\r') {
        size_t len = (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
        b.Replace("\n", len);
        i += len;
      } else {
        b.Replace(" ", 1);  // tabs and other control characters read as a space
        ++i;
      }
      continue;
    }
    size_t start = i;
    char32_t cp = utf8::Decode(s, &i);
    if (cp == utf8::kReplacement && i == start + 1) {
      b.Replace("\xEF\xBF\xBD", 1);
      continue;
    }
    if (options.typographic && FoldTypographic(cp, s, start, i, &folded)) {
      b.Replace(folded, i - start);
      continue;
    }
    if (nfkc == nullptr) {
      b.Identity(s.substr(start, i - start));
      continue;
    }
    // A normalisation segment runs to the next code point with a boundary before it. A
    // combining mark after an ASCII letter joins that letter ("e" + U+0301 -> "é").
    size_t seg_begin = start;
    if (!nfkc->hasBoundaryBefore(cp) && b.TakeBackLastAsciiByte()) seg_begin = start - 1;
    size_t seg_end = i;
    while (seg_end < n) {
      size_t k = seg_end;
      char32_t next = utf8::Decode(s, &k);
      if (nfkc->hasBoundaryBefore(next)) break;
      seg_end = k;
    }
    std::string_view segment = s.substr(seg_begin, seg_end - seg_begin);
    std::string normalized;
    icu::StringByteSink<std::string> sink(&normalized);
    UErrorCode e = U_ZERO_ERROR;
    nfkc->normalizeUTF8(0, icu::StringPiece(segment.data(), static_cast<int32_t>(segment.size())),
                        sink, nullptr, e);
    if (U_FAILURE(e) || normalized == segment) {
      b.Identity(segment);
    } else {
      // NFKC can produce characters that the typographic folding maps further (U+2011
      // becomes U+2010, "½" uses U+2044); apply the folding to the result.
      std::string refolded;
      if (options.typographic) {
        size_t k = 0;
        while (k < normalized.size()) {
          size_t cb = k;
          char32_t x = utf8::Decode(normalized, &k);
          if (FoldTypographic(x, normalized, cb, k, &folded)) {
            refolded += folded;
          } else {
            refolded.append(normalized, cb, k - cb);
          }
        }
      } else {
        refolded = std::move(normalized);
      }
      // "2¾" is two and three quarters: the fraction's digits must not run on from the
      // whole number's ("23⁄4").
      if (IsVulgarFraction(cp) && IsAsciiDigit(b.LastByte())) refolded.insert(0, " ");
      b.Replace(refolded, segment.size());
    }
    i = seg_end;
  }
  return out;
}

}  // namespace corroborate::text
