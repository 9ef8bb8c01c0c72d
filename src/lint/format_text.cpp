#include <fmt/format.h>

#include "lint/formats.hpp"

namespace archc::lint {

namespace {

class TextFormat : public Format {
 public:
  TextFormat(std::ostream& out, bool color, std::size_t columns) : out_(out), color_(color), columns_(columns) {}

  void file(const LintedFile& f) override {
    for (const auto& d : f.diags.all()) out_ << render_text(d, color_, columns_) << '\n';
    if (const std::string omitted = render_omitted(f.path, f.diags); !omitted.empty()) out_ << omitted << '\n';
    out_ << render_summary(f.path, f.diags.error_count(), f.diags.warning_count());
    if (f.diags.suppressed()) out_ << fmt::format(" ({} suppressed)", f.diags.suppressed());
    out_ << '\n';
  }
  void failed(const std::string&, const std::string&) override {}  // standard error has said it
  void finish() override {}

 private:
  std::ostream& out_;
  bool color_;
  std::size_t columns_;
};

}  // namespace

std::unique_ptr<Format> text_format(std::ostream& out, bool color, std::size_t columns) {
  return std::make_unique<TextFormat>(out, color, columns);
}

}  // namespace archc::lint
