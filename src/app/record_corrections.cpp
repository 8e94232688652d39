// Corrections and removals of a trainee's records (app/training_records.hpp): each writes the
// record, the earlier version in the log of corrections and the audit event in one unit of work,
// after the same rules as adding one (app/record_rules.hpp).
#include <algorithm>

#include "app/record_json.hpp"
#include "app/record_rules.hpp"
#include "app/training_records.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

using namespace record_rules;

// What the corrections need to know of each kind of record: its kind in the log, the person's
// records of the kind, how to update and remove one, and its JSON.
template <typename Record>
struct Records;

template <>
struct Records<domain::Employment> {
    static constexpr auto kind = domain::RecordKind::employment;
    static auto of(const store::UnitOfWork& w, std::int64_t person) {
        return w.people().employments_of(person);
    }
    static bool update(store::UnitOfWork& w, const domain::Employment& e) {
        return w.people().update_employment(e);
    }
    static bool remove(store::UnitOfWork& w, std::int64_t person, std::int64_t id) {
        return w.people().remove_employment(person, id);
    }
    static std::string json(const domain::Employment& e) {
        return boost::json::serialize(employment_json(e));
    }
};

template <>
struct Records<domain::ServicePeriod> {
    static constexpr auto kind = domain::RecordKind::service_period;
    static auto of(const store::UnitOfWork& w, std::int64_t person) {
        return w.people().service_periods_of(person);
    }
    static bool update(store::UnitOfWork& w, const domain::ServicePeriod& p) {
        return w.people().update_service_period(p);
    }
    static bool remove(store::UnitOfWork& w, std::int64_t person, std::int64_t id) {
        return w.people().remove_service_period(person, id);
    }
    static std::string json(const domain::ServicePeriod& p) {
        return boost::json::serialize(service_period_json(p));
    }
};

template <>
struct Records<domain::Leave> {
    static constexpr auto kind = domain::RecordKind::leave;
    static auto of(const store::UnitOfWork& w, std::int64_t person) {
        return w.people().leaves_of(person);
    }
    static bool update(store::UnitOfWork& w, const domain::Leave& l) {
        return w.people().update_leave(l);
    }
    static bool remove(store::UnitOfWork& w, std::int64_t person, std::int64_t id) {
        return w.people().remove_leave(person, id);
    }
    static std::string json(const domain::Leave& l) {
        return boost::json::serialize(leave_json(l));
    }
};

// Writes the earlier version (and the corrected one, unless removed) to the log, with the audit
// event, in the unit of work of the correction.
template <typename Record>
void log_correction(store::UnitOfWork& w, const Record& before, const Record* after,
                    const Correction& why, const domain::AuditEvent& audit) {
    domain::RecordCorrection c;
    c.person_id = before.person_id;
    c.kind = Records<Record>::kind;
    c.record_id = before.id;
    c.action = after ? domain::CorrectionAction::changed : domain::CorrectionAction::removed;
    c.before = Records<Record>::json(before);
    if (after) {
        c.after = Records<Record>::json(*after);
    }
    c.reason = why.reason;
    c.corrected_at = audit.at;
    c.corrected_by = why.by;
    w.people().add_correction(c);
    w.audit().append(about(audit, before.person_id));
}

// The one correction of a record: finds the person's record with the corrected one's id (else
// unknown_record), checks `rules(w, before, corrected, others, problems)` against the person's
// other records of the kind, and writes the record, the log and the audit event.
template <typename Record, typename Rules>
std::variant<Record, RecordProblems> correct(Application& app, Record corrected,
                                             const Correction& why, const domain::AuditEvent& audit,
                                             Rules rules) {
    return app.database().write([&](store::UnitOfWork& w) -> std::variant<Record, RecordProblems> {
        auto others = Records<Record>::of(w, corrected.person_id);
        const auto it = std::find_if(others.begin(), others.end(),
                                     [&](const Record& r) { return r.id == corrected.id; });
        if (it == others.end()) {
            return RecordProblems{{Kind::unknown_record, std::nullopt, 0}};
        }
        const Record before = *it;
        others.erase(it);
        RecordProblems found;
        rules(w, before, corrected, others, found);
        if (!found.empty()) {
            return found;
        }
        Records<Record>::update(w, corrected);
        log_correction(w, before, &corrected, why, audit);
        return corrected;
    });
}

// The one removal of a record: the person's record with this id (else unknown_record), if
// `may_remove(w, record, problems)` finds nothing against it.
template <typename Record, typename MayRemove>
std::variant<Record, RecordProblems> remove(Application& app, std::int64_t person_id,
                                            std::int64_t id, const Correction& why,
                                            const domain::AuditEvent& audit, MayRemove may_remove) {
    return app.database().write([&](store::UnitOfWork& w) -> std::variant<Record, RecordProblems> {
        const auto records = Records<Record>::of(w, person_id);
        const auto it = std::find_if(records.begin(), records.end(),
                                     [&](const Record& r) { return r.id == id; });
        if (it == records.end()) {
            return RecordProblems{{Kind::unknown_record, std::nullopt, 0}};
        }
        RecordProblems found;
        may_remove(w, *it, found);
        if (!found.empty()) {
            return found;
        }
        Records<Record>::remove(w, person_id, id);
        log_correction<Record>(w, *it, nullptr, why, audit);
        return *it;
    });
}

}  // namespace

std::variant<domain::Employment, RecordProblems> correct_employment(Application& app,
                                                                    domain::Employment corrected,
                                                                    const Correction& why,
                                                                    domain::AuditEvent audit) {
    return correct(
        app, std::move(corrected), why, audit,
        [](const store::UnitOfWork& w, const domain::Employment& before, domain::Employment& e,
           const std::vector<domain::Employment>& others, RecordProblems& found) {
            e.municipality_number = before.municipality_number;
            check_dates(e.starts_on, e.ends_on, found);
            check_full_time(others, {e.starts_on, e.ends_on, e.fte}, found);
            for (const auto& p : w.people().service_periods_of(e.person_id)) {
                if (p.employment_id == e.id && !within(e, p.starts_on, p.ends_on)) {
                    found.push_back({Kind::period_outside_employment, p.starts_on, 0});
                    break;
                }
            }
        });
}

std::variant<domain::ServicePeriod, RecordProblems> correct_service_period(
    Application& app, domain::ServicePeriod corrected, const Correction& why,
    domain::AuditEvent audit) {
    return correct(
        app, std::move(corrected), why, audit,
        [](const store::UnitOfWork& w, const domain::ServicePeriod&, const domain::ServicePeriod& p,
           const std::vector<domain::ServicePeriod>& others, RecordProblems& found) {
            check_dates(p.starts_on, p.ends_on, found);
            check_employment_of(w.people().employments_of(p.person_id), p, found);
            check_full_time(others, {p.starts_on, p.ends_on, p.fte}, found);
        });
}

std::variant<domain::Leave, RecordProblems> correct_leave(Application& app, domain::Leave corrected,
                                                          const Correction& why,
                                                          domain::AuditEvent audit) {
    return correct(app, std::move(corrected), why, audit,
                   [](const store::UnitOfWork&, const domain::Leave&, const domain::Leave& l,
                      const std::vector<domain::Leave>&,
                      RecordProblems& found) { check_dates(l.starts_on, l.ends_on, found); });
}

std::variant<domain::Employment, RecordProblems> remove_employment(Application& app,
                                                                   std::int64_t person_id,
                                                                   std::int64_t employment_id,
                                                                   const Correction& why,
                                                                   domain::AuditEvent audit) {
    return remove<domain::Employment>(
        app, person_id, employment_id, why, audit,
        [](const store::UnitOfWork& w, const domain::Employment& e, RecordProblems& found) {
            for (const auto& p : w.people().service_periods_of(e.person_id)) {
                if (p.employment_id == e.id) {
                    found.push_back({Kind::employment_has_periods, p.starts_on, 0});
                    break;
                }
            }
        });
}

std::variant<domain::ServicePeriod, RecordProblems> remove_service_period(
    Application& app, std::int64_t person_id, std::int64_t period_id, const Correction& why,
    domain::AuditEvent audit) {
    return remove<domain::ServicePeriod>(
        app, person_id, period_id, why, audit,
        [](const store::UnitOfWork&, const domain::ServicePeriod&, RecordProblems&) {});
}

std::variant<domain::Leave, RecordProblems> remove_leave(Application& app, std::int64_t person_id,
                                                         std::int64_t leave_id,
                                                         const Correction& why,
                                                         domain::AuditEvent audit) {
    return remove<domain::Leave>(
        app, person_id, leave_id, why, audit,
        [](const store::UnitOfWork&, const domain::Leave&, RecordProblems&) {});
}

}  // namespace alis::app
