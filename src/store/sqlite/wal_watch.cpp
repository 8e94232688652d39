#include "store/sqlite/wal_watch.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace alis::store::sqlite {
namespace {

// SQLite grows the -shm file in 32 KiB regions and only shrinks it when the last connection to the
// database closes; the header is the first 48 bytes. A mapping is taken only of a file that
// already holds a whole page, so that reading it can never fault past the end of the file.
constexpr std::size_t kMappedBytes = 4096;

}  // namespace

WalWatch::WalWatch(std::string shm_path) : path_(std::move(shm_path)) {}

WalWatch::~WalWatch() {
    if (mapped_ != nullptr) {
        ::munmap(mapped_, kMappedBytes);
    }
}

const std::uint32_t* WalWatch::mapping() {
    if (const auto* header = header_.load(std::memory_order_acquire)) {
        return header;
    }
    std::lock_guard lock(mutex_);
    if (mapped_ != nullptr) {
        return static_cast<const std::uint32_t*>(mapped_);
    }
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return nullptr;
    }
    struct stat status {};
    void* mapped = MAP_FAILED;
    if (::fstat(fd, &status) == 0 && static_cast<std::size_t>(status.st_size) >= kMappedBytes) {
        mapped = ::mmap(nullptr, kMappedBytes, PROT_READ, MAP_SHARED, fd, 0);
    }
    ::close(fd);
    if (mapped == MAP_FAILED) {
        return nullptr;
    }
    mapped_ = mapped;
    header_.store(static_cast<const std::uint32_t*>(mapped), std::memory_order_release);
    return static_cast<const std::uint32_t*>(mapped);
}

std::optional<WalIndexHeader> WalWatch::header() {
    const std::uint32_t* words = mapping();
    if (words == nullptr) {
        return std::nullopt;
    }
    // Another process writes these words: each is loaded atomically, never as plain memory.
    WalIndexHeader header;
    for (std::size_t i = 0; i < header.size(); ++i) {
        header[i] = __atomic_load_n(words + i, __ATOMIC_ACQUIRE);
    }
    return header;
}

}  // namespace alis::store::sqlite
