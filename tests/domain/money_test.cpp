#include "domain/money.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace alis::domain {
namespace money_test {

// The no-break space that groups digits and separates the amount from "kr".
const std::string kSpace = "\u00a0";

TEST(Money, KronerAreHundredsOfOre) {
    EXPECT_EQ(Money::kroner(12).in_ore(), 1200);
    EXPECT_EQ(Money::kroner(-3).in_ore(), -300);
    EXPECT_EQ((Money::kroner(2) + Money::ore(50) - Money::ore(25)).in_ore(), 225);
    EXPECT_EQ((-Money::ore(7)).in_ore(), -7);
    EXPECT_EQ(Money::ore(913).times(1'251).in_ore(), 1'142'163);
    EXPECT_LT(Money::ore(-1), Money());
}

TEST(Money, TimesRefusesAnOverflow) {
    EXPECT_THROW((void)Money::ore(std::numeric_limits<std::int64_t>::max() / 2).times(3),
                 std::overflow_error);
}

TEST(Money, ScaleRoundsHalfUpOnce) {
    struct Case {
        std::int64_t ore;
        std::int64_t numerator;
        std::int64_t denominator;
        std::int64_t expected;
        const char* why;
    };
    for (const Case& c : {
             Case{1'000'000, 60, 100, 600'000, "exact: 60 % of 10 000 kr"},
             Case{1, 1, 2, 1, "half an øre rounds up"},
             Case{3, 1, 2, 2, "1,5 øre rounds up to 2"},
             Case{5, 1, 4, 1, "1,25 øre rounds down"},
             Case{7, 1, 4, 2, "1,75 øre rounds up"},
             Case{-1, 1, 2, -1, "minus half an øre goes away from zero"},
             Case{-5, 1, 4, -1, "-1,25 øre rounds toward zero"},
             Case{1'234'567, 333'333, 1'000'000, 411'522, "33,3333 % of 12 345,67 kr"},
             Case{1'000'001, 500'000, 1'000'000, 500'001, "50 % of an odd amount: half up"},
             Case{999'999, 1, 1'000'000, 1, "0,999999 øre rounds to 1"},
             Case{0, 7, 9, 0, "nothing stays nothing"},
         }) {
        EXPECT_EQ(scale(Money::ore(c.ore), c.numerator, c.denominator).in_ore(), c.expected)
            << c.why;
    }
}

TEST(Money, ScaleRefusesAnOverflowAndABadDenominator) {
    EXPECT_THROW((void)scale(Money::ore(std::numeric_limits<std::int64_t>::max()), 2, 3),
                 std::overflow_error);
    EXPECT_THROW((void)scale(Money::ore(1), 1, 0), std::invalid_argument);
}

TEST(Money, FormatsKronerAsNorwegianUsersWriteThem) {
    struct Case {
        std::int64_t ore;
        std::string expected;
    };
    for (const Case& c : {
             Case{0, "0" + kSpace + "kr"},
             Case{100, "1" + kSpace + "kr"},
             Case{99'900, "999" + kSpace + "kr"},
             Case{100'000, "1" + kSpace + "000" + kSpace + "kr"},
             Case{123'456'700, "1" + kSpace + "234" + kSpace + "567" + kSpace + "kr"},
             Case{1'250, "12,50" + kSpace + "kr"},
             Case{5, "0,05" + kSpace + "kr"},
             Case{-30'000, "-300" + kSpace + "kr"},
             Case{-123'456'701, "-1" + kSpace + "234" + kSpace + "567,01" + kSpace + "kr"},
             Case{std::numeric_limits<std::int64_t>::min(),
                  "-92" + kSpace + "233" + kSpace + "720" + kSpace + "368" + kSpace + "547" +
                      kSpace + "758,08" + kSpace + "kr"},
         }) {
        EXPECT_EQ(format_kroner(Money::ore(c.ore)), c.expected) << c.ore;
    }
}

TEST(Money, ReadsKronerAsNorwegianUsersTypeThemExactlyIntoOre) {
    const auto max = Money::kroner(100'000'000);
    struct Case {
        const char* text;
        std::optional<std::int64_t> ore;
        const char* why;
    };
    const Case cases[] = {
        {"1234567", 123'456'700, "whole kroner"},
        {"1 234 567", 123'456'700, "grouped by spaces"},
        {"1\u00a0234\u00a0567", 123'456'700, "grouped by no-break spaces, as alis shows them"},
        {"1\u202f234", 123'400, "grouped by narrow no-break spaces"},
        {"1234567,50", 123'456'750, "øre after a decimal comma"},
        {"0,01", 1, "one øre"},
        {"12,5", 1'250, "one decimal is tenths"},
        {"1 000,-", 100'000, "the ,- of whole kroner"},
        {" 1 234 567 kr ", 123'456'700, "as alis shows it, with kr and spaces around"},
        {"100 000 000", 10'000'000'000, "the largest amount"},
        {"0", 0, "nothing"},
        {"100 000 000,01", std::nullopt, "above the largest"},
        {"999999999999999999", std::nullopt, "far above, no overflow"},
        {"1234567.50", std::nullopt, "a decimal point is not Norwegian (nor a group)"},
        {"1.234.567", std::nullopt, "dots as groups are ambiguous"},
        {"12,345", std::nullopt, "three decimals"},
        {"12,", std::nullopt, "a comma without decimals"},
        {"-5", std::nullopt, "negative"},
        {"+5", std::nullopt, "a sign"},
        {"12 34", std::nullopt, "a group of two"},
        {"1234 567", std::nullopt, "a first group of four"},
        {"1  234", std::nullopt, "two spaces"},
        {"", std::nullopt, "empty"},
        {"kr", std::nullopt, "no digits"},
        {"1e6", std::nullopt, "a float's exponent"},
        {"12 kr 50", std::nullopt, "text after kr"},
    };
    for (const auto& c : cases) {
        const auto amount = parse_kroner(c.text, max);
        if (c.ore) {
            ASSERT_TRUE(amount.has_value()) << c.why << ": " << c.text;
            EXPECT_EQ(amount->in_ore(), *c.ore) << c.why << ": " << c.text;
        } else {
            EXPECT_FALSE(amount.has_value()) << c.why << ": " << c.text;
        }
    }
}

TEST(Money, FormatsMillionsWithOneDecimalAsTheReportDoes) {
    struct Case {
        std::int64_t kroner;
        const char* expected;
    };
    for (const Case& c : {
             Case{2'100'000, "2,1"},
             Case{2'149'999, "2,1"},
             Case{2'150'000, "2,2"},
             Case{-250'000, "-0,3"},
             Case{-249'999, "-0,2"},
             Case{40'000, "0,0"},
             Case{14'000'000, "14,0"},
         }) {
        EXPECT_EQ(format_millions(Money::kroner(c.kroner)), c.expected) << c.kroner;
    }
}

}  // namespace money_test
}  // namespace alis::domain
