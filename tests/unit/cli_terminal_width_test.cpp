// The window of a long source line on a terminal (docs/cli.md, "What is
// printed stays small"): the terminal's width (TIOCSWINSZ on a
// pseudo-terminal, or COLUMNS), less the gutter and the `...` marks, at
// least 40 columns; 200 columns when stderr is no terminal.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "cli_support.hpp"

namespace archc::test {
namespace {

// A line of over 300 columns with a syntax error, `!`, in the middle of it:
// `x = "` (5 columns), 150 `a`, `" ! "`, 150 `b`, `"`.
const std::string kLine = "x = \"" + std::string(150, 'a') + "\" ! \"" + std::string(150, 'b') + "\"";

// The source line echoed on stderr, as the terminal received it.
std::string echoed(const std::string& err) {
  const std::size_t at = err.find("1 | ");
  REQUIRE(at != std::string::npos);
  return err.substr(at, err.find("\r\n", at) - at);
}

TEST_CASE("on a terminal the echo of a long line fits its width", "[cli][echo]") {
  TempDir dir;
  write(dir / "long.arch", kLine + "\n");
  const std::vector<std::string> check = {"--color=never", "check", dir / "long.arch", "--rule", "unused-variable=off"};
  // 80 columns: 80 - `1 | ` (4) - 2 * `...` = 70 columns of the line, 21 of them before the range.
  const std::size_t range = 5 + 150 + 2;  // the `!`
  std::string line = echoed(stderr_on_terminal(check, {"COLUMNS="}, 80).err);
  CHECK(line == "1 | ..." + kLine.substr(range - 21, 70) + "...");
  CHECK(line.size() == 80);
  // COLUMNS, when valid, is taken over the terminal's size.
  line = echoed(stderr_on_terminal(check, {"COLUMNS=100"}, 80).err);
  CHECK(line == "1 | ..." + kLine.substr(range - 27, 90) + "...");
  line = echoed(stderr_on_terminal(check, {"COLUMNS=wide"}, 80).err);
  CHECK(line.size() == 80);
  // Never narrower than 40 columns.
  line = echoed(stderr_on_terminal(check, {"COLUMNS=20"}, 80).err);
  CHECK(line == "1 | ..." + kLine.substr(range - 12, 40) + "...");
  // A terminal that does not know its size, and a file, keep 200 columns.
  line = echoed(stderr_on_terminal(check, {"COLUMNS="}).err);
  CHECK(line == "1 | ..." + kLine.substr(range - 60, 200) + "...");
  const Run file = archc("--color=never check --rule unused-variable=off " + quote(dir / "long.arch"), "");
  const std::string to_file = file.err.substr(file.err.find("1 | "));
  CHECK(to_file.substr(0, to_file.find('\n')) == "1 | ..." + kLine.substr(range - 60, 200) + "...");
}

TEST_CASE("lint's text on a terminal fits its width too; in a file or a pipe, 200 columns", "[cli][echo]") {
  TempDir dir;
  write(dir / "long.arch", kLine + "\n");
  const std::size_t range = 5 + 150 + 2;
  const std::vector<std::string> lint = {"--color=never", "lint", dir / "long.arch", "--rule", "unused-variable=off"};
  CHECK(echoed(on_terminal(lint, {"COLUMNS="}, 80, STDOUT_FILENO).err) ==
        "1 | ..." + kLine.substr(range - 21, 70) + "...");
  const Run piped = archc("--color=never lint --rule unused-variable=off " + quote(dir / "long.arch"), "");
  const std::string out = piped.out.substr(piped.out.find("1 | "));
  CHECK(out.substr(0, out.find('\n')) == "1 | ..." + kLine.substr(range - 60, 200) + "...");
}

}  // namespace
}  // namespace archc::test
