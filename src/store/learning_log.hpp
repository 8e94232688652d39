#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/learning_log.hpp"
#include "store/sql.hpp"

namespace alis::store {

// The doctors' learning logs (migration 0018): activities with the objectives they support, the
// activities' signatures (append-only) and the objectives' events (append-only).
class LearningLog {
  public:
    explicit LearningLog(Transaction& tx) : tx_(tx) {}

    // Every activity of the person, by the day done (then id), with objectives, signature and
    // files (their facts).
    std::vector<domain::LearningActivity> activities_of(std::int64_t person_id) const;
    // Every event of the person's objectives, in the order appended.
    std::vector<domain::ObjectiveEvent> events_of(std::int64_t person_id) const;
    // Every event of `kind` of anyone, in the order appended (the approval queue reads the
    // requests).
    std::vector<domain::ObjectiveEvent> events_of_kind(domain::ObjectiveEventKind kind) const;

    // The requests of the listed people still open (no recall, decision or new request after
    // them), oldest first: a read of the municipality's or the region's doctors, never the
    // country's.
    std::vector<domain::ObjectiveEvent> open_requests_of(
        const std::vector<std::int64_t>& people) const;
    // The advice (recommended, advised against) given on the listed people's open requests since
    // they were made, in the order appended: with open_requests_of(), what a queue of any size
    // needs in two queries.
    std::vector<domain::ObjectiveEvent> advice_on_open_requests_of(
        const std::vector<std::int64_t>& people) const;
    // Every invitation the person made, in the order made.
    std::vector<domain::ClinicalSupervisorInvitation> invitations_of(std::int64_t person_id) const;
    // The doctors who invited `email` (lower-case) and have not withdrawn it, ascending.
    std::vector<std::int64_t> inviting_people(const std::string& email) const;

    // Adds an invitation (its id and withdrawn_at are ignored) and returns its id; a second open
    // one of the same address by the same doctor is a ConstraintViolation.
    std::int64_t add_invitation(const domain::ClinicalSupervisorInvitation& invitation);
    // Withdraws the person's open invitation `id` at `at`; false when there is none.
    bool withdraw_invitation(std::int64_t person_id, std::int64_t id, const std::string& at);

    // The sign-off requests of the person's activities, in the order made.
    std::vector<domain::ActivitySignRequest> sign_requests_of(std::int64_t person_id) const;
    // The request whose token has this SHA-256, or nullopt.
    std::optional<domain::ActivitySignRequest> find_sign_request(
        const std::string& token_sha256) const;
    // The person whose activity `activity_id` is, or nullopt.
    std::optional<std::int64_t> activity_owner(std::int64_t activity_id) const;
    // Adds a request (its id and used_at are ignored) and returns its id.
    std::int64_t add_sign_request(const domain::ActivitySignRequest& request);
    // Marks the request used at `at` when it is not used and not expired at `now`; false when it
    // is (a second use of a link, or one that came too late).
    bool use_sign_request(std::int64_t id, const std::string& at, std::int64_t now);

    // Adds an activity with its objective links (its id and signature are ignored) and returns
    // its id.
    std::int64_t add_activity(const domain::LearningActivity& activity);
    // The activity a file belongs to; nullopt when it belongs to none.
    std::optional<std::int64_t> activity_of_attachment(std::int64_t attachment_id) const;
    // Keeps a file (already in the attachments table) with an activity, added at `at` by `by`
    // (name and e-mail); a file belongs to one activity only (a second is a
    // ConstraintViolation).
    void add_activity_attachment(std::int64_t activity_id, std::int64_t attachment_id,
                                 const std::string& at, const std::string& by);
    // Appends the signature of an activity and returns its id; a second one is a
    // ConstraintViolation.
    std::int64_t append_signature(const domain::ActivitySignature& signature);
    // Appends an event of a person's objective and returns its id.
    std::int64_t append_event(const domain::ObjectiveEvent& event);

  private:
    Transaction& tx_;
};

}  // namespace alis::store
