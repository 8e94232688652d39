#include "store/migrations.hpp"

#include <algorithm>
#include <charconv>

#include "embedded.hpp"
#include "store/sql.hpp"

namespace alis::store {

std::vector<Migration> migrations_for(std::string_view dialect) {
    const std::string prefix = "migrations/" + std::string(dialect) + "/";
    std::vector<Migration> result;
    for (const auto& [path, sql] : embedded::files()) {
        if (!path.starts_with(prefix) || !path.ends_with(".sql")) {
            continue;
        }
        const std::string name = path.substr(prefix.size());
        int version = 0;
        const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), version);
        if (ec != std::errc{} || end == name.data() || *end != '_') {
            throw StoreError("migration file without a leading number: " + path);
        }
        result.push_back({version, name, sql});
    }
    std::sort(result.begin(), result.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < result.size(); ++i) {
        if (result[i].version == result[i - 1].version) {
            throw StoreError("two migrations share version " + std::to_string(result[i].version));
        }
    }
    return result;
}

}  // namespace alis::store
