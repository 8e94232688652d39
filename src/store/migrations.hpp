#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace alis::store {

struct Migration {
    int version = 0;   // From the file name, "0001_init.sql" is version 1.
    std::string name;  // The file name.
    std::string_view sql;
};

// The numbered migration files of a dialect ("sqlite", "postgresql") compiled into the binary,
// ordered by version. Throws StoreError if two files share a version or a name lacks its number.
std::vector<Migration> migrations_for(std::string_view dialect);

}  // namespace alis::store
