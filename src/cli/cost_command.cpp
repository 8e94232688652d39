// alis cost FILE.toml [--format text|json]
// What each ALIS of a file of cost inputs costs the municipality in a year, by the 2023 report's
// method, shown as the report's table (docs/money.md, "The cost of one ALIS").
#include <boost/json.hpp>

#include <algorithm>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/money_rules.hpp"
#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "domain/alis_cost.hpp"
#include "domain/ruleset.hpp"
#include "web/messages.hpp"

namespace alis::cli {
namespace {

struct Computed {
    domain::CostInputs inputs;
    bool rates_unconfirmed = false;
    std::vector<domain::AlisCost> costs;  // in the order of inputs.alis
};

// The width of UTF-8 text in characters (every byte that does not continue a character).
std::size_t width(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string padded_left(const std::string& text, std::size_t to) {
    return std::string(to > width(text) ? to - width(text) : 0, ' ') + text;
}

std::string padded_right(const std::string& text, std::size_t to) {
    return text + std::string(to > width(text) ? to - width(text) : 0, ' ');
}

std::string per_mille_text(std::int64_t per_mille) {
    return std::to_string(per_mille / 10) + "," + std::to_string(per_mille % 10) + " %";
}

// The report's table: one column per ALIS, rows expenses, financing and cost in millions, then the
// direct training costs of each.
std::string cost_text(const Computed& c) {
    const web::Catalogue catalogue("nb");
    const std::vector<std::string> labels = {catalogue.text("cost.text.expenses"),
                                             catalogue.text("cost.text.financing"),
                                             catalogue.text("cost.text.cost")};
    std::size_t label_width = 0;
    for (const std::string& label : labels) {
        label_width = std::max(label_width, width(label));
    }
    std::size_t column = 6;
    for (const domain::AlisCostInput& a : c.inputs.alis) {
        column = std::max(column, width(a.name));
    }
    std::string out = catalogue.format("cost.text.title", {{"year", c.inputs.year}}) + "\n" +
                      std::string(label_width, ' ');
    for (const domain::AlisCostInput& a : c.inputs.alis) {
        out += "  " + padded_left(a.name, column);
    }
    out += "\n";
    const auto row = [&](std::size_t label, domain::Money domain::AlisCost::*item) {
        out += padded_right(labels[label], label_width);
        for (const domain::AlisCost& cost : c.costs) {
            out += "  " + padded_left(domain::format_millions(cost.*item), column);
        }
        out += "\n";
    };
    row(0, &domain::AlisCost::expenses);
    row(1, &domain::AlisCost::financing);
    row(2, &domain::AlisCost::cost);
    out += catalogue.text("cost.text.direct_training") + "\n";
    for (std::size_t i = 0; i < c.costs.size(); ++i) {
        out += "  " + c.inputs.alis[i].name + ": " +
               domain::format_kroner(c.costs[i].direct_training) + " (" +
               per_mille_text(c.costs[i].direct_training_per_mille) + ")\n";
    }
    if (c.inputs.provenance.unconfirmed || c.rates_unconfirmed) {
        out +=
            catalogue.format("cost.text.unconfirmed", {{"note", c.inputs.provenance.note}}) + "\n";
    }
    return out;
}

std::string cost_json(const Computed& c) {
    boost::json::array alis;
    for (std::size_t i = 0; i < c.costs.size(); ++i) {
        const domain::AlisCost& cost = c.costs[i];
        alis.push_back(boost::json::object{
            {"name", c.inputs.alis[i].name},
            {"expenses_ore", cost.expenses.in_ore()},
            {"financing_ore", cost.financing.in_ore()},
            {"cost_ore", cost.cost.in_ore()},
            {"direct_training_ore", cost.direct_training.in_ore()},
            {"direct_training_per_mille", cost.direct_training_per_mille},
        });
    }
    const boost::json::object out{
        {"year", c.inputs.year},
        {"unconfirmed", c.inputs.provenance.unconfirmed || c.rates_unconfirmed},
        {"alis", std::move(alis)},
    };
    return boost::json::serialize(out) + "\n";
}

std::string costs_of(const std::string& text, const FileInput& input, std::ostream&) {
    Computed c;
    try {
        c.inputs = domain::parse_cost_inputs(text, input.name);
        const domain::CostRates& rates = app::embedded_cost_rates(c.inputs.year);
        c.rates_unconfirmed = rates.unconfirmed();
        for (const domain::AlisCostInput& a : c.inputs.alis) {
            c.costs.push_back(domain::compute_alis_cost(a, rates));
        }
    } catch (const domain::RulesetError& e) {
        throw data_file_error(e);
    } catch (const app::UnknownRulesYear& e) {
        throw BadInput{"cost.unknown_year", {{"year", e.name()}, {"known", e.known()}}};
    } catch (const std::overflow_error&) {
        throw BadInput{"cost.too_large", {{"file", input.name}}};
    }
    return input.format == "json" ? cost_json(c) : cost_text(c);
}

}  // namespace

void add_cost_command(CLI::App& app, int& exit_code) {
    add_file_command(app, "cost",
                     "What each ALIS of a file of cost inputs (TOML) costs the municipality in a "
                     "year: expenses, financing and cost as the 2023 report's table (see "
                     "docs/money.md)",
                     "The cost inputs: a TOML file", {"text", "json"}, exit_code, costs_of);
}

}  // namespace alis::cli
