#include "driver/signal_cleanup.hpp"

#include <unistd.h>

#include <array>
#include <cstddef>

namespace archc {

namespace {

constexpr std::array kSignals = {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGVTALRM, SIGPROF};

// The path the handler removes, or null. Set and cleared only with the
// signals blocked, so the handler never sees it change.
std::string g_owned_path;
const char* volatile g_path = nullptr;
std::array<struct sigaction, kSignals.size()> g_previous;

sigset_t handled_set() {
  sigset_t set;
  sigemptyset(&set);
  for (int sig : kSignals) sigaddset(&set, sig);
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
  for (std::size_t i = 0; i < kSignals.size(); ++i) {
    sigaction(kSignals[i], nullptr, &g_previous[i]);
    if (g_previous[i].sa_handler != SIG_IGN) sigaction(kSignals[i], &action, nullptr);
  }
}

void forget_on_signal() {
  if (g_path == nullptr) return;
  for (std::size_t i = 0; i < kSignals.size(); ++i) sigaction(kSignals[i], &g_previous[i], nullptr);
  g_path = nullptr;
  g_owned_path.clear();
}

}  // namespace archc
