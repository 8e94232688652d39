// The store's contract for the catalogues' editions and their objectives (migration 0018), on
// SQLite and on PostgreSQL: an edition's name is unique per catalogue, the objectives come back
// as stored in the file's order, and the schema refuses what the rules forbid.
#include <gtest/gtest.h>

#include "store/database.hpp"
#include "support/postgres.hpp"

namespace alis::store {
namespace learning_objectives_store_test {

using domain::Catalogue;
using domain::CatalogueEdition;
using domain::Date;
using domain::LearningObjective;

const std::vector<std::string> kBackends = {"sqlite", "postgresql"};

class ObjectiveCatalogueStore : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        ALIS_REQUIRE_BACKEND(database_);
        db_ = open_database(database_.url(), 2);
        db_->migrate();
    }

    static CatalogueEdition edition(Catalogue catalogue, const char* name, const char* from) {
        CatalogueEdition e;
        e.catalogue = catalogue;
        e.edition = name;
        e.valid_from = *Date::parse_iso(from);
        e.demo = true;
        e.source = "rules/objectives/x.csv";
        e.content_digest = "0123456789abcdef";
        e.imported_at = "2026-11-22T10:15:30Z";
        e.imported_by = "alis";
        return e;
    }

    static LearningObjective objective(std::int64_t edition_id, const char* code, int position) {
        LearningObjective o;
        o.edition_id = edition_id;
        o.code = code;
        o.position = position;
        o.title = "Tittel med æøå";
        o.description = "Beskrivelse";
        o.activities = "Kurs\nog hospitering";
        o.signed_by = domain::SignedBy::supervisor;
        o.assessment = "Vurdering";
        o.arenas = {domain::Arena::institution, domain::Arena::open_general_practice};
        return o;
    }

    testing::TestDatabase database_{GetParam()};
    std::unique_ptr<Database> db_;
};

TEST_P(ObjectiveCatalogueStore, EditionsAndTheirObjectivesComeBackAsStored) {
    const auto fkm26 = edition(Catalogue::fkm, "fkm-2026-demo", "2026-03-01");
    std::int64_t alm_id = 0;
    db_->write([&](UnitOfWork& w) {
        w.learning_objectives().append_edition(fkm26);
        alm_id = w.learning_objectives().append_edition(
            edition(Catalogue::alm, "alm-2019-demo", "2019-03-01"));
        w.learning_objectives().append_edition(
            edition(Catalogue::fkm, "fkm-2019-demo", "2019-03-01"));
        w.learning_objectives().append_objective(objective(alm_id, "ALM-085", 1));
        auto first = objective(alm_id, "ALM-055", 0);
        first.arenas.clear();
        w.learning_objectives().append_objective(first);
    });
    const auto editions =
        db_->read([&](const Snapshot& s) { return s.learning_objectives().editions(); });
    ASSERT_EQ(editions.size(), 3u);
    EXPECT_EQ(editions[0].edition, "alm-2019-demo");
    EXPECT_EQ(editions[1].edition, "fkm-2019-demo");
    EXPECT_EQ(editions[2].edition, "fkm-2026-demo");
    EXPECT_EQ(editions[2].valid_from, fkm26.valid_from);
    EXPECT_TRUE(editions[2].demo);
    EXPECT_EQ(editions[2].imported_at, "2026-11-22T10:15:30Z");
    const auto found = db_->read([&](const Snapshot& s) {
        return s.learning_objectives().find_edition(Catalogue::alm, "alm-2019-demo");
    });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, alm_id);
    EXPECT_FALSE(db_->read([&](const Snapshot& s) {
        return s.learning_objectives().find_edition(Catalogue::fkm, "alm-2019-demo");
    }));
    const auto objectives =
        db_->read([&](const Snapshot& s) { return s.learning_objectives().objectives_of(alm_id); });
    ASSERT_EQ(objectives.size(), 2u);
    EXPECT_EQ(objectives[0].code, "ALM-055");
    EXPECT_TRUE(objectives[0].arenas.empty());
    auto expected = objective(alm_id, "ALM-085", 1);
    expected.id = objectives[1].id;
    EXPECT_EQ(objectives[1], expected);
}

TEST_P(ObjectiveCatalogueStore, TheSchemaRefusesASecondEditionOfTheSameNameAndBadObjectives) {
    std::int64_t id = 0;
    db_->write([&](UnitOfWork& w) {
        id = w.learning_objectives().append_edition(
            edition(Catalogue::alm, "alm-2019-demo", "2019-03-01"));
        w.learning_objectives().append_objective(objective(id, "ALM-055", 0));
    });
    EXPECT_THROW(db_->write([&](UnitOfWork& w) {
        w.learning_objectives().append_edition(
            edition(Catalogue::alm, "alm-2019-demo", "2020-01-01"));
    }),
                 ConstraintViolation);
    EXPECT_THROW(db_->write([&](UnitOfWork& w) {
        w.learning_objectives().append_objective(objective(id, "ALM-055", 1));
    }),
                 ConstraintViolation)
        << "a code twice in one edition";
    auto untitled = objective(id, "ALM-060", 1);
    untitled.title = "";
    EXPECT_THROW(
        db_->write([&](UnitOfWork& w) { w.learning_objectives().append_objective(untitled); }),
        ConstraintViolation);
    EXPECT_EQ(db_->read([&](const Snapshot& s) {
        return s.learning_objectives().objectives_of(id).size();
    }),
              1u);
}

TEST_P(ObjectiveCatalogueStore, ActivitiesSignaturesAndEventsOfADoctorComeBackInOrder) {
    std::int64_t anne = 0;
    std::int64_t other = 0;
    std::int64_t first = 0;
    std::int64_t second = 0;
    db_->write([&](UnitOfWork& w) {
        domain::Person p;
        p.full_name = "Anne Alis";
        anne = w.people().add(p);
        p.full_name = "Siri Veileder";
        other = w.people().add(p);
        const auto id = w.learning_objectives().append_edition(
            edition(Catalogue::alm, "alm-2019-demo", "2019-03-01"));
        first = w.learning_objectives().append_objective(objective(id, "ALM-055", 0));
        second = w.learning_objectives().append_objective(objective(id, "ALM-085", 1));
    });
    domain::LearningActivity a;
    a.person_id = anne;
    a.kind = domain::ActivityKind::procedure;
    a.done_on = *Date::parse_iso("2026-11-10");
    a.title = "Sutur";
    a.reflection = "Refleksjon med æøå";
    a.recorded_at = "2026-11-10T15:00:00Z";
    a.recorded_by = "Anne Alis (anne@alis.no)";
    a.objective_ids = {first, second};
    auto later = a;
    later.done_on = *Date::parse_iso("2026-11-12");
    later.objective_ids = {second};
    std::int64_t signed_id = 0;
    db_->write([&](UnitOfWork& w) {
        w.learning_log().add_activity(later);
        signed_id = w.learning_log().add_activity(a);
        w.learning_log().append_signature(
            {0, signed_id, other, "Siri Veileder (siri@alis.no)", "2026-11-11T09:00:00Z"});
        domain::ObjectiveEvent e;
        e.person_id = anne;
        e.objective_id = first;
        e.actor_person_id = anne;
        e.actor_label = "Anne Alis";
        e.at = "2026-11-13T10:00:00Z";
        w.learning_log().append_event(e);
        e.kind = domain::ObjectiveEventKind::rejected;
        e.actor_role = domain::ObjectiveActorRole::leader;
        e.actor_person_id = other;
        e.municipality_number = std::nullopt;
        e.reason = "Mangler aktiviteter";
        w.learning_log().append_event(e);
    });
    const auto activities =
        db_->read([&](const Snapshot& s) { return s.learning_log().activities_of(anne); });
    ASSERT_EQ(activities.size(), 2u);
    EXPECT_EQ(activities[0].id, signed_id) << "by the day done";
    EXPECT_EQ(activities[0].objective_ids, (std::vector<std::int64_t>{first, second}));
    ASSERT_TRUE(activities[0].signature);
    EXPECT_EQ(activities[0].signature->signer_person_id, other);
    EXPECT_EQ(activities[0].signature->signed_at, "2026-11-11T09:00:00Z");
    EXPECT_EQ(activities[0].reflection, "Refleksjon med æøå");
    EXPECT_FALSE(activities[1].signature);
    EXPECT_EQ(activities[1].objective_ids, std::vector<std::int64_t>{second});
    const auto events =
        db_->read([&](const Snapshot& s) { return s.learning_log().events_of(anne); });
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].kind, domain::ObjectiveEventKind::requested);
    EXPECT_EQ(events[1].reason, "Mangler aktiviteter");
    EXPECT_EQ(events[1].at, "2026-11-13T10:00:00Z");
    EXPECT_EQ(db_->read([&](const Snapshot& s) {
                     return s.learning_log().events_of_kind(domain::ObjectiveEventKind::requested);
                 })
                  .size(),
              1u);
    // The schema's rules, whatever the caller: one signature per activity, a rejection needs its
    // reason, and nobody but the doctor acts on their own objective.
    EXPECT_THROW(db_->write([&](UnitOfWork& w) {
        w.learning_log().append_signature({0, signed_id, other, "Siri", "2026-11-12T09:00:00Z"});
    }),
                 ConstraintViolation);
    domain::ObjectiveEvent own;
    own.person_id = anne;
    own.objective_id = first;
    own.kind = domain::ObjectiveEventKind::approved;
    own.actor_role = domain::ObjectiveActorRole::leader;
    own.actor_person_id = anne;
    own.actor_label = "Anne Alis";
    own.at = "2026-11-14T10:00:00Z";
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.learning_log().append_event(own); }),
                 ConstraintViolation)
        << "approving one's own objective";
    own.actor_person_id = other;
    own.kind = domain::ObjectiveEventKind::reversed;
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.learning_log().append_event(own); }),
                 ConstraintViolation)
        << "a reversal without its reason";
}

TEST_P(ObjectiveCatalogueStore, TheOpenRequestsAndTheAdviceSinceThemComeFromOneQueryEach) {
    std::int64_t anne = 0;
    std::int64_t siri = 0;
    std::int64_t first = 0;
    std::int64_t second = 0;
    db_->write([&](UnitOfWork& w) {
        domain::Person p;
        p.full_name = "Anne Alis";
        anne = w.people().add(p);
        p.full_name = "Siri Veileder";
        siri = w.people().add(p);
        const auto id = w.learning_objectives().append_edition(
            edition(Catalogue::alm, "alm-2019-demo", "2019-03-01"));
        first = w.learning_objectives().append_objective(objective(id, "ALM-055", 0));
        second = w.learning_objectives().append_objective(objective(id, "ALM-085", 1));
    });
    // `first`: asked, advised, rejected, asked again and advised again (open, with the second
    // advice only); `second`: asked, advised and recalled (closed).
    std::vector<std::int64_t> ids;
    const auto append = [&](std::int64_t objective, domain::ObjectiveEventKind kind) {
        domain::ObjectiveEvent e;
        e.person_id = anne;
        e.objective_id = objective;
        e.kind = kind;
        const bool advice = kind == domain::ObjectiveEventKind::recommended;
        const bool leader = kind == domain::ObjectiveEventKind::rejected;
        e.actor_role = advice   ? domain::ObjectiveActorRole::supervisor
                       : leader ? domain::ObjectiveActorRole::leader
                                : domain::ObjectiveActorRole::trainee;
        e.actor_person_id = advice || leader ? siri : anne;
        e.actor_label = "x";
        e.at = "2026-11-13T10:00:00Z";
        e.reason = leader ? "Mangler aktiviteter" : "";
        db_->write([&](UnitOfWork& w) { ids.push_back(w.learning_log().append_event(e)); });
    };
    using K = domain::ObjectiveEventKind;
    append(first, K::requested);
    append(first, K::recommended);
    append(second, K::requested);
    append(first, K::rejected);
    append(second, K::recommended);
    append(first, K::requested);
    append(second, K::recalled);
    append(first, K::recommended);
    const auto [open, advice] = db_->read([&](const Snapshot& s) {
        return std::pair(s.learning_log().open_requests_of({siri, anne}),
                         s.learning_log().advice_on_open_requests_of({siri, anne}));
    });
    // Only the listed people's: Siri's list holds none of Anne's, and an empty list reads nothing.
    EXPECT_TRUE(db_->read([&](const Snapshot& s) {
        return s.learning_log().open_requests_of({siri}).empty() &&
               s.learning_log().advice_on_open_requests_of({siri}).empty() &&
               s.learning_log().open_requests_of({}).empty();
    }));
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].id, ids[5]);
    ASSERT_EQ(advice.size(), 1u);
    EXPECT_EQ(advice[0].id, ids[7]);
    EXPECT_EQ(advice[0].objective_id, first);
    EXPECT_EQ(advice[0].actor_person_id, siri);
}

INSTANTIATE_TEST_SUITE_P(Backends, ObjectiveCatalogueStore, ::testing::ValuesIn(kBackends),
                         [](const auto& info) { return info.param; });

}  // namespace learning_objectives_store_test
}  // namespace alis::store
