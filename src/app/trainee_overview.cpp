#include "app/trainee_overview.hpp"

#include <algorithm>
#include <map>

#include "app/education_plan.hpp"
#include "app/supervision.hpp"
#include "app/training_ledger.hpp"
#include "domain/agreement.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

// The order of the checks is the order of urgency: without a registered employer nothing counts;
// supervision and a plan are duties of the municipality; then what threatens completion.
UrgentWarning warning_of(domain::AgreementWarning w) {
    switch (w) {
        case domain::AgreementWarning::no_signed_agreement:
            return UrgentWarning::no_signed_agreement;
        case domain::AgreementWarning::signed_after_period_began:
            return UrgentWarning::agreement_signed_late;
        case domain::AgreementWarning::not_national_template:
            return UrgentWarning::agreement_not_national_template;
    }
    return UrgentWarning::none;
}

UrgentWarning most_urgent(const domain::Municipality& m, const TraineeRow& row,
                          const PersonLedger& ledger,
                          const std::optional<domain::EducationPlanRevision>& plan,
                          const std::optional<domain::AgreementWarning>& agreement,
                          std::string& detail) {
    if (m.enterprise_status == domain::EnterpriseStatus::not_registered) {
        return UrgentWarning::employer_not_registered;
    }
    if (row.supervisors.empty()) {
        return UrgentWarning::no_supervisor;
    }
    if (!plan) {
        return UrgentWarning::no_plan;
    }
    const auto& report = ledger.report;
    for (const auto& r : report.requirements) {
        if (r.id == "institution_min" && !r.met) {
            if (!institution_planned(ledger, plan)) {
                return UrgentWarning::institution_not_planned;
            }
        }
    }
    if (const auto due = plan_revision_due(plan); due && *due <= report.as_of) {
        return UrgentWarning::plan_revision_due;
    }
    if (!report.warnings.empty()) {
        detail = report.warnings.front().message;
        return UrgentWarning::ledger_warning;
    }
    if (agreement) {
        return warning_of(*agreement);
    }
    return UrgentWarning::none;
}

// The first agreement warning of the person's GP posts among today's `posts` (institution
// service has no ALIS agreement of its own).
std::optional<domain::AgreementWarning> agreement_warning_of(
    const std::vector<domain::ClaimPost>& posts, std::int64_t person_id) {
    for (const auto& post : posts) {
        if (post.person_id == person_id &&
            post.employment.post_type != domain::PostType::institution) {
            if (const auto w = domain::agreement_warning(post.agreements)) {
                return w;
            }
        }
    }
    return std::nullopt;
}

}  // namespace

std::vector<domain::TraineeRecord> trainee_records(const store::Snapshot& s,
                                                   const std::string& municipality_number,
                                                   domain::Date day) {
    return trainee_records(s, s.people().trainees_employed_by(municipality_number, day), day);
}

std::vector<domain::TraineeRecord> trainee_records(const store::Snapshot& s,
                                                   std::vector<domain::Person> people,
                                                   domain::Date day) {
    std::vector<domain::TraineeRecord> records;
    std::map<std::int64_t, std::size_t> index;
    std::vector<std::int64_t> ids;
    for (auto& person : people) {
        index.emplace(person.id, records.size());
        ids.push_back(person.id);
        records.push_back({std::move(person), {}, {}, {}, {}, {}});
    }
    const auto record_of = [&](std::int64_t person_id) -> domain::TraineeRecord* {
        const auto it = index.find(person_id);
        return it == index.end() ? nullptr : &records[it->second];
    };
    s.people().employments_of(ids, [&](std::int64_t id, domain::Employment e) {
        if (auto* r = record_of(id)) {
            r->employments.push_back(std::move(e));
        }
    });
    s.people().service_periods_of(ids, [&](std::int64_t id, domain::ServicePeriod p) {
        if (auto* r = record_of(id)) {
            r->periods.push_back(std::move(p));
        }
    });
    s.people().leaves_of(ids, [&](std::int64_t id, domain::Leave l) {
        if (auto* r = record_of(id)) {
            r->leaves.push_back(std::move(l));
        }
    });
    s.supervisors().supervisor_names_of(ids, day, [&](std::int64_t id, std::string name) {
        if (auto* r = record_of(id)) {
            r->supervisor_names.push_back(std::move(name));
        }
    });
    for (auto& plan : s.education_plans().current_of(ids)) {
        if (auto* r = record_of(plan.person_id)) {
            r->plan = std::move(plan);
        }
    }
    return records;
}

std::optional<TraineeOverview> trainee_overview(Application& app, const std::string& number,
                                                domain::Date today) {
    std::optional<domain::Municipality> municipality;
    std::vector<domain::TraineeRecord> records;
    std::vector<domain::ClaimPost> posts;  // today's, with their agreements
    std::map<std::int64_t, std::vector<domain::SupervisionMeeting>> meetings;
    std::optional<std::string> norm_id;
    app.database().read([&](const store::Snapshot& s) {
        municipality = s.municipalities().find(number);
        if (municipality) {
            records = trainee_records(s, number, today);
            posts = s.grants().claim_posts({number, std::nullopt}, today, today);
            std::vector<std::int64_t> ids;
            for (const auto& r : records) {
                ids.push_back(r.person.id);
            }
            const auto first = domain::Month::of(today).plus(-domain::kNormWindowMonths);
            s.supervision().meetings_between(
                ids, first.first_day(), domain::Month::of(today).plus(-1).last_day(),
                [&](domain::SupervisionMeeting m) {
                    meetings[m.trainee_person_id].push_back(std::move(m));
                });
            norm_id = s.supervision().norm_of(number);
        }
    });
    const auto& norm = supervision_norms().chosen(norm_id.value_or(""));
    if (!municipality) {
        return std::nullopt;
    }
    TraineeOverview overview;
    overview.municipality = *municipality;
    overview.as_of = today;
    for (auto& record : records) {
        auto& person = record.person;
        TraineeRow row;
        for (const auto& e : record.employments) {
            const bool current = e.municipality_number == number && e.starts_on <= today &&
                                 (!e.ends_on || today <= *e.ends_on);
            if (current) {
                row.fte += e.fte;
                if (!row.post || e.fte > 0) {
                    row.post = row.post ? row.post : e.post_type;
                    row.pay = row.pay ? row.pay : e.pay_model;
                }
            }
        }
        row.supervisors = std::move(record.supervisor_names);
        std::optional<domain::Date> started_on;
        for (const auto& e : record.employments) {
            started_on = started_on ? std::min(*started_on, e.starts_on) : e.starts_on;
        }
        row.supervision = domain::norm_window(meetings[person.id], norm, started_on, today);
        const auto outcome =
            ledger_outcome_of(training_path_from(person, record.periods, record.leaves, today));
        if (const auto* failure = std::get_if<LedgerFailure>(&outcome)) {
            row.ledger_failure = *failure;
            row.warning = UrgentWarning::ledger_failed;
            row.warning_detail = failure->message;
            row.person = std::move(person);
            overview.rows.push_back(std::move(row));
            continue;
        }
        const auto& ledger = std::get<PersonLedger>(outcome);
        for (const auto& r : ledger.report.requirements) {
            if (r.id == "total") {
                row.counted = r.counted;
                row.required = r.required;
            }
        }
        row.complete = ledger.report.complete;
        row.plan_revision_due = plan_revision_due(record.plan);
        for (const auto& r : ledger.report.requirements) {
            if (r.id == "institution_min" && !r.met && !institution_planned(ledger, record.plan)) {
                row.institution_unplanned = true;
            }
        }
        row.projected_completion = projected_completion(ledger, record.plan);
        row.warning = most_urgent(*municipality, row, ledger, record.plan,
                                  agreement_warning_of(posts, person.id), row.warning_detail);
        row.person = std::move(person);
        overview.rows.push_back(std::move(row));
    }
    return overview;
}

TraineeSelection select_trainees(std::shared_ptr<const TraineeOverview> overview, TraineeSort sort,
                                 TraineeFilter filter) {
    TraineeSelection selection;
    selection.total = static_cast<int>(overview->rows.size());
    for (const auto& row : overview->rows) {
        const bool shown = [&] {
            switch (filter) {
                case TraineeFilter::all:
                    return true;
                case TraineeFilter::without_supervisor:
                    return row.supervisors.empty();
                case TraineeFilter::with_warning:
                    return row.warning != UrgentWarning::none;
            }
            return true;
        }();
        if (shown) {
            selection.rows.push_back(&row);
        }
    }
    std::stable_sort(selection.rows.begin(), selection.rows.end(),
                     [&](const TraineeRow* a, const TraineeRow* b) {
                         switch (sort) {
                             case TraineeSort::name:
                                 return a->person.full_name < b->person.full_name;
                             case TraineeSort::progress:
                                 return a->counted > b->counted;
                             case TraineeSort::completion:
                                 // Unknown completion last.
                                 if (a->projected_completion && b->projected_completion) {
                                     return *a->projected_completion < *b->projected_completion;
                                 }
                                 return a->projected_completion.has_value() &&
                                        !b->projected_completion.has_value();
                         }
                         return false;
                     });
    selection.overview = std::move(overview);
    return selection;
}

std::shared_ptr<const TraineeOverview> TraineeOverviews::get(Application& app,
                                                             const std::string& number,
                                                             domain::Date today,
                                                             std::uint64_t generation) {
    {
        std::lock_guard lock(mutex_);
        const auto it = entries_.find(number);
        if (it != entries_.end() && it->second.day == today &&
            it->second.generation == generation) {
            return it->second.overview;
        }
    }
    auto computed = trainee_overview(app, number, today);
    if (!computed) {
        return nullptr;
    }
    auto overview = std::make_shared<const TraineeOverview>(std::move(*computed));
    std::lock_guard lock(mutex_);
    // One entry per municipality: a newer day or generation replaces the one before.
    entries_[number] = Entry{today, generation, overview};
    return overview;
}

}  // namespace alis::app
