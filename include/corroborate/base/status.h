// Status and Result<T>: expected failures (bad input, limits, I/O) are values, never
// exceptions. A Status carries a code, a message and, where there is one, the byte offset in
// the original input where the problem was found.
#ifndef CORROBORATE_BASE_STATUS_H_
#define CORROBORATE_BASE_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace corroborate {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // malformed input: bad JSON, missing field, bad date
  kInvalidUtf8,      // bytes that are not UTF-8
  kBinary,           // input that is not text at all
  kEmpty,            // input with no text in it
  kLimitExceeded,    // a documented budget (bytes, records, ...) was hit
  kNotFound,         // a path or name that does not exist
  kIoError,          // the operating system refused a read or write
  kUnsupported,      // a format we do not read
  kInternal,         // a bug: report it
};

const char* StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::optional<int64_t> offset = std::nullopt)
      : code_(code), message_(std::move(message)), offset_(offset) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // Byte offset in the original input, when the failure has a place.
  std::optional<int64_t> offset() const { return offset_; }

  // "invalid_utf8: invalid UTF-8 sequence (at byte 17)"
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::optional<int64_t> offset_;
};

// Either a value or a non-OK Status. Accessing the value of an error is a programmer error.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}   // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace corroborate

#endif  // CORROBORATE_BASE_STATUS_H_
