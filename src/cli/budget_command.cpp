// alis budget FILE.toml [--format text|json]
// A regional pilot budget: gross cost, co-payments and net cost per year and in total
// (docs/money.md, "Pilot budgets").
#include <ostream>
#include <stdexcept>
#include <string>

#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "domain/budget.hpp"
#include "domain/ruleset.hpp"
#include "web/messages.hpp"

namespace alis::cli {
namespace {

// The budget for a person: each line, then the sums, in Norwegian.
std::string budget_text(const domain::PilotBudget& budget, const domain::BudgetResult& result) {
    const web::Catalogue catalogue("nb");
    const auto line = [](const std::string& label, domain::Money amount) {
        return "  " + label + ": " + domain::format_kroner(amount) + "\n";
    };
    const boost::json::object args{
        {"name", budget.name},
        {"years", budget.years},
        {"candidates", budget.candidates},
        {"co_payment", domain::format_kroner(budget.co_payment_per_candidate)},
    };
    std::string out = catalogue.format("budget.text.title", args) + "\n";
    for (const domain::BudgetLineAmount& l : result.lines) {
        out += line(l.name, l.per_year);
    }
    out += line(catalogue.format("budget.text.gross_per_year", args), result.gross_per_year);
    out += line(catalogue.format("budget.text.co_payments_per_year", args),
                result.co_payments_per_year);
    out += line(catalogue.format("budget.text.net_per_year", args), result.net_per_year);
    out += line(catalogue.format("budget.text.gross_total", args), result.gross_total);
    out += line(catalogue.format("budget.text.net_total", args), result.net_total);
    if (!budget.provenance.source.empty()) {
        out +=
            catalogue.format("budget.text.source", {{"source", budget.provenance.source}}) + "\n";
    }
    if (budget.provenance.unconfirmed) {
        out +=
            catalogue.format("budget.text.unconfirmed", {{"note", budget.provenance.note}}) + "\n";
    }
    return out;
}

std::string budget_of(const std::string& text, const FileInput& input, std::ostream&) {
    domain::PilotBudget budget;
    domain::BudgetResult result;
    try {
        budget = domain::parse_budget(text, input.name);
        result = domain::compute_budget(budget);
    } catch (const domain::RulesetError& e) {
        throw data_file_error(e);
    } catch (const std::overflow_error&) {
        throw BadInput{"budget.too_large", {{"file", input.name}}};
    }
    return input.format == "json" ? domain::budget_json(result) : budget_text(budget, result);
}

}  // namespace

void add_budget_command(CLI::App& app, int& exit_code) {
    add_file_command(app, "budget",
                     "Compute a regional pilot budget (TOML): gross cost, co-payments and net cost "
                     "per year and over the years (see docs/money.md)",
                     "The budget: a TOML file", {"text", "json"}, exit_code, budget_of);
}

}  // namespace alis::cli
