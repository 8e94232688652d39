// The wal-index header that SqliteDatabase::data_generation trusts instead of a read: it must
// change at every commit, by any connection, and never repeat, while reads leave it alone.
#include "store/sqlite/wal_watch.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <set>
#include <string>

#include "support/temp_dir.hpp"

namespace alis::store::sqlite {
namespace wal_watch_test {

// A raw connection in WAL mode, as another process would have it.
struct Raw {
    explicit Raw(const std::string& path) {
        EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        exec("PRAGMA journal_mode=WAL");
    }
    ~Raw() { sqlite3_close(db); }
    void exec(const std::string& sql) {
        char* error = nullptr;
        ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
            << (error != nullptr ? error : "") << " in " << sql;
    }
    sqlite3* db = nullptr;
};

TEST(WalWatch, ThereIsNoHeaderBeforeTheDatabaseHasAWalIndex) {
    testing::TempDir dir;
    WalWatch watch((dir.path() / "none.db-shm").string());
    EXPECT_FALSE(watch.header());
}

TEST(WalWatch, EveryCommitOfAnotherConnectionChangesTheHeaderAndReadsDoNot) {
    testing::TempDir dir;
    const std::string path = (dir.path() / "alis.db").string();
    Raw writer(path);
    Raw reader(path);
    writer.exec("CREATE TABLE t (v INTEGER)");
    WalWatch watch(path + "-shm");
    auto first = watch.header();
    ASSERT_TRUE(first) << "a database in WAL mode has a wal-index";

    std::set<WalIndexHeader> seen{*first};
    for (int i = 0; i < 200; ++i) {
        writer.exec("INSERT INTO t VALUES (" + std::to_string(i) + ")");
        if (i % 50 == 49) {
            // A checkpoint that empties the WAL: the next commit restarts it from the start.
            writer.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        const auto now = watch.header();
        ASSERT_TRUE(now);
        EXPECT_TRUE(seen.insert(*now).second) << "commit " << i << " left a header seen before";
        reader.exec("SELECT count(*) FROM t");
        EXPECT_EQ(watch.header(), now) << "a read changed the header after commit " << i;
    }
}

}  // namespace wal_watch_test
}  // namespace alis::store::sqlite
