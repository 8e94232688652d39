#include "app/training_records.hpp"

#include <algorithm>

#include "app/auth.hpp"
#include "app/record_json.hpp"
#include "app/record_rules.hpp"
#include "domain/hpr.hpp"
#include "domain/position.hpp"
#include "domain/training_path.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

using namespace record_rules;

// The rulesets that count part 3 from the completion of LIS1 (part 1), which came with the 2019
// scheme; the pre-2019 scheme had no LIS1.
bool counts_from_lis1(const std::optional<std::string>& ruleset) {
    return ruleset.value_or("allmennmedisin-2019") != "allmennmedisin-pre2019";
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

std::optional<std::string> acting_municipality(Application& app, const Actor& actor,
                                               std::int64_t person_id) {
    const domain::Date today = app.today();
    return leading_municipality(actor, person_resource(app, person_id, today), today);
}

}  // namespace alis::app
