#include "app/trainee_overview.hpp"

#include <algorithm>

#include "app/training_ledger.hpp"

namespace alis::app {
namespace {

UrgentWarning most_urgent(const store::Municipality& m, const TraineeRow& row,
                          const PersonLedger& ledger, std::string& detail) {
    if (m.enterprise_status == store::EnterpriseStatus::not_registered) {
        return UrgentWarning::employer_not_registered;
    }
    if (row.supervisors.empty()) {
        return UrgentWarning::no_supervisor;
    }
    const auto& report = ledger.report;
    for (const auto& r : report.requirements) {
        if (r.id == "institution_min" && !r.met) {
            const bool planned = std::any_of(
                ledger.path.periods.begin(), ledger.path.periods.end(), [&](const auto& p) {
                    return p.arena == domain::Arena::Institution && p.from > report.as_of;
                });
            if (!planned) {
                return UrgentWarning::institution_not_planned;
            }
        }
    }
    if (!report.warnings.empty()) {
        detail = report.warnings.front().message;
        return UrgentWarning::ledger_warning;
    }
    return UrgentWarning::none;
}

}  // namespace

std::optional<TraineeOverview> trainee_overview(store::Store& store, const std::string& number,
                                                domain::Date today, TraineeSort sort,
                                                TraineeFilter filter) {
    auto municipality = store.municipality(number);
    if (!municipality) {
        return std::nullopt;
    }
    TraineeOverview overview;
    overview.municipality = *municipality;
    for (auto& person : store.trainees_employed_by(number, today)) {
        TraineeRow row;
        for (const auto& e : store.employments_of(person.id)) {
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
        for (const auto id : store.supervisors_of(person.id, today)) {
            if (const auto supervisor = store.person(id)) {
                row.supervisors.push_back(supervisor->full_name);
            }
        }
        const auto ledger = person_ledger(store, person.id, today);
        if (ledger) {
            for (const auto& r : ledger->report.requirements) {
                if (r.id == "total") {
                    row.counted = r.counted;
                    row.required = r.required;
                }
            }
            row.complete = ledger->report.complete;
            row.projected_completion = ledger->report.projected_completion;
            row.warning = most_urgent(*municipality, row, *ledger, row.warning_detail);
        }
        row.person = std::move(person);
        overview.rows.push_back(std::move(row));
    }
    overview.total = static_cast<int>(overview.rows.size());
    std::erase_if(overview.rows, [&](const TraineeRow& row) {
        switch (filter) {
            case TraineeFilter::all:
                return false;
            case TraineeFilter::without_supervisor:
                return !row.supervisors.empty();
            case TraineeFilter::with_warning:
                return row.warning == UrgentWarning::none;
        }
        return false;
    });
    std::stable_sort(overview.rows.begin(), overview.rows.end(),
                     [&](const TraineeRow& a, const TraineeRow& b) {
                         switch (sort) {
                             case TraineeSort::name:
                                 return a.person.full_name < b.person.full_name;
                             case TraineeSort::progress:
                                 return a.counted > b.counted;
                             case TraineeSort::completion:
                                 // Unknown completion last.
                                 if (a.projected_completion && b.projected_completion) {
                                     return *a.projected_completion < *b.projected_completion;
                                 }
                                 return a.projected_completion.has_value() &&
                                        !b.projected_completion.has_value();
                         }
                         return false;
                     });
    return overview;
}

}  // namespace alis::app
