#include "corroborate/base/status.h"

namespace corroborate {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kInvalidUtf8: return "invalid_utf8";
    case StatusCode::kBinary: return "binary";
    case StatusCode::kEmpty: return "empty";
    case StatusCode::kLimitExceeded: return "limit_exceeded";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kIoError: return "io_error";
    case StatusCode::kUnsupported: return "unsupported";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out = StatusCodeName(code_);
  out += ": ";
  out += message_;
  if (offset_) out += " (at byte " + std::to_string(*offset_) + ")";
  return out;
}

}  // namespace corroborate
