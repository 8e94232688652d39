#pragma once

// The rates of the national grant "Nasjonal ALIS og veiledning", one file per grant year
// (rules/grants/<year>.toml; docs/money.md, "Grant rates"). Every value names its source, or is
// marked unconfirmed: the published rates are not on every machine, and an invented rate must
// never look official.

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "domain/money.hpp"
#include "domain/provenance.hpp"

namespace alis::domain {

// The kinds of post the grant pays different monthly amounts for.
enum class GrantPostType {
    regular_gp,          // "fastlege" or GP substitute ("fastlegevikar")
    introduction_post,   // "introduksjonsstilling"
    other_municipal_gp,  // other municipal GP work ("annet kommunalt legearbeid")
    supervision_only,    // a grant for the supervision alone (the agreement rule applies to it
                         // too, as the issue reads; docs/money.md notes the doubt)
};

template <>
struct EnumNames<GrantPostType> {
    static constexpr std::array<std::pair<GrantPostType, std::string_view>, 4> names{{
        {GrantPostType::regular_gp, "regular_gp"},
        {GrantPostType::introduction_post, "introduction_post"},
        {GrantPostType::other_municipal_gp, "other_municipal_gp"},
        {GrantPostType::supervision_only, "supervision_only"},
    }};
};

inline constexpr std::size_t kGrantPostTypeCount = EnumNames<GrantPostType>::names.size();

// What the grant engine needs of a grant year: the amounts.
struct GrantRates {
    int grant_year = 0;
    // The monthly amount of a full-time post, indexed by GrantPostType.
    std::array<Money, kGrantPostTypeCount> monthly{};
    Money class6_supplement;   // added to the monthly amount in centrality class 6
    bool unconfirmed = false;  // some amount is an estimate, not a published rate

    Money monthly_rate(GrantPostType type) const { return monthly[static_cast<std::size_t>(type)]; }
};

// One grant year's file: the amounts, the refund period and the claim deadline, each with its
// provenance.
struct GrantYear {
    GrantRates rates;
    Date refund_from;  // the refund period, inclusive
    Date refund_to;
    Date claim_deadline;
    Provenance refund_period_provenance;
    Provenance claim_deadline_provenance;
    std::array<Provenance, kGrantPostTypeCount> monthly_provenance{};
    Provenance class6_supplement_provenance;

    // True when any value of the file is unconfirmed.
    bool unconfirmed() const;
};

// The earliest and latest grant year alis accepts; the scheme began in 2022.
inline constexpr int kFirstGrantYear = 2022;
inline constexpr int kLastGrantYear = 2199;
// The largest monthly amount a file or an input may state: 1 000 000 kr.
inline constexpr std::int64_t kMaxMonthlyOre = 100'000'000;

// Parses and checks a grant year from its TOML text; `file` names it in errors. Throws
// RulesetError for a syntax error, a missing, unknown or mistyped key, a value out of range, or a
// value that names neither a source nor `unconfirmed = true`.
GrantYear parse_grant_year(std::string_view toml_text, std::string_view file);

}  // namespace alis::domain
