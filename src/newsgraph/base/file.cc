#include "newsgraph/base/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>
#include <random>

#include "newsgraph/base/text_position.h"
#include "newsgraph/base/utf8.h"

namespace newsgraph {
namespace {

std::string ErrnoText(int err) { return std::strerror(err); }

}  // namespace

Result<std::string> ReadFile(const std::string& path) {
  if (path == "-") {
    std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return data;
  }
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::InputError(path + ": no such file");
    return Status::InputError(path + ": " + ErrnoText(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::InputError(path + ": is a directory, expected a file");
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::InputError(path + ": cannot open: " + ErrnoText(errno));
  std::string data;
  if (S_ISREG(st.st_mode)) data.reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) data.append(buffer, n);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Status::InputError(path + ": read error");
  return data;
}

Status CheckText(std::string_view bytes, const std::string& name) {
  if (bytes.empty()) return Status::InputError(name + ": empty file");
  size_t nul = bytes.find('\0');
  size_t bad = FindInvalidUtf8(bytes);
  if (nul != std::string_view::npos && (bad == kValidUtf8 || nul < bad)) {
    return Status::InputError(Where(name, bytes, nul) + ": binary data (NUL byte at byte " +
                              std::to_string(nul) + "), expected UTF-8 text");
  }
  if (bad != kValidUtf8) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[bad]));
    return Status::InputError(Where(name, bytes, bad) + ": invalid UTF-8 (byte " +
                              std::to_string(bad) + " is " + hex + ")");
  }
  return Status::Ok();
}

Result<std::string> ReadTextFile(const std::string& path) {
  Result<std::string> data = ReadFile(path);
  if (!data.ok()) return data;
  NEWSGRAPH_RETURN_IF_ERROR(CheckText(*data, path == "-" ? "<stdin>" : path));
  return data;
}

Status WriteFileAtomic(const std::string& path, std::string_view bytes) {
  AtomicFile out;
  NEWSGRAPH_RETURN_IF_ERROR(out.Open(path));
  out.Write(bytes);
  return out.Commit();
}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr && !is_stdout_) {
    std::fclose(file_);
    ::unlink(temp_path_.c_str());
  }
}

Status AtomicFile::Open(const std::string& path) {
  assert(file_ == nullptr);
  path_ = path;
  if (path == "-") {
    is_stdout_ = true;
    file_ = stdout;
    return Status::Ok();
  }
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return Status::InputError(path + ": is a directory, expected an output file name");
  }
  // A unique name in the same directory, so that rename() is atomic.
  std::random_device rd;
  for (int attempt = 0; attempt < 16; ++attempt) {
    temp_path_ = path + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000);
    int fd = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      file_ = ::fdopen(fd, "wb");
      if (file_ == nullptr) {
        ::close(fd);
        ::unlink(temp_path_.c_str());
        return Status::InputError(path + ": cannot open for writing");
      }
      static constexpr size_t kBufferSize = 1 << 20;
      std::setvbuf(file_, nullptr, _IOFBF, kBufferSize);
      return Status::Ok();
    }
    if (errno != EEXIST) return Status::InputError(path + ": cannot write: " + ErrnoText(errno));
  }
  return Status::InputError(path + ": cannot create a temporary file beside it");
}

void AtomicFile::Write(std::string_view bytes) {
  assert(file_ != nullptr);
  std::fwrite(bytes.data(), 1, bytes.size(), file_);
}

Status AtomicFile::Commit() {
  assert(file_ != nullptr);
  if (is_stdout_) {
    std::fflush(file_);
    file_ = nullptr;
    return Status::Ok();
  }
  bool failed = std::ferror(file_) != 0;
  failed |= std::fflush(file_) != 0;
  failed |= std::fclose(file_) != 0;
  file_ = nullptr;
  if (failed) {
    ::unlink(temp_path_.c_str());
    return Status::InputError(path_ + ": write failed (disk full?)");
  }
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    int err = errno;
    ::unlink(temp_path_.c_str());
    return Status::InputError(path_ + ": cannot rename into place: " + ErrnoText(err));
  }
  return Status::Ok();
}

}  // namespace newsgraph
