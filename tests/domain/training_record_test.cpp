// The signed training record's canonical JSON and the parsing of a record file: one case per
// problem, each naming the field at fault, and the approvals in force after reversals.
#include "domain/training_record.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <string>
#include <vector>

namespace alis::domain {
namespace training_record_test {

TrainingRecordFile sample_file() {
    TrainingRecordFile f;
    auto& c = f.content;
    c.issued_at = "2026-11-22T10:15:30Z";
    c.as_of = *Date::parse_iso("2026-11-22");
    c.identity = {"Kari Nordmann", "1234567"};
    c.ledger = {"allmennmedisin-2019", "24.00", false};
    RecordServicePeriod p;
    p.from = *Date::parse_iso("2024-01-01");
    p.to = Date::parse_iso("2025-12-31");
    p.arena = "open_general_practice";
    p.place = "Sentrum legekontor";
    p.municipality_number = "4601";
    p.municipality_name = "Bergen";
    p.position_percent = 100;
    p.counted_months = "24.00";
    c.service_periods.push_back(p);
    RecordServicePeriod ongoing = p;
    ongoing.from = *Date::parse_iso("2026-01-01");
    ongoing.to.reset();
    ongoing.position_percent = 50;
    ongoing.employer_registered = false;
    ongoing.counted_months = "0.00";
    c.service_periods.push_back(ongoing);
    c.objectives.push_back({"ALM-055", "Akutte tilstander", "2026-05-02T09:00:00Z",
                            "Leder Lie (leder@bergen.kommune.no)"});
    c.supervision = RecordSupervision{10, 600, 1, "Helsedirektoratet", 210};
    f.signature.public_key = std::string(64, 'a');
    f.signature.value = std::string(128, 'b');
    return f;
}

// `text` with the first `from` replaced by `to`; the case fails when `from` is not in it.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) {
        text.replace(at, from.size(), to);
    }
    return text;
}

TEST(TrainingRecordFiles, CanonicalJsonHasFixedKeyOrderAndNoWhitespace) {
    const auto f = sample_file();
    const std::string canonical = canonical_json(f.content);
    EXPECT_TRUE(canonical.starts_with(
        R"({"format":"alis-training-record","version":1,"issued_at":"2026-11-22T10:15:30Z",)"
        R"("as_of":"2026-11-22","identity":{"name":"Kari Nordmann","hpr":"1234567"},)"
        R"("ledger":{"ruleset":"allmennmedisin-2019","total_months":"24.00","complete":false},)"
        R"("service_periods":[{"from":"2024-01-01","to":"2025-12-31",)"))
        << canonical;
    // No insignificant whitespace: parsing and writing it again gives the same bytes.
    EXPECT_EQ(boost::json::serialize(boost::json::parse(canonical)), canonical);
    EXPECT_EQ(canonical.find('\n'), std::string::npos);
    EXPECT_EQ(canonical.find("signature"), std::string::npos)
        << "the signature does not cover itself";
}

TEST(TrainingRecordFiles, AFileReadsBackAsTheRecordItWasWrittenFrom) {
    const auto f = sample_file();
    const std::string text = record_file_json(f);
    EXPECT_TRUE(text.ends_with("}\n"));
    const auto back = parse_record_file(text);
    EXPECT_EQ(back, f);
    EXPECT_EQ(canonical_json(back.content), canonical_json(f.content));

    auto without_supervision = f;
    without_supervision.content.supervision.reset();
    EXPECT_EQ(parse_record_file(record_file_json(without_supervision)), without_supervision);
}

TEST(TrainingRecordFiles, TheSameRecordFormattedOtherwiseReadsTheSame) {
    const auto f = sample_file();
    const std::string spaced = replaced(record_file_json(f), "{\"format\"", "{\n  \"format\"");
    EXPECT_EQ(parse_record_file(spaced), f);
}

struct ProblemCase {
    const char* name;
    std::string text;
    RecordFileProblem problem;
    std::string field;
};

TEST(TrainingRecordFiles, EachProblemIsNamedWithItsField) {
    const std::string good = record_file_json(sample_file());
    const std::vector<ProblemCase> cases = {
        {"not JSON", "this is not json", RecordFileProblem::not_json, ""},
        {"a JSON array", "[1, 2]", RecordFileProblem::not_json, ""},
        {"truncated", good.substr(0, good.size() / 2), RecordFileProblem::not_json, ""},
        {"another format", replaced(good, "alis-training-record", "something-else"),
         RecordFileProblem::wrong_format, "format"},
        {"a later version", replaced(good, "\"version\":1", "\"version\":2"),
         RecordFileProblem::wrong_version, "version"},
        {"version as text", replaced(good, "\"version\":1", "\"version\":\"1\""),
         RecordFileProblem::wrong_version, "version"},
        {"no HPR field", replaced(good, ",\"hpr\":\"1234567\"", ""),
         RecordFileProblem::missing_field, "identity.hpr"},
        {"no objectives", replaced(good, "\"objectives\":", "\"objektiver\":"),
         RecordFileProblem::unknown_field, "objektiver"},
        {"a date that is no date", replaced(good, "\"2024-01-01\"", "\"2024-13-01\""),
         RecordFileProblem::bad_field, "service_periods[0].from"},
        {"months as a number", replaced(good, "\"total_months\":\"24.00\"", "\"total_months\":24"),
         RecordFileProblem::bad_field, "ledger.total_months"},
        {"a position above 100",
         replaced(good, "\"position_percent\":100", "\"position_percent\":120"),
         RecordFileProblem::bad_field, "service_periods[0].position_percent"},
        {"an unsigned extra field",
         replaced(good, "\"identity\":{", "\"identity\":{\"note\":\"x\","),
         RecordFileProblem::unknown_field, "identity.note"},
        {"no signature", replaced(good, ",\"signature\":", ",\"signatur\":"),
         RecordFileProblem::unknown_field, "signatur"},
        {"a short signature", replaced(good, std::string(128, 'b'), std::string(120, 'b')),
         RecordFileProblem::bad_signature_encoding, "signature.value"},
        {"a signature in upper case", replaced(good, std::string(128, 'b'), std::string(128, 'B')),
         RecordFileProblem::bad_signature_encoding, "signature.value"},
        {"a key that is no hex", replaced(good, std::string(64, 'a'), std::string(64, 'g')),
         RecordFileProblem::bad_signature_encoding, "signature.public_key"},
        {"another algorithm", replaced(good, "\"Ed25519\"", "\"RSA\""),
         RecordFileProblem::bad_signature_encoding, "signature.algorithm"},
    };
    for (const auto& c : cases) {
        try {
            (void)parse_record_file(c.text);
            ADD_FAILURE() << c.name << ": parsed";
        } catch (const RecordFileError& e) {
            EXPECT_EQ(e.problem(), c.problem) << c.name << ": " << e.what();
            EXPECT_EQ(e.field(), c.field) << c.name << ": " << e.what();
            EXPECT_NE(std::string(e.what()).find(c.field), std::string::npos) << c.name;
        }
    }
}

ObjectiveEvent objective_event(std::int64_t objective, ObjectiveEventKind kind, const char* at) {
    ObjectiveEvent e;
    e.objective_id = objective;
    e.kind = kind;
    e.at = at;
    e.actor_label = std::string("actor at ") + at;
    return e;
}

TEST(TrainingRecordFiles, OnlyApprovalsThatStandAreInForce) {
    using K = ObjectiveEventKind;
    const std::vector<ObjectiveEvent> events = {
        // 1: approved and standing.
        objective_event(1, K::requested, "2026-01-01T00:00:00Z"),
        objective_event(1, K::approved, "2026-01-02T00:00:00Z"),
        // 2: approved, then reversed.
        objective_event(2, K::requested, "2026-01-03T00:00:00Z"),
        objective_event(2, K::approved, "2026-01-04T00:00:00Z"),
        objective_event(2, K::reversed, "2026-01-05T00:00:00Z"),
        // 3: approved, reversed, asked again and approved again: the second approval stands.
        objective_event(3, K::requested, "2026-02-01T00:00:00Z"),
        objective_event(3, K::approved, "2026-02-02T00:00:00Z"),
        objective_event(3, K::reversed, "2026-02-03T00:00:00Z"),
        objective_event(3, K::requested, "2026-02-04T00:00:00Z"),
        objective_event(3, K::approved, "2026-02-05T00:00:00Z"),
        // 4: asked for and rejected.
        objective_event(4, K::requested, "2026-03-01T00:00:00Z"),
        objective_event(4, K::rejected, "2026-03-02T00:00:00Z"),
    };
    const auto approvals = approvals_in_force(events);
    ASSERT_EQ(approvals.size(), 2u);
    EXPECT_EQ(approvals.at(1).at, "2026-01-02T00:00:00Z");
    EXPECT_EQ(approvals.at(3).at, "2026-02-05T00:00:00Z");
    EXPECT_EQ(approvals.at(3).actor_label, "actor at 2026-02-05T00:00:00Z");
    EXPECT_FALSE(approvals.contains(2));
    EXPECT_FALSE(approvals.contains(4));
}

}  // namespace training_record_test
}  // namespace alis::domain
