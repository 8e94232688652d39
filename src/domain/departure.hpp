#pragma once

// Why a doctor left an ALIS post, and where they went (issue 16; shared/domain.md §6): what the
// leader records when an employment ends, and what the stability figures count.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "domain/enum_names.hpp"
#include "domain/person.hpp"

namespace alis::domain {

// The reasons the follow-up studies of the pilots heard (family or personal, not wanting general
// practice, pay and conditions), and the ordinary ends of a post: the training went on in another
// municipality, or the doctor became a specialist.
enum class DepartureReason {
    family_or_personal,
    not_general_practice,
    pay_and_conditions,
    workload,
    moved_on_in_training,
    became_specialist,
    other,
};
template <>
struct EnumNames<DepartureReason> {
    static constexpr std::array<std::pair<DepartureReason, std::string_view>, 7> names{{
        {DepartureReason::family_or_personal, "family_or_personal"},
        {DepartureReason::not_general_practice, "not_general_practice"},
        {DepartureReason::pay_and_conditions, "pay_and_conditions"},
        {DepartureReason::workload, "workload"},
        {DepartureReason::moved_on_in_training, "moved_on_in_training"},
        {DepartureReason::became_specialist, "became_specialist"},
        {DepartureReason::other, "other"},
    }};
};

// Where the doctor went.
enum class Destination { other_alis_post, hospital, abroad, unknown };
template <>
struct EnumNames<Destination> {
    static constexpr std::array<std::pair<Destination, std::string_view>, 4> names{{
        {Destination::other_alis_post, "other_alis_post"},
        {Destination::hospital, "hospital"},
        {Destination::abroad, "abroad"},
        {Destination::unknown, "unknown"},
    }};
};

// The departure from one ended employment. One per employment; recording it again replaces it
// (the audit trail keeps that it was changed, and by whom).
struct Departure {
    std::int64_t employment_id = 0;
    DepartureReason reason = DepartureReason::other;
    Destination destination = Destination::unknown;
    // Whether the doctor's training ended with it (not only this post): the person's training
    // status becomes `specialist` (for became_specialist) or `left`.
    bool training_ended = false;
    std::string recorded_at;  // UTC, "2026-11-22T10:15:30Z"; the audit event's instant.
    std::string recorded_by;  // Name and e-mail.
};

// An employment that has ended, with the name of the person and the departure recorded from it
// (none yet, or what the leader recorded): the leader's list of what is left to record.
struct EndedEmployment {
    Employment employment;
    std::string full_name;
    std::optional<Departure> departure;
};

}  // namespace alis::domain
