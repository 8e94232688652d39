#include "store/learning_log.hpp"

#include <map>

#include "store/attachments.hpp"

namespace alis::store {
namespace {

constexpr const char* kActivitiesOf =
    "SELECT a.id, a.person_id, a.kind, a.done_on, a.service_period_id, a.title, a.reflection,"
    " a.recorded_at, a.recorded_by, s.id, s.signer_person_id, s.signer_label, s.signed_at"
    " FROM learning_activities a LEFT JOIN activity_signatures s ON s.activity_id = a.id"
    " WHERE a.person_id = $1 ORDER BY a.done_on, a.id";
// The facts of the person's activities' files (columns 1-7), by activity (column 0).
constexpr const char* kActivityAttachmentsOf =
    "SELECT l.activity_id, " ALIS_ATTACHMENT_FACTS("f")
    " FROM activity_attachments l JOIN attachments f ON f.id = l.attachment_id"
    " JOIN learning_activities a ON a.id = l.activity_id WHERE a.person_id = $1"
    " ORDER BY l.activity_id, l.attachment_id";
constexpr const char* kActivityOfAttachment =
    "SELECT activity_id FROM activity_attachments WHERE attachment_id = $1";
constexpr const char* kAddActivityAttachment =
    "INSERT INTO activity_attachments (attachment_id, activity_id, attached_at, attached_by)"
    " VALUES ($1, $2, $3, $4)";
constexpr const char* kActivityObjectivesOf =
    "SELECT l.activity_id, l.objective_id FROM learning_activity_objectives l"
    " JOIN learning_activities a ON a.id = l.activity_id WHERE a.person_id = $1"
    " ORDER BY l.activity_id, l.objective_id";
#define ALIS_EVENT_COLUMNS                                                         \
    "id, person_id, objective_id, kind, actor_role, actor_person_id, actor_label," \
    " municipality_number, at, reason"
constexpr const char* kEventsOf =
    "SELECT " ALIS_EVENT_COLUMNS " FROM objective_events WHERE person_id = $1 ORDER BY id";
constexpr const char* kEventsOfKind =
    "SELECT " ALIS_EVENT_COLUMNS " FROM objective_events WHERE kind = $1 ORDER BY id";
// The open requests of the listed people ($1, see id_list): nothing that ends or replaces a
// request follows it.
#define ALIS_OPEN_REQUESTS(listed)                                                      \
    "SELECT " ALIS_EVENT_COLUMNS " FROM objective_events e WHERE" listed                \
    " AND kind = 'requested'"                                                           \
    " AND NOT EXISTS (SELECT 1 FROM objective_events l WHERE l.person_id = e.person_id" \
    " AND l.objective_id = e.objective_id AND l.id > e.id"                              \
    " AND l.kind IN ('requested', 'recalled', 'approved', 'rejected'))"                 \
    " ORDER BY id"
const DialectSql kOpenRequestsOf{ALIS_OPEN_REQUESTS(ALIS_LISTED_SQLITE("e.person_id", "$1")),
                                 ALIS_OPEN_REQUESTS(ALIS_LISTED_POSTGRESQL("e.person_id", "$1"))};
#undef ALIS_OPEN_REQUESTS
// The advice on a request still open of the listed people: nothing that ends or replaces a
// request follows it, and the step before it is a request. Both look-ups run on the index by
// person and objective (a form with the request in an outer EXISTS took seconds at national
// scale).
#define ALIS_ADVICE_ON_OPEN_REQUESTS(listed)                                            \
    "SELECT " ALIS_EVENT_COLUMNS " FROM objective_events a WHERE" listed                \
    " AND kind IN ('recommended', 'advised_against')"                                   \
    " AND NOT EXISTS (SELECT 1 FROM objective_events l WHERE l.person_id = a.person_id" \
    " AND l.objective_id = a.objective_id AND l.id > a.id"                              \
    " AND l.kind IN ('requested', 'recalled', 'approved', 'rejected'))"                 \
    " AND (SELECT p.kind FROM objective_events p WHERE p.person_id = a.person_id"       \
    " AND p.objective_id = a.objective_id AND p.id < a.id"                              \
    " AND p.kind IN ('requested', 'recalled', 'approved', 'rejected', 'reversed')"      \
    " ORDER BY p.id DESC LIMIT 1) = 'requested'"                                        \
    " ORDER BY id"
const DialectSql kAdviceOnOpenRequestsOf{
    ALIS_ADVICE_ON_OPEN_REQUESTS(ALIS_LISTED_SQLITE("a.person_id", "$1")),
    ALIS_ADVICE_ON_OPEN_REQUESTS(ALIS_LISTED_POSTGRESQL("a.person_id", "$1"))};
#undef ALIS_ADVICE_ON_OPEN_REQUESTS
#undef ALIS_EVENT_COLUMNS
#define ALIS_INVITATION_COLUMNS "id, person_id, email, name, invited_at, invited_by, withdrawn_at"
constexpr const char* kInvitationsOf = "SELECT " ALIS_INVITATION_COLUMNS
                                       " FROM clinical_supervisor_invitations"
                                       " WHERE person_id = $1 ORDER BY id";
#undef ALIS_INVITATION_COLUMNS
constexpr const char* kInvitingPeople =
    "SELECT DISTINCT person_id FROM clinical_supervisor_invitations"
    " WHERE email = $1 AND withdrawn_at IS NULL ORDER BY person_id";
constexpr const char* kAddInvitation =
    "INSERT INTO clinical_supervisor_invitations (person_id, email, name, invited_at, invited_by)"
    " VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr const char* kWithdrawInvitation =
    "UPDATE clinical_supervisor_invitations SET withdrawn_at = $3"
    " WHERE person_id = $1 AND id = $2 AND withdrawn_at IS NULL RETURNING id";
#define ALIS_SIGN_REQUEST_COLUMNS                                                     \
    "r.id, r.activity_id, r.invitation_id, r.email, r.token_sha256, r.requested_at, " \
    "r.requested_by,"                                                                 \
    " r.expires_at, r.used_at"
constexpr const char* kSignRequestsOf =
    "SELECT " ALIS_SIGN_REQUEST_COLUMNS
    " FROM activity_sign_requests r JOIN learning_activities a ON a.id = r.activity_id"
    " WHERE a.person_id = $1 ORDER BY r.id";
constexpr const char* kFindSignRequest = "SELECT " ALIS_SIGN_REQUEST_COLUMNS
                                         " FROM activity_sign_requests r"
                                         " WHERE r.token_sha256 = $1";
#undef ALIS_SIGN_REQUEST_COLUMNS
constexpr const char* kActivityOwner = "SELECT person_id FROM learning_activities WHERE id = $1";
constexpr const char* kAddSignRequest =
    "INSERT INTO activity_sign_requests (activity_id, invitation_id, email, token_sha256,"
    " requested_at, requested_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr const char* kUseSignRequest =
    "UPDATE activity_sign_requests SET used_at = $2"
    " WHERE id = $1 AND used_at IS NULL AND expires_at > $3 RETURNING id";
constexpr const char* kAddActivity =
    "INSERT INTO learning_activities (person_id, kind, done_on, service_period_id, title,"
    " reflection, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
constexpr const char* kAddActivityObjective =
    "INSERT INTO learning_activity_objectives (activity_id, objective_id) VALUES ($1, $2)";
constexpr const char* kAppendActivitySignature =
    "INSERT INTO activity_signatures (activity_id, signer_person_id, signer_label, signed_at)"
    " VALUES ($1, $2, $3, $4) RETURNING id";
constexpr const char* kAppendEvent =
    "INSERT INTO objective_events (person_id, objective_id, kind, actor_role, actor_person_id,"
    " actor_label, municipality_number, at, reason)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";

domain::ObjectiveEvent read_objective_event(const Row& row) {
    domain::ObjectiveEvent e;
    e.id = row.integer(0);
    e.person_id = row.integer(1);
    e.objective_id = row.integer(2);
    e.kind = row.enumeration<domain::ObjectiveEventKind>(3);
    e.actor_role = row.enumeration<domain::ObjectiveActorRole>(4);
    e.actor_person_id = row.optional_integer(5);
    e.actor_label = row.text(6);
    e.municipality_number = row.optional_text(7);
    e.at = row.instant(8);
    e.reason = row.text(9);
    return e;
}

domain::ActivitySignRequest read_sign_request(const Row& row) {
    domain::ActivitySignRequest r;
    r.id = row.integer(0);
    r.activity_id = row.integer(1);
    r.invitation_id = row.integer(2);
    r.email = row.text(3);
    r.token_sha256 = row.text(4);
    r.requested_at = row.instant(5);
    r.requested_by = row.text(6);
    r.expires_at = row.integer(7);
    if (!row.is_null(8)) {
        r.used_at = row.instant(8);
    }
    return r;
}

}  // namespace

std::vector<domain::ActivitySignRequest> LearningLog::sign_requests_of(
    std::int64_t person_id) const {
    return tx_.rows(kSignRequestsOf, {person_id}, read_sign_request);
}

std::optional<domain::ActivitySignRequest> LearningLog::find_sign_request(
    const std::string& token_sha256) const {
    return tx_.row(kFindSignRequest, {token_sha256}, read_sign_request);
}

std::optional<std::int64_t> LearningLog::activity_owner(std::int64_t activity_id) const {
    return tx_.row(kActivityOwner, {activity_id}, [](const Row& row) { return row.integer(0); });
}

std::int64_t LearningLog::add_sign_request(const domain::ActivitySignRequest& r) {
    return tx_.insert(kAddSignRequest, {r.activity_id, r.invitation_id, r.email, r.token_sha256,
                                        r.requested_at, r.requested_by, r.expires_at});
}

bool LearningLog::use_sign_request(std::int64_t id, const std::string& at, std::int64_t now) {
    return tx_.row(kUseSignRequest, {id, at, now}, read_id).has_value();
}

std::vector<domain::LearningActivity> LearningLog::activities_of(std::int64_t person_id) const {
    auto activities = tx_.rows(kActivitiesOf, {person_id}, [](const Row& row) {
        domain::LearningActivity a;
        a.id = row.integer(0);
        a.person_id = row.integer(1);
        a.kind = row.enumeration<domain::ActivityKind>(2);
        a.done_on = row.date(3);
        a.service_period_id = row.optional_integer(4);
        a.title = row.text(5);
        a.reflection = row.text(6);
        a.recorded_at = row.instant(7);
        a.recorded_by = row.text(8);
        if (!row.is_null(9)) {
            a.signature = domain::ActivitySignature{row.integer(9), a.id, row.optional_integer(10),
                                                    row.text(11), row.instant(12)};
        }
        return a;
    });
    std::map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < activities.size(); ++i) {
        index[activities[i].id] = i;
    }
    tx_.each_row(kActivityObjectivesOf, {person_id}, [&](const Row& row) {
        const auto it = index.find(row.integer(0));
        if (it != index.end()) {
            activities[it->second].objective_ids.push_back(row.integer(1));
        }
    });
    tx_.each_row(kActivityAttachmentsOf, {person_id}, [&](const Row& row) {
        const auto it = index.find(row.integer(0));
        if (it != index.end()) {
            activities[it->second].attachments.push_back(read_attachment_facts(row, 1));
        }
    });
    return activities;
}

std::optional<std::int64_t> LearningLog::activity_of_attachment(std::int64_t attachment_id) const {
    return tx_.row(kActivityOfAttachment, {attachment_id}, read_id);
}

void LearningLog::add_activity_attachment(std::int64_t activity_id, std::int64_t attachment_id,
                                          const std::string& at, const std::string& by) {
    tx_.execute(kAddActivityAttachment, {attachment_id, activity_id, at, by});
}

std::vector<domain::ObjectiveEvent> LearningLog::events_of(std::int64_t person_id) const {
    return tx_.rows(kEventsOf, {person_id}, read_objective_event);
}

std::vector<domain::ObjectiveEvent> LearningLog::events_of_kind(
    domain::ObjectiveEventKind kind) const {
    return tx_.rows(kEventsOfKind, {kind}, read_objective_event);
}

std::vector<domain::ObjectiveEvent> LearningLog::open_requests_of(
    const std::vector<std::int64_t>& people) const {
    if (people.empty()) {
        return {};
    }
    return tx_.rows(tx_.pick(kOpenRequestsOf), {id_list(tx_.dialect(), people)},
                    read_objective_event);
}

std::vector<domain::ObjectiveEvent> LearningLog::advice_on_open_requests_of(
    const std::vector<std::int64_t>& people) const {
    if (people.empty()) {
        return {};
    }
    return tx_.rows(tx_.pick(kAdviceOnOpenRequestsOf), {id_list(tx_.dialect(), people)},
                    read_objective_event);
}

std::vector<domain::ClinicalSupervisorInvitation> LearningLog::invitations_of(
    std::int64_t person_id) const {
    return tx_.rows(kInvitationsOf, {person_id}, [](const Row& row) {
        return domain::ClinicalSupervisorInvitation{
            row.integer(0),
            row.integer(1),
            row.text(2),
            row.text(3),
            row.instant(4),
            row.text(5),
            row.is_null(6) ? std::nullopt : std::optional<std::string>(row.instant(6))};
    });
}

std::vector<std::int64_t> LearningLog::inviting_people(const std::string& email) const {
    return tx_.rows(kInvitingPeople, {email}, [](const Row& row) { return row.integer(0); });
}

std::int64_t LearningLog::add_invitation(const domain::ClinicalSupervisorInvitation& i) {
    return tx_.insert(kAddInvitation, {i.person_id, i.email, i.name, i.invited_at, i.invited_by});
}

bool LearningLog::withdraw_invitation(std::int64_t person_id, std::int64_t id,
                                      const std::string& at) {
    return tx_.row(kWithdrawInvitation, {person_id, id, at}, read_id).has_value();
}

std::int64_t LearningLog::add_activity(const domain::LearningActivity& a) {
    const auto id = tx_.insert(kAddActivity, {a.person_id, a.kind, a.done_on, a.service_period_id,
                                              a.title, a.reflection, a.recorded_at, a.recorded_by});
    for (const auto objective : a.objective_ids) {
        tx_.execute(kAddActivityObjective, {id, objective});
    }
    return id;
}

std::int64_t LearningLog::append_signature(const domain::ActivitySignature& s) {
    return tx_.insert(kAppendActivitySignature,
                      {s.activity_id, s.signer_person_id, s.signer_label, s.signed_at});
}

std::int64_t LearningLog::append_event(const domain::ObjectiveEvent& e) {
    return tx_.insert(kAppendEvent,
                      {e.person_id, e.objective_id, e.kind, e.actor_role, e.actor_person_id,
                       e.actor_label, e.municipality_number, e.at, e.reason});
}

}  // namespace alis::store
