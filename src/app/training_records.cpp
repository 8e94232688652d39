#include "app/training_records.hpp"

#include <algorithm>

#include "app/auth.hpp"
#include "app/record_json.hpp"
#include "domain/hpr.hpp"
#include "domain/position.hpp"
#include "domain/training_path.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

using Kind = RecordProblem::Kind;

// The rulesets that count part 3 from the completion of LIS1 (part 1), which came with the 2019
// scheme; the pre-2019 scheme had no LIS1.
bool counts_from_lis1(const std::optional<std::string>& ruleset) {
    return ruleset.value_or("allmennmedisin-2019") != "allmennmedisin-pre2019";
}

void check_dates(const domain::Date& from, const std::optional<domain::Date>& to,
                 RecordProblems& problems) {
    if (to && *to < from) {
        problems.push_back({Kind::ends_before_start, std::nullopt, 0});
    }
}

// At most 100 % on any day: the new span against the ones already stored.
template <typename Record>
void check_full_time(const std::vector<Record>& existing, const domain::PositionSpan& added,
                     RecordProblems& problems) {
    std::vector<domain::PositionSpan> spans;
    for (const auto& other : existing) {
        spans.push_back({other.starts_on, other.ends_on, other.fte});
    }
    const auto peak = domain::peak_position(spans, added);
    if (peak.percent > 100) {
        problems.push_back({Kind::over_full_time, peak.on, peak.percent});
    }
}

// Whether the span [from, to] lies within the employment's span.
bool within(const domain::Employment& e, const domain::Date& from,
            const std::optional<domain::Date>& to) {
    return e.starts_on <= from && (!e.ends_on || (to && *to <= *e.ends_on));
}

// The period's employment must be one of the person's, and the period must lie within it.
void check_employment_of(const std::vector<domain::Employment>& employments,
                         const domain::ServicePeriod& period, RecordProblems& problems) {
    if (!period.employment_id) {
        return;
    }
    const auto it =
        std::find_if(employments.begin(), employments.end(),
                     [&](const domain::Employment& e) { return e.id == *period.employment_id; });
    if (it == employments.end()) {
        problems.push_back({Kind::unknown_employment, std::nullopt, 0});
    } else if (!within(*it, period.starts_on, period.ends_on)) {
        problems.push_back({Kind::outside_employment, std::nullopt, 0});
    }
}

// The ledger counts at most domain::kMaxPeriods service periods and leaves: one more must fit.
void check_room_for_one_more(const store::UnitOfWork& w, std::int64_t person_id,
                             RecordProblems& problems) {
    constexpr auto kMax = static_cast<int>(domain::kMaxPeriods);
    if (w.people().path_length(person_id) >= kMax) {
        problems.push_back({Kind::too_many_periods, std::nullopt, kMax});
    }
}

domain::Arena arena_of(domain::PostType post) {
    switch (post) {
        case domain::PostType::gp_list:
            return domain::Arena::open_general_practice;
        case domain::PostType::institution:
            return domain::Arena::institution;
        case domain::PostType::other_general_practice:
            break;
    }
    return domain::Arena::other_general_practice;
}

domain::AuditEvent about(domain::AuditEvent audit, std::int64_t person_id) {
    audit.subject_person_id = person_id;
    return audit;
}

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

RecordVersion read_version(domain::RecordKind kind, const std::string& text) {
    switch (kind) {
        case domain::RecordKind::employment:
            return parse_employment(text);
        case domain::RecordKind::service_period:
            return parse_service_period(text);
        case domain::RecordKind::leave:
            break;
    }
    return parse_leave(text);
}

RecordHistory history_of(domain::RecordCorrection c) {
    RecordHistory h{c, read_version(c.kind, c.before), std::nullopt};
    if (c.after) {
        h.after = read_version(c.kind, *c.after);
    }
    h.correction = std::move(c);
    return h;
}

}  // namespace

const std::vector<std::string>& known_rulesets() {
    static const std::vector<std::string> rulesets = {"allmennmedisin-2019",
                                                      "allmennmedisin-pre2019"};
    return rulesets;
}

std::optional<TrainingRecord> training_record(Application& app, std::int64_t person_id) {
    return app.database().read([&](const store::Snapshot& s) -> std::optional<TrainingRecord> {
        auto person = s.people().find(person_id);
        if (!person) {
            return std::nullopt;
        }
        std::vector<RecordHistory> corrections;
        for (auto& c : s.people().corrections_of(person_id)) {
            corrections.push_back(history_of(std::move(c)));
        }
        TrainingRecord record{std::move(*person),
                              s.people().employments_of(person_id),
                              s.people().service_periods_of(person_id),
                              s.people().leaves_of(person_id),
                              std::move(corrections),
                              {},
                              s.people().departures_of(person_id)};
        const auto name = [&](const RecordVersion& version) {
            const auto* e = std::get_if<domain::Employment>(&version);
            if (e && !record.municipality_names.contains(e->municipality_number)) {
                if (auto m = s.municipalities().find(e->municipality_number)) {
                    record.municipality_names.emplace(m->number, std::move(m->name));
                }
            }
        };
        for (const auto& e : record.employments) {
            name(e);
        }
        for (const auto& h : record.corrections) {
            name(h.before);
            if (h.after) {
                name(*h.after);
            }
        }
        return record;
    });
}

std::optional<domain::Person> find_person(Application& app, std::int64_t person_id) {
    return app.database().read(
        [&](const store::Snapshot& s) { return s.people().find(person_id); });
}

std::variant<RegisteredTrainee, RecordProblems> register_trainee(
    Application& app, const domain::Municipality& municipality, TraineeRegistration r,
    domain::AuditEvent audit) {
    RecordProblems problems;
    auto& person = r.person;
    auto& employment = r.employment;
    if (!person.hpr_number || !domain::is_hpr_number(*person.hpr_number)) {
        problems.push_back({Kind::hpr_format, std::nullopt, 0});
    }
    if (counts_from_lis1(person.ruleset) && !person.lis1_completed) {
        problems.push_back({Kind::lis1_required, std::nullopt, 0});
    }
    if (person.lis1_completed && employment.starts_on <= *person.lis1_completed) {
        problems.push_back({Kind::starts_before_lis1, person.lis1_completed, 0});
    }
    check_dates(employment.starts_on, employment.ends_on, problems);
    if (!problems.empty()) {
        return problems;
    }
    person.training_status = domain::TrainingStatus::in_training;
    employment.municipality_number = municipality.number;
    try {
        return app.database().write(
            [&](store::UnitOfWork& w) -> std::variant<RegisteredTrainee, RecordProblems> {
                if (w.people().find_by_hpr(*person.hpr_number)) {
                    return RecordProblems{{Kind::hpr_taken, std::nullopt, 0}};
                }
                RegisteredTrainee done{person, employment, std::nullopt};
                done.person.id = w.people().add(done.person);
                done.employment.person_id = done.person.id;
                done.employment.id = w.people().add_employment(done.employment);
                if (r.count_as_service == CountAsService::yes) {
                    domain::ServicePeriod period;
                    period.person_id = done.person.id;
                    period.employment_id = done.employment.id;
                    period.arena = arena_of(done.employment.post_type);
                    period.place = r.place.value_or(municipality.name);
                    period.starts_on = done.employment.starts_on;
                    period.ends_on = done.employment.ends_on;
                    period.fte = done.employment.fte;
                    period.employer_registered =
                        municipality.enterprise_status != domain::EnterpriseStatus::not_registered;
                    period.id = w.people().add_service_period(period);
                    done.period = period;
                }
                w.audit().append(about(audit, done.person.id));
                return done;
            });
    } catch (const store::ConstraintViolation&) {
        // The schema keeps HPR numbers unique: another registration won the race.
        return RecordProblems{{Kind::hpr_taken, std::nullopt, 0}};
    }
}

std::variant<domain::Employment, RecordProblems> add_employment(Application& app,
                                                                domain::Employment employment,
                                                                domain::AuditEvent audit) {
    RecordProblems problems;
    check_dates(employment.starts_on, employment.ends_on, problems);
    if (!problems.empty()) {
        return problems;
    }
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::Employment, RecordProblems> {
            RecordProblems found;
            check_full_time(w.people().employments_of(employment.person_id),
                            {employment.starts_on, employment.ends_on, employment.fte}, found);
            if (!found.empty()) {
                return found;
            }
            auto stored = employment;
            stored.id = w.people().add_employment(stored);
            w.audit().append(about(audit, stored.person_id));
            return stored;
        });
}

std::variant<domain::ServicePeriod, RecordProblems> add_service_period(Application& app,
                                                                       domain::ServicePeriod period,
                                                                       domain::AuditEvent audit) {
    RecordProblems problems;
    check_dates(period.starts_on, period.ends_on, problems);
    if (!problems.empty()) {
        return problems;
    }
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::ServicePeriod, RecordProblems> {
            RecordProblems found;
            check_employment_of(w.people().employments_of(period.person_id), period, found);
            check_room_for_one_more(w, period.person_id, found);
            check_full_time(w.people().service_periods_of(period.person_id),
                            {period.starts_on, period.ends_on, period.fte}, found);
            if (!found.empty()) {
                return found;
            }
            auto stored = period;
            stored.id = w.people().add_service_period(stored);
            w.audit().append(about(audit, stored.person_id));
            return stored;
        });
}

std::variant<domain::Leave, RecordProblems> add_leave(Application& app, domain::Leave leave,
                                                      domain::AuditEvent audit) {
    RecordProblems problems;
    check_dates(leave.starts_on, leave.ends_on, problems);
    if (!problems.empty()) {
        return problems;
    }
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::Leave, RecordProblems> {
            RecordProblems found;
            check_room_for_one_more(w, leave.person_id, found);
            if (!found.empty()) {
                return found;
            }
            auto stored = leave;
            stored.id = w.people().add_leave(stored);
            w.audit().append(about(audit, stored.person_id));
            return stored;
        });
}

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

std::optional<std::string> acting_municipality(Application& app, const Actor& actor,
                                               std::int64_t person_id) {
    const domain::Date today = app.today();
    return leading_municipality(actor, person_resource(app, person_id, today), today);
}

}  // namespace alis::app
