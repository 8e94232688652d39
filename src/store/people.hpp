#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/departure.hpp"
#include "domain/person.hpp"
#include "domain/stability.hpp"
#include "store/sql.hpp"

namespace alis::store {

// People and their training records: employments, service periods and leaves.
class People {
  public:
    explicit People(Transaction& tx) : tx_(tx) {}

    // The person with this id, or nullopt.
    std::optional<domain::Person> find(std::int64_t id) const;
    // The person with this HPR number, or nullopt.
    std::optional<domain::Person> find_by_hpr(const std::string& hpr_number) const;
    // The number of people of each training status.
    int count(domain::TrainingStatus status) const;
    // The employments of a person, oldest first.
    std::vector<domain::Employment> employments_of(std::int64_t person_id) const;
    // The leaves of a person, oldest first.
    std::vector<domain::Leave> leaves_of(std::int64_t person_id) const;
    // The service periods of a person, oldest first.
    std::vector<domain::ServicePeriod> service_periods_of(std::int64_t person_id) const;
    // Numbers of the municipalities that employ the person on `day`.
    std::vector<std::string> employing_municipalities(std::int64_t person_id,
                                                      domain::Date day) const;
    // The people in training employed by the municipality on `day`, by name.
    std::vector<domain::Person> trainees_employed_by(const std::string& municipality_number,
                                                     domain::Date day) const;
    // The same for every municipality of an ALIS office at once (one query, where one per
    // municipality cost a round trip each on PostgreSQL): each person with the number of the
    // municipality that employs them, by municipality number and name; a person employed by two
    // municipalities of the office comes once for each.
    void trainees_employed_in_region(
        const std::string& alis_office, domain::Date day,
        const std::function<void(const std::string&, domain::Person)>& each) const;

    // The same for many people at once (one query each, not one per person): each row is handed
    // to `each` with the id of the person it belongs to, oldest first per person.
    void employments_of(const std::vector<std::int64_t>& people,
                        const std::function<void(std::int64_t, domain::Employment)>& each) const;
    void service_periods_of(
        const std::vector<std::int64_t>& people,
        const std::function<void(std::int64_t, domain::ServicePeriod)>& each) const;
    void leaves_of(const std::vector<std::int64_t>& people,
                   const std::function<void(std::int64_t, domain::Leave)>& each) const;

    // Each add inserts a row and returns its new id (the argument's id field is ignored).
    std::int64_t add(const domain::Person& person);
    std::int64_t add_employment(const domain::Employment& employment);
    std::int64_t add_leave(const domain::Leave& leave);
    std::int64_t add_service_period(const domain::ServicePeriod& period);

    // How many service periods and leaves the person has together (what the ledger counts as
    // the periods of the path).
    int path_length(std::int64_t person_id) const;

    // Corrections: each update writes every field but the id and the person of the record with
    // the argument's id and person; each remove deletes the person's record with that id. They
    // return whether a row was changed (false for an id the person does not have).
    bool update_employment(const domain::Employment& employment);
    bool remove_employment(std::int64_t person_id, std::int64_t id);
    bool update_service_period(const domain::ServicePeriod& period);
    bool remove_service_period(std::int64_t person_id, std::int64_t id);
    bool update_leave(const domain::Leave& leave);
    bool remove_leave(std::int64_t person_id, std::int64_t id);

    // The log of earlier versions (append-only): adds one and returns its id; the person's
    // corrections, newest first.
    std::int64_t add_correction(const domain::RecordCorrection& correction);
    std::vector<domain::RecordCorrection> corrections_of(std::int64_t person_id) const;

    // The departures from the person's employments, in the employments' order.
    std::vector<domain::Departure> departures_of(std::int64_t person_id) const;
    // Records the departure from its employment, replacing one recorded before.
    void put_departure(const domain::Departure& departure);
    // The ALIS posts (employments in general practice, not institution service) of the people
    // employed by `municipality_number`, or by the municipalities of `alis_office`, or (both
    // nullopt) everywhere, with their departures, ordered by person and start.
    std::vector<domain::AlisPost> alis_posts(const std::optional<std::string>& municipality_number,
                                             const std::optional<std::string>& alis_office) const;
    // The employments of `municipality_number` that ended on a day in [from, to] (any post type),
    // the latest end first.
    std::vector<domain::EndedEmployment> ended_employments(const std::string& municipality_number,
                                                           domain::Date from,
                                                           domain::Date to) const;
    // Sets the person's training status; returns false for an unknown person.
    bool set_training_status(std::int64_t person_id, domain::TrainingStatus status);

  private:
    Transaction& tx_;
};

// An employment from a row whose first columns are id, person_id, municipality_number,
// starts_on, ends_on, fte, post_type and pay_model (the other aggregates' reads share it).
domain::Employment read_employment(const Row& row);

}  // namespace alis::store
