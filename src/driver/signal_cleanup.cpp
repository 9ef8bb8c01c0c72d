#include "driver/signal_cleanup.hpp"

#include <unistd.h>

#include <array>
#include <cstddef>

namespace archc {

namespace {

// Every signal whose default action ends the process, but the faults
// (SIGSEGV, SIGBUS, SIGFPE, SIGILL: a crash, which a sanitizer reports) and
// the two main() ignores (SIGPIPE, SIGXFSZ). signal(7).
constexpr std::array kNamedSignals = {SIGHUP,  SIGINT,  SIGQUIT,   SIGTERM, SIGALRM, SIGUSR1, SIGUSR2,   SIGXCPU,
                                      SIGVTALRM, SIGPROF, SIGABRT, SIGTRAP, SIGSYS,  SIGIO,   SIGSTKFLT, SIGPWR};

// Calls `f` with each handled signal: the named ones, then the real-time
// signals, whose default action also ends the process.
template <typename F>
void for_each_signal(F&& f) {
  for (int sig : kNamedSignals) f(sig);
  for (int sig = SIGRTMIN; sig <= SIGRTMAX; ++sig) f(sig);
}

// The path the handler removes, or null. Set and cleared only with the
// signals blocked, so the handler never sees it change.
std::string g_owned_path;
const char* volatile g_path = nullptr;
std::array<struct sigaction, NSIG> g_previous;  // by signal number

sigset_t handled_set() {
  sigset_t set;
  sigemptyset(&set);
  for_each_signal([&](int sig) { sigaddset(&set, sig); });
  return set;
}

// Only async-signal-safe calls. SA_RESETHAND has restored the default
// action on entry; the raised signal, blocked while the handler runs, is
// delivered when it returns and ends the process.
void remove_and_reraise(int sig) {
  if (const char* path = g_path) unlink(path);
  raise(sig);
}

}  // namespace

CleanupSignalsBlocked::CleanupSignalsBlocked() {
  const sigset_t set = handled_set();
  sigprocmask(SIG_BLOCK, &set, &previous_);
}

CleanupSignalsBlocked::~CleanupSignalsBlocked() { sigprocmask(SIG_SETMASK, &previous_, nullptr); }

void remove_on_signal(const std::string& path) {
  g_owned_path = path;
  g_path = g_owned_path.c_str();
  struct sigaction action {};
  action.sa_handler = remove_and_reraise;
  action.sa_mask = handled_set();  // a second signal waits until the first has ended the process
  action.sa_flags = SA_RESETHAND;
  for_each_signal([&](int sig) {
    sigaction(sig, nullptr, &g_previous[static_cast<std::size_t>(sig)]);
    if (g_previous[static_cast<std::size_t>(sig)].sa_handler != SIG_IGN) sigaction(sig, &action, nullptr);
  });
}

void forget_on_signal() {
  if (g_path == nullptr) return;
  for_each_signal([](int sig) { sigaction(sig, &g_previous[static_cast<std::size_t>(sig)], nullptr); });
  g_path = nullptr;
  g_owned_path.clear();
}

}  // namespace archc
