#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/supervisor.hpp"
#include "store/sql.hpp"

namespace alis::store {

// Supervisors registered by municipalities, each municipality's capacity per supervisor, and the
// assignments of supervisors to trainees.
class Supervisors {
  public:
    explicit Supervisors(Transaction& tx) : tx_(tx) {}

    // The supervisors registered for the municipality, by name, with their trainees on `day`.
    std::vector<domain::SupervisorSummary> registered_for(const std::string& municipality_number,
                                                          domain::Date day) const;
    // The registration of the person as a supervisor for the municipality, or nullopt.
    std::optional<domain::Supervisor> find_registration(const std::string& municipality_number,
                                                        std::int64_t person_id) const;
    // The registration with this id (a supervisors row), or nullopt.
    std::optional<domain::Supervisor> find_registration(std::int64_t id) const;
    // Trainees per supervisor at a time in the municipality (kDefaultSupervisorCapacity unset).
    int capacity(const std::string& municipality_number) const;
    // Every supervisor assignment of the trainee, oldest first.
    std::vector<domain::SupervisorAssignment> assignments_of(std::int64_t trainee_person_id) const;
    // Person ids of the supervisors assigned to the trainee on `day`.
    std::vector<std::int64_t> supervisors_of(std::int64_t trainee_person_id,
                                             domain::Date day) const;
    // Person ids of the trainees assigned to the supervisor on `day`.
    std::vector<std::int64_t> trainees_of(std::int64_t supervisor_person_id,
                                          domain::Date day) const;
    // The names of the supervisors assigned on `day` to each of `trainees`, handed to `each`
    // with the trainee's id, by name.
    void supervisor_names_of(const std::vector<std::int64_t>& trainees, domain::Date day,
                             const std::function<void(std::int64_t, std::string)>& each) const;

    // Registers a supervisor for a municipality and returns the new id; a second registration of
    // the same person for the same municipality is a ConstraintViolation.
    std::int64_t add(const domain::Supervisor& supervisor);
    // Sets how many trainees one supervisor may have at a time in the municipality (1-10).
    void set_capacity(const std::string& municipality_number, int max_trainees);
    std::int64_t add_assignment(const domain::SupervisorAssignment& assignment);
    // Ends an assignment on `ends_on` (inclusive).
    void end_assignment(std::int64_t assignment_id, domain::Date ends_on);

  private:
    Transaction& tx_;
};

}  // namespace alis::store
