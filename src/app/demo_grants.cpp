#include "app/demo_grants.hpp"

#include <map>
#include <string>
#include <vector>

#include "app/money_rules.hpp"
#include "domain/agreement.hpp"
#include "domain/alis_cost.hpp"
#include "domain/coverage.hpp"
#include "embedded.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

using domain::Date;

constexpr const char* kBergen = "4601";
constexpr const char* kRecordedBy = "Demo Leder";
constexpr const char* kTemplate = "Helsedirektoratets nasjonale mal 2023 (demo)";

Date day(const char* iso) {
    return *Date::parse_iso(iso);
}

// The four ways a post of Bergen's 2025 claim is stopped, in the order the posts get them.
enum class Exception { no_agreement, signed_late, via_agency, not_national_template };

domain::Agreement signed_agreement(const domain::Employment& e, const std::string& at) {
    domain::Agreement a;
    a.employment_id = e.id;
    a.template_version = kTemplate;
    a.national_template = true;
    a.covers_from = e.starts_on;
    a.covers_to = e.ends_on;
    a.status = domain::AgreementStatus::signed_by_all;
    a.signed_on = e.starts_on.plus_days(-14);
    a.recorded_at = at;
    a.recorded_by = kRecordedBy;
    return a;
}

// A GP post of Bergen that holds the whole 2025 refund period (1 September 2024 to 31 May
// 2025): what the exceptions are picked from.
bool holds_refund_period_2025(const domain::Employment& e) {
    return e.municipality_number == kBergen && e.post_type != domain::PostType::institution &&
           e.starts_on < day("2024-09-01") && (!e.ends_on || *e.ends_on >= day("2025-05-31"));
}

// ALIS A-D as four of Bergen's doctors in 2023: a regular GP post each, from 1 August 2022 to
// the end of 2024, with a signed agreement and their own cost inputs; they are specialists now.
int add_report_examples(store::UnitOfWork& w, const std::string& at) {
    const auto text = embedded::files().at("data/demo/alis-costs-2023.toml");
    const auto inputs = domain::parse_cost_inputs(text, "data/demo/alis-costs-2023.toml");
    int entries = 0;
    for (const auto& alis : inputs.alis) {
        domain::Person person;
        person.full_name = alis.name + " (rapportens eksempel)";
        person.training_status = domain::TrainingStatus::specialist;
        person.lis1_completed = day("2019-06-30");
        const auto person_id = w.people().add(person);
        domain::Employment e;
        e.person_id = person_id;
        e.municipality_number = kBergen;
        e.starts_on = day("2022-08-01");
        e.ends_on = day("2024-12-31");
        e.fte = 100;
        e.post_type = domain::PostType::gp_list;
        e.pay_model = alis.contract == domain::ContractType::self_employed
                          ? domain::PayModel::self_employed
                          : domain::PayModel::salaried;
        e.id = w.people().add_employment(e);
        w.grants().add_agreement(signed_agreement(e, at));
        w.grants().put_cost_entry(
            {person_id, kBergen, inputs.year, domain::cost_entry_of(alis), at, kRecordedBy});
        ++entries;
    }
    return entries;
}

}  // namespace

DemoGrants add_demo_grants(Application& app, Date as_of) {
    const std::string at = as_of.iso() + "T09:00:00Z";
    return app.database().write([&](store::UnitOfWork& w) {
        DemoGrants demo;
        const auto posts = w.grants().claim_posts({}, day("1990-01-01"), day("2199-12-31"));
        std::vector<Exception> exceptions{Exception::no_agreement, Exception::signed_late,
                                          Exception::via_agency, Exception::not_national_template};
        std::map<std::string, bool> employs_alis;
        for (const auto& post : posts) {
            const auto& e = post.employment;
            if (e.post_type == domain::PostType::institution) {
                continue;
            }
            employs_alis[e.municipality_number] = true;
            auto agreement = signed_agreement(e, at);
            if (!exceptions.empty() && holds_refund_period_2025(e)) {
                const auto exception = exceptions.front();
                exceptions.erase(exceptions.begin());
                switch (exception) {
                    case Exception::no_agreement:
                        continue;
                    case Exception::signed_late:
                        agreement.signed_on = day("2024-11-15");
                        break;
                    case Exception::via_agency:
                        w.grants().put_facts(
                            {e.id, domain::GrantPostType::regular_gp, true, false});
                        break;
                    case Exception::not_national_template:
                        agreement.national_template = false;
                        agreement.template_version = "Kommunens egen mal (demo)";
                        break;
                }
            }
            w.grants().add_agreement(agreement);
            ++demo.agreements;
        }
        const auto text = embedded::files().at("data/demo/alis-costs-2023.toml");
        const auto inputs = domain::parse_cost_inputs(text, "data/demo/alis-costs-2023.toml");
        for (const auto& m : w.municipalities().all()) {
            if (!employs_alis[m.number]) {
                continue;
            }
            // The same demo figures for every year alis computes coverage for.
            const auto& model = inputs.alis[m.centrality_class <= 3 ? 0 : 1];
            for (const int year : coverage_years()) {
                w.grants().put_cost_entry(
                    {std::nullopt, m.number, year, domain::cost_entry_of(model), at, kRecordedBy});
                ++demo.cost_entries;
            }
        }
        demo.cost_entries += add_report_examples(w, at);
        demo.agreements += 4;
        return demo;
    });
}

}  // namespace alis::app
