#include "app/grant_records.hpp"

#include <algorithm>

#include "app/coverage.hpp"
#include "app/money_rules.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

// The person's first employment in municipality `number` that touches `year`, or the refund
// period of the grant year of that number (which begins the year before), if any: whose cost
// inputs the municipality may enter for that year, as coverage compares that grant with them.
const domain::Employment* employment_in(const std::vector<domain::Employment>& employments,
                                        const std::string& number, int year) {
    auto first = *domain::Date::from_ymd(year, 1, 1);
    const auto last = *domain::Date::from_ymd(year, 12, 31);
    const auto grant_years = embedded_grant_years();
    if (std::find(grant_years.begin(), grant_years.end(), year) != grant_years.end()) {
        first = std::min(first, embedded_grant_year(std::to_string(year)).refund_from);
    }
    const auto it = std::find_if(employments.begin(), employments.end(), [&](const auto& e) {
        return e.municipality_number == number && e.starts_on <= last &&
               (!e.ends_on || *e.ends_on >= first);
    });
    return it == employments.end() ? nullptr : &*it;
}

bool has_employment(const store::UnitOfWork& w, std::int64_t person_id,
                    std::int64_t employment_id) {
    const auto employments = w.people().employments_of(person_id);
    return std::any_of(employments.begin(), employments.end(),
                       [&](const auto& e) { return e.id == employment_id; });
}

std::optional<GrantRecordProblem> agreement_problem(const domain::Agreement& a,
                                                    domain::Date today) {
    if (a.covers_to && *a.covers_to < a.covers_from) {
        return GrantRecordProblem::covers_to_before_from;
    }
    const bool needs_date = a.status == domain::AgreementStatus::signed_by_all;
    const bool may_have_date = needs_date || a.status == domain::AgreementStatus::cancelled;
    if ((needs_date && !a.signed_on) || (!may_have_date && a.signed_on)) {
        return GrantRecordProblem::signed_date_and_status;
    }
    if (a.signed_on && *a.signed_on > today) {
        return GrantRecordProblem::signed_in_future;
    }
    return std::nullopt;
}

}  // namespace

std::variant<domain::GrantPostFacts, GrantRecordProblem> record_grant_facts(
    Application& app, std::int64_t person_id, domain::GrantPostFacts facts,
    domain::AuditEvent audit) {
    if (facts.substitute && facts.type != domain::GrantPostType::regular_gp) {
        return GrantRecordProblem::substitute_not_gp_post;
    }
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::GrantPostFacts, GrantRecordProblem> {
            if (!has_employment(w, person_id, facts.employment_id)) {
                return GrantRecordProblem::unknown_employment;
            }
            w.grants().put_facts(facts);
            audit.action = "grant_post.recorded";
            audit.subject_person_id = person_id;
            w.audit().append(audit);
            return facts;
        });
}

std::variant<domain::Agreement, GrantRecordProblem> record_agreement(Application& app,
                                                                     std::int64_t person_id,
                                                                     domain::Agreement agreement,
                                                                     const Actor& actor,
                                                                     domain::AuditEvent audit) {
    if (const auto problem = agreement_problem(agreement, app.today())) {
        return *problem;
    }
    agreement.recorded_at = audit.at;
    agreement.recorded_by = signature_of(actor);
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::Agreement, GrantRecordProblem> {
            auto result = agreement;
            if (result.id != 0) {
                const auto before = w.grants().find_agreement(result.id);
                if (!before || !has_employment(w, person_id, before->employment_id)) {
                    return GrantRecordProblem::unknown_agreement;
                }
                result.employment_id = before->employment_id;
                w.grants().update_agreement(result);
                audit.action = "agreement.changed";
            } else {
                if (!has_employment(w, person_id, result.employment_id)) {
                    return GrantRecordProblem::unknown_employment;
                }
                result.id = w.grants().add_agreement(result);
                audit.action = "agreement.recorded";
            }
            audit.subject_person_id = person_id;
            w.audit().append(audit);
            return result;
        });
}

std::variant<domain::RecordedCostEntry, GrantRecordProblem> record_cost_entry(
    Application& app, domain::RecordedCostEntry entry, const Actor& actor,
    domain::AuditEvent audit) {
    entry.recorded_at = audit.at;
    entry.recorded_by = signature_of(actor);
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::RecordedCostEntry, GrantRecordProblem> {
            if (!w.municipalities().find(entry.municipality_number)) {
                return GrantRecordProblem::unknown_municipality;
            }
            if (entry.person_id) {
                if (!employment_in(w.people().employments_of(*entry.person_id),
                                   entry.municipality_number, entry.year)) {
                    return GrantRecordProblem::not_employed_there;
                }
                audit.action = "cost_input.recorded";
                audit.subject_person_id = entry.person_id;
            } else {
                audit.action = "cost_defaults.recorded";
            }
            w.grants().put_cost_entry(entry);
            w.audit().append(audit);
            return entry;
        });
}

std::optional<CostForm> cost_form(Application& app, const std::string& number, int year,
                                  std::optional<std::int64_t> person_id) {
    auto form = app.database().read([&](const store::Snapshot& s) -> std::optional<CostForm> {
        const auto m = s.municipalities().find(number);
        if (!m) {
            return std::nullopt;
        }
        CostForm f;
        f.municipality = *m;
        f.year = year;
        if (person_id) {
            const auto person = s.people().find(*person_id);
            const auto employments = s.people().employments_of(*person_id);
            const auto* employment = employment_in(employments, number, year);
            if (!person || !employment) {
                return std::nullopt;
            }
            f.person_id = person_id;
            f.full_name = person->full_name;
            f.pay = employment->pay_model;
        }
        for (auto& e : s.grants().cost_entries({number, std::nullopt}, year)) {
            if (e.person_id == person_id) {
                f.entry = std::move(e);
            } else if (!e.person_id) {
                f.defaults = std::move(e);
            }
        }
        return f;
    });
    if (!form || !person_id) {
        return form;
    }
    const auto years = coverage_years();
    if (std::find(years.begin(), years.end(), year) == years.end()) {
        return form;  // no rates to compute with
    }
    // The figures of the coverage page, for this ALIS: one computation of the cost and grant.
    AlisCoverage alis;
    alis.person_id = *person_id;
    alis.full_name = form->full_name;
    alis.pay = form->pay;
    form->computed =
        alis_coverage(app, number, year, alis, form->entry ? &form->entry->entry : nullptr,
                      form->defaults ? &form->defaults->entry : nullptr);
    form->unconfirmed = embedded_grant_year(std::to_string(year)).unconfirmed() ||
                        embedded_cost_rates(year).unconfirmed();
    return form;
}

std::optional<int> latest_cost_year(const std::vector<domain::Employment>& employments,
                                    const std::string& number) {
    const auto years = coverage_years();
    for (auto it = years.rbegin(); it != years.rend(); ++it) {
        if (employment_in(employments, number, *it)) {
            return *it;
        }
    }
    return std::nullopt;
}

std::vector<domain::Agreement> agreements_of(Application& app, std::int64_t person_id) {
    return app.database().read(
        [&](const store::Snapshot& s) { return s.grants().agreements_of(person_id); });
}

}  // namespace alis::app
