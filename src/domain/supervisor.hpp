#pragma once

// Supervisors ("veiledere") a municipality registers, and their assignments to trainees.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"

namespace alis::domain {

// How a supervisor is qualified: a specialist in general practice, or an experienced GP the
// municipality has approved (with the date and reason of that decision).
enum class SupervisorQualification { specialist, approved_experienced };
template <>
struct EnumNames<SupervisorQualification> {
    static constexpr std::array<std::pair<SupervisorQualification, std::string_view>, 2> names{{
        {SupervisorQualification::specialist, "specialist"},
        {SupervisorQualification::approved_experienced, "approved_experienced"},
    }};
};

// Trainees per supervisor at a time when a municipality has set nothing (the pilot model's 2).
inline constexpr int kDefaultSupervisorCapacity = 2;

// A person registered as a supervisor (veileder) for a municipality. A supervisor living in
// another municipality is used through an inter-municipal agreement, recorded here.
struct Supervisor {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::string municipality_number;  // The municipality the supervisor works for.
    SupervisorQualification qualification = SupervisorQualification::specialist;
    std::optional<Date> approved_on;             // approved_experienced: the decision's date.
    std::optional<std::string> approval_reason;  // approved_experienced: its reason.
    std::string office;                          // The GP office where the supervisor works.
    std::string home_municipality_number;
    std::optional<std::string> agreement_reference;  // When home differs: the agreement.
    std::optional<Date> agreement_date;
    Date registered_on;
};

// A registered supervisor with their name and how many trainees they have on a day, counted
// over every municipality (a supervisor's load is theirs, wherever the trainees work).
struct SupervisorSummary {
    Supervisor supervisor;
    std::string full_name;
    int trainees = 0;
    // The name of the supervisor's home municipality; empty when it is not a known municipality.
    std::string home_municipality_name;
};

struct SupervisorAssignment {
    std::int64_t id = 0;
    std::int64_t supervisor_person_id = 0;
    std::int64_t trainee_person_id = 0;
    Date starts_on;
    std::optional<Date> ends_on;
};

}  // namespace alis::domain
