// A growing output buffer that spills into an AtomicFile: writers append
// whole elements to buffer() and call MaybeFlush() between elements, so a
// million-edge graph is written in large blocks without iostreams.
//
//   OutputSink sink(&file);            // or OutputSink sink; for a string
//   sink.buffer().append("<node ...>");
//   sink.MaybeFlush();
//   std::string text = sink.Finish();  // the rest (all of it without a file)
//
// Not thread-safe; does not own the file.
#ifndef NEWSGRAPH_IO_OUTPUT_SINK_H_
#define NEWSGRAPH_IO_OUTPUT_SINK_H_

#include <string>

#include "newsgraph/base/file.h"

namespace newsgraph {

class OutputSink {
 public:
  static constexpr size_t kFlushBytes = 1 << 20;

  explicit OutputSink(AtomicFile* file = nullptr) : file_(file) {
    buffer_.reserve(file ? 2 * kFlushBytes : 1 << 16);
  }

  std::string& buffer() { return buffer_; }
  std::string* out() { return &buffer_; }

  void MaybeFlush() {
    if (file_ != nullptr && buffer_.size() >= kFlushBytes) {
      file_->Write(buffer_);
      buffer_.clear();
    }
  }

  // Writes what is left to the file (and returns ""), or returns the whole
  // text when there is no file.
  std::string Finish() {
    if (file_ == nullptr) return std::move(buffer_);
    file_->Write(buffer_);
    buffer_.clear();
    return {};
  }

 private:
  AtomicFile* file_;
  std::string buffer_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_IO_OUTPUT_SINK_H_
