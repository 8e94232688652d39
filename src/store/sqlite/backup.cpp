#include "store/sqlite/backup.hpp"

#include <sqlite3.h>

#include <memory>

namespace alis::store::sqlite {
namespace {

// 256 pages is 1 MiB at SQLite's default page size: a step takes a few milliseconds.
constexpr int kPagesPerStep = 256;
// How long a step waits, in all, for a destination another connection holds locked.
constexpr int kBusyRetries = 100;
constexpr int kBusySleepMs = 50;

// Starts a read transaction that the steps run in; the SELECT makes it take its snapshot now.
constexpr const char* kBeginSnapshot = "BEGIN; SELECT count(*) FROM sqlite_schema";
constexpr const char* kEndSnapshot = "COMMIT";

struct CloseDatabase {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

}  // namespace

void back_up(Connection& source, const std::string& path,
             const std::function<void(int copied, int total)>& progress) {
    const auto fail = [&](const std::string& reason) {
        return StoreError("cannot back up into " + path + ": " + reason);
    };
    sqlite3* opened = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    const std::unique_ptr<sqlite3, CloseDatabase> destination(opened);
    if (rc != SQLITE_OK) {
        throw fail(opened != nullptr ? sqlite3_errmsg(opened) : sqlite3_errstr(rc));
    }
    source.exec(kBeginSnapshot);
    try {
        sqlite3_backup* backup =
            sqlite3_backup_init(destination.get(), "main", source.handle(), "main");
        if (backup == nullptr) {
            throw fail(sqlite3_errmsg(destination.get()));
        }
        int step = SQLITE_OK;
        int busy = 0;
        while (step == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED) {
            step = sqlite3_backup_step(backup, kPagesPerStep);
            if (step == SQLITE_BUSY || step == SQLITE_LOCKED) {
                if (++busy > kBusyRetries) {
                    break;
                }
                sqlite3_sleep(kBusySleepMs);
                continue;
            }
            const int total = sqlite3_backup_pagecount(backup);
            progress(total - sqlite3_backup_remaining(backup), total);
        }
        // Finishing frees the backup whatever happened; its result is the first error, if any.
        const int finished = sqlite3_backup_finish(backup);
        if (step != SQLITE_DONE || finished != SQLITE_OK) {
            throw fail(sqlite3_errstr(step != SQLITE_DONE ? step : finished));
        }
    } catch (...) {
        try {
            source.exec(kEndSnapshot);
        } catch (const StoreError&) {
            // The reader is given back to the pool either way; the failure above is the news.
        }
        throw;
    }
    source.exec(kEndSnapshot);
}

}  // namespace alis::store::sqlite
