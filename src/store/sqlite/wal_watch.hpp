#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace alis::store::sqlite {

// The header of a database's wal-index (the PATH-shm file that every connection in WAL mode maps):
// SQLite rewrites it at every commit, by any connection of any process (its frame count grows,
// its change counter steps, and a restarted WAL gets new salts), and at nothing else that changes
// data. The format is SQLite's documented, stable one, since processes of different SQLite
// versions share it: https://www.sqlite.org/walformat.html#the_wal_index_file_format. So while the
// header is the same, no transaction has committed, and a value read from the database before is
// still true.
using WalIndexHeader = std::array<std::uint32_t, 12>;

// Reads the header from a read-only mapping of the -shm file: no system call, where a read
// transaction cost about a fifth and a stat plus pread of the WAL about a twelfth of a cached
// answer (docs/performance.md). Thread-safe.
class WalWatch {
  public:
    explicit WalWatch(std::string shm_path);
    ~WalWatch();
    WalWatch(const WalWatch&) = delete;
    WalWatch& operator=(const WalWatch&) = delete;

    // The header now, or nullopt when there is no wal-index to read (not in WAL mode, or not yet
    // created): then nothing can be concluded, and the caller reads the database. A header read
    // while a writer rewrites it may be torn; it then differs from every header before, which
    // only costs the caller a read.
    std::optional<WalIndexHeader> header();

  private:
    const std::uint32_t* mapping();

    std::string path_;
    std::mutex mutex_;  // Guards mapping: the -shm file may appear only after the first read.
    std::atomic<const std::uint32_t*> header_{nullptr};
    void* mapped_ = nullptr;
};

}  // namespace alis::store::sqlite
