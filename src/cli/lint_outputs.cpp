#include "cli/lint_outputs.hpp"

#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/terminal_width.hpp"
#include "driver/output_file.hpp"
#include "source/line_echo.hpp"

namespace archc::cli {

namespace {

bool known(std::string_view format) {
  return std::find(std::begin(kLintFormats), std::end(kLintFormats), format) != std::end(kLintFormats);
}

// Two paths naming one file: equal once made absolute and normal, or the
// same existing file (a hard link, a symlink).
bool same_path(const std::string& a, const std::string& b) {
  std::error_code ec_a, ec_b;
  const auto abs_a = std::filesystem::absolute(a, ec_a).lexically_normal();
  const auto abs_b = std::filesystem::absolute(b, ec_b).lexically_normal();
  if (!ec_a && !ec_b && abs_a == abs_b) return true;
  const auto id = regular_file_id(a);
  return id && id == regular_file_id(b);
}

// The time of the run in UTC, as the JUnit schema's timestamp: no zone.
std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
  return text;
}

std::unique_ptr<lint::Format> make_format(const std::string& name, const lint::RepositoryPaths& paths,
                                          std::ostream& out, bool color, std::size_t columns = 0) {
  if (name == "json") return lint::json_format(out);
  if (name == "sarif") return lint::sarif_format(out, paths);
  if (name == "github") return lint::github_format(out, paths);
  if (name == "junit") return lint::junit_format(out, paths, utc_now());
  if (name == "gitlab") return lint::gitlab_format(out, paths);
  return lint::text_format(out, color, columns);
}

}  // namespace

std::optional<std::vector<LintOutput>> parse_lint_outputs(const std::vector<std::string>& formats,
                                                          const std::optional<std::string>& output_file,
                                                          std::string& error) {
  std::vector<LintOutput> outputs;
  for (const auto& spec : formats) {
    const auto colon = spec.find(':');
    LintOutput o{spec.substr(0, colon), std::nullopt};
    if (colon != std::string::npos) o.path = spec.substr(colon + 1);
    if (!known(o.format)) {
      error = fmt::format("--format {}: unknown format `{}` (text, json, sarif, github, junit or gitlab)",
                          printable(spec), printable(o.format));
      return std::nullopt;
    }
    if (o.path && o.path->empty()) {
      error = fmt::format("--format {}: no file after `:` (FORMAT:PATH)", printable(spec));
      return std::nullopt;
    }
    outputs.push_back(std::move(o));
  }
  if (outputs.empty()) outputs.push_back({"text", std::nullopt});
  if (output_file) {
    if (outputs.size() > 1 || outputs[0].path) {
      error = "--output-file is the file of a single --format without a path; give several formats their "
              "files as --format FORMAT:PATH";
      return std::nullopt;
    }
    outputs[0].path = output_file;
  }
  // `-` is standard output, as for `build -o -`.
  for (auto& o : outputs)
    if (o.path == "-") o.path.reset();
  const LintOutput* on_stdout = nullptr;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const LintOutput& o = outputs[i];
    if (!o.path) {
      if (on_stdout) {
        error = fmt::format("--format {} and --format {} both write to standard output; give all but one a file "
                            "as FORMAT:PATH",
                            on_stdout->format, o.format);
        return std::nullopt;
      }
      on_stdout = &o;
      continue;
    }
    for (std::size_t j = 0; j < i; ++j)
      if (outputs[j].path && same_path(*outputs[j].path, *o.path)) {
        error = fmt::format("{} is the file of both --format {} and --format {}", printable(*o.path),
                            outputs[j].format, o.format);
        return std::nullopt;
      }
  }
  return outputs;
}

bool repository_relative(std::string_view format) { return format != "text" && format != "json"; }

std::string_view report_name(std::string_view format) {
  if (format == "sarif") return "SARIF";
  if (format == "github") return "annotation";
  if (format == "junit") return "JUnit";
  if (format == "gitlab") return "Code Quality";
  return format;
}

std::optional<std::string> output_over_input(const std::vector<LintOutput>& outputs,
                                             const std::vector<std::string>& files) {
  for (const auto& o : outputs) {
    if (!o.path) continue;
    const auto out = regular_file_id(*o.path);
    if (!out) continue;
    for (const auto& file : files)
      if (out == (file == "-" ? regular_file_id(STDIN_FILENO) : regular_file_id(file)))
        return fmt::format("cannot write {}: it is {}", printable(*o.path),
                           file == "-" ? "the file standard input reads" : "the input file " + printable(file));
  }
  return std::nullopt;
}

LintReports::LintReports(const std::vector<LintOutput>& outputs, const lint::RepositoryPaths& paths,
                         StandardOutput& out, ColorMode color) {
  std::vector<std::unique_ptr<lint::Format>> formats;
  for (const auto& o : outputs) {
    if (!o.path) {
      formats.push_back(make_format(o.format, paths, out.stream(), wants_color(STDOUT_FILENO, color),
                                    terminal_columns(STDOUT_FILENO)));
      continue;
    }
    files_.push_back(std::make_unique<FileReport>());
    files_.back()->path = *o.path;
    formats.push_back(make_format(o.format, paths, files_.back()->text, false));
  }
  format_ = formats.size() == 1 ? std::move(formats[0]) : lint::all_formats(std::move(formats));
}

bool LintReports::write_files() {
  bool ok = true;
  for (const auto& f : files_) {
    std::string error;
    if (!write_output(f->path, f->text.view(), error)) {
      std::cerr << "archc: error: " << error << '\n';
      ok = false;
    }
  }
  return ok;
}

}  // namespace archc::cli
