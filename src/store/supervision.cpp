#include "store/supervision.hpp"

namespace alis::store {
namespace {

#define ALIS_MEETING_COLUMNS                                                                   \
    "id, trainee_person_id, supervisor_person_id, held_on, duration_minutes, topics, minutes," \
    " planned_at, planned_by, closed_at, closed_by"
constexpr const char* kMeetingsOf = "SELECT " ALIS_MEETING_COLUMNS
                                    " FROM supervision_meetings WHERE trainee_person_id = $1"
                                    " ORDER BY held_on, id";
constexpr const char* kFindMeeting =
    "SELECT " ALIS_MEETING_COLUMNS
    " FROM supervision_meetings WHERE trainee_person_id = $1 AND id = $2";
#undef ALIS_MEETING_COLUMNS
constexpr const char* kAddendaOf =
    "SELECT a.id, a.meeting_id, a.text, a.written_at, a.written_by FROM supervision_addenda a"
    " JOIN supervision_meetings m ON m.id = a.meeting_id WHERE m.trainee_person_id = $1"
    " ORDER BY a.meeting_id, a.id";
#define ALIS_MEETINGS_BETWEEN(listed)                                                \
    "SELECT id, trainee_person_id, supervisor_person_id, held_on, duration_minutes," \
    " closed_at, closed_by FROM supervision_meetings WHERE trainee_person_id" listed \
    " AND held_on >= $2 AND held_on <= $3 ORDER BY trainee_person_id, held_on, id"
const DialectSql kMeetingsBetween{ALIS_MEETINGS_BETWEEN(" IN (SELECT value FROM json_each($1))"),
                                  ALIS_MEETINGS_BETWEEN(" = ANY($1::bigint[])")};
#undef ALIS_MEETINGS_BETWEEN
constexpr const char* kMeetingsWith =
    "SELECT id, trainee_person_id, supervisor_person_id, held_on, duration_minutes"
    " FROM supervision_meetings WHERE trainee_person_id = $1 OR supervisor_person_id = $1"
    " ORDER BY held_on, id";
constexpr const char* kNormOf = "SELECT norm FROM supervision_norms WHERE municipality_number = $1";

constexpr const char* kAddMeeting =
    "INSERT INTO supervision_meetings (trainee_person_id, supervisor_person_id, held_on,"
    " duration_minutes, topics, minutes, planned_at, planned_by)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
constexpr const char* kUpdateMeeting =
    "UPDATE supervision_meetings SET held_on = $3, duration_minutes = $4, topics = $5,"
    " minutes = $6 WHERE trainee_person_id = $1 AND id = $2 RETURNING id";
constexpr const char* kCloseMeeting =
    "UPDATE supervision_meetings SET closed_at = $3, closed_by = $4"
    " WHERE trainee_person_id = $1 AND id = $2 AND closed_at IS NULL RETURNING id";
constexpr const char* kAppendAddendum =
    "INSERT INTO supervision_addenda (meeting_id, text, written_at, written_by)"
    " VALUES ($1, $2, $3, $4) RETURNING id";
constexpr const char* kSetNorm =
    "INSERT INTO supervision_norms (municipality_number, norm) VALUES ($1, $2)"
    " ON CONFLICT (municipality_number) DO UPDATE SET norm = excluded.norm";

// The first five columns, which every read of a meeting has: who, when and how long.
domain::SupervisionMeeting read_meeting_time(const Row& row) {
    domain::SupervisionMeeting m;
    m.id = row.integer(0);
    m.trainee_person_id = row.integer(1);
    m.supervisor_person_id = row.integer(2);
    m.held_on = row.date(3);
    m.duration_minutes = static_cast<int>(row.integer(4));
    return m;
}

domain::SupervisionMeeting read_meeting(const Row& row) {
    auto m = read_meeting_time(row);
    m.topics = row.text(5);
    m.minutes = row.text(6);
    m.planned_at = row.instant(7);
    m.planned_by = row.text(8);
    if (!row.is_null(9)) {
        m.closed_at = row.instant(9);
    }
    m.closed_by = row.optional_text(10);
    return m;
}

}  // namespace

std::vector<domain::SupervisionMeeting> SupervisionMeetings::meetings_of(
    std::int64_t trainee_person_id) const {
    return tx_.rows(kMeetingsOf, {trainee_person_id}, read_meeting);
}

std::optional<domain::SupervisionMeeting> SupervisionMeetings::find(std::int64_t trainee_person_id,
                                                                    std::int64_t meeting_id) const {
    return tx_.row(kFindMeeting, {trainee_person_id, meeting_id}, read_meeting);
}

std::vector<domain::SupervisionAddendum> SupervisionMeetings::addenda_of(
    std::int64_t trainee_person_id) const {
    return tx_.rows(kAddendaOf, {trainee_person_id}, [](const Row& row) {
        return domain::SupervisionAddendum{row.integer(0), row.integer(1), row.text(2),
                                           row.instant(3), row.text(4)};
    });
}

void SupervisionMeetings::meetings_between(
    const std::vector<std::int64_t>& trainees, domain::Date from, domain::Date to,
    const std::function<void(domain::SupervisionMeeting)>& each) const {
    if (trainees.empty()) {
        return;
    }
    tx_.each_row(tx_.pick(kMeetingsBetween), {id_list(tx_.dialect(), trainees), from, to},
                 [&](const Row& row) {
                     auto m = read_meeting_time(row);
                     if (!row.is_null(5)) {
                         m.closed_at = row.instant(5);
                     }
                     m.closed_by = row.optional_text(6);
                     each(std::move(m));
                 });
}

std::optional<std::string> SupervisionMeetings::norm_of(
    const std::string& municipality_number) const {
    return tx_.row(kNormOf, {municipality_number}, [](const Row& row) { return row.text(0); });
}

std::int64_t SupervisionMeetings::add(const domain::SupervisionMeeting& m) {
    return tx_.insert(kAddMeeting,
                      {m.trainee_person_id, m.supervisor_person_id, m.held_on, m.duration_minutes,
                       m.topics, m.minutes, m.planned_at, m.planned_by});
}

bool SupervisionMeetings::update(const domain::SupervisionMeeting& m) {
    return tx_
        .row(kUpdateMeeting,
             {m.trainee_person_id, m.id, m.held_on, m.duration_minutes, m.topics, m.minutes},
             [](const Row& row) { return row.integer(0); })
        .has_value();
}

bool SupervisionMeetings::close(std::int64_t trainee_person_id, std::int64_t meeting_id,
                                const std::string& at, const std::string& by) {
    return tx_
        .row(kCloseMeeting, {trainee_person_id, meeting_id, at, by},
             [](const Row& row) { return row.integer(0); })
        .has_value();
}

std::int64_t SupervisionMeetings::append_addendum(const domain::SupervisionAddendum& a) {
    return tx_.insert(kAppendAddendum, {a.meeting_id, a.text, a.written_at, a.written_by});
}

void SupervisionMeetings::set_norm(const std::string& municipality_number,
                                   const std::string& norm) {
    tx_.execute(kSetNorm, {municipality_number, norm});
}

std::vector<domain::SupervisionMeeting> SupervisionMeetings::meetings_with(
    std::int64_t person_id) const {
    return tx_.rows(kMeetingsWith, {person_id}, read_meeting_time);
}

}  // namespace alis::store
