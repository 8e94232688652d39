#pragma once

#include <filesystem>
#include <random>
#include <string>

namespace alis::testing {

// A fresh folder under the system temp dir, removed with its contents at the end of the test.
class TempDir {
  public:
    TempDir() {
        std::random_device device;
        path_ = std::filesystem::temp_directory_path() /
                ("alis-test-" + std::to_string(device()) + std::to_string(device()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string sqlite_url(const std::string& name = "alis.db") const {
        return "sqlite:" + (path_ / name).string();
    }

  private:
    std::filesystem::path path_;
};

}  // namespace alis::testing
