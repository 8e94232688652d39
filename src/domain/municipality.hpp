#pragma once

// A municipality, its status as an education enterprise, and its general education plan
// ("generell utdanningsplan"): the learning arenas and who is responsible for what.

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"

namespace alis::domain {

// Whether service in the municipality counts: only a registered education enterprise's does.
enum class EnterpriseStatus { registered, temporarily_registered, not_registered };
template <>
struct EnumNames<EnterpriseStatus> {
    static constexpr std::array<std::pair<EnterpriseStatus, std::string_view>, 3> names{{
        {EnterpriseStatus::registered, "registered"},
        {EnterpriseStatus::temporarily_registered, "temporarily_registered"},
        {EnterpriseStatus::not_registered, "not_registered"},
    }};
};

// The kinds of learning arena a general education plan lists.
enum class ArenaKind {
    gp_office,
    nursing_home,
    out_of_hours_service,
    child_health_clinic,
    hospital_by_agreement,
    other
};
template <>
struct EnumNames<ArenaKind> {
    static constexpr std::array<std::pair<ArenaKind, std::string_view>, 6> names{{
        {ArenaKind::gp_office, "gp_office"},
        {ArenaKind::nursing_home, "nursing_home"},
        {ArenaKind::out_of_hours_service, "out_of_hours_service"},
        {ArenaKind::child_health_clinic, "child_health_clinic"},
        {ArenaKind::hospital_by_agreement, "hospital_by_agreement"},
        {ArenaKind::other, "other"},
    }};
};

struct Municipality {
    std::string number;  // SSB municipality number, 4 digits.
    std::string name;
    std::string county;
    int centrality_class = 0;  // SSB, 1 (most central) to 6.
    EnterpriseStatus enterprise_status = EnterpriseStatus::not_registered;
    std::string alis_office;  // The regional ALIS office, e.g. "Bergen".
};

// A municipality with the number of doctors in training it employs on a given day.
struct MunicipalitySummary {
    Municipality municipality;
    int trainees = 0;
};

// The counts a regional office sees for one of its municipalities on a day.
struct RegionMunicipalityCounts {
    Municipality municipality;
    int trainees = 0;                        // In training and employed there.
    int without_supervisor = 0;              // Of those, with no supervisor assigned.
    int supervisors_with_free_capacity = 0;  // Registered there, below its capacity.
};

// One recorded change of a municipality's education-enterprise status, with its dates.
struct EnterpriseStatusChange {
    std::int64_t id = 0;
    std::string municipality_number;
    EnterpriseStatus status = EnterpriseStatus::not_registered;
    Date valid_from;                  // Registered since, or not registered since.
    std::optional<Date> valid_until;  // Set exactly for temporarily_registered (inclusive).
    std::optional<Date> applied_on;   // When the municipality applied for registration, if told.
    std::string changed_at;           // UTC, "2026-11-22T10:15:30Z".
    std::string changed_by;           // The e-mail of whoever recorded it.
};

// A place where doctors in training learn, and what it offers (learning objectives, patients).
struct LearningArena {
    std::int64_t id = 0;
    std::string municipality_number;
    ArenaKind kind = ArenaKind::gp_office;
    std::string name;
    std::string offers;
};

// Who is responsible for what in the municipality's training programme.
struct PlanResponsibility {
    std::int64_t id = 0;
    std::string municipality_number;
    std::string area;         // E.g. "Overordnet ansvar".
    std::string responsible;  // A role or a person, e.g. "Kommuneoverlege".
    std::string description;  // May be empty.
};

// When a municipality's general plan last changed, and by whom.
struct GeneralPlanChange {
    std::string municipality_number;
    std::string changed_at;  // UTC, "2026-11-22T10:15:30Z".
    std::string changed_by;
};

// A municipality file (data/municipalities.csv) that cannot be read: which line, and why.
class MunicipalityFileError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A line of the municipality file: the municipality as the store keeps it, and its population,
// which the store does not keep (the demo generator spreads its doctors by it).
struct ReferenceMunicipality {
    Municipality municipality;
    int population = 0;  // Inhabitants on 1 January 2025 (SSB table 07459).
};

// The size bands of a municipality by inhabitants, as in the figures on GP list contracts that
// the stability statistics are read against (Abelsen et al., Tidsskr Nor Legeforen 2015: median
// duration 2.75 years under 2,000 inhabitants, 8.37 years from 50,000).
enum class SizeBand { under_2000, from_2000, from_5000, from_10000, from_50000 };
template <>
struct EnumNames<SizeBand> {
    static constexpr std::array<std::pair<SizeBand, std::string_view>, 5> names{{
        {SizeBand::under_2000, "under_2000"},
        {SizeBand::from_2000, "2000_4999"},
        {SizeBand::from_5000, "5000_9999"},
        {SizeBand::from_10000, "10000_49999"},
        {SizeBand::from_50000, "50000_and_more"},
    }};
};

// The band of a municipality of `population` inhabitants.
constexpr SizeBand size_band(int population) {
    return population < 2000    ? SizeBand::under_2000
           : population < 5000  ? SizeBand::from_2000
           : population < 10000 ? SizeBand::from_5000
           : population < 50000 ? SizeBand::from_10000
                                : SizeBand::from_50000;
}

// Reads the municipalities of a CSV text with the header line
// "number,name,county,centrality_class,alis_office,population" (skipped) and one municipality a
// line; blank lines are skipped and a line may end in CR LF. Throws MunicipalityFileError naming
// the line.
std::vector<ReferenceMunicipality> parse_municipalities_csv(std::string_view text);

}  // namespace alis::domain
