// The rows `alis stability km` reads: what is accepted, and which line and problem a refusal names.
#include "domain/survival_csv.hpp"

#include <gtest/gtest.h>

#include <string>

namespace alis::domain {
namespace survival_csv_test {

// The problem and line of the refusal of `text`, as "line: problem [text]".
std::string refusal(const std::string& text, GroupColumn groups = GroupColumn::absent) {
    try {
        parse_survival_csv(text, groups);
    } catch (const SurvivalCsvError& e) {
        return std::to_string(e.line()) + ": " + std::string(to_string(e.problem())) + " [" +
               e.text() + "]";
    }
    return "accepted";
}

TEST(SurvivalCsv, RowsWithoutAGroupColumnAreOneGroup) {
    const auto groups = parse_survival_csv("120,1\n30,0\n", GroupColumn::absent);
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].key, "");
    ASSERT_EQ(groups[0].subjects.size(), 2u);
    EXPECT_EQ(groups[0].subjects[0].days, 120);
    EXPECT_EQ(groups[0].subjects[0].end, FollowUpEnd::event);
    EXPECT_EQ(groups[0].subjects[1].end, FollowUpEnd::censored);
}

TEST(SurvivalCsv, GroupsComeSortedByKeyWithTheirSubjectsInFileOrder) {
    const auto groups = parse_survival_csv(
        "time,event,group\r\n5,1,Vest\r\n\r\n7,0,\"Nord, \"\"Sør\"\"\"\r\n 9 , 1 , Vest \r\n",
        GroupColumn::present);
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0].key, "Nord, \"Sør\"");
    EXPECT_EQ(groups[1].key, "Vest");
    ASSERT_EQ(groups[1].subjects.size(), 2u);
    EXPECT_EQ(groups[1].subjects[0].days, 5);
    EXPECT_EQ(groups[1].subjects[1].days, 9);
}

TEST(SurvivalCsv, AByteOrderMarkAndALastLineWithoutItsEndAreFine) {
    const auto groups = parse_survival_csv("\xEF\xBB\xBFtime,event\n0,1", GroupColumn::absent);
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].subjects.at(0).days, 0);
}

TEST(SurvivalCsv, ARefusalNamesThePhysicalLineAndTheProblem) {
    EXPECT_EQ(refusal("time,event\n\n12,1\n-3,1\n"), "4: time [-3]");
    EXPECT_EQ(refusal("12.5,1\n"), "1: time [12.5]");
    EXPECT_EQ(refusal("+5,1\n"), "1: time [+5]");
    EXPECT_EQ(refusal("1000001,1\n"), "1: time [1000001]");
    EXPECT_EQ(refusal("99999999999999999999,1\n"), "1: time [99999999999999999999]");
    EXPECT_EQ(refusal("12,2\n"), "1: event [2]");
    EXPECT_EQ(refusal("12,yes\n"), "1: event [yes]");
    EXPECT_EQ(refusal("12,1,Vest\n"), "1: field_count [3]");
    EXPECT_EQ(refusal("12\n"), "1: field_count [1]");
    EXPECT_EQ(refusal("12;1\n"), "1: field_count [1]");
    EXPECT_EQ(refusal("12,1\n", GroupColumn::present), "1: field_count [2]");
    EXPECT_EQ(refusal("12,1,\n", GroupColumn::present), "1: empty_group []");
    EXPECT_EQ(refusal("12,1,Vest\xC3\n", GroupColumn::present), "1: group_text [Vest\xC3]");
    EXPECT_EQ(refusal("12,1,\"Ve\tst\"\n", GroupColumn::present), "1: group_text [Ve\tst]");
    EXPECT_EQ(refusal("12,1,\"Vest\n", GroupColumn::present), "1: open_quote [12,1,\"Vest]");
    EXPECT_EQ(refusal("12,1,\"Vest\" x\n", GroupColumn::present),
              "1: open_quote [12,1,\"Vest\" x]");
}

TEST(SurvivalCsv, AHeaderIsOnlyTheFirstLine) {
    EXPECT_EQ(refusal("12,1\ntime,event\n"), "2: time [time]");
}

TEST(SurvivalCsv, AnInputWithoutRowsIsRefused) {
    EXPECT_EQ(refusal(""), "0: no_rows []");
    EXPECT_EQ(refusal("time,event\n\n"), "0: no_rows []");
}

}  // namespace survival_csv_test
}  // namespace alis::domain
