#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/supervision.hpp"
#include "store/sql.hpp"

namespace alis::store {

// The supervision meetings of trainees with their veileder, the addenda of closed meetings, and
// the norm each municipality has chosen (migration 0015).
class SupervisionMeetings {
  public:
    explicit SupervisionMeetings(Transaction& tx) : tx_(tx) {}

    // Every meeting of the trainee, by the day held (then by id).
    std::vector<domain::SupervisionMeeting> meetings_of(std::int64_t trainee_person_id) const;
    // The meeting with `meeting_id` when it is the trainee's, else nullopt.
    std::optional<domain::SupervisionMeeting> find(std::int64_t trainee_person_id,
                                                   std::int64_t meeting_id) const;
    // Every addendum of the trainee's meetings, by meeting and then in the order written.
    std::vector<domain::SupervisionAddendum> addenda_of(std::int64_t trainee_person_id) const;
    // The meetings of each of `trainees` held from `from` to `to` (inclusive), handed to `each`
    // (without topics or minutes, which a count does not need).
    void meetings_between(const std::vector<std::int64_t>& trainees, domain::Date from,
                          domain::Date to,
                          const std::function<void(domain::SupervisionMeeting)>& each) const;
    // The meetings the person takes part in, as the trainee or as the veileder, by the day held
    // (without topics or minutes, which a calendar does not show).
    std::vector<domain::SupervisionMeeting> meetings_with(std::int64_t person_id) const;
    // The id of the norm the municipality chose, or nullopt when it chose none.
    std::optional<std::string> norm_of(const std::string& municipality_number) const;

    // Adds a planned meeting (open: closed_at and closed_by are ignored) and returns its id.
    std::int64_t add(const domain::SupervisionMeeting& meeting);
    // Changes the day, duration, topics and minutes of an open meeting of the trainee; returns
    // false when there is none with that id (a closed meeting is a ConstraintViolation).
    bool update(const domain::SupervisionMeeting& meeting);
    // Closes the trainee's open meeting at `at` by `by`; false when no such open meeting exists.
    bool close(std::int64_t trainee_person_id, std::int64_t meeting_id, const std::string& at,
               const std::string& by);
    // Appends an addendum and returns its id.
    std::int64_t append_addendum(const domain::SupervisionAddendum& addendum);
    // Sets the norm the municipality counts against.
    void set_norm(const std::string& municipality_number, const std::string& norm);

  private:
    Transaction& tx_;
};

}  // namespace alis::store
