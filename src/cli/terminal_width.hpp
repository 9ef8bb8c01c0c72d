// How wide the terminal that diagnostics are printed on is, for the window
// of a long source line (render_text).
#pragma once

#include <cstddef>

namespace archc::cli {

// The columns of the terminal `fd` is, or 0 when it is none (a file, a pipe:
// their readers get the fixed window of kEchoColumns, the same every run).
// On a terminal, the environment variable COLUMNS when it is a whole number
// from 1 to 100000 (a user's or a script's choice, as Python's
// shutil.get_terminal_size and many tools take it), else the terminal's own
// size (TIOCGWINSZ), else 0 when the terminal does not know it.
std::size_t terminal_columns(int fd);

}  // namespace archc::cli
