// The store's contract for uploaded files and completed courses (migration 0024), on SQLite and
// on PostgreSQL: a file comes back byte for byte with its facts, a completed course refers to its
// certificate, is listed by the day completed and only for its doctor, and is withdrawn once.
#include <gtest/gtest.h>

#include "store/database.hpp"
#include "support/postgres.hpp"

namespace alis::store {
namespace courses_store_test {

using domain::Attachment;
using domain::CompletedCourse;
using domain::Date;

const std::vector<std::string> kBackends = {"sqlite", "postgresql"};

Date day(const char* iso) {
    return *Date::parse_iso(iso);
}

Attachment certificate(const char* name = "kursbevis.pdf") {
    Attachment a;
    a.sha256 = std::string(64, 'a');
    a.media_type = domain::MediaType::pdf;
    a.byte_size = 265;
    a.file_name = name;
    a.uploaded_by = "Anne Alis (anne@alis.no)";
    a.uploaded_at = "2026-11-01T09:30:00Z";
    return a;
}

class CoursesStore : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        ALIS_REQUIRE_BACKEND(database_);
        db_ = open_database(database_.url(), 2);
        db_->migrate();
        db_->write([&](UnitOfWork& w) {
            domain::Person p;
            p.full_name = "Anne Alis";
            anne = w.people().add(p);
            p.full_name = "Bjørn Alis";
            bjorn = w.people().add(p);
        });
    }

    CompletedCourse course(std::int64_t person, std::int64_t attachment, const char* on) const {
        CompletedCourse c;
        c.person_id = person;
        c.course_id = "akuttmedisin";
        c.name = "Kurs i akuttmedisin og legevaktarbeid";
        c.hours = 40;
        c.completed_on = day(on);
        c.attachment_id = attachment;
        c.recorded_at = "2026-11-01T09:30:00Z";
        c.recorded_by = "Anne Alis (anne@alis.no)";
        return c;
    }

    testing::TestDatabase database_{GetParam()};
    std::unique_ptr<Database> db_;
    std::int64_t anne = 0, bjorn = 0;
};

TEST_P(CoursesStore, AFileComesBackWithItsFactsAndItsTextUnchanged) {
    // The base64 of "%PDF-1.4\n" and the bytes 0x00..0xFF, as the app gives the store a file; the
    // store keeps the text as it is, whatever its length.
    const std::string text =
        "JVBERi0xLjQKAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJy"
        "gpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZ"
        "WltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJio"
        "uMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8"
        "vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e"
        "7v8PHy8/T19vf4+fr7/P3+/w==";
    const auto id = db_->write(
        [&](UnitOfWork& w) { return w.attachments().add(certificate("kursbevis æøå.pdf"), text); });
    const auto found = db_->read([&](const Snapshot& s) { return s.attachments().find(id); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->file_name, "kursbevis æøå.pdf");
    EXPECT_EQ(found->media_type, domain::MediaType::pdf);
    EXPECT_EQ(found->byte_size, 265);
    EXPECT_EQ(found->sha256, std::string(64, 'a'));
    EXPECT_EQ(found->uploaded_at, "2026-11-01T09:30:00Z") << "the same instant from both backends";
    EXPECT_TRUE(found->content.empty()) << "find gives the facts, not the content";
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.attachments().content_base64_of(id); }),
              text);
    EXPECT_FALSE(db_->read([&](const Snapshot& s) { return s.attachments().find(id + 1); }));
    EXPECT_FALSE(
        db_->read([&](const Snapshot& s) { return s.attachments().content_base64_of(id + 1); }));
}

TEST_P(CoursesStore, TheSchemaRefusesAFileItsRulesForbid) {
    auto big = certificate();
    big.byte_size = 5 * 1024 * 1024 + 1;
    auto bad_hash = certificate();
    bad_hash.sha256 = std::string(64, 'A');
    auto no_name = certificate("");
    for (const auto* a : {&big, &bad_hash, &no_name}) {
        EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.attachments().add(*a, "JVBERi0="); }),
                     ConstraintViolation);
    }
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.attachments().add(certificate(), ""); }),
                 ConstraintViolation)
        << "no content";
}

TEST_P(CoursesStore, CompletedCoursesAreListedByDayForTheirDoctorWithTheirCertificate) {
    std::int64_t file = 0, later = 0, earlier = 0;
    db_->write([&](UnitOfWork& w) {
        file = w.attachments().add(certificate(), "JVBERi0=");
        later = w.courses().add(course(anne, file, "2026-10-05"));
        auto other = course(anne, file, "2025-03-01");
        other.course_id.reset();
        other.name = "Kurs i ultralyd";
        other.hours = 12;
        earlier = w.courses().add(other);
        w.courses().add(course(bjorn, file, "2026-01-01"));
    });
    const auto list = db_->read([&](const Snapshot& s) { return s.courses().completed_of(anne); });
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, earlier);
    EXPECT_FALSE(list[0].course_id) << "another course has no requirement id";
    EXPECT_EQ(list[0].name, "Kurs i ultralyd");
    EXPECT_EQ(list[0].hours, 12);
    EXPECT_EQ(list[1].id, later);
    EXPECT_EQ(list[1].course_id, "akuttmedisin");
    EXPECT_EQ(list[1].completed_on, day("2026-10-05"));
    EXPECT_EQ(list[1].attachment_id, file);
    EXPECT_EQ(list[1].recorded_at, "2026-11-01T09:30:00Z");
    EXPECT_FALSE(list[1].is_withdrawn());
    EXPECT_TRUE(db_->read([&](const Snapshot& s) { return s.courses().find(anne, later); }));
    EXPECT_FALSE(db_->read([&](const Snapshot& s) { return s.courses().find(bjorn, later); }))
        << "another doctor's course is not found through theirs";
    EXPECT_THROW(
        db_->write([&](UnitOfWork& w) { w.courses().add(course(anne, file + 99, "2026-10-05")); }),
        ConstraintViolation)
        << "a certificate that is no attachment";
    auto no_hours = course(anne, file, "2026-10-05");
    no_hours.hours = 0;
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.courses().add(no_hours); }),
                 ConstraintViolation);
}

TEST_P(CoursesStore, ACourseIsWithdrawnOnceByItsDoctorAndKeepsItsCertificate) {
    std::int64_t file = 0, id = 0;
    db_->write([&](UnitOfWork& w) {
        file = w.attachments().add(certificate(), "JVBERi0=");
        id = w.courses().add(course(anne, file, "2026-10-05"));
    });
    EXPECT_FALSE(db_->write([&](UnitOfWork& w) {
        return w.courses().withdraw(bjorn, id, "2026-11-22T10:00:00Z", "Bjørn");
    })) << "not through another doctor";
    EXPECT_TRUE(db_->write([&](UnitOfWork& w) {
        return w.courses().withdraw(anne, id, "2026-11-22T10:00:00Z", "Anne Alis (anne@alis.no)");
    }));
    EXPECT_FALSE(db_->write([&](UnitOfWork& w) {
        return w.courses().withdraw(anne, id, "2026-11-23T10:00:00Z", "Anne Alis (anne@alis.no)");
    })) << "once";
    const auto c = db_->read([&](const Snapshot& s) { return s.courses().find(anne, id); });
    ASSERT_TRUE(c);
    EXPECT_TRUE(c->is_withdrawn());
    EXPECT_EQ(c->withdrawn_at, "2026-11-22T10:00:00Z");
    EXPECT_EQ(c->withdrawn_by, "Anne Alis (anne@alis.no)");
    EXPECT_EQ(c->name, "Kurs i akuttmedisin og legevaktarbeid") << "nothing else changed";
    EXPECT_TRUE(db_->read([&](const Snapshot& s) { return s.attachments().find(file); }));
}

INSTANTIATE_TEST_SUITE_P(Backends, CoursesStore, ::testing::ValuesIn(kBackends),
                         [](const auto& info) { return info.param; });

}  // namespace courses_store_test
}  // namespace alis::store
