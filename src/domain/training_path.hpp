#pragma once

// The training path: the input model of the training ledger (docs/ledger.md, "Input").

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"

namespace alis::domain {

// Where a service period was served; decides whether and toward what it counts.
enum class Arena {
    open_general_practice,   // "åpen uselektert allmennpraksis", a GP list practice
    other_general_practice,  // nursing home, out-of-hours service, child health clinic, KAD...
    institution,             // "institusjonstjeneste", hospital or other approved institution
    leave,                   // a day of leave counts nothing, whatever else runs that day
    other,                   // service that does not count
};

// The arena's name in input and output, e.g. "open_general_practice".
template <>
struct EnumNames<Arena> {
    static constexpr std::array<std::pair<Arena, std::string_view>, 5> names{{
        {Arena::open_general_practice, "open_general_practice"},
        {Arena::other_general_practice, "other_general_practice"},
        {Arena::institution, "institution"},
        {Arena::leave, "leave"},
        {Arena::other, "other"},
    }};
};

// The arenas whose service can count toward requirements, in report order.
inline constexpr std::size_t kCountingArenaCount = 3;
inline constexpr std::array<Arena, kCountingArenaCount> kCountingArenas = {
    Arena::open_general_practice, Arena::other_general_practice, Arena::institution};

// True for the arenas whose service can count: open and other general practice, institution.
constexpr bool is_counting(Arena arena) {
    return arena == Arena::open_general_practice || arena == Arena::other_general_practice ||
           arena == Arena::institution;
}

// The position of a counting arena in kCountingArenas; only valid when is_counting(arena).
constexpr std::size_t counting_index(Arena arena) {
    return static_cast<std::size_t>(arena);
}

// A position share in millionths of a full-time position: 1'000'000 is 100 %, 600'000 is 60 %.
// Input percentages have at most 4 decimals, so every valid input is exact in this unit.
using PositionPpm = std::int32_t;
inline constexpr PositionPpm kFullTime = 1'000'000;

// Converts a percentage (0 < percent <= 100, at most 4 decimals) to PositionPpm; nullopt otherwise.
std::optional<PositionPpm> percent_to_ppm(double percent);

// One period of service (or leave) in one arena.
struct PathPeriod {
    Date from;
    std::optional<Date> to;  // inclusive; nullopt means ongoing
    Arena arena = Arena::other;
    PositionPpm fte = kFullTime;  // 0 < fte <= kFullTime; ignored for leave
    bool registered = true;       // false when the employer was not a registered enterprise
};

// A doctor's training path as the ledger reads it.
struct TrainingPath {
    std::string ruleset;                 // the ruleset id; empty when the input does not name one
    Date as_of;                          // "today": days after it are the plan
    std::optional<Date> lis1_completed;  // service on or before this date does not count
    std::vector<PathPeriod> periods;
};

// The dates the ledger accepts: wide enough for any career, small enough for exact sums.
inline constexpr int kEarliestYear = 1900;
inline constexpr int kLatestYear = 2199;
// The most periods one path may hold.
inline constexpr std::size_t kMaxPeriods = 1000;

// Bad input: names the field (e.g. "periods[3].to") and the reason.
class TrainingPathError : public std::runtime_error {
  public:
    TrainingPathError(std::string field, std::string reason);
    // The field in the input, e.g. "periods[3].to"; "input" for malformed JSON.
    const std::string& field() const { return field_; }
    const std::string& reason() const { return reason_; }

  private:
    std::string field_;
    std::string reason_;
};

// Parses a training path from its JSON text (schema in docs/ledger.md); throws TrainingPathError
// naming the field and index of the first problem found.
TrainingPath parse_training_path(std::string_view json);

// Checks the rules that a parsed path obeys (dates in range, to not before from, fte in range,
// at most kMaxPeriods periods); throws TrainingPathError for the first one broken.
void check_training_path(const TrainingPath& path);

}  // namespace alis::domain
