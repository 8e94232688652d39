#include "store/database.hpp"

#include "store/postgres/postgres_database.hpp"
#include "store/sqlite/backup.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace alis::store {

std::unique_ptr<Database> open_database(std::string_view url, int connections) {
    if (url.starts_with("sqlite:")) {
        return std::make_unique<sqlite::SqliteDatabase>(std::string(url.substr(7)), connections);
    }
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
        postgres::PostgresOptions options;
        options.url = std::string(url);
        options.pool_size = connections;
        return std::make_unique<postgres::PostgresDatabase>(std::move(options));
    }
    throw StoreError("unknown database URL '" + std::string(url) +
                     "': expected sqlite:PATH or postgresql://...");
}

std::string redacted_url(std::string_view url) {
    const std::string text(url);
    const auto scheme = text.find("://");
    const auto at = text.find('@');
    if (scheme == std::string::npos || at == std::string::npos || at < scheme) {
        return text;
    }
    const auto colon = text.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) {
        return text;
    }
    return text.substr(0, colon + 1) + "***" + text.substr(at);
}

void back_up_sqlite(std::string_view url, const std::string& path,
                    const std::function<void(int copied, int total)>& progress) {
    if (!url.starts_with("sqlite:")) {
        throw StoreError("only a SQLite database is backed up by alis");
    }
    sqlite::Connection source(std::string(url.substr(7)), sqlite::Access::read_only);
    sqlite::back_up(source, path, progress);
}

}  // namespace alis::store
