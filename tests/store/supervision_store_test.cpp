// The store's contract for supervision meetings, their addenda and the municipalities' norms
// (migration 0015), on SQLite and on PostgreSQL: a closed meeting is frozen and addenda are
// append-only whatever the caller does, and every row survives a copy of the installation.
#include <gtest/gtest.h>

#include "store/database.hpp"
#include "support/postgres.hpp"

namespace alis::store {
namespace supervision_store_test {

using domain::Date;
using domain::SupervisionAddendum;
using domain::SupervisionMeeting;

const std::vector<std::string> kBackends = {"sqlite", "postgresql"};

Date day(const char* iso) {
    return *Date::parse_iso(iso);
}

class SupervisionStore : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        ALIS_REQUIRE_BACKEND(database_);
        db_ = open_database(database_.url(), 2);
        db_->migrate();
        db_->write([&](UnitOfWork& w) {
            domain::Municipality m;
            m.number = "4601";
            m.name = "Bergen";
            m.county = "Vestland";
            m.centrality_class = 1;
            m.alis_office = "Bergen";
            w.municipalities().put(m);
            domain::Person p;
            p.full_name = "Anne Alis";
            anne = w.people().add(p);
            p.full_name = "Bjørn Alis";
            bjorn = w.people().add(p);
            p.full_name = "Siri Veileder";
            siri = w.people().add(p);
        });
    }

    SupervisionMeeting meeting(std::int64_t trainee, const char* held_on, int minutes) const {
        SupervisionMeeting m;
        m.trainee_person_id = trainee;
        m.supervisor_person_id = siri;
        m.held_on = day(held_on);
        m.duration_minutes = minutes;
        m.topics = "Læringsmål og plan";
        m.minutes = "Referat med æøå";
        m.planned_at = "2026-11-01T09:30:00Z";
        m.planned_by = "Siri Veileder (siri@alis.no)";
        return m;
    }

    testing::TestDatabase database_{GetParam()};
    std::unique_ptr<Database> db_;
    std::int64_t anne = 0, bjorn = 0, siri = 0;
};

TEST_P(SupervisionStore, MeetingsRoundTripInDayOrderAndOnlyForTheirTrainee) {
    std::int64_t later = 0, earlier = 0, other = 0;
    db_->write([&](UnitOfWork& w) {
        later = w.supervision().add(meeting(anne, "2026-11-10", 90));
        earlier = w.supervision().add(meeting(anne, "2026-10-05", 60));
        other = w.supervision().add(meeting(bjorn, "2026-10-06", 45));
    });
    const auto list =
        db_->read([&](const Snapshot& s) { return s.supervision().meetings_of(anne); });
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, earlier);
    EXPECT_EQ(list[1].id, later);
    EXPECT_EQ(list[1].duration_minutes, 90);
    EXPECT_EQ(list[1].minutes, "Referat med æøå");
    EXPECT_EQ(list[1].planned_at, "2026-11-01T09:30:00Z") << "the same instant from both backends";
    EXPECT_FALSE(list[1].is_closed());
    EXPECT_FALSE(db_->read([&](const Snapshot& s) { return s.supervision().find(anne, other); }));
    // The meetings of several trainees in a window, for the overview.
    std::vector<std::pair<std::int64_t, int>> seen;
    db_->read([&](const Snapshot& s) {
        s.supervision().meetings_between(
            {anne, bjorn}, day("2026-10-01"), day("2026-10-31"), [&](SupervisionMeeting m) {
                seen.emplace_back(m.trainee_person_id, m.duration_minutes);
            });
    });
    EXPECT_EQ(seen, (std::vector<std::pair<std::int64_t, int>>{{anne, 60}, {bjorn, 45}}));
}

TEST_P(SupervisionStore, AnOpenMeetingChangesAClosedOneIsFrozen) {
    std::int64_t id = 0;
    db_->write([&](UnitOfWork& w) { id = w.supervision().add(meeting(anne, "2026-11-10", 90)); });
    auto changed = meeting(anne, "2026-11-12", 30);
    changed.id = id;
    changed.minutes = "Nytt referat";
    EXPECT_TRUE(db_->write([&](UnitOfWork& w) { return w.supervision().update(changed); }));
    auto wrong_person = changed;
    wrong_person.trainee_person_id = bjorn;
    EXPECT_FALSE(db_->write([&](UnitOfWork& w) { return w.supervision().update(wrong_person); }));
    EXPECT_FALSE(db_->write([&](UnitOfWork& w) {
        return w.supervision().close(bjorn, id, "2026-11-20T10:00:00Z", "Siri");
    })) << "another trainee's meeting is not closed";
    EXPECT_TRUE(db_->write([&](UnitOfWork& w) {
        return w.supervision().close(anne, id, "2026-11-20T10:00:00Z", "Siri Veileder");
    }));
    EXPECT_FALSE(db_->write([&](UnitOfWork& w) {
        return w.supervision().close(anne, id, "2026-11-21T10:00:00Z", "Siri Veileder");
    })) << "closing twice changes nothing";
    const auto stored =
        db_->read([&](const Snapshot& s) { return s.supervision().find(anne, id); });
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->closed_at, "2026-11-20T10:00:00Z");
    EXPECT_EQ(stored->minutes, "Nytt referat");
    EXPECT_EQ(stored->held_on, day("2026-11-12"));
    // The schema keeps it frozen against any caller.
    changed.minutes = "Etter lukking";
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.supervision().update(changed); }),
                 ConstraintViolation);
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.supervision().find(anne, id); })->minutes,
              "Nytt referat");
}

TEST_P(SupervisionStore, AddendaAreAppendedAndNormsReplacedPerMunicipality) {
    std::int64_t id = 0;
    db_->write([&](UnitOfWork& w) {
        id = w.supervision().add(meeting(anne, "2026-11-10", 90));
        w.supervision().close(anne, id, "2026-11-20T10:00:00Z", "Siri Veileder");
        w.supervision().append_addendum(
            SupervisionAddendum{0, id, "Første tillegg", "2026-11-21T08:00:00Z", "Anne Alis"});
        w.supervision().append_addendum(
            SupervisionAddendum{0, id, "Andre tillegg", "2026-11-22T08:00:00Z", "Siri"});
    });
    const auto addenda =
        db_->read([&](const Snapshot& s) { return s.supervision().addenda_of(anne); });
    ASSERT_EQ(addenda.size(), 2u);
    EXPECT_EQ(addenda[0].text, "Første tillegg");
    EXPECT_EQ(addenda[1].written_at, "2026-11-22T08:00:00Z");
    EXPECT_TRUE(
        db_->read([&](const Snapshot& s) { return s.supervision().addenda_of(bjorn); }).empty());
    EXPECT_THROW(db_->write([&](UnitOfWork& w) {
        w.supervision().append_addendum(
            SupervisionAddendum{0, id, "", "2026-11-22T08:00:00Z", "Siri"});
    }),
                 ConstraintViolation)
        << "an empty addendum";
    EXPECT_FALSE(db_->read([&](const Snapshot& s) { return s.supervision().norm_of("4601"); }));
    db_->write([&](UnitOfWork& w) { w.supervision().set_norm("4601", "alis_vest"); });
    db_->write([&](UnitOfWork& w) { w.supervision().set_norm("4601", "scheme_2019"); });
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.supervision().norm_of("4601"); }),
              "scheme_2019");
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.supervision().set_norm("9999", "alis_vest"); }),
                 ConstraintViolation)
        << "an unknown municipality";
}

TEST_P(SupervisionStore, TheSchemaRefusesMeetingsItsRulesForbid) {
    auto too_long = meeting(anne, "2026-11-10", 601);
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.supervision().add(too_long); }),
                 ConstraintViolation);
    auto self = meeting(anne, "2026-11-10", 60);
    self.supervisor_person_id = anne;
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.supervision().add(self); }),
                 ConstraintViolation);
    auto no_topics = meeting(anne, "2026-11-10", 60);
    no_topics.topics.clear();
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.supervision().add(no_topics); }),
                 ConstraintViolation);
    EXPECT_TRUE(
        db_->read([&](const Snapshot& s) { return s.supervision().meetings_of(anne); }).empty());
}

TEST_P(SupervisionStore, GroupsKeepTheirMembersMeetingsAndAttendance) {
    std::int64_t first = 0;
    db_->write([&](UnitOfWork& w) {
        const auto group = w.supervision_groups().add_group(
            {0, "4601", "Veiledningsgruppe Sentrum", siri, day("2025-01-01")});
        w.supervision_groups().add_member({0, group, anne, day("2025-01-01"), day("2025-12-31")});
        w.supervision_groups().add_member({0, group, anne, day("2026-03-01"), std::nullopt});
        w.supervision_groups().add_member({0, group, bjorn, day("2025-01-01"), std::nullopt});
        first = w.supervision_groups().add_meeting({0, group, day("2025-02-10"), 180, "Kasus"});
        const auto second =
            w.supervision_groups().add_meeting({0, group, day("2025-01-13"), 150, "Oppstart"});
        w.supervision_groups().add_attendance(first, anne);
        w.supervision_groups().add_attendance(second, anne);
        w.supervision_groups().add_attendance(first, bjorn);
    });
    const auto groups =
        db_->read([&](const Snapshot& s) { return s.supervision_groups().groups_of("4601"); });
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].name, "Veiledningsgruppe Sentrum");
    EXPECT_EQ(groups[0].group_supervisor_person_id, siri);
    const auto memberships =
        db_->read([&](const Snapshot& s) { return s.supervision_groups().memberships_of(anne); });
    ASSERT_EQ(memberships.size(), 2u);
    EXPECT_EQ(memberships[0].left_on, day("2025-12-31"));
    EXPECT_FALSE(memberships[1].left_on);
    const auto attended =
        db_->read([&](const Snapshot& s) { return s.supervision_groups().attended_by(anne); });
    ASSERT_EQ(attended.size(), 2u);
    EXPECT_EQ(attended[0].held_on, day("2025-01-13")) << "oldest first";
    EXPECT_EQ(attended[0].minutes, 150);
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.supervision_groups().attended_by(siri); })
                  .size(),
              0u);
    // Attending twice, leaving before joining or a group of an unknown municipality: refused.
    EXPECT_THROW(
        db_->write([&](UnitOfWork& w) { w.supervision_groups().add_attendance(first, anne); }),
        ConstraintViolation);
    EXPECT_THROW(db_->write([&](UnitOfWork& w) {
        w.supervision_groups().add_member(
            {0, groups[0].id, siri, day("2025-05-01"), day("2025-04-30")});
    }),
                 ConstraintViolation);
    EXPECT_THROW(db_->write([&](UnitOfWork& w) {
        w.supervision_groups().add_group({0, "9999", "Ingen", siri, day("2025-01-01")});
    }),
                 ConstraintViolation);
}

TEST_P(SupervisionStore, AGroupIsFoundOnlyInItsMunicipalityWithItsMembersMeetingsAndAttendance) {
    std::int64_t group = 0, first = 0, second = 0;
    db_->write([&](UnitOfWork& w) {
        group = w.supervision_groups().add_group(
            {0, "4601", "Veiledningsgruppe Sentrum", siri, day("2025-01-01")});
        w.supervision_groups().add_member({0, group, bjorn, day("2025-02-01"), std::nullopt});
        w.supervision_groups().add_member({0, group, anne, day("2025-01-01"), day("2025-12-31")});
        first = w.supervision_groups().add_meeting({0, group, day("2025-03-10"), 180, "Kasus"});
        second = w.supervision_groups().add_meeting({0, group, day("2025-01-13"), 150, "Oppstart"});
        w.supervision_groups().add_attendance(first, bjorn);
        w.supervision_groups().add_attendance(first, anne);
        w.supervision_groups().add_attendance(second, anne);
    });
    db_->read([&](const Snapshot& s) {
        const auto found = s.supervision_groups().find("4601", group);
        ASSERT_TRUE(found);
        EXPECT_EQ(found->name, "Veiledningsgruppe Sentrum");
        EXPECT_EQ(found->starts_on, day("2025-01-01"));
        EXPECT_FALSE(s.supervision_groups().find("5501", group)) << "another municipality's";
        EXPECT_FALSE(s.supervision_groups().find("4601", group + 1));
        const auto members = s.supervision_groups().members_of(group);
        ASSERT_EQ(members.size(), 2u);
        EXPECT_EQ(members[0].person_id, anne) << "by the day joined";
        EXPECT_EQ(members[0].left_on, day("2025-12-31"));
        EXPECT_EQ(members[1].person_id, bjorn);
        EXPECT_FALSE(members[1].left_on);
        const auto meetings = s.supervision_groups().meetings_of(group);
        ASSERT_EQ(meetings.size(), 2u);
        EXPECT_EQ(meetings[0].id, second) << "by the day held";
        EXPECT_EQ(meetings[0].duration_minutes, 150);
        EXPECT_EQ(meetings[1].topic, "Kasus");
        const auto attendance = s.supervision_groups().attendance_of(group);
        ASSERT_EQ(attendance.size(), 3u);
        EXPECT_EQ(attendance[0].first, std::min(first, second));
        EXPECT_TRUE(s.supervision_groups().attendance_of(group + 1).empty());
    });
}

INSTANTIATE_TEST_SUITE_P(Backends, SupervisionStore, ::testing::ValuesIn(kBackends),
                         [](const auto& info) { return info.param; });

}  // namespace supervision_store_test
}  // namespace alis::store
