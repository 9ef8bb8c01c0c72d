// Loaded into archc with LD_PRELOAD by tests/unit/cli_signals_test.cpp:
// archc's fsync(2) stops the process (SIGSTOP) first. archc calls fsync
// only on the temporary file of `-o`, once it is complete and before the
// rename, so the test can send a signal there and see what is left. archc
// itself has no hook for tests.
#include <dlfcn.h>
#include <signal.h>

extern "C" int fsync(int fd) {
  using Fsync = int (*)(int);
  static const auto real = reinterpret_cast<Fsync>(dlsym(RTLD_NEXT, "fsync"));
  raise(SIGSTOP);
  return real(fd);
}
