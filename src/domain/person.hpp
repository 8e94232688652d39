#pragma once

// A doctor and the training record a leader keeps of them: employments, service periods (what
// the training ledger counts) and leaves.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "domain/education_plan.hpp"
#include "domain/enum_names.hpp"
#include "domain/training_path.hpp"

namespace alis::domain {

// Where a doctor stands in the specialist training in general practice. `not_in_training` is a
// GP who is neither in the training nor a specialist, such as an experienced GP the municipality
// approved as supervisor; `left` is a doctor who left the training.
enum class TrainingStatus { in_training, specialist, left, not_in_training };
template <>
struct EnumNames<TrainingStatus> {
    static constexpr std::array<std::pair<TrainingStatus, std::string_view>, 4> names{{
        {TrainingStatus::in_training, "in_training"},
        {TrainingStatus::specialist, "specialist"},
        {TrainingStatus::left, "left"},
        {TrainingStatus::not_in_training, "not_in_training"},
    }};
};

enum class PostType { gp_list, other_general_practice, institution };
template <>
struct EnumNames<PostType> {
    static constexpr std::array<std::pair<PostType, std::string_view>, 3> names{{
        {PostType::gp_list, "gp_list"},
        {PostType::other_general_practice, "other_general_practice"},
        {PostType::institution, "institution"},
    }};
};

enum class PayModel { salaried, self_employed };
template <>
struct EnumNames<PayModel> {
    static constexpr std::array<std::pair<PayModel, std::string_view>, 2> names{{
        {PayModel::salaried, "salaried"},
        {PayModel::self_employed, "self_employed"},
    }};
};

enum class LeaveKind { parental, sick, other };
template <>
struct EnumNames<LeaveKind> {
    static constexpr std::array<std::pair<LeaveKind, std::string_view>, 3> names{{
        {LeaveKind::parental, "parental"},
        {LeaveKind::sick, "sick"},
        {LeaveKind::other, "other"},
    }};
};

struct Person {
    std::int64_t id = 0;
    std::string full_name;
    std::optional<std::string> hpr_number;
    TrainingStatus training_status = TrainingStatus::in_training;
    std::optional<Date> lis1_completed;
    std::optional<std::string> ruleset;
};

struct Employment {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::string municipality_number;
    Date starts_on;
    std::optional<Date> ends_on;  // Inclusive; nullopt while ongoing.
    int fte = 100;                // Position percentage, 1-100.
    PostType post_type = PostType::gp_list;
    PayModel pay_model = PayModel::salaried;
};

struct Leave {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    Date starts_on;
    Date ends_on;  // Inclusive.
    LeaveKind kind = LeaveKind::parental;
};

// A period of service that the training ledger counts: where (arena and place), when, at what
// position, and whether the employer was a registered education enterprise. Usually part of an
// employment by a municipality; institution service at a hospital may stand alone.
struct ServicePeriod {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::optional<std::int64_t> employment_id;
    Arena arena = Arena::open_general_practice;  // Never Arena::leave.
    std::string place;                           // E.g. "Sentrum legekontor".
    Date starts_on;
    std::optional<Date> ends_on;  // Inclusive; nullopt while ongoing.
    int fte = 100;                // Position percentage, 1-100.
    bool employer_registered = true;
};

// The kinds of record of a training record that a leader may correct.
enum class RecordKind { employment, service_period, leave };
template <>
struct EnumNames<RecordKind> {
    static constexpr std::array<std::pair<RecordKind, std::string_view>, 3> names{{
        {RecordKind::employment, "employment"},
        {RecordKind::service_period, "service_period"},
        {RecordKind::leave, "leave"},
    }};
};

enum class CorrectionAction { changed, removed };
template <>
struct EnumNames<CorrectionAction> {
    static constexpr std::array<std::pair<CorrectionAction, std::string_view>, 2> names{{
        {CorrectionAction::changed, "changed"},
        {CorrectionAction::removed, "removed"},
    }};
};

// One correction of a record, kept for good: the version before it (and after it, unless the
// record was removed) as the JSON of the record, who corrected it, when and why.
struct RecordCorrection {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    RecordKind kind = RecordKind::employment;
    std::int64_t record_id = 0;
    CorrectionAction action = CorrectionAction::changed;
    std::string before;                // JSON of the earlier version.
    std::optional<std::string> after;  // JSON of the corrected version; nullopt when removed.
    std::string reason;                // 1..1000 characters.
    std::string corrected_at;          // UTC, "2026-11-22T10:15:30Z".
    std::string corrected_by;          // The actor's name and e-mail.
};

// A person in training with what the leader's overview reads about them.
struct TraineeRecord {
    Person person;
    std::vector<Employment> employments;        // Oldest first, in every municipality.
    std::vector<ServicePeriod> periods;         // Oldest first.
    std::vector<Leave> leaves;                  // Oldest first.
    std::vector<std::string> supervisor_names;  // Supervisors assigned on the day, by name.
    std::optional<EducationPlanRevision> plan;  // The current individual education plan.
};

}  // namespace alis::domain
