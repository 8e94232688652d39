#include "domain/alis_cost.hpp"

#include <string>

#include "domain/toml_reader.hpp"

namespace alis::domain {
namespace {

// A table of one percentage with its provenance: { percent = 14.1, unconfirmed = true }.
SharePpm read_share(const TomlReader& reader, const toml::table& table, std::string_view name,
                    const std::string& key, Provenance& provenance) {
    const toml::node& percent = reader.sourced_value(table, name, key, "percent", provenance);
    return reader.percent(percent, key + ".percent", ZeroPercent::allowed);
}

int count_at(const TomlReader& reader, const toml::table& table, std::string_view name,
             const std::string& key, int high) {
    const toml::node* node = table.get(name);
    if (node == nullptr) {
        return 0;
    }
    return static_cast<int>(
        reader.integer(*node, key, 0, high, "a whole number from 0 to " + std::to_string(high)));
}

Money kroner_at(const TomlReader& reader, const toml::table& table, std::string_view name,
                const std::string& key) {
    const toml::node* node = table.get(name);
    return node == nullptr ? Money() : reader.kroner(*node, key);
}

AlisCostInput read_alis(const TomlReader& reader, const toml::node& node,
                        const std::string& prefix) {
    if (!node.is_table()) {
        reader.fail(prefix, "must be a table ([[alis]])");
    }
    const toml::table& t = *node.as_table();
    reader.refuse_unknown_keys(
        t,
        {"name", "contract", "list_length", "other_gp_work_percent", "zone", "salary", "bonus",
         "office", "supervision_hours", "supervision_rate", "courses_and_travel", "substitutes",
         "fee_for_service", "grants"},
        prefix + ".");
    AlisCostInput a;
    a.name = reader.string_at(t, "name", prefix + ".name");
    const std::string contract = reader.string_at(t, "contract", prefix + ".contract");
    const auto parsed_contract = parse_enum<ContractType>(contract);
    if (!parsed_contract) {
        reader.fail(prefix + ".contract", "must be salaried, self_employed or unknown");
    }
    a.contract = *parsed_contract;
    const std::string zone = reader.string_at(t, "zone", prefix + ".zone");
    const auto parsed_zone = parse_enum<ContributionZone>(zone);
    if (!parsed_zone) {
        reader.fail(prefix + ".zone", "must be one of 1, 1a, 2, 3, 4, 4a, 5 (as a string)");
    }
    a.zone = *parsed_zone;
    a.list_length = count_at(reader, t, "list_length", prefix + ".list_length", 100'000);
    a.other_gp_work_percent =
        count_at(reader, t, "other_gp_work_percent", prefix + ".other_gp_work_percent", 100);
    a.supervision_hours =
        count_at(reader, t, "supervision_hours", prefix + ".supervision_hours", 10'000);
    a.salary = kroner_at(reader, t, "salary", prefix + ".salary");
    a.bonus = kroner_at(reader, t, "bonus", prefix + ".bonus");
    a.office = kroner_at(reader, t, "office", prefix + ".office");
    a.supervision_rate = kroner_at(reader, t, "supervision_rate", prefix + ".supervision_rate");
    a.courses_and_travel =
        kroner_at(reader, t, "courses_and_travel", prefix + ".courses_and_travel");
    a.substitutes = kroner_at(reader, t, "substitutes", prefix + ".substitutes");
    a.fee_for_service = kroner_at(reader, t, "fee_for_service", prefix + ".fee_for_service");
    a.grants = kroner_at(reader, t, "grants", prefix + ".grants");
    return a;
}

}  // namespace

bool CostRates::unconfirmed() const {
    bool any = pension_provenance.unconfirmed || basic_payment_provenance.unconfirmed;
    for (const Provenance& p : employer_contribution_provenance) {
        any = any || p.unconfirmed;
    }
    return any;
}

AlisCost compute_alis_cost(const AlisCostInput& input, const CostRates& rates) {
    AlisCost c;
    c.salary_and_bonus = input.salary + input.bonus;
    c.pension = scale(c.salary_and_bonus, rates.pension, kWholeShare);
    c.employer_contribution =
        scale(c.salary_and_bonus + c.pension,
              rates.employer_contribution[static_cast<std::size_t>(input.zone)], kWholeShare);
    c.office = input.office;
    c.supervision = input.supervision_rate.times(input.supervision_hours);
    c.courses_and_travel = input.courses_and_travel;
    c.substitutes = input.substitutes;
    c.expenses = c.salary_and_bonus + c.pension + c.employer_contribution + c.office +
                 c.supervision + c.courses_and_travel + c.substitutes;

    c.basic_payment = rates.basic_payment_per_patient.times(input.list_length);
    c.fee_for_service = input.fee_for_service;
    c.grants = input.grants;
    c.financing = c.basic_payment + c.fee_for_service + c.grants;

    c.cost = c.expenses - c.financing;
    c.direct_training = c.supervision + c.courses_and_travel + c.substitutes;
    if (c.expenses > Money()) {
        c.direct_training_per_mille = scale(c.direct_training, 1'000, c.expenses.in_ore()).in_ore();
    }
    return c;
}

CostRates parse_cost_rates(std::string_view toml_text, std::string_view file) {
    const toml::table root = parse_toml(toml_text, file);
    const TomlReader reader(file);
    reader.refuse_unknown_keys(
        root, {"year", "employer_contribution", "pension", "basic_payment_per_patient"}, "");
    CostRates rates;
    rates.year = static_cast<int>(reader.integer(reader.require(root, "year", "year"), "year", 2000,
                                                 kLastGrantYear, "a year"));
    const toml::table& zones =
        reader.table_at(root, "employer_contribution", "employer_contribution");
    for (const auto& [key, node] : zones) {
        if (!parse_enum<ContributionZone>(key.str())) {
            reader.fail("employer_contribution." + std::string(key.str()), "unknown zone");
        }
    }
    for (const ContributionZone zone : enum_values<ContributionZone>()) {
        const auto i = static_cast<std::size_t>(zone);
        rates.employer_contribution[i] = read_share(
            reader, zones, to_string(zone), "employer_contribution." + std::string(to_string(zone)),
            rates.employer_contribution_provenance[i]);
    }
    rates.pension = read_share(reader, root, "pension", "pension", rates.pension_provenance);
    const toml::node& basic =
        reader.sourced_value(root, "basic_payment_per_patient", "basic_payment_per_patient",
                             "kroner", rates.basic_payment_provenance);
    rates.basic_payment_per_patient = reader.kroner(basic, "basic_payment_per_patient.kroner");
    return rates;
}

CostInputs parse_cost_inputs(std::string_view toml_text, std::string_view file) {
    const toml::table root = parse_toml(toml_text, file);
    const TomlReader reader(file);
    reader.refuse_unknown_keys(root, {"year", "source", "unconfirmed", "note", "alis"}, "");
    CostInputs inputs;
    inputs.year = static_cast<int>(reader.integer(reader.require(root, "year", "year"), "year",
                                                  2000, kLastGrantYear, "a year"));
    inputs.provenance = reader.provenance(root, "");
    const toml::node& list = reader.require(root, "alis", "alis");
    if (!list.is_array() || list.as_array()->empty()) {
        reader.fail("alis", "must be at least one [[alis]] table");
    }
    const toml::array& alis = *list.as_array();
    for (std::size_t i = 0; i < alis.size(); ++i) {
        inputs.alis.push_back(read_alis(reader, alis[i], "alis[" + std::to_string(i) + "]"));
    }
    return inputs;
}

}  // namespace alis::domain
