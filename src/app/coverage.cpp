#include "app/coverage.hpp"

#include <algorithm>
#include <map>

#include "app/money_rules.hpp"
#include "domain/grant_claim.hpp"
#include "domain/stability.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

struct ScopeData {
    std::vector<domain::Municipality> municipalities;
    std::vector<domain::ClaimPost> posts;
    std::vector<domain::RecordedCostEntry> entries;
};

domain::ContractType contract_of(domain::PayModel pay) {
    return pay == domain::PayModel::salaried ? domain::ContractType::salaried
                                             : domain::ContractType::self_employed;
}

// Sets the ALIS's cost before the grant from its own entry and the municipality's defaults
// (either may be null; with neither, it has no cost inputs).
void add_cost(AlisCoverage& a, const domain::CostEntry* own, const domain::CostEntry* defaults,
              const domain::CostRates& rates) {
    const domain::CostEntry none;
    a.has_cost_inputs = own || defaults;
    a.cost = domain::compute_alis_cost(
        domain::merged_cost_input(a.full_name, contract_of(a.pay), own ? *own : none,
                                  defaults ? *defaults : none),
        rates);
    a.coverage.cost_before_grant = a.cost.cost;
}

// Every ALIS with a claim line in the scope's municipalities over the grant year's refund
// period, with their cost of `rates` and their grant; with the municipality each belongs to.
std::vector<std::pair<const domain::Municipality*, AlisCoverage>> alis_of(
    const ScopeData& data, const domain::GrantYear& year, const domain::CostRates& rates) {
    std::map<std::string, std::vector<domain::ClaimPost>> posts;
    for (const auto& post : data.posts) {
        posts[post.employment.municipality_number].push_back(post);
    }
    std::vector<std::pair<const domain::Municipality*, AlisCoverage>> result;
    for (const auto& m : data.municipalities) {
        const auto it = posts.find(m.number);
        if (it == posts.end()) {
            continue;
        }
        const auto claim = domain::compute_municipality_claim(
            year, year.refund_from, year.refund_to, m.centrality_class, it->second);
        const domain::CostEntry* defaults = nullptr;
        std::map<std::int64_t, const domain::CostEntry*> own;
        for (const auto& e : data.entries) {
            if (e.municipality_number == m.number) {
                (e.person_id ? own[*e.person_id] : defaults) = &e.entry;
            }
        }
        std::map<std::int64_t, domain::PayModel> pay;  // by the person's first post there
        for (const auto& post : it->second) {
            pay.emplace(post.person_id, post.employment.pay_model);
        }
        std::map<std::int64_t, AlisCoverage> by_person;
        for (const auto& line : claim.lines) {
            auto& a = by_person[line.person_id];
            a.person_id = line.person_id;
            a.full_name = line.full_name;
            a.pay = pay[line.person_id];
            a.coverage.alis = 1;
            a.coverage.grant += line.amount;
        }
        for (auto& [person, a] : by_person) {
            const auto mine = own.find(person);
            add_cost(a, mine != own.end() ? mine->second : nullptr, defaults, rates);
            result.emplace_back(&m, std::move(a));
        }
    }
    return result;
}

ScopeData read_scope(Application& app, const store::MoneyScope& scope,
                     const domain::GrantYear& year, int cost_year) {
    return app.database().read([&](const store::Snapshot& s) {
        ScopeData data;
        for (auto& m : s.municipalities().all()) {
            if ((!scope.municipality_number || m.number == *scope.municipality_number) &&
                (!scope.alis_office || m.alis_office == *scope.alis_office)) {
                data.municipalities.push_back(std::move(m));
            }
        }
        data.posts = s.grants().claim_posts(scope, year.refund_from, year.refund_to);
        data.entries = s.grants().cost_entries(scope, cost_year);
        return data;
    });
}

// Adds one ALIS to the group `key` of `groups`, keeping the groups in key order.
void add_to(std::vector<CoverageGroup>& groups, const std::string& key, const std::string& name,
            const AlisCoverage& a) {
    auto it =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.key == key; });
    if (it == groups.end()) {
        it = groups.insert(std::upper_bound(groups.begin(), groups.end(), key,
                                            [](const auto& k, const auto& g) { return k < g.key; }),
                           CoverageGroup{key, name, {}, false});
    }
    it->coverage.add(a.coverage.grant, a.coverage.cost_before_grant);
}

void protect(std::vector<CoverageGroup>& groups) {
    for (auto& g : groups) {
        if (g.coverage.alis < domain::kMinCell) {
            g.withheld = true;
            g.coverage = {g.coverage.alis, {}, {}};
        }
    }
}

// The report of a scope; `group` names each ALIS's group (none for the municipality's own).
enum class Grouping { own_municipality, by_municipality, national };

CoverageReport report_of(Application& app, const store::MoneyScope& scope, int year,
                         Grouping grouping) {
    const auto& grant_year = embedded_grant_year(std::to_string(year));
    const auto& rates = embedded_cost_rates(year);
    CoverageReport report;
    report.year = year;
    report.unconfirmed = grant_year.unconfirmed() || rates.unconfirmed();
    report.total.key = "total";
    report.national = grouping == Grouping::national;
    const auto data = read_scope(app, scope, grant_year, year);
    for (auto& [m, a] : alis_of(data, grant_year, rates)) {
        if (!a.has_cost_inputs) {
            ++report.without_cost_inputs;
        } else {
            report.total.coverage.add(a.coverage.grant, a.coverage.cost_before_grant);
            if (grouping == Grouping::by_municipality) {
                add_to(report.groups, m->number, m->name, a);
            } else if (grouping == Grouping::national) {
                add_to(report.groups, m->alis_office, m->alis_office, a);
                add_to(report.by_centrality_class, std::to_string(m->centrality_class),
                       std::to_string(m->centrality_class), a);
                const std::string pay(domain::to_string(a.pay));
                add_to(report.by_pay_model, pay, pay, a);
            }
        }
        if (grouping == Grouping::own_municipality) {
            report.alis.push_back(std::move(a));
        }
    }
    if (grouping != Grouping::own_municipality) {
        protect(report.groups);
        protect(report.by_centrality_class);
        protect(report.by_pay_model);
        std::vector<CoverageGroup> total{report.total};
        protect(total);
        report.total = total.front();
    }
    std::sort(report.alis.begin(), report.alis.end(),
              [](const auto& a, const auto& b) { return a.full_name < b.full_name; });
    return report;
}

}  // namespace

std::optional<CoverageReport> municipality_coverage(Application& app, const std::string& number,
                                                    int year) {
    const bool known = app.database().read(
        [&](const store::Snapshot& s) { return s.municipalities().find(number).has_value(); });
    if (!known) {
        return std::nullopt;
    }
    return report_of(app, {number, std::nullopt}, year, Grouping::own_municipality);
}

std::optional<AlisCoverage> alis_coverage(Application& app, const std::string& number, int year,
                                          AlisCoverage alis, const domain::CostEntry* own,
                                          const domain::CostEntry* defaults) {
    const auto report = municipality_coverage(app, number, year);
    if (!report) {
        return std::nullopt;
    }
    for (const auto& a : report->alis) {
        if (a.person_id == alis.person_id) {
            return a.has_cost_inputs ? std::optional(a) : std::nullopt;
        }
    }
    if (!own && !defaults) {
        return std::nullopt;
    }
    alis.coverage = {1, {}, {}};
    add_cost(alis, own, defaults, embedded_cost_rates(year));
    return alis;
}

CoverageReport region_coverage(Application& app, const std::string& office, int year) {
    return report_of(app, {std::nullopt, office}, year, Grouping::by_municipality);
}

CoverageReport national_coverage(Application& app, int year) {
    return report_of(app, {}, year, Grouping::national);
}

}  // namespace alis::app
