#include "domain/budget.hpp"

#include <boost/json.hpp>

#include <cstdint>

#include "domain/toml_reader.hpp"

namespace alis::domain {
namespace {

BudgetLine read_line(const TomlReader& reader, const toml::node& node, const std::string& prefix) {
    if (!node.is_table()) {
        reader.fail(prefix, "must be a table ([[line]])");
    }
    const toml::table& table = *node.as_table();
    reader.refuse_unknown_keys(table, {"name", "amount", "per_candidate"}, prefix + ".");
    BudgetLine line;
    line.name = reader.string_at(table, "name", prefix + ".name");
    if (const toml::node* amount = table.get("amount"); amount != nullptr) {
        line.amount = reader.kroner(*amount, prefix + ".amount");
    }
    if (const toml::node* per = table.get("per_candidate"); per != nullptr) {
        line.per_candidate = reader.kroner(*per, prefix + ".per_candidate");
    }
    if (line.amount.has_value() == line.per_candidate.has_value()) {
        reader.fail(prefix, "must have either `amount` or `per_candidate`, not both or neither");
    }
    return line;
}

// Whole kroner: every input of a budget is whole kroner, and so are its sums.
std::int64_t kroner_of(Money amount) {
    return amount.in_ore() / 100;
}

}  // namespace

PilotBudget parse_budget(std::string_view toml_text, std::string_view file) {
    const toml::table root = parse_toml(toml_text, file);
    const TomlReader reader(file);
    reader.refuse_unknown_keys(root,
                               {"name", "years", "candidates", "co_payment_per_candidate", "line",
                                "source", "unconfirmed", "note"},
                               "");
    PilotBudget budget;
    budget.name = reader.string_at(root, "name", "name");
    budget.years =
        static_cast<int>(reader.integer(reader.require(root, "years", "years"), "years", 1,
                                        kMaxBudgetYears, "a whole number of years from 1 to 100"));
    budget.candidates = static_cast<int>(
        reader.integer(reader.require(root, "candidates", "candidates"), "candidates", 0,
                       kMaxBudgetCandidates, "a whole number of candidates from 0 to 100000"));
    budget.co_payment_per_candidate =
        reader.kroner(reader.require(root, "co_payment_per_candidate", "co_payment_per_candidate"),
                      "co_payment_per_candidate");
    budget.provenance.source = reader.optional_string(root, "source", "source").value_or("");
    budget.provenance.unconfirmed = reader.boolean_at(root, "unconfirmed", "unconfirmed", false);
    budget.provenance.note = reader.optional_string(root, "note", "note").value_or("");

    const toml::node& lines = reader.require(root, "line", "line");
    if (!lines.is_array() || lines.as_array()->empty()) {
        reader.fail("line", "must be at least one [[line]] table");
    }
    const toml::array& list = *lines.as_array();
    if (list.size() > kMaxBudgetLines) {
        reader.fail("line", "has more than 1000 lines");
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        budget.lines.push_back(read_line(reader, list[i], "line[" + std::to_string(i) + "]"));
    }
    return budget;
}

BudgetResult compute_budget(const PilotBudget& budget) {
    BudgetResult result;
    for (const BudgetLine& line : budget.lines) {
        const Money per_year =
            line.amount ? *line.amount : line.per_candidate->times(budget.candidates);
        result.lines.push_back({line.name, per_year});
        result.gross_per_year += per_year;
    }
    result.co_payments_per_year = budget.co_payment_per_candidate.times(budget.candidates);
    result.net_per_year = result.gross_per_year - result.co_payments_per_year;
    result.gross_total = result.gross_per_year.times(budget.years);
    result.net_total = result.net_per_year.times(budget.years);
    return result;
}

std::string budget_json(const BudgetResult& result) {
    const boost::json::object out{
        {"gross_per_year", kroner_of(result.gross_per_year)},
        {"co_payments_per_year", kroner_of(result.co_payments_per_year)},
        {"net_per_year", kroner_of(result.net_per_year)},
        {"gross_total", kroner_of(result.gross_total)},
        {"net_total", kroner_of(result.net_total)},
    };
    return boost::json::serialize(out) + "\n";
}

}  // namespace alis::domain
