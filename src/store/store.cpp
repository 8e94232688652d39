#include "store/store.hpp"

#include <array>
#include <utility>

#include "store/sqlite/sqlite_store.hpp"

namespace alis::store {
namespace {

template <typename Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Names<EnterpriseStatus, 3> kEnterpriseStatus{{
    {EnterpriseStatus::registered, "registered"},
    {EnterpriseStatus::temporarily_registered, "temporarily_registered"},
    {EnterpriseStatus::not_registered, "not_registered"},
}};
constexpr Names<TrainingStatus, 4> kTrainingStatus{{
    {TrainingStatus::in_training, "in_training"},
    {TrainingStatus::specialist, "specialist"},
    {TrainingStatus::left, "left"},
    {TrainingStatus::not_in_training, "not_in_training"},
}};
constexpr Names<PostType, 3> kPostType{{
    {PostType::gp_list, "gp_list"},
    {PostType::other_general_practice, "other_general_practice"},
    {PostType::institution, "institution"},
}};
constexpr Names<PayModel, 2> kPayModel{{
    {PayModel::salaried, "salaried"},
    {PayModel::self_employed, "self_employed"},
}};
constexpr Names<LeaveKind, 3> kLeaveKind{{
    {LeaveKind::parental, "parental"},
    {LeaveKind::sick, "sick"},
    {LeaveKind::other, "other"},
}};
constexpr Names<Role, 7> kRole{{
    {Role::trainee, "trainee"},
    {Role::supervisor, "supervisor"},
    {Role::clinical_supervisor, "clinical_supervisor"},
    {Role::leader, "leader"},
    {Role::regional_office, "regional_office"},
    {Role::national, "national"},
    {Role::admin, "admin"},
}};
constexpr Names<SupervisorQualification, 2> kSupervisorQualification{{
    {SupervisorQualification::specialist, "specialist"},
    {SupervisorQualification::approved_experienced, "approved_experienced"},
}};

// General education plans (journey 6).
constexpr Names<ArenaKind, 6> kArenaKind{{
    {ArenaKind::gp_office, "gp_office"},
    {ArenaKind::nursing_home, "nursing_home"},
    {ArenaKind::out_of_hours_service, "out_of_hours_service"},
    {ArenaKind::child_health_clinic, "child_health_clinic"},
    {ArenaKind::hospital_by_agreement, "hospital_by_agreement"},
    {ArenaKind::other, "other"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const Names<Enum, N>& names, Enum value) {
    for (const auto& [v, name] : names) {
        if (v == value) {
            return name;
        }
    }
    return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const Names<Enum, N>& names, std::string_view text) {
    for (const auto& [v, name] : names) {
        if (name == text) {
            return v;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string_view to_string(EnterpriseStatus value) {
    return name_of(kEnterpriseStatus, value);
}
std::string_view to_string(TrainingStatus value) {
    return name_of(kTrainingStatus, value);
}
std::string_view to_string(PostType value) {
    return name_of(kPostType, value);
}
std::string_view to_string(PayModel value) {
    return name_of(kPayModel, value);
}
std::string_view to_string(LeaveKind value) {
    return name_of(kLeaveKind, value);
}
std::string_view to_string(Role value) {
    return name_of(kRole, value);
}

std::optional<EnterpriseStatus> parse_enterprise_status(std::string_view text) {
    return parse(kEnterpriseStatus, text);
}
std::optional<TrainingStatus> parse_training_status(std::string_view text) {
    return parse(kTrainingStatus, text);
}
std::optional<PostType> parse_post_type(std::string_view text) {
    return parse(kPostType, text);
}
std::optional<PayModel> parse_pay_model(std::string_view text) {
    return parse(kPayModel, text);
}
std::optional<LeaveKind> parse_leave_kind(std::string_view text) {
    return parse(kLeaveKind, text);
}
std::optional<Role> parse_role(std::string_view text) {
    return parse(kRole, text);
}

// Supervisors (journey 5)
std::string_view to_string(SupervisorQualification value) {
    return name_of(kSupervisorQualification, value);
}
std::optional<SupervisorQualification> parse_supervisor_qualification(std::string_view text) {
    return parse(kSupervisorQualification, text);
}

// General education plans (journey 6).
std::string_view to_string(ArenaKind value) {
    return name_of(kArenaKind, value);
}
std::optional<ArenaKind> parse_arena_kind(std::string_view text) {
    return parse(kArenaKind, text);
}

std::unique_ptr<Store> open_store(std::string_view url, int reader_connections) {
    if (url.starts_with("sqlite:")) {
        return std::make_unique<SqliteStore>(std::string(url.substr(7)), reader_connections);
    }
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
        throw StoreError("the PostgreSQL backend is not available yet; use sqlite:PATH");
    }
    throw StoreError("unknown database URL '" + std::string(url) +
                     "': expected sqlite:PATH or postgresql://...");
}

}  // namespace alis::store
