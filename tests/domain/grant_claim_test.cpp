// A municipality's claim from the register (agreements, grant facts), the warnings of the
// agreement register, and coverage: each case names what it shows.
#include "domain/grant_claim.hpp"

#include <gtest/gtest.h>

#include "domain/coverage.hpp"

namespace alis::domain {
namespace grant_claim_test {

Date d(const char* iso) {
    return *Date::parse_iso(iso);
}

// Made-up rates: a regular GP month is 10 000 kr, other municipal GP work 6 000 kr, class 6
// adds 2 000 kr; refund period 1 Sep 2024 to 31 May 2025 (9 months), deadline 31 Aug 2025.
GrantYear test_year() {
    GrantYear y;
    y.rates.grant_year = 2025;
    y.rates.monthly = {Money::kroner(10'000), Money::kroner(9'000), Money::kroner(6'000),
                       Money::kroner(4'000)};
    y.rates.class6_supplement = Money::kroner(2'000);
    y.refund_from = d("2024-09-01");
    y.refund_to = d("2025-05-31");
    y.claim_deadline = d("2025-08-31");
    return y;
}

Agreement agreement(const char* covers_from, std::optional<const char*> signed_on,
                    bool national = true) {
    Agreement a;
    a.template_version = "test";
    a.national_template = national;
    a.covers_from = d(covers_from);
    if (signed_on) {
        a.status = AgreementStatus::signed_by_all;
        a.signed_on = d(*signed_on);
    }
    return a;
}

ClaimPost post(std::int64_t id, const char* name, const char* from, std::optional<const char*> to,
               std::vector<Agreement> agreements, PostType type = PostType::gp_list,
               int fte = 100) {
    ClaimPost p;
    p.person_id = id;
    p.full_name = name;
    p.employment.id = id * 10;
    p.employment.person_id = id;
    p.employment.starts_on = d(from);
    if (to) {
        p.employment.ends_on = d(*to);
    }
    p.employment.post_type = type;
    p.employment.fte = fte;
    p.agreements = std::move(agreements);
    return p;
}

TEST(AgreementWarnings, EachProblemOfTheRegisterIsNamedAndAGoodAgreementHasNone) {
    EXPECT_EQ(agreement_warning({}), AgreementWarning::no_signed_agreement);
    EXPECT_EQ(agreement_warning({agreement("2024-01-01", std::nullopt)}),
              AgreementWarning::no_signed_agreement)
        << "a draft is not signed";
    EXPECT_EQ(agreement_warning({agreement("2024-01-01", "2024-01-02")}),
              AgreementWarning::signed_after_period_began);
    EXPECT_EQ(agreement_warning({agreement("2024-01-01", "2024-01-01", false)}),
              AgreementWarning::not_national_template);
    EXPECT_EQ(agreement_warning({agreement("2024-01-01", "2024-01-01")}), std::nullopt)
        << "signed on the first day it covers";
    // A later agreement on the national template is the one in force, over an older one that
    // is not.
    EXPECT_EQ(agreement_warning({agreement("2022-01-01", "2021-12-01", false),
                                 agreement("2023-01-01", "2022-12-01")}),
              std::nullopt);
    auto cancelled = agreement("2024-01-01", "2023-12-01");
    cancelled.status = AgreementStatus::cancelled;
    EXPECT_EQ(agreement_warning({cancelled}), AgreementWarning::no_signed_agreement);
}

TEST(MunicipalityClaim, CountsEachPostByTheEngineAndSaysWhatStopsTheRest) {
    const auto claim = compute_municipality_claim(
        test_year(), d("2024-09-01"), d("2025-05-31"), 3,
        {post(1, "Anne", "2024-01-01", std::nullopt, {agreement("2024-01-01", "2023-12-15")}),
         // Signed on 15 Nov: September to November are lost, December on counts.
         post(2, "Berit", "2024-01-01", std::nullopt, {agreement("2024-01-01", "2024-11-15")}),
         post(3, "Cato", "2024-01-01", std::nullopt, {}),
         // Half time in other municipal GP work from 2 January: January is not whole.
         post(4, "Dina", "2025-01-02", std::nullopt, {agreement("2025-01-02", "2024-12-01")},
              PostType::other_general_practice, 50),
         // Institution service earns no grant and is left out.
         post(5, "Eva", "2024-01-01", std::nullopt, {agreement("2024-01-01", "2023-12-01")},
              PostType::institution),
         // Ended before the period.
         post(6, "Finn", "2023-01-01", "2024-08-31", {agreement("2023-01-01", "2022-12-01")})});
    ASSERT_EQ(claim.lines.size(), 4u);
    EXPECT_EQ(claim.claim_deadline, d("2025-08-31"));
    const auto& anne = claim.lines[0];
    EXPECT_EQ(anne.full_name, "Anne");
    EXPECT_EQ(anne.months_counted, 9);
    EXPECT_EQ(anne.amount, Money::kroner(90'000));
    EXPECT_TRUE(anne.stopped.empty());
    const auto& berit = claim.lines[1];
    EXPECT_EQ(berit.months_counted, 6);
    ASSERT_EQ(berit.stopped.size(), 1u);
    EXPECT_EQ(berit.stopped[0], std::make_pair(GrantReason::agreement_signed_late, 3));
    const auto& cato = claim.lines[2];
    EXPECT_EQ(cato.months_counted, 0);
    EXPECT_EQ(cato.amount, Money());
    ASSERT_EQ(cato.stopped.size(), 1u);
    EXPECT_EQ(cato.stopped[0], std::make_pair(GrantReason::no_agreement, 9));
    const auto& dina = claim.lines[3];
    EXPECT_EQ(dina.type, GrantPostType::other_municipal_gp);
    EXPECT_EQ(dina.months_counted, 4) << "February to May";
    EXPECT_EQ(dina.amount, Money::kroner(4 * 3'000));
    EXPECT_TRUE(dina.stopped.empty()) << "a month the post does not cover is no stop";
    EXPECT_EQ(claim.months_counted, 9 + 6 + 4);
    EXPECT_EQ(claim.total, Money::kroner(90'000 + 60'000 + 12'000));
}

TEST(MunicipalityClaim, GrantFactsDecideThePostTypeAgencyAndSubstituteAndClass6AddsItsSupplement) {
    auto agency =
        post(1, "Anne", "2024-01-01", std::nullopt, {agreement("2024-01-01", "2023-12-01")});
    agency.facts = GrantPostFacts{10, GrantPostType::regular_gp, true, false};
    auto intro = post(2, "Berit", "2024-01-01", std::nullopt,
                      {agreement("2024-01-01", "2023-12-01")}, PostType::other_general_practice);
    intro.facts = GrantPostFacts{20, GrantPostType::introduction_post, false, false};
    // A GP substitute for 2 months: too short from grant year 2023.
    auto substitute =
        post(3, "Cato", "2024-10-01", "2024-11-30", {agreement("2024-10-01", "2024-09-01")});
    substitute.facts = GrantPostFacts{30, GrantPostType::regular_gp, false, true};
    const auto claim = compute_municipality_claim(test_year(), d("2024-09-01"), d("2025-05-31"), 6,
                                                  {agency, intro, substitute});
    ASSERT_EQ(claim.lines.size(), 3u);
    EXPECT_EQ(claim.lines[0].months_counted, 0);
    EXPECT_EQ(claim.lines[0].stopped[0], std::make_pair(GrantReason::via_agency, 9));
    EXPECT_EQ(claim.lines[1].type, GrantPostType::introduction_post);
    EXPECT_EQ(claim.lines[1].amount, Money::kroner(9 * (9'000 + 2'000)));
    EXPECT_EQ(claim.lines[2].stopped[0],
              std::make_pair(GrantReason::substitute_shorter_than_3_months, 2));
}

TEST(CoverageRatio, IsTheGrantOverTheCostBeforeItInTenthsOfAPercentRoundedHalfUp) {
    Coverage c;
    c.add(Money::kroner(100), Money::kroner(300));
    EXPECT_EQ(c.per_mille(), 333);
    EXPECT_EQ(format_per_mille(c.per_mille()), "33,3\u00a0%");
    c.add(Money::ore(5), Money::ore(0));
    EXPECT_EQ(c.alis, 2);
    Coverage half;
    half.add(Money::ore(1), Money::ore(2'000));  // 0,5 per mille: half up to 1
    EXPECT_EQ(half.per_mille(), 1);
    Coverage over;
    over.add(Money::kroner(150), Money::kroner(100));
    EXPECT_EQ(format_per_mille(over.per_mille()), "150,0\u00a0%");
    Coverage free;
    free.add(Money::kroner(100), Money::kroner(-300));
    EXPECT_EQ(free.per_mille(), std::nullopt) << "the other financing covers it all";
    EXPECT_EQ(format_per_mille(free.per_mille()), "\u2014");
}

TEST(CoverageRatio, AnAlisCostEntryFallsBackFieldByFieldOnTheMunicipalitysDefaults) {
    CostEntry own;
    own.salary = Money::kroner(900'000);
    own.list_length = 500;
    CostEntry defaults;
    defaults.salary = Money::kroner(800'000);
    defaults.bonus = Money::kroner(50'000);
    defaults.zone = ContributionZone::zone_2;
    const auto input = merged_cost_input("A", ContractType::salaried, own, defaults);
    EXPECT_EQ(input.salary, Money::kroner(900'000));
    EXPECT_EQ(input.list_length, 500);
    EXPECT_EQ(input.bonus, Money::kroner(50'000));
    EXPECT_EQ(input.zone, ContributionZone::zone_2);
    EXPECT_EQ(input.office, Money()) << "empty in both: 0";
    EXPECT_EQ(input.grants, Money());
    AlisCostInput full = input;
    full.grants = Money::kroner(1);
    const auto back = merged_cost_input("A", ContractType::salaried, cost_entry_of(full), {});
    EXPECT_EQ(back.salary, full.salary);
    EXPECT_EQ(back.zone, full.zone);
    EXPECT_EQ(back.grants, Money()) << "grants are not an input of coverage";
}

}  // namespace grant_claim_test
}  // namespace alis::domain
