// `archc build -o OUT`: how OUT is written, by what it names when archc
// writes (docs/cli.md, "Output files"), and which file it is.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>

namespace archc {

// Writes `text` to OUT `path`:
// - nothing, or a regular file: created or replaced atomically
//   (write_file_atomically). Symlinks are followed to the name they lead
//   to, which is replaced; the links stay as they are. A dangling link
//   creates its target.
// - a directory: an error (EISDIR).
// - a character or block device, a FIFO, a socket: written straight, with
//   no temporary file and no rename (/dev/null stays a device). A FIFO is
//   opened as a shell would, waiting for a reader; a socket is connected to
//   as a stream (AF_UNIX, SOCK_STREAM).
// - one of archc's own descriptors through /proc (/dev/stdout,
//   /dev/fd/N): that descriptor, as if the shell had redirected it there
//   (its offset and append mode hold, nothing is reopened); a regular file
//   named by another /proc link is truncated and written straight.
// Returns false with `error` set ("cannot write OUT: reason") on failure.
bool write_output(const std::string& path, std::string_view text, std::string& error);

// A file's identity: two names (hard links, symlinks, /dev/stdout) of the
// same file have the same.
struct FileId {
  dev_t device;
  ino_t inode;
  bool operator==(const FileId&) const = default;
};
// The identity of the regular file `path` names, following symlinks, or of
// the regular file open on `fd`; nothing for anything else (a device, a
// pipe, a directory, a name that does not exist).
std::optional<FileId> regular_file_id(const std::string& path);
std::optional<FileId> regular_file_id(int fd);

}  // namespace archc
