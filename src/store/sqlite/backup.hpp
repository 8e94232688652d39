#pragma once

#include <functional>
#include <string>

#include "store/sqlite/connection.hpp"

namespace alis::store::sqlite {

// Copies every page of the database open on `source` into the (empty or new) file at `path`,
// with SQLite's online backup, in steps of a few hundred pages; calls `progress(copied, total)`
// after each. Throws StoreError naming the file on failure.
//
// The copy is of one moment: `source` holds one read transaction from the first step to the
// last, so every page comes from the same snapshot. In WAL mode a reader blocks no writer, so the
// server keeps writing meanwhile; and since no new read transaction starts between the steps,
// SQLite sees no change by another connection, which would make the backup start over (and, with
// a busy writer, never finish).
void back_up(Connection& source, const std::string& path,
             const std::function<void(int copied, int total)>& progress);

}  // namespace alis::store::sqlite
