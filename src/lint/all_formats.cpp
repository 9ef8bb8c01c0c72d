#include "lint/formats.hpp"

namespace archc::lint {

namespace {

class AllFormats : public Format {
 public:
  explicit AllFormats(std::vector<std::unique_ptr<Format>> formats) : formats_(std::move(formats)) {}

  void file(const LintedFile& f) override {
    for (const auto& format : formats_) format->file(f);
  }
  void failed(const std::string& path, const std::string& reason) override {
    for (const auto& format : formats_) format->failed(path, reason);
  }
  void finish() override {
    for (const auto& format : formats_) format->finish();
  }

 private:
  std::vector<std::unique_ptr<Format>> formats_;
};

}  // namespace

std::unique_ptr<Format> all_formats(std::vector<std::unique_ptr<Format>> formats) {
  return std::make_unique<AllFormats>(std::move(formats));
}

}  // namespace archc::lint
