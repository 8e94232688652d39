#pragma once

// Individual supervision ("veiledning", issue 14): the meetings of a trainee with their
// veileder, the addenda written after a meeting was closed, the norms of supervision hours
// (rules/supervision/norms.toml) and the month-by-month count of hours against a norm.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/provenance.hpp"

namespace alis::domain {

// The longest a meeting may last, and the longest texts it holds (the schema's CHECKs).
inline constexpr int kMaxMeetingMinutes = 600;
inline constexpr std::size_t kMaxTopicsLength = 2000;
inline constexpr std::size_t kMaxMinutesLength = 20000;
inline constexpr std::size_t kMaxAddendumLength = 4000;

// One supervision meeting of a trainee with their veileder: planned (by either), changed while
// open, and closed by the veileder, after which it is frozen. Hours count once it is closed (the
// veileder has confirmed it was held). The learning objectives it covers are linked once the
// objectives exist (issue 14): a list of them belongs here then, stored in a table of its own.
struct SupervisionMeeting {
    std::int64_t id = 0;
    std::int64_t trainee_person_id = 0;
    std::int64_t supervisor_person_id = 0;
    Date held_on;
    int duration_minutes = 60;
    std::string topics;
    std::string minutes;     // The private minutes ("referat"): the trainee's and the veileder's.
    std::string planned_at;  // UTC instant, "2026-11-22T10:15:30Z".
    std::string planned_by;  // Name and e-mail.
    std::optional<std::string> closed_at;
    std::optional<std::string> closed_by;

    bool is_closed() const { return closed_at.has_value(); }
};

// A note added to a closed meeting; never changed.
struct SupervisionAddendum {
    std::int64_t id = 0;
    std::int64_t meeting_id = 0;
    std::string text;
    std::string written_at;
    std::string written_by;
};

// A norm of supervision hours: the hours a month with supervision should hold, and how many
// months a year must hold them (in tenths: 105 is 10.5 months), each with its provenance.
struct SupervisionNorm {
    std::string id;
    std::string name;
    int hours_per_month = 0;
    Provenance hours_source;
    int months_per_year_tenths = 120;
    Provenance months_source;

    // The minutes a calendar month should hold on average: hours x months a year / 12.
    int minutes_per_month() const { return hours_per_month * 60 * months_per_year_tenths / 120; }
};

// Every norm alis knows, and the one that applies when a municipality chose none.
struct SupervisionNorms {
    std::vector<SupervisionNorm> norms;
    std::string default_id;

    // The norm with `id`, or nullptr.
    const SupervisionNorm* find(std::string_view id) const;
    // The norm with `id`, or the default when `id` is empty or unknown.
    const SupervisionNorm& chosen(std::string_view id) const;
};

// Parses and checks the norms file; `file` names it in errors. Throws DataFileError
// (domain/toml_reader.hpp) for bad TOML, a missing, unknown or unsourced key, a value out of
// range, two norms with one id or a default that names none of them.
SupervisionNorms parse_supervision_norms(std::string_view toml_text, std::string_view file);

// The supervision of one calendar month: minutes of closed meetings held in it, minutes of
// meetings planned in it and not yet closed, and what the norm expects of it.
struct SupervisionMonth {
    Month month;
    int held_minutes = 0;
    int open_minutes = 0;
    int norm_minutes = 0;
};

// The months from `from` to `to` (inclusive, oldest first) with the meetings' minutes counted in
// the month each was held in; meetings outside the months are ignored.
std::vector<SupervisionMonth> supervision_months(const std::vector<SupervisionMeeting>& meetings,
                                                 const SupervisionNorm& norm, Month from, Month to);

// How many whole months the "under the norm" warning looks back over.
inline constexpr int kNormWindowMonths = 3;

// The hours of the last kNormWindowMonths complete months before `today`'s month, counted from
// `since` (the trainee's first month with a veileder) when that is later, against the norm.
struct NormWindow {
    int months = 0;  // Complete months in the window (0: too early to say).
    int held_minutes = 0;
    int norm_minutes = 0;

    // True when the window has a month and its closed meetings hold less than the norm expects.
    bool under_norm() const { return months > 0 && held_minutes < norm_minutes; }
};
NormWindow norm_window(const std::vector<SupervisionMeeting>& meetings, const SupervisionNorm& norm,
                       std::optional<Date> since, Date today);

// Minutes as hours for people: "1,5" (at most two decimals, Norwegian decimal comma, no zeros
// after the comma: "4", "3,5", "0,25").
std::string format_hours(int minutes);

}  // namespace alis::domain
