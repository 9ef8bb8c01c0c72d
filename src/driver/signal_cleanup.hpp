// Removing a temporary file when a signal ends archc: Ctrl-C, `kill`,
// `timeout`, a closed terminal or a CPU time limit must not leave one
// behind. One path at a time: archc writes one output file.
//
// The signals handled are all those whose default action ends a process
// (signal(7)), the real-time signals included, but for the faults of a
// crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL), SIGPIPE and SIGXFSZ: main()
// ignores those two, so that a closed pipe or a file size limit makes
// write(2) fail (EPIPE, EFBIG) and archc reports it and removes the file
// itself. SIGKILL and SIGSTOP cannot be caught; docs/cli.md says how to
// find what SIGKILL leaves.
#pragma once

#include <signal.h>

#include <string>

namespace archc {

// Holds the handled signals blocked while it lives, so that a file is
// created and registered, or renamed and forgotten, with no signal in
// between; a signal that arrives meanwhile is delivered when it ends.
class CleanupSignalsBlocked {
 public:
  CleanupSignalsBlocked();
  ~CleanupSignalsBlocked();
  CleanupSignalsBlocked(const CleanupSignalsBlocked&) = delete;
  CleanupSignalsBlocked& operator=(const CleanupSignalsBlocked&) = delete;

 private:
  sigset_t previous_;
};

// Until forget_on_signal(), a handled signal runs a handler that removes
// `path` with unlink(2) and then ends archc by the same signal with its
// default action, as if there were no handler (the exit status shows the
// signal). A signal ignored when archc started (nohup) stays ignored. Call
// with the signals blocked (CleanupSignalsBlocked).
void remove_on_signal(const std::string& path);
// Forgets the path and restores the actions remove_on_signal replaced.
// Call with the signals blocked.
void forget_on_signal();

}  // namespace archc
