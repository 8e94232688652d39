// The contract every Database backend keeps. Backend-neutral: every test runs on SQLite and on
// PostgreSQL (a fresh database on the server make test starts; tests/support/postgres.hpp).
#include <gtest/gtest.h>

#include <functional>
#include <thread>

#include "app/trainee_overview.hpp"
#include "store/database.hpp"
#include "support/postgres.hpp"

namespace alis::store {
namespace store_contract_test {

using domain::ArenaKind;
using domain::AuditEvent;
using domain::Date;
using domain::Departure;
using domain::DepartureReason;
using domain::Destination;
using domain::EducationPlanRevision;
using domain::Employment;
using domain::EnterpriseStatus;
using domain::EnterpriseStatusChange;
using domain::kDefaultSupervisorCapacity;
using domain::LearningArena;
using domain::Leave;
using domain::Municipality;
using domain::PayModel;
using domain::Person;
using domain::PlanResponsibility;
using domain::PostType;
using domain::ServicePeriod;
using domain::Supervisor;
using domain::SupervisorAssignment;
using domain::SupervisorQualification;
using domain::TrainingStatus;

const std::vector<std::string> kBackends = {"sqlite", "postgresql"};

Date day(const char* iso) {
    return *Date::parse_iso(iso);
}

Municipality municipality(std::string number, std::string name, std::string office) {
    Municipality m;
    m.number = std::move(number);
    m.name = std::move(name);
    m.county = "Vestland";
    m.centrality_class = 3;
    m.enterprise_status = EnterpriseStatus::registered;
    m.alis_office = std::move(office);
    return m;
}

class StoreContract : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        ALIS_REQUIRE_BACKEND(database_);
        db_ = open();
        db_->migrate();
    }
    // Another Database object on this test's database, as another process would open it.
    std::unique_ptr<Database> open() { return open_database(database_.url(), 2); }
    testing::TestDatabase database_{GetParam()};
    std::unique_ptr<Database> db_;
};

TEST_P(StoreContract, MigrationsApplyOnceAndAreRecorded) {
    const auto applied = db_->applied_migrations();
    ASSERT_FALSE(applied.empty());
    EXPECT_EQ(applied.front(), 1);
    EXPECT_EQ(db_->migrate(), 0) << "re-applying must be a no-op";
    EXPECT_EQ(db_->applied_migrations(), applied);
    EXPECT_TRUE(db_->ping());
}

TEST_P(StoreContract, MigrationsSurviveReopening) {
    db_.reset();
    db_ = open();
    EXPECT_EQ(db_->migrate(), 0);
}

TEST_P(StoreContract, MunicipalitiesRoundTripWithNorwegianLetters) {
    db_->write([](UnitOfWork& w) {
        w.municipalities().put(municipality("4601", "Bergen", "Bergen"));
        w.municipalities().put(municipality("1508", "Ålesund", "Trondheim"));
        auto m = municipality("5601", "Alta", "Bodø");
        m.enterprise_status = EnterpriseStatus::temporarily_registered;
        m.centrality_class = 5;
        w.municipalities().put(m);
    });
    const auto all = db_->read([&](const Snapshot& s) { return s.municipalities().all(); });
    ASSERT_EQ(all.size(), 3u);
    // Ordered by office, then name.
    EXPECT_EQ(all[0].name, "Bergen");
    EXPECT_EQ(all[1].name, "Alta");
    EXPECT_EQ(all[1].alis_office, "Bodø");
    EXPECT_EQ(all[1].enterprise_status, EnterpriseStatus::temporarily_registered);
    EXPECT_EQ(all[1].centrality_class, 5);
    EXPECT_EQ(all[2].name, "Ålesund");
}

TEST_P(StoreContract, PutMunicipalityReplacesByNumber) {
    db_->write([](UnitOfWork& w) { w.municipalities().put(municipality("4601", "Bergen", "B")); });
    auto changed = municipality("4601", "Bergen kommune", "B");
    changed.enterprise_status = EnterpriseStatus::not_registered;
    db_->write([&](UnitOfWork& w) { w.municipalities().put(changed); });
    const auto all = db_->read([&](const Snapshot& s) { return s.municipalities().all(); });
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].name, "Bergen kommune");
    EXPECT_EQ(all[0].enterprise_status, EnterpriseStatus::not_registered);
}

TEST_P(StoreContract, TraineeCountsFollowEmploymentDates) {
    db_->write([](UnitOfWork& w) {
        w.municipalities().put(municipality("4601", "Bergen", "Bergen"));
        w.municipalities().put(municipality("4621", "Voss", "Bergen"));
        Person trainee;
        trainee.full_name = "Øyvind Ærø-Ås";
        trainee.hpr_number = "9100001";
        const auto id = w.people().add(trainee);
        Employment first;
        first.person_id = id;
        first.municipality_number = "4621";
        first.starts_on = day("2020-01-01");
        first.ends_on = day("2024-06-30");
        w.people().add_employment(first);
        Employment second = first;
        second.municipality_number = "4601";
        second.starts_on = day("2024-07-01");
        second.ends_on.reset();
        w.people().add_employment(second);
        // Two concurrent posts in one municipality count one doctor.
        Employment extra = second;
        extra.fte = 20;
        extra.post_type = PostType::other_general_practice;
        w.people().add_employment(extra);

        Person specialist;
        specialist.full_name = "Kari O'Hara";
        specialist.training_status = TrainingStatus::specialist;
        Employment e = second;
        e.person_id = w.people().add(specialist);
        w.people().add_employment(e);
    });
    auto counts = [&](const char* iso) {
        std::map<std::string, int> result;
        for (const auto& s :
             db_->read([&](const Snapshot& s) { return s.municipalities().summaries(day(iso)); })) {
            result[s.municipality.number] = s.trainees;
        }
        return result;
    };
    EXPECT_EQ(counts("2024-06-30"), (std::map<std::string, int>{{"4601", 0}, {"4621", 1}}));
    EXPECT_EQ(counts("2024-07-01"), (std::map<std::string, int>{{"4601", 1}, {"4621", 0}}));
    EXPECT_EQ(counts("2019-12-31"), (std::map<std::string, int>{{"4601", 0}, {"4621", 0}}));
}

TEST_P(StoreContract, PeopleEmploymentsAndLeavesRoundTrip) {
    std::int64_t id = 0;
    db_->write([&](UnitOfWork& w) {
        w.municipalities().put(municipality("4601", "Bergen", "Bergen"));
        Person p;
        p.full_name = "Øyvind Ærø-Ås";
        p.hpr_number = "9100001";
        p.lis1_completed = day("2019-08-31");
        p.ruleset = "allmennmedisin-2019";
        id = w.people().add(p);
        Employment e;
        e.person_id = id;
        e.municipality_number = "4601";
        e.starts_on = day("2019-09-01");
        e.fte = 60;
        e.pay_model = PayModel::self_employed;
        w.people().add_employment(e);
        Leave l;
        l.person_id = id;
        l.starts_on = day("2022-03-01");
        l.ends_on = day("2022-12-31");
        w.people().add_leave(l);
    });
    const auto p = db_->read([&](const Snapshot& s) { return s.people().find(id); });
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->full_name, "Øyvind Ærø-Ås");
    EXPECT_EQ(p->hpr_number, "9100001");
    EXPECT_EQ(p->lis1_completed, day("2019-08-31"));
    EXPECT_EQ(p->ruleset, "allmennmedisin-2019");
    const auto employments =
        db_->read([&](const Snapshot& s) { return s.people().employments_of(id); });
    ASSERT_EQ(employments.size(), 1u);
    EXPECT_EQ(employments[0].fte, 60);
    EXPECT_EQ(employments[0].pay_model, PayModel::self_employed);
    EXPECT_FALSE(employments[0].ends_on.has_value());
    const auto leaves = db_->read([&](const Snapshot& s) { return s.people().leaves_of(id); });
    ASSERT_EQ(leaves.size(), 1u);
    EXPECT_EQ(leaves[0].ends_on, day("2022-12-31"));
    EXPECT_FALSE(
        db_->read([&](const Snapshot& s) { return s.people().find(id + 1000); }).has_value());
    EXPECT_EQ(
        db_->read([&](const Snapshot& s) { return s.people().count(TrainingStatus::in_training); }),
        1);
}

TEST_P(StoreContract, RecordsAreUpdatedAndRemovedOnlyForTheirPersonAndCorrectionsAreKept) {
    std::int64_t kari = 0;
    std::int64_t ola = 0;
    Employment e;
    ServicePeriod p;
    Leave l;
    db_->write([&](UnitOfWork& w) {
        w.municipalities().put(municipality("4601", "Bergen", "Bergen"));
        Person person;
        person.full_name = "Kari";
        kari = w.people().add(person);
        person.full_name = "Ola";
        ola = w.people().add(person);
        e.person_id = kari;
        e.municipality_number = "4601";
        e.starts_on = day("2024-01-01");
        e.id = w.people().add_employment(e);
        p.person_id = kari;
        p.employment_id = e.id;
        p.place = "Legekontoret";
        p.starts_on = day("2024-01-01");
        p.id = w.people().add_service_period(p);
        l.person_id = kari;
        l.starts_on = day("2025-01-01");
        l.ends_on = day("2025-01-31");
        l.id = w.people().add_leave(l);
    });
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.people().path_length(kari); }), 2);
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.people().path_length(ola); }), 0);

    // Another person's id changes nothing.
    db_->write([&](UnitOfWork& w) {
        auto foreign = l;
        foreign.person_id = ola;
        EXPECT_FALSE(w.people().update_leave(foreign));
        EXPECT_FALSE(w.people().remove_leave(ola, l.id));
        EXPECT_FALSE(w.people().remove_service_period(ola, p.id));
        auto foreign_employment = e;
        foreign_employment.person_id = ola;
        EXPECT_FALSE(w.people().update_employment(foreign_employment));
    });
    db_->write([&](UnitOfWork& w) {
        e.ends_on = day("2025-12-31");
        e.fte = 80;
        e.post_type = PostType::institution;
        EXPECT_TRUE(w.people().update_employment(e));
        p.place = "Sentrum legekontor";
        p.ends_on = day("2025-06-30");
        p.employer_registered = false;
        EXPECT_TRUE(w.people().update_service_period(p));
        l.kind = domain::LeaveKind::sick;
        l.ends_on = day("2025-02-28");
        EXPECT_TRUE(w.people().update_leave(l));
    });
    db_->read([&](const Snapshot& s) {
        const auto employments = s.people().employments_of(kari);
        ASSERT_EQ(employments.size(), 1u);
        EXPECT_EQ(employments[0].fte, 80);
        EXPECT_EQ(employments[0].ends_on, day("2025-12-31"));
        EXPECT_EQ(employments[0].post_type, PostType::institution);
        const auto periods = s.people().service_periods_of(kari);
        ASSERT_EQ(periods.size(), 1u);
        EXPECT_EQ(periods[0].place, "Sentrum legekontor");
        EXPECT_FALSE(periods[0].employer_registered);
        EXPECT_EQ(periods[0].employment_id, e.id);
        const auto leaves = s.people().leaves_of(kari);
        ASSERT_EQ(leaves.size(), 1u);
        EXPECT_EQ(leaves[0].kind, domain::LeaveKind::sick);
        EXPECT_EQ(leaves[0].ends_on, day("2025-02-28"));
    });

    db_->write([&](UnitOfWork& w) {
        EXPECT_TRUE(w.people().remove_leave(kari, l.id));
        EXPECT_TRUE(w.people().remove_service_period(kari, p.id));
        EXPECT_TRUE(w.people().remove_employment(kari, e.id));
        EXPECT_FALSE(w.people().remove_leave(kari, l.id));
        domain::RecordCorrection c;
        c.person_id = kari;
        c.kind = domain::RecordKind::leave;
        c.record_id = l.id;
        c.action = domain::CorrectionAction::changed;
        c.before = R"({"id":1})";
        c.after = R"({"id":1,"x":"Æøå"})";
        c.reason = "Feil dato.";
        c.corrected_at = "2026-11-22T10:15:30Z";
        c.corrected_by = "Kari Nordmann (leder@bergen.no)";
        w.people().add_correction(c);
        c.kind = domain::RecordKind::employment;
        c.record_id = e.id;
        c.action = domain::CorrectionAction::removed;
        c.after.reset();
        c.reason = "Dobbelt.";
        w.people().add_correction(c);
    });
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.people().path_length(kari); }), 0);
    const auto log = db_->read([&](const Snapshot& s) { return s.people().corrections_of(kari); });
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].kind, domain::RecordKind::employment);  // Newest first.
    EXPECT_EQ(log[0].action, domain::CorrectionAction::removed);
    EXPECT_FALSE(log[0].after);
    EXPECT_EQ(log[0].record_id, e.id);
    EXPECT_EQ(log[1].kind, domain::RecordKind::leave);
    EXPECT_EQ(log[1].after, R"({"id":1,"x":"Æøå"})");
    EXPECT_EQ(log[1].reason, "Feil dato.");
    EXPECT_EQ(log[1].corrected_at, "2026-11-22T10:15:30Z");
    EXPECT_EQ(log[1].corrected_by, "Kari Nordmann (leder@bergen.no)");
    EXPECT_TRUE(
        db_->read([&](const Snapshot& s) { return s.people().corrections_of(ola); }).empty());
}

TEST_P(StoreContract, DeparturesAreKeptPerEmploymentReplacedWhenRecordedAgainAndGoWithIt) {
    std::int64_t kari = 0;
    Employment first;
    Employment second;
    db_->write([&](UnitOfWork& w) {
        w.municipalities().put(municipality("4601", "Bergen", "Bergen"));
        Person person;
        person.full_name = "Kari";
        kari = w.people().add(person);
        first.person_id = kari;
        first.municipality_number = "4601";
        first.starts_on = day("2021-01-01");
        first.ends_on = day("2022-12-31");
        first.id = w.people().add_employment(first);
        second = first;
        second.starts_on = day("2023-01-01");
        second.ends_on = day("2024-06-30");
        second.id = w.people().add_employment(second);
    });
    const auto departures = [&] {
        return db_->read([&](const Snapshot& s) { return s.people().departures_of(kari); });
    };
    EXPECT_TRUE(departures().empty());

    Departure moved;
    moved.employment_id = second.id;  // Recorded first, listed second: in the employments' order.
    moved.reason = DepartureReason::pay_and_conditions;
    moved.destination = Destination::hospital;
    moved.training_ended = true;
    moved.recorded_at = "2024-07-01T08:00:00Z";
    moved.recorded_by = "Lena Leder (leder@bergen.no)";
    Departure on = moved;
    on.employment_id = first.id;
    on.reason = DepartureReason::moved_on_in_training;
    on.destination = Destination::other_alis_post;
    on.training_ended = false;
    db_->write([&](UnitOfWork& w) {
        w.people().put_departure(moved);
        w.people().put_departure(on);
    });
    auto kept = departures();
    ASSERT_EQ(kept.size(), 2u);
    EXPECT_EQ(kept[0].employment_id, first.id);
    EXPECT_EQ(kept[0].reason, DepartureReason::moved_on_in_training);
    EXPECT_EQ(kept[0].destination, Destination::other_alis_post);
    EXPECT_FALSE(kept[0].training_ended);
    EXPECT_EQ(kept[1].employment_id, second.id);
    EXPECT_EQ(kept[1].reason, DepartureReason::pay_and_conditions);
    EXPECT_EQ(kept[1].destination, Destination::hospital);
    EXPECT_TRUE(kept[1].training_ended);
    EXPECT_EQ(kept[1].recorded_at, "2024-07-01T08:00:00Z");
    EXPECT_EQ(kept[1].recorded_by, "Lena Leder (leder@bergen.no)");

    // Recorded again: the one row is replaced, not added to.
    moved.reason = DepartureReason::family_or_personal;
    moved.destination = Destination::abroad;
    moved.training_ended = false;
    moved.recorded_at = "2024-08-15T12:30:00Z";
    db_->write([&](UnitOfWork& w) { w.people().put_departure(moved); });
    kept = departures();
    ASSERT_EQ(kept.size(), 2u);
    EXPECT_EQ(kept[1].reason, DepartureReason::family_or_personal);
    EXPECT_EQ(kept[1].destination, Destination::abroad);
    EXPECT_FALSE(kept[1].training_ended);
    EXPECT_EQ(kept[1].recorded_at, "2024-08-15T12:30:00Z");

    // A departure needs an employment, and a removed employment takes its departure with it.
    Departure orphan = moved;
    orphan.employment_id = second.id + 100;
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.people().put_departure(orphan); }),
                 store::ConstraintViolation);
    db_->write([&](UnitOfWork& w) { EXPECT_TRUE(w.people().remove_employment(kari, second.id)); });
    kept = departures();
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].employment_id, first.id);

    // The training status the departure use case sets.
    db_->write([&](UnitOfWork& w) {
        EXPECT_TRUE(w.people().set_training_status(kari, TrainingStatus::left));
        EXPECT_FALSE(w.people().set_training_status(kari + 100, TrainingStatus::left));
    });
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.people().find(kari); })->training_status,
              TrainingStatus::left);
}

TEST_P(StoreContract, EndedEmploymentsOfAMunicipalityInAWindowComeWithNamesAndDepartures) {
    std::int64_t early = 0;
    std::int64_t late = 0;
    db_->write([&](UnitOfWork& w) {
        w.municipalities().put(municipality("4601", "Bergen", "Bergen"));
        w.municipalities().put(municipality("4627", "Askøy", "Bergen"));
        Person person;
        person.full_name = "Åse Øvrebø";
        const auto ase = w.people().add(person);
        person.full_name = "Ola";
        const auto ola = w.people().add(person);
        const auto add = [&](std::int64_t who, const char* number, const char* from,
                             std::optional<Date> to) {
            Employment e;
            e.person_id = who;
            e.municipality_number = number;
            e.starts_on = day(from);
            e.ends_on = to;
            e.post_type = PostType::institution;  // Every post type, not only ALIS posts.
            return w.people().add_employment(e);
        };
        early = add(ase, "4601", "2022-01-01", day("2025-01-31"));  // The window's first day.
        late = add(ola, "4601", "2023-01-01", day("2025-12-31"));   // Its last day.
        add(ola, "4601", "2020-01-01", day("2025-01-30"));          // A day before it.
        add(ase, "4601", "2025-02-01", day("2026-01-01"));          // A day after it.
        add(ase, "4601", "2026-02-01", std::nullopt);               // Not ended.
        add(ola, "4627", "2024-01-01", day("2025-06-30"));          // Another municipality.
        Departure d;
        d.employment_id = early;
        d.reason = DepartureReason::workload;
        d.destination = Destination::hospital;
        d.recorded_at = "2025-02-03T08:00:00Z";
        d.recorded_by = "Leder";
        w.people().put_departure(d);
    });
    const auto ended = db_->read([&](const Snapshot& s) {
        return s.people().ended_employments("4601", day("2025-01-31"), day("2025-12-31"));
    });
    ASSERT_EQ(ended.size(), 2u);
    EXPECT_EQ(ended[0].employment.id, late) << "the latest end first";
    EXPECT_EQ(ended[0].full_name, "Ola");
    EXPECT_FALSE(ended[0].departure);
    EXPECT_EQ(ended[1].employment.id, early);
    EXPECT_EQ(ended[1].full_name, "Åse Øvrebø");
    EXPECT_EQ(ended[1].employment.ends_on, day("2025-01-31"));
    EXPECT_EQ(ended[1].employment.post_type, PostType::institution);
    ASSERT_TRUE(ended[1].departure);
    EXPECT_EQ(ended[1].departure->employment_id, early);
    EXPECT_EQ(ended[1].departure->reason, DepartureReason::workload);
    EXPECT_EQ(ended[1].departure->destination, Destination::hospital);
    EXPECT_EQ(ended[1].departure->recorded_by, "Leder");
    EXPECT_TRUE(db_->read([&](const Snapshot& s) {
                       return s.people().ended_employments("5501", day("2000-01-01"),
                                                           day("2030-01-01"));
                   })
                    .empty());
}

TEST_P(StoreContract, AlisPostsOfAMunicipalityARegionOrTheCountryComeWithTheirDepartures) {
    std::int64_t kari = 0;
    std::int64_t ola = 0;
    std::int64_t moved = 0;
    db_->write([&](UnitOfWork& w) {
        w.municipalities().put(municipality("4601", "Bergen", "Bergen"));
        w.municipalities().put(municipality("4627", "Askøy", "Bergen"));
        w.municipalities().put(municipality("5501", "Tromsø", "Tromsø"));
        Person person;
        person.full_name = "Kari";
        kari = w.people().add(person);
        person.full_name = "Ola";
        person.training_status = TrainingStatus::left;
        ola = w.people().add(person);
        const auto add = [&](std::int64_t who, const char* number, const char* from,
                             std::optional<Date> to, PostType type) {
            Employment e;
            e.person_id = who;
            e.municipality_number = number;
            e.starts_on = day(from);
            e.ends_on = to;
            e.post_type = type;
            e.pay_model = PayModel::self_employed;
            return w.people().add_employment(e);
        };
        moved = add(kari, "4627", "2022-01-01", day("2023-12-31"), PostType::gp_list);
        add(kari, "4601", "2024-01-01", std::nullopt, PostType::other_general_practice);
        add(kari, "4601", "2024-06-01", day("2024-11-30"), PostType::institution);
        add(ola, "5501", "2023-01-01", day("2024-06-30"), PostType::gp_list);
        Departure d;
        d.employment_id = moved;
        d.reason = DepartureReason::moved_on_in_training;
        d.destination = Destination::other_alis_post;
        d.recorded_at = "2024-01-02T08:00:00Z";
        d.recorded_by = "Leder";
        w.people().put_departure(d);
    });
    const auto posts = [&](std::optional<std::string> number, std::optional<std::string> office) {
        return db_->read([&](const Snapshot& s) { return s.people().alis_posts(number, office); });
    };
    const auto everywhere = posts(std::nullopt, std::nullopt);
    ASSERT_EQ(everywhere.size(), 3u) << "institution service is not an ALIS post";
    EXPECT_EQ(everywhere[0].person_id, kari);
    EXPECT_EQ(everywhere[0].employment_id, moved);
    EXPECT_EQ(everywhere[0].municipality_number, "4627");
    EXPECT_EQ(everywhere[0].alis_office, "Bergen");
    EXPECT_EQ(everywhere[0].starts_on, day("2022-01-01"));
    EXPECT_EQ(everywhere[0].ends_on, day("2023-12-31"));
    EXPECT_EQ(everywhere[0].pay_model, PayModel::self_employed);
    EXPECT_EQ(everywhere[0].training_status, TrainingStatus::in_training);
    ASSERT_TRUE(everywhere[0].departure);
    EXPECT_EQ(everywhere[0].departure->reason, DepartureReason::moved_on_in_training);
    EXPECT_EQ(everywhere[1].post_type, PostType::other_general_practice);
    EXPECT_FALSE(everywhere[1].ends_on);
    EXPECT_FALSE(everywhere[1].departure);
    EXPECT_EQ(everywhere[2].person_id, ola);
    EXPECT_EQ(everywhere[2].training_status, TrainingStatus::left);

    EXPECT_EQ(posts(std::nullopt, "Bergen").size(), 2u);
    EXPECT_EQ(posts("4601", std::nullopt).size(), 1u);
    EXPECT_EQ(posts("5501", std::nullopt).size(), 1u);
    EXPECT_TRUE(posts("5501", "Bergen").empty());
    EXPECT_TRUE(posts(std::nullopt, "Bodø").empty());
}

TEST_P(StoreContract, TheLogOfCorrectionsRefusesChangesAndBadRows) {
    std::int64_t kari = 0;
    db_->write([&](UnitOfWork& w) {
        Person person;
        person.full_name = "Kari";
        kari = w.people().add(person);
    });
    domain::RecordCorrection c;
    c.person_id = kari;
    c.record_id = 1;
    c.before = "{}";
    c.after = "{}";
    c.reason = "Feil.";
    c.corrected_at = "2026-11-22T10:15:30Z";
    c.corrected_by = "Leder";
    // No reason, a reason over 1000 characters, a removal with an after, a change without one.
    for (const auto& bad : {std::string(), std::string(1001, 'x')}) {
        auto r = c;
        r.reason = bad;
        EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.people().add_correction(r); }), StoreError);
    }
    auto removed = c;
    removed.action = domain::CorrectionAction::removed;
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.people().add_correction(removed); }),
                 StoreError);
    auto changed = c;
    changed.after.reset();
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.people().add_correction(changed); }),
                 StoreError);
    db_->write([&](UnitOfWork& w) { w.people().add_correction(c); });
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.people().corrections_of(kari); }).size(),
              1u);
}

TEST_P(StoreContract, EveryTrainingStatusRoundTripsAndIsCounted) {
    const std::vector<TrainingStatus> statuses = {TrainingStatus::in_training,
                                                  TrainingStatus::specialist, TrainingStatus::left,
                                                  TrainingStatus::not_in_training};
    std::vector<std::int64_t> ids;
    db_->write([&](UnitOfWork& w) {
        for (const auto status : statuses) {
            Person p;
            p.full_name = "Lege " + std::string(to_string(status));
            p.training_status = status;
            ids.push_back(w.people().add(p));
        }
    });
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        EXPECT_EQ(
            db_->read([&](const Snapshot& s) { return s.people().find(ids[i]); })->training_status,
            statuses[i])
            << to_string(statuses[i]);
        EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.people().count(statuses[i]); }), 1)
            << to_string(statuses[i]);
        EXPECT_EQ(domain::parse_enum<TrainingStatus>(to_string(statuses[i])), statuses[i]);
    }
}

TEST_P(StoreContract, FailedTransactionKeepsNothing) {
    EXPECT_THROW(db_->write([](UnitOfWork& w) {
        w.municipalities().put(municipality("4601", "Bergen", "Bergen"));
        Person p;
        p.full_name = "Ola Nordmann";
        const auto id = w.people().add(p);
        Employment e;
        e.person_id = id;
        e.municipality_number = "9999";  // No such municipality.
        e.starts_on = day("2020-01-01");
        w.people().add_employment(e);
    }),
                 ConstraintViolation);
    EXPECT_TRUE(db_->read([&](const Snapshot& s) { return s.municipalities().all(); }).empty());
    EXPECT_EQ(
        db_->read([&](const Snapshot& s) { return s.people().count(TrainingStatus::in_training); }),
        0);
}

TEST_P(StoreContract, RejectsValuesTheSchemaForbids) {
    EXPECT_THROW(db_->write([](UnitOfWork& w) {
        auto m = municipality("46O1", "Bergen", "Bergen");  // Letter O, not a digit.
        w.municipalities().put(m);
    }),
                 ConstraintViolation);
    EXPECT_THROW(db_->write([](UnitOfWork& w) {
        auto m = municipality("4601", "Bergen", "Bergen");
        m.centrality_class = 7;
        w.municipalities().put(m);
    }),
                 ConstraintViolation);
    EXPECT_THROW(db_->write([](UnitOfWork& w) {
        Person a;
        a.full_name = "A";
        a.hpr_number = "123";
        w.people().add(a);
        w.people().add(a);  // Duplicate HPR number.
    }),
                 ConstraintViolation);
}

TEST_P(StoreContract, ReadsRunWhileAWriteIsOpen) {
    db_->write([](UnitOfWork& w) { w.municipalities().put(municipality("4601", "Bergen", "B")); });
    std::size_t seen_during_write = 0;
    db_->write([&](UnitOfWork& w) {
        w.municipalities().put(municipality("4621", "Voss", "B"));
        // Another thread reads the last committed state without waiting for this write.
        std::thread reader([&] {
            seen_during_write =
                db_->read([&](const Snapshot& s) { return s.municipalities().all(); }).size();
        });
        reader.join();
    });
    EXPECT_EQ(seen_during_write, 1u);
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.municipalities().all(); }).size(), 2u);
}

TEST_P(StoreContract, DataGenerationChangesWithDataNotWithBookkeeping) {
    db_->write([](UnitOfWork& w) { w.municipalities().put(municipality("4601", "Bergen", "B")); });
    const auto before = db_->data_generation();
    // Logins, sessions and the audit trail are not data a cache is derived from.
    db_->write([](UnitOfWork& w) {
        w.identity().add_login_failure("x@y.no", "192.0.2.1", 1'795'305'600);
        AuditEvent e;
        e.at = "2026-11-22T10:15:30Z";
        e.actor_label = "test";
        e.action = "person.read";
        e.target = "GET /personer/{person}";
        e.outcome = "ok";
        w.audit().append(e);
    });
    EXPECT_EQ(db_->data_generation(), before);
    // A rolled-back change leaves it too.
    EXPECT_THROW(db_->write([](UnitOfWork& w) {
        w.municipalities().put(municipality("4621", "Voss", "B"));
        w.municipalities().put(municipality("46O1", "Feil", "B"));
    }),
                 ConstraintViolation);
    EXPECT_EQ(db_->data_generation(), before);
    // Every kind of data change moves it: an insert, a replacement, an update.
    db_->write([](UnitOfWork& w) { w.municipalities().put(municipality("4621", "Voss", "B")); });
    const auto after_insert = db_->data_generation();
    EXPECT_NE(after_insert, before);
    db_->write([](UnitOfWork& w) { w.supervisors().set_capacity("4601", 3); });
    const auto after_capacity = db_->data_generation();
    EXPECT_NE(after_capacity, after_insert);
    std::int64_t person = 0;
    db_->write([&](UnitOfWork& w) {
        Person p;
        p.full_name = "Ola Nordmann";
        person = w.people().add(p);
    });
    const auto after_person = db_->data_generation();
    EXPECT_NE(after_person, after_capacity);
    db_->write([&](UnitOfWork& w) {
        Leave l;
        l.person_id = person;
        l.starts_on = day("2026-01-01");
        l.ends_on = day("2026-02-01");
        w.people().add_leave(l);
    });
    EXPECT_NE(db_->data_generation(), after_person);
}

TEST_P(StoreContract, DataGenerationSeesWritesOfAnotherStoreOnTheSameDatabase) {
    auto other = open();
    const auto before = db_->data_generation();
    other->write(
        [](UnitOfWork& w) { w.municipalities().put(municipality("4601", "Bergen", "B")); });
    EXPECT_NE(db_->data_generation(), before);
}

// General education plans (journey 6).

TEST_P(StoreContract, StatusChangesKeepHistoryAndTheMunicipalitysCurrentStatus) {
    db_->write(
        [](UnitOfWork& w) { w.municipalities().put(municipality("5501", "Tromsø", "Bodø")); });
    EXPECT_TRUE(
        db_->read([&](const Snapshot& s) { return s.municipalities().status_history("5501"); })
            .empty());
    db_->write([](UnitOfWork& w) {
        EnterpriseStatusChange c;
        c.municipality_number = "5501";
        c.status = EnterpriseStatus::temporarily_registered;
        c.valid_from = day("2026-01-01");
        c.valid_until = day("2026-12-31");
        c.applied_on = day("2025-11-15");
        c.changed_at = "2026-01-02T08:00:00Z";
        c.changed_by = "leder@tromso.no";
        w.municipalities().add_status_change(c);
    });
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.municipalities().find("5501"); })
                  ->enterprise_status,
              EnterpriseStatus::temporarily_registered);
    db_->write([](UnitOfWork& w) {
        EnterpriseStatusChange c;
        c.municipality_number = "5501";
        c.status = EnterpriseStatus::registered;
        c.valid_from = day("2026-06-01");
        c.changed_at = "2026-06-02T08:00:00Z";
        c.changed_by = "leder@tromso.no";
        w.municipalities().add_status_change(c);
    });
    const auto history =
        db_->read([&](const Snapshot& s) { return s.municipalities().status_history("5501"); });
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].status, EnterpriseStatus::registered) << "newest first";
    EXPECT_FALSE(history[0].valid_until.has_value());
    EXPECT_EQ(history[1].valid_until, day("2026-12-31"));
    EXPECT_EQ(history[1].applied_on, day("2025-11-15"));
    EXPECT_EQ(history[1].changed_by, "leder@tromso.no");
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.municipalities().find("5501"); })
                  ->enterprise_status,
              EnterpriseStatus::registered);
}

TEST_P(StoreContract, StatusChangesWithInconsistentDatesAreRefusedAndLeaveTheStatus) {
    db_->write(
        [](UnitOfWork& w) { w.municipalities().put(municipality("5501", "Tromsø", "Bodø")); });
    auto change = [](EnterpriseStatus status, std::optional<Date> until) {
        EnterpriseStatusChange c;
        c.municipality_number = "5501";
        c.status = status;
        c.valid_from = day("2026-06-01");
        c.valid_until = until;
        c.changed_at = "2026-06-02T08:00:00Z";
        c.changed_by = "x";
        return c;
    };
    for (const auto& c : {change(EnterpriseStatus::temporarily_registered, std::nullopt),
                          change(EnterpriseStatus::temporarily_registered, day("2026-05-31")),
                          change(EnterpriseStatus::not_registered, day("2026-12-31"))}) {
        EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.municipalities().add_status_change(c); }),
                     ConstraintViolation);
    }
    EXPECT_TRUE(
        db_->read([&](const Snapshot& s) { return s.municipalities().status_history("5501"); })
            .empty());
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.municipalities().find("5501"); })
                  ->enterprise_status,
              EnterpriseStatus::registered);
}

TEST_P(StoreContract, LearningArenasAndResponsibilitiesRoundTrip) {
    std::int64_t gp = 0;
    std::int64_t hospital = 0;
    std::int64_t area = 0;
    db_->write([&](UnitOfWork& w) {
        w.municipalities().put(municipality("4601", "Bergen", "Bergen"));
        w.municipalities().put(municipality("4621", "Voss", "Bergen"));
        LearningArena a;
        a.municipality_number = "4601";
        a.kind = ArenaKind::hospital_by_agreement;
        a.name = "Haukeland universitetssjukehus";
        a.offers = "Institusjonstjeneste.\nALM 055 og ALM 085.";
        hospital = w.municipalities().add_learning_arena(a);
        a.kind = ArenaKind::gp_office;
        a.name = "Åsane legesenter";
        a.offers = "Fastlegepraksis";
        gp = w.municipalities().add_learning_arena(a);
        a.municipality_number = "4621";
        a.name = "Voss legesenter";
        w.municipalities().add_learning_arena(a);
        PlanResponsibility r;
        r.municipality_number = "4601";
        r.area = "Overordnet ansvar";
        r.responsible = "Kommuneoverlege";
        area = w.municipalities().add_responsibility(r);
        w.municipalities().mark_general_plan_changed(
            {"4601", "2026-11-22T10:00:00Z", "leder@bergen.no"});
    });
    auto arenas =
        db_->read([&](const Snapshot& s) { return s.municipalities().learning_arenas("4601"); });
    ASSERT_EQ(arenas.size(), 2u);
    EXPECT_EQ(arenas[0].id, gp) << "by kind: the GP office before the hospital";
    EXPECT_EQ(arenas[1].offers, "Institusjonstjeneste.\nALM 055 og ALM 085.");
    EXPECT_EQ(db_->read([&](const Snapshot& s) {
                     return s.municipalities().find_learning_arena(hospital);
                 })
                  ->municipality_number,
              "4601");
    EXPECT_FALSE(db_->read([&](const Snapshot& s) {
                        return s.municipalities().find_learning_arena(hospital + 100);
                    })
                     .has_value());
    const auto responsibilities =
        db_->read([&](const Snapshot& s) { return s.municipalities().responsibilities("4601"); });
    ASSERT_EQ(responsibilities.size(), 1u);
    EXPECT_EQ(responsibilities[0].responsible, "Kommuneoverlege");
    EXPECT_EQ(responsibilities[0].description, "");
    EXPECT_EQ(
        db_->read([&](const Snapshot& s) { return s.municipalities().general_plan_change("4601"); })
            ->changed_by,
        "leder@bergen.no");
    EXPECT_FALSE(
        db_->read([&](const Snapshot& s) { return s.municipalities().general_plan_change("4621"); })
            .has_value());

    db_->write([&](UnitOfWork& w) {
        LearningArena changed = *db_->read(
            [&](const Snapshot& s) { return s.municipalities().find_learning_arena(gp); });
        changed.kind = ArenaKind::out_of_hours_service;
        changed.name = "Bergen legevakt";
        w.municipalities().update_learning_arena(changed);
        w.municipalities().remove_learning_arena(hospital);
        w.municipalities().remove_responsibility(area);
        w.municipalities().mark_general_plan_changed(
            {"4601", "2026-11-23T10:00:00Z", "leder2@bergen.no"});
    });
    arenas =
        db_->read([&](const Snapshot& s) { return s.municipalities().learning_arenas("4601"); });
    ASSERT_EQ(arenas.size(), 1u);
    EXPECT_EQ(arenas[0].kind, ArenaKind::out_of_hours_service);
    EXPECT_EQ(arenas[0].name, "Bergen legevakt");
    EXPECT_TRUE(
        db_->read([&](const Snapshot& s) { return s.municipalities().responsibilities("4601"); })
            .empty());
    EXPECT_EQ(
        db_->read([&](const Snapshot& s) { return s.municipalities().general_plan_change("4601"); })
            ->changed_at,
        "2026-11-23T10:00:00Z");
    EXPECT_EQ(
        db_->read([&](const Snapshot& s) { return s.municipalities().learning_arenas("4621"); })
            .size(),
        1u)
        << "Voss is untouched";
}

TEST_P(StoreContract, PlanRowsNeedAKnownMunicipalityAndSaneLengths) {
    EXPECT_THROW(db_->write([](UnitOfWork& w) {
        LearningArena a;
        a.municipality_number = "9999";
        a.name = "Ukjent";
        a.offers = "Alt";
        w.municipalities().add_learning_arena(a);
    }),
                 ConstraintViolation);
    db_->write([](UnitOfWork& w) { w.municipalities().put(municipality("4601", "Bergen", "B")); });
    EXPECT_THROW(db_->write([](UnitOfWork& w) {
        LearningArena a;
        a.municipality_number = "4601";
        a.name = "";
        a.offers = "Alt";
        w.municipalities().add_learning_arena(a);
    }),
                 ConstraintViolation);
    EXPECT_THROW(db_->write([](UnitOfWork& w) {
        PlanResponsibility r;
        r.municipality_number = "4601";
        r.area = "Veiledning";
        r.responsible = std::string(121, 'x');
        w.municipalities().add_responsibility(r);
    }),
                 ConstraintViolation);
    EXPECT_TRUE(
        db_->read([&](const Snapshot& s) { return s.municipalities().learning_arenas("4601"); })
            .empty());
}

TEST_P(StoreContract, TraineeRecordsHoldWhatThePerPersonReadsReturn) {
    std::int64_t kari = 0;
    std::int64_t ola = 0;
    std::int64_t mentor = 0;
    db_->write([&](UnitOfWork& w) {
        w.municipalities().put(municipality("4601", "Bergen", "Bergen"));
        w.municipalities().put(municipality("4624", "Bjørnafjorden", "Bergen"));
        Person p;
        p.full_name = "Kari";
        kari = w.people().add(p);
        p.full_name = "Ola";
        ola = w.people().add(p);
        p.full_name = "Mentor";
        p.training_status = TrainingStatus::specialist;
        mentor = w.people().add(p);
        Employment e;
        e.municipality_number = "4601";
        e.starts_on = day("2024-01-01");
        for (const auto id : {kari, mentor}) {
            e.person_id = id;
            w.people().add_employment(e);
        }
        e.person_id = ola;
        e.municipality_number = "4624";
        w.people().add_employment(e);
        e.person_id = kari;
        e.starts_on = day("2020-01-01");
        e.ends_on = day("2023-12-31");
        w.people().add_employment(e);
        ServicePeriod period;
        period.person_id = kari;
        period.place = "Legekontoret";
        period.starts_on = day("2020-01-01");
        w.people().add_service_period(period);
        Leave leave;
        leave.person_id = kari;
        leave.starts_on = day("2022-01-01");
        leave.ends_on = day("2022-06-30");
        w.people().add_leave(leave);
        SupervisorAssignment a;
        a.supervisor_person_id = mentor;
        a.trainee_person_id = kari;
        a.starts_on = day("2024-01-01");
        w.supervisors().add_assignment(a);
        a.starts_on = day("2020-01-01");
        a.ends_on = day("2023-12-31");
        a.supervisor_person_id = ola;
        w.supervisors().add_assignment(a);
    });
    const auto records = db_->read(
        [&](const Snapshot& s) { return app::trainee_records(s, "4601", day("2026-11-22")); });
    ASSERT_EQ(records.size(), 1u) << "Mentor is not in training; Ola is employed elsewhere";
    const auto& r = records.front();
    EXPECT_EQ(r.person.full_name, "Kari");
    ASSERT_EQ(r.employments.size(), 2u);
    EXPECT_EQ(r.employments.front().starts_on,
              db_->read([&](const Snapshot& s) { return s.people().employments_of(kari); })
                  .front()
                  .starts_on);
    ASSERT_EQ(r.periods.size(), 1u);
    EXPECT_EQ(r.periods.front().place, "Legekontoret");
    ASSERT_EQ(r.leaves.size(), 1u);
    EXPECT_EQ(r.leaves.front().ends_on, day("2022-06-30"));
    EXPECT_EQ(r.supervisor_names, std::vector<std::string>{"Mentor"}) << "the past one is gone";
    EXPECT_TRUE(db_->read([&](const Snapshot& s) {
                       return app::trainee_records(s, "4601", day("2019-01-01"));
                   })
                    .empty());
}

// Individual education plans (journey 4)

EducationPlanRevision plan_revision(std::int64_t person, const char* on, std::string courses) {
    EducationPlanRevision r;
    r.person_id = person;
    r.revised_at = std::string(on) + "T09:00:00Z";
    r.revised_on = day(on);
    r.author_label = "Kari Leder (leder@bergen.kommune.no)";
    r.plan.periods = {
        {domain::Arena::open_general_practice, "Legekontoret Årstad", day("2026-01-01"),
         day("2027-12-31"), 80},
        {domain::Arena::institution, "Haukeland", day("2028-01-01"), day("2028-06-30"), 100}};
    r.plan.supervision_group = "Gruppe 1\nTirsdager";
    r.plan.courses = std::move(courses);
    r.note = "Første plan";
    return r;
}

TEST_P(StoreContract, EducationPlanRevisionsAreNumberedAndKeptWhole) {
    std::int64_t person = 0;
    std::int64_t other = 0;
    db_->write([&](UnitOfWork& w) {
        Person p;
        p.full_name = "Åse Øvrebø";
        person = w.people().add(p);
        p.full_name = "Annen Lege";
        other = w.people().add(p);
    });
    EXPECT_FALSE(
        db_->read([&](const Snapshot& s) { return s.education_plans().current_of(person); }));
    EXPECT_TRUE(
        db_->read([&](const Snapshot& s) { return s.education_plans().revisions_of(person); })
            .empty());
    db_->write([&](UnitOfWork& w) {
        w.education_plans().add_revision(plan_revision(person, "2025-11-22", "Grunnkurs A"));
        w.education_plans().add_revision(plan_revision(other, "2025-12-01", "Annet"));
    });
    auto second = plan_revision(person, "2026-11-22", "Grunnkurs B");
    second.plan.periods.pop_back();
    second.note.clear();
    db_->write([&](UnitOfWork& w) { w.education_plans().add_revision(second); });

    const auto revisions =
        db_->read([&](const Snapshot& s) { return s.education_plans().revisions_of(person); });
    ASSERT_EQ(revisions.size(), 2u);
    EXPECT_EQ(revisions[0].number, 1);
    EXPECT_EQ(revisions[1].number, 2);
    EXPECT_EQ(revisions[0].plan.periods.size(), 2u);
    EXPECT_EQ(revisions[0].plan.periods[0],
              (domain::PlannedPeriod{domain::Arena::open_general_practice, "Legekontoret Årstad",
                                     day("2026-01-01"), day("2027-12-31"), 80}));
    EXPECT_EQ(revisions[0].plan.periods[1].arena, domain::Arena::institution);
    EXPECT_EQ(revisions[0].plan.supervision_group, "Gruppe 1\nTirsdager");
    EXPECT_EQ(revisions[0].note, "Første plan");
    EXPECT_EQ(revisions[0].revised_on, day("2025-11-22"));
    EXPECT_EQ(revisions[0].author_label, "Kari Leder (leder@bergen.kommune.no)");
    EXPECT_FALSE(revisions[0].author_account_id);
    EXPECT_EQ(revisions[1].plan.periods.size(), 1u);
    EXPECT_EQ(revisions[1].plan.courses, "Grunnkurs B");

    const auto current =
        db_->read([&](const Snapshot& s) { return s.education_plans().current_of(person); });
    ASSERT_TRUE(current);
    EXPECT_EQ(current->number, 2);
    EXPECT_EQ(current->plan.periods.size(), 1u);
    EXPECT_EQ(
        db_->read([&](const Snapshot& s) { return s.education_plans().current_of(other); })->number,
        1)
        << "numbered per person";
}

TEST_P(StoreContract, AnEducationPlanRevisionWithABadPeriodKeepsNothing) {
    std::int64_t person = 0;
    db_->write([&](UnitOfWork& w) {
        Person p;
        p.full_name = "Per Lege";
        person = w.people().add(p);
    });
    auto bad = plan_revision(person, "2026-11-22", "");
    bad.plan.periods[1].fte = 0;
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.education_plans().add_revision(bad); }),
                 ConstraintViolation);
    bad = plan_revision(person, "2026-11-22", "");
    bad.plan.periods[1].to = day("2027-01-01");  // Before its start.
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.education_plans().add_revision(bad); }),
                 ConstraintViolation);
    EXPECT_TRUE(
        db_->read([&](const Snapshot& s) { return s.education_plans().revisions_of(person); })
            .empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::ValuesIn(kBackends),
                         [](const auto& info) { return info.param; });

// Supervisors (journey 5)
class SupervisorStore : public StoreContract {
  protected:
    void SetUp() override {
        StoreContract::SetUp();
        if (IsSkipped() || HasFatalFailure()) {
            return;
        }
        db_->write([&](UnitOfWork& w) {
            w.municipalities().put(municipality("4601", "Bergen", "Bergen"));
            w.municipalities().put(municipality("4627", "Askøy", "Bergen"));
            w.municipalities().put(municipality("5501", "Tromsø", "Bodø"));
            Person p;
            p.full_name = "Siri Spesialist";
            p.hpr_number = "1234567";
            p.training_status = TrainingStatus::specialist;
            siri = w.people().add(p);
            p.full_name = "Anne Alis";
            p.hpr_number.reset();
            p.training_status = TrainingStatus::in_training;
            anne = w.people().add(p);
            p.full_name = "Bjørn Alis";
            bjorn = w.people().add(p);
            for (const auto id : {anne, bjorn}) {
                Employment e;
                e.person_id = id;
                e.municipality_number = "4601";
                e.starts_on = day("2024-01-01");
                w.people().add_employment(e);
            }
        });
    }

    Supervisor specialist(std::int64_t person, const std::string& number) const {
        Supervisor x;
        x.person_id = person;
        x.municipality_number = number;
        x.office = "Sentrum legesenter";
        x.home_municipality_number = number;
        x.registered_on = day("2025-01-01");
        return x;
    }

    std::int64_t siri = 0, anne = 0, bjorn = 0;
};

TEST_P(SupervisorStore, SupervisorsRoundTripWithTheirLoadOnADay) {
    Supervisor from_askoy = specialist(siri, "4601");
    from_askoy.home_municipality_number = "4627";
    from_askoy.agreement_reference = "Avtale Bergen–Askøy";
    from_askoy.agreement_date = day("2024-02-01");
    std::int64_t id = 0;
    db_->write([&](UnitOfWork& w) {
        id = w.supervisors().add(from_askoy);
        SupervisorAssignment a;
        a.supervisor_person_id = siri;
        a.trainee_person_id = anne;
        a.starts_on = day("2025-01-01");
        a.id = w.supervisors().add_assignment(a);
        w.supervisors().end_assignment(a.id, day("2025-06-30"));
        a.trainee_person_id = bjorn;
        w.supervisors().add_assignment(a);
    });
    const auto list = db_->read([&](const Snapshot& s) {
        return s.supervisors().registered_for("4601", day("2025-03-01"));
    });
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].supervisor.id, id);
    EXPECT_EQ(list[0].full_name, "Siri Spesialist");
    EXPECT_EQ(list[0].supervisor.home_municipality_number, "4627");
    EXPECT_EQ(list[0].home_municipality_name, "Askøy");
    EXPECT_EQ(list[0].supervisor.agreement_reference, "Avtale Bergen–Askøy");
    EXPECT_EQ(list[0].supervisor.agreement_date, day("2024-02-01"));
    EXPECT_EQ(list[0].trainees, 2);
    EXPECT_EQ(db_->read([&](const Snapshot& s) {
                     return s.supervisors().registered_for("4601", day("2025-07-01"));
                 })[0]
                  .trainees,
              1)
        << "the ended assignment no longer counts";
    EXPECT_TRUE(db_->read([&](const Snapshot& s) {
                       return s.supervisors().registered_for("5501", day("2025-03-01"));
                   })
                    .empty());
    EXPECT_TRUE(db_->read([&](const Snapshot& s) {
                       return s.supervisors().find_registration("4601", siri);
                   })
                    .has_value());
    EXPECT_FALSE(db_->read([&](const Snapshot& s) {
                        return s.supervisors().find_registration("4627", siri);
                    })
                     .has_value());
    const auto history =
        db_->read([&](const Snapshot& s) { return s.supervisors().assignments_of(anne); });
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].ends_on, day("2025-06-30"));
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.people().find_by_hpr("1234567"); })->id,
              siri);
    EXPECT_FALSE(db_->read([&](const Snapshot& s) { return s.people().find_by_hpr("7654321"); })
                     .has_value());
}

TEST_P(SupervisorStore, CapacityDefaultsToTwoAndCanBeSet) {
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.supervisors().capacity("4601"); }),
              kDefaultSupervisorCapacity);
    db_->write([](UnitOfWork& w) { w.supervisors().set_capacity("4601", 3); });
    db_->write([](UnitOfWork& w) { w.supervisors().set_capacity("4601", 4); });
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.supervisors().capacity("4601"); }), 4);
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.supervisors().capacity("4627"); }),
              kDefaultSupervisorCapacity);
    EXPECT_THROW(db_->write([](UnitOfWork& w) { w.supervisors().set_capacity("4601", 11); }),
                 ConstraintViolation);
    EXPECT_THROW(db_->write([](UnitOfWork& w) { w.supervisors().set_capacity("4601", 0); }),
                 ConstraintViolation);
}

TEST_P(SupervisorStore, TheSchemaKeepsTheQualificationAndAgreementRules) {
    auto write = [&](const Supervisor& x) {
        db_->write([&](UnitOfWork& w) { w.supervisors().add(x); });
    };
    Supervisor approved = specialist(siri, "4601");
    approved.qualification = SupervisorQualification::approved_experienced;
    EXPECT_THROW(write(approved), ConstraintViolation) << "approval needs a date and a reason";
    approved.approved_on = day("2024-05-01");
    approved.approval_reason = "";
    EXPECT_THROW(write(approved), ConstraintViolation) << "an empty reason is no reason";
    Supervisor neighbour = specialist(siri, "4601");
    neighbour.home_municipality_number = "4627";
    EXPECT_THROW(write(neighbour), ConstraintViolation) << "another home needs an agreement";
    write(specialist(siri, "4601"));
    EXPECT_THROW(write(specialist(siri, "4601")), ConstraintViolation) << "registered twice";
    EXPECT_EQ(db_->read([&](const Snapshot& s) {
                     return s.supervisors().registered_for("4601", day("2025-03-01"));
                 })
                  .size(),
              1u);
}

TEST_P(SupervisorStore, RegionCountsTraineesWithoutSupervisorAndFreeCapacity) {
    db_->write([&](UnitOfWork& w) {
        w.supervisors().add(specialist(siri, "4601"));
        SupervisorAssignment a;
        a.supervisor_person_id = siri;
        a.trainee_person_id = anne;
        a.starts_on = day("2025-01-01");
        w.supervisors().add_assignment(a);
    });
    auto counts = db_->read([&](const Snapshot& s) {
        return s.municipalities().region_counts("Bergen", day("2025-03-01"));
    });
    ASSERT_EQ(counts.size(), 2u);
    EXPECT_EQ(counts[0].municipality.name, "Askøy");
    EXPECT_EQ(counts[0].trainees, 0);
    EXPECT_EQ(counts[1].municipality.name, "Bergen");
    EXPECT_EQ(counts[1].trainees, 2);
    EXPECT_EQ(counts[1].without_supervisor, 1);
    EXPECT_EQ(counts[1].supervisors_with_free_capacity, 1) << "1 of 2 trainees";
    db_->write([](UnitOfWork& w) { w.supervisors().set_capacity("4601", 1); });
    counts = db_->read([&](const Snapshot& s) {
        return s.municipalities().region_counts("Bergen", day("2025-03-01"));
    });
    EXPECT_EQ(counts[1].supervisors_with_free_capacity, 0) << "1 of 1: full";
    EXPECT_EQ(db_->read([&](const Snapshot& s) {
                     return s.municipalities().region_counts("Bodø", day("2025-03-01"));
                 })
                  .size(),
              1u);
    EXPECT_TRUE(db_->read([&](const Snapshot& s) {
                       return s.municipalities().region_counts("Ingensteds", day("2025-03-01"));
                   })
                    .empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, SupervisorStore, ::testing::ValuesIn(kBackends),
                         [](const auto& info) { return info.param; });

TEST(OpenDatabase, RefusesUnknownUrlsAndUnreadableFiles) {
    EXPECT_THROW(open_database("mysql://x"), StoreError);
    EXPECT_THROW(open_database("postgresql://localhost/alis"), StoreError);
    EXPECT_THROW(open_database("sqlite:"), StoreError);
    EXPECT_THROW(open_database("sqlite:/nonexistent-dir/for/sure/alis.db"), StoreError);
    testing::TempDir dir;
    const auto garbage = dir.path() / "garbage.db";
    {
        std::FILE* f = std::fopen(garbage.c_str(), "w");
        std::fputs("this is not a database, just text that is long enough to be a header....", f);
        std::fclose(f);
    }
    EXPECT_THROW(open_database("sqlite:" + garbage.string()), StoreError);
}

}  // namespace store_contract_test
}  // namespace alis::store
