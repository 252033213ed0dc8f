// Status and Result<T>: how every recoverable failure travels in newsgraph.
//
//   Result<std::string> text = ReadFile("a.txt");
//   if (!text.ok()) return text.status();          // "a.txt: no such file"
//   Use(*text);
//
// Failures are values, never exceptions across module boundaries. A message
// starts with where the problem is ("file:line:col: ..." or "file: byte N: ..."),
// is lower-case and has no final period (ninja's style). Bugs are asserts.
// Status and Result are plain values: copyable, not synchronised.
#ifndef NEWSGRAPH_BASE_STATUS_H_
#define NEWSGRAPH_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace newsgraph {

// What kind of failure: drives the command line's exit code.
enum class StatusCode {
  kOk = 0,
  kInputError,     // the user's data is unreadable or wrong (exit 1)
  kUsageError,     // the user's command is wrong (exit 2)
  kInternalError,  // an invariant broke; a bug to report (exit 1)
};

class Status {
 public:
  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status InputError(std::string message) {
    return Status(StatusCode::kInputError, std::move(message));
  }
  static Status UsageError(std::string message) {
    return Status(StatusCode::kUsageError, std::move(message));
  }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternalError, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "prefix: message" (adds a location).
  Status WithPrefix(const std::string& prefix) const;

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status saying why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit on purpose
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok().
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace newsgraph

#define NEWSGRAPH_RETURN_IF_ERROR(expr)      \
  do {                                       \
    ::newsgraph::Status _ng_status = (expr); \
    if (!_ng_status.ok()) return _ng_status; \
  } while (0)

#endif  // NEWSGRAPH_BASE_STATUS_H_
