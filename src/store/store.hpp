#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"

namespace alis::store {

using domain::Date;

enum class EnterpriseStatus { registered, temporarily_registered, not_registered };
enum class TrainingStatus { in_training, specialist, left };
enum class PostType { gp_list, other_general_practice, institution };
enum class PayModel { salaried, self_employed };
enum class LeaveKind { parental, sick, other };

std::string_view to_string(EnterpriseStatus value);
std::string_view to_string(TrainingStatus value);
std::string_view to_string(PostType value);
std::string_view to_string(PayModel value);
std::string_view to_string(LeaveKind value);
// Each parse_* returns nullopt for text that names no value.
std::optional<EnterpriseStatus> parse_enterprise_status(std::string_view text);
std::optional<TrainingStatus> parse_training_status(std::string_view text);
std::optional<PostType> parse_post_type(std::string_view text);
std::optional<PayModel> parse_pay_model(std::string_view text);
std::optional<LeaveKind> parse_leave_kind(std::string_view text);

struct Municipality {
    std::string number;  // SSB municipality number, 4 digits.
    std::string name;
    std::string county;
    int centrality_class = 0;  // SSB, 1 (most central) to 6.
    EnterpriseStatus enterprise_status = EnterpriseStatus::not_registered;
    std::string alis_office;  // The regional ALIS office, e.g. "Bergen".
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

// A municipality with the number of doctors in training it employs on a given day.
struct MunicipalitySummary {
    Municipality municipality;
    int trainees = 0;
};

// Thrown by a store when the database cannot be opened, migrated or reached. The message names the
// database and the reason; it never carries SQL text or values.
class StoreError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Thrown when a write would break a rule the schema keeps (a duplicate key, a missing reference).
class ConstraintViolation : public StoreError {
  public:
    using StoreError::StoreError;
};

// The writes available inside one transaction (see Store::write).
class StoreWriter {
  public:
    virtual ~StoreWriter() = default;
    // Inserts the municipality, or replaces the one with the same number.
    virtual void put_municipality(const Municipality& municipality) = 0;
    // Inserts a person and returns the new id (the id field of the argument is ignored).
    virtual std::int64_t add_person(const Person& person) = 0;
    // Inserts an employment and returns the new id.
    virtual std::int64_t add_employment(const Employment& employment) = 0;
    // Inserts a leave and returns the new id.
    virtual std::int64_t add_leave(const Leave& leave) = 0;
};

// The persistence interface every backend (SQLite now, PostgreSQL later) implements. All methods
// are safe to call from several threads at once.
class Store {
  public:
    virtual ~Store() = default;

    // Applies every migration not yet recorded in schema_migrations; returns how many it applied.
    virtual int migrate() = 0;
    // The versions recorded in schema_migrations, oldest first.
    virtual std::vector<int> applied_migrations() = 0;
    // True when the database answers a trivial query.
    virtual bool ping() = 0;

    // Runs `work` in one transaction: all of its writes are kept, or none when it throws.
    virtual void write(const std::function<void(StoreWriter&)>& work) = 0;
    // A number that grows with every write committed through this store object, so that a cache
    // can tell that what it holds may be stale.
    virtual std::uint64_t write_generation() const = 0;

    // Every municipality, ordered by ALIS office, then by name.
    virtual std::vector<Municipality> municipalities() = 0;
    // Every municipality with the number of people in training employed there on `day`.
    virtual std::vector<MunicipalitySummary> municipality_summaries(Date day) = 0;
    // The person with this id, or nullopt.
    virtual std::optional<Person> person(std::int64_t id) = 0;
    // The employments of a person, oldest first.
    virtual std::vector<Employment> employments_of(std::int64_t person_id) = 0;
    // The leaves of a person, oldest first.
    virtual std::vector<Leave> leaves_of(std::int64_t person_id) = 0;
    // The number of people of each training status.
    virtual int count_people(TrainingStatus status) = 0;
};

// Opens the store named by a database URL: "sqlite:PATH" (PATH may be relative). Throws
// StoreError with a one-line reason for an unknown scheme or a database that cannot be opened.
std::unique_ptr<Store> open_store(std::string_view url, int reader_connections = 4);

}  // namespace alis::store
