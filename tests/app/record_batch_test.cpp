// app::verify_training_records, the check of many record files at once behind
// `alis record verify A.json B.json ...`: on several threads, each result at its file's place.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "app/audit_head.hpp"
#include "app/signed_training_record.hpp"
#include "domain/training_record.hpp"

namespace alis::app {
namespace record_batch_test {

std::string signed_record(const AuditSigningKey& key, int number) {
    domain::TrainingRecordContent c;
    c.issued_at = "2026-11-22T10:15:30Z";
    c.as_of = *domain::Date::parse_iso("2026-11-22");
    c.identity = {"Lege nummer " + std::to_string(number), std::to_string(9000000 + number)};
    c.ledger = {"allmennmedisin-2019", "12.00", false};
    c.objectives.push_back({"ALM-" + std::to_string(100 + number), "Læringsmål",
                            "2025-05-02T09:00:00Z", "Lena Leder (leder@bergen.kommune.no)"});
    return domain::record_file_json(sign_training_record(std::move(c), key));
}

TEST(RecordBatch, EachResultIsOfTheFileAtItsPlaceOnEveryNumberOfThreads) {
    const auto key = AuditSigningKey::generate();
    std::vector<std::string> texts;
    for (int i = 0; i < 40; ++i) {
        texts.push_back(signed_record(key, i));
    }
    // Every seventh altered after signing, and one that is no record at all.
    for (std::size_t i = 3; i < texts.size(); i += 7) {
        texts[i][texts[i].find("Lege nummer") + 5] = 'N';
    }
    texts[10] = "not a record";
    const std::vector<std::string_view> views(texts.begin(), texts.end());
    for (const unsigned threads : {1U, 2U, 3U, 0U}) {
        const auto results = verify_training_records(views, std::nullopt, threads);
        ASSERT_EQ(results.size(), texts.size());
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const auto expected = i == 10      ? RecordVerification::Outcome::malformed
                                  : i % 7 == 3 ? RecordVerification::Outcome::signature_invalid
                                               : RecordVerification::Outcome::intact;
            EXPECT_EQ(results[i].outcome, expected) << "file " << i << " on " << threads;
            if (expected == RecordVerification::Outcome::intact) {
                EXPECT_EQ(results[i].file->content.identity.hpr, std::to_string(9000000 + i));
            }
        }
    }
}

TEST(RecordBatch, TheExpectedKeyAppliesToEveryFileAndNoFilesIsNoResults) {
    const auto key = AuditSigningKey::generate();
    const auto other = AuditSigningKey::generate();
    const std::string mine = signed_record(key, 1);
    const std::string theirs = signed_record(other, 2);
    const std::vector<std::string_view> views{mine, theirs, mine};
    const auto results = verify_training_records(views, key.public_key_hex());
    ASSERT_EQ(results.size(), 3U);
    EXPECT_TRUE(results[0].ok());
    EXPECT_EQ(results[1].outcome, RecordVerification::Outcome::other_key);
    EXPECT_TRUE(results[2].ok());
    EXPECT_TRUE(verify_training_records({}).empty());
}

}  // namespace record_batch_test
}  // namespace alis::app
