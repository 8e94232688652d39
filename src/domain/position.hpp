#pragma once

// How much position a doctor holds at once. A doctor cannot work more than full time, so a new
// employment or service period is refused when, on some day, it would bring the total above 100 %.

#include <optional>
#include <vector>

#include "domain/date.hpp"

namespace alis::domain {

// Days from `from` to `to` (inclusive; nullopt: ongoing) at `percent` of a full-time position.
struct PositionSpan {
    Date from;
    std::optional<Date> to;
    int percent = 100;
};

// The highest total on any day of `added`'s span, and the first day it is reached.
struct PeakPosition {
    int percent = 0;
    Date on;
};

// Sums `added` and every span of `existing` that overlaps it, day by day over `added`'s span, and
// returns the peak. An ongoing span runs to the end of the calendar the ledger accepts.
PeakPosition peak_position(const std::vector<PositionSpan>& existing, const PositionSpan& added);

}  // namespace alis::domain
