#include "domain/grant_rates.hpp"

#include <string>

#include "domain/toml_reader.hpp"

namespace alis::domain {
namespace {

// A table of one amount in øre with its provenance: { ore = 1_000_000, unconfirmed = true }.
Money read_amount(const TomlReader& reader, const toml::table& table, std::string_view name,
                  const std::string& key, Provenance& provenance) {
    const toml::node& ore = reader.sourced_value(table, name, key, "ore", provenance);
    return Money::ore(
        reader.integer(ore, key + ".ore", 0, kMaxMonthlyOre, "a whole number of øre from 0"));
}

}  // namespace

bool GrantYear::unconfirmed() const {
    bool any = refund_period_provenance.unconfirmed || claim_deadline_provenance.unconfirmed ||
               class6_supplement_provenance.unconfirmed;
    for (const Provenance& p : monthly_provenance) {
        any = any || p.unconfirmed;
    }
    return any;
}

GrantYear parse_grant_year(std::string_view toml_text, std::string_view file) {
    const toml::table root = parse_toml(toml_text, file);
    const TomlReader reader(file);
    reader.refuse_unknown_keys(
        root,
        {"grant_year", "refund_period", "claim_deadline", "monthly_ore", "class6_supplement_ore"},
        "");
    GrantYear year;
    year.rates.grant_year =
        static_cast<int>(reader.integer(reader.require(root, "grant_year", "grant_year"),
                                        "grant_year", kFirstGrantYear, kLastGrantYear, "a year"));

    const toml::table& period = reader.table_at(root, "refund_period", "refund_period");
    reader.refuse_unknown_keys(period, {"from", "to", "source", "unconfirmed", "note"},
                               "refund_period.");
    year.refund_period_provenance = reader.provenance(period, "refund_period");
    year.refund_from =
        reader.date(reader.require(period, "from", "refund_period.from"), "refund_period.from");
    year.refund_to =
        reader.date(reader.require(period, "to", "refund_period.to"), "refund_period.to");
    if (year.refund_to < year.refund_from) {
        reader.fail("refund_period.to", "is before refund_period.from");
    }

    const toml::table& deadline = reader.table_at(root, "claim_deadline", "claim_deadline");
    reader.refuse_unknown_keys(deadline, {"date", "source", "unconfirmed", "note"},
                               "claim_deadline.");
    year.claim_deadline_provenance = reader.provenance(deadline, "claim_deadline");
    year.claim_deadline =
        reader.date(reader.require(deadline, "date", "claim_deadline.date"), "claim_deadline.date");
    if (year.claim_deadline < year.refund_to) {
        reader.fail("claim_deadline.date", "is before the end of the refund period");
    }

    const toml::table& monthly = reader.table_at(root, "monthly_ore", "monthly_ore");
    const auto names = enum_names<GrantPostType>();
    for (const auto& [key, node] : monthly) {
        bool known = false;
        for (const std::string_view name : names) {
            known = known || key.str() == name;
        }
        if (!known) {
            reader.fail("monthly_ore." + std::string(key.str()), "unknown post type");
        }
    }
    for (const GrantPostType type : enum_values<GrantPostType>()) {
        const auto i = static_cast<std::size_t>(type);
        year.rates.monthly[i] =
            read_amount(reader, monthly, to_string(type),
                        "monthly_ore." + std::string(to_string(type)), year.monthly_provenance[i]);
    }
    year.rates.class6_supplement =
        read_amount(reader, root, "class6_supplement_ore", "class6_supplement_ore",
                    year.class6_supplement_provenance);
    bool amounts_unconfirmed = year.class6_supplement_provenance.unconfirmed;
    for (const Provenance& p : year.monthly_provenance) {
        amounts_unconfirmed = amounts_unconfirmed || p.unconfirmed;
    }
    year.rates.unconfirmed = amounts_unconfirmed;
    return year;
}

}  // namespace alis::domain
