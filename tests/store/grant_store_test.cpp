// The store's money records on every backend: the grant facts of a post, the agreement register
// and the cost inputs with the municipality's defaults, read back by scope as the claims and the
// coverage read them.
#include <gtest/gtest.h>

#include "store/database.hpp"
#include "support/postgres.hpp"

namespace alis::store {
namespace grant_store_test {

using domain::Agreement;
using domain::AgreementStatus;
using domain::Date;
using domain::Employment;
using domain::Money;

const std::vector<std::string> kBackends = {"sqlite", "postgresql"};

Date day(const char* iso) {
    return *Date::parse_iso(iso);
}

class GrantStore : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        ALIS_REQUIRE_BACKEND(database_);
        db_ = open_database(database_.url(), 2);
        db_->migrate();
        db_->write([&](UnitOfWork& w) {
            for (const auto& [number, name, office] :
                 {std::tuple{"4601", "Bergen", "Bergen"}, std::tuple{"4627", "Askøy", "Bergen"},
                  std::tuple{"5501", "Tromsø", "Bodø"}}) {
                domain::Municipality m;
                m.number = number;
                m.name = name;
                m.county = "Vestland";
                m.centrality_class = 3;
                m.alis_office = office;
                w.municipalities().put(m);
            }
            kari = add_person(w, "Kari", domain::TrainingStatus::in_training);
            ola = add_person(w, "Ola", domain::TrainingStatus::specialist);
            const auto sigrid = add_person(w, "Sigrid", domain::TrainingStatus::not_in_training);
            bergen_post = add_post(w, kari, "4601", "2024-01-01", std::nullopt);
            askoy_post = add_post(w, ola, "4627", "2022-01-01", "2024-12-31");
            tromso_post = add_post(w, ola, "5501", "2025-01-01", std::nullopt);
            add_post(w, sigrid, "4601", "2020-01-01", std::nullopt);
        });
    }

    static std::int64_t add_person(UnitOfWork& w, const char* name, domain::TrainingStatus s) {
        domain::Person p;
        p.full_name = name;
        p.training_status = s;
        return w.people().add(p);
    }
    static std::int64_t add_post(UnitOfWork& w, std::int64_t person, const char* number,
                                 const char* from, std::optional<const char*> to) {
        Employment e;
        e.person_id = person;
        e.municipality_number = number;
        e.starts_on = day(from);
        if (to) {
            e.ends_on = day(*to);
        }
        return w.people().add_employment(e);
    }
    std::vector<domain::ClaimPost> posts(const MoneyScope& scope, const char* from,
                                         const char* to) {
        return db_->read(
            [&](const Snapshot& s) { return s.grants().claim_posts(scope, day(from), day(to)); });
    }

    testing::TestDatabase database_{GetParam()};
    std::unique_ptr<Database> db_;
    std::int64_t kari = 0;
    std::int64_t ola = 0;
    std::int64_t bergen_post = 0;
    std::int64_t askoy_post = 0;
    std::int64_t tromso_post = 0;
};

TEST_P(GrantStore, AgreementsRoundTripAreChangedAndComeWithTheirPostsByScope) {
    Agreement a;
    a.employment_id = bergen_post;
    a.template_version = "Nasjonal mal 2023";
    a.national_template = true;
    a.covers_from = day("2024-01-01");
    a.status = AgreementStatus::draft;
    a.recorded_at = "2024-01-02T08:00:00Z";
    a.recorded_by = "Lena Leder (leder@bergen.no)";
    a.id = db_->write([&](UnitOfWork& w) { return w.grants().add_agreement(a); });
    auto kept = db_->read([&](const Snapshot& s) { return s.grants().find_agreement(a.id); });
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->template_version, "Nasjonal mal 2023");
    EXPECT_TRUE(kept->national_template);
    EXPECT_EQ(kept->status, AgreementStatus::draft);
    EXPECT_EQ(kept->signed_on, std::nullopt);
    EXPECT_EQ(kept->covers_to, std::nullopt);
    EXPECT_EQ(kept->recorded_at, "2024-01-02T08:00:00Z");

    a.status = AgreementStatus::signed_by_all;
    a.signed_on = day("2023-12-20");
    a.covers_to = day("2028-12-31");
    EXPECT_TRUE(db_->write([&](UnitOfWork& w) { return w.grants().update_agreement(a); }));
    kept = db_->read([&](const Snapshot& s) { return s.grants().find_agreement(a.id); });
    EXPECT_EQ(kept->signed_on, day("2023-12-20"));
    EXPECT_EQ(kept->covers_to, day("2028-12-31"));
    auto missing = a;
    missing.id = a.id + 1000;
    EXPECT_FALSE(db_->write([&](UnitOfWork& w) { return w.grants().update_agreement(missing); }));

    const auto bergen = posts({"4601", std::nullopt}, "2024-09-01", "2025-05-31");
    ASSERT_EQ(bergen.size(), 1u) << "Sigrid is not in the training";
    EXPECT_EQ(bergen[0].full_name, "Kari");
    ASSERT_EQ(bergen[0].agreements.size(), 1u);
    EXPECT_EQ(bergen[0].agreements[0].id, a.id);
    EXPECT_EQ(db_->read([&](const Snapshot& s) { return s.grants().agreements_of(kari); }).size(),
              1u);
    EXPECT_TRUE(
        db_->read([&](const Snapshot& s) { return s.grants().agreements_of(ola); }).empty());
}

TEST_P(GrantStore, ClaimPostsAreReadForAMunicipalityARegionOrTheCountryWithinThePeriod) {
    EXPECT_EQ(posts({std::nullopt, "Bergen"}, "2024-09-01", "2025-05-31").size(), 2u);
    EXPECT_EQ(posts({std::nullopt, std::nullopt}, "2024-09-01", "2025-05-31").size(), 3u);
    EXPECT_EQ(posts({std::nullopt, "Bodø"}, "2024-09-01", "2024-12-31").size(), 0u)
        << "Tromsø's post begins after the period";
    EXPECT_EQ(posts({"4627", std::nullopt}, "2025-01-01", "2025-05-31").size(), 0u)
        << "Askøy's post ended before it";
}

TEST_P(GrantStore, GrantFactsAreReplacedPerEmploymentAndTheSchemaRefusesASubstituteOutsideGp) {
    db_->write([&](UnitOfWork& w) {
        w.grants().put_facts({bergen_post, domain::GrantPostType::regular_gp, true, false});
        w.grants().put_facts({bergen_post, domain::GrantPostType::regular_gp, false, true});
    });
    const auto facts = db_->read([&](const Snapshot& s) { return s.grants().facts_of(kari); });
    ASSERT_EQ(facts.size(), 1u);
    EXPECT_FALSE(facts[0].via_agency);
    EXPECT_TRUE(facts[0].substitute);
    const auto read = posts({"4601", std::nullopt}, "2024-09-01", "2025-05-31");
    ASSERT_TRUE(read[0].facts);
    EXPECT_TRUE(read[0].facts->substitute);
    EXPECT_THROW(db_->write([&](UnitOfWork& w) {
        w.grants().put_facts({askoy_post, domain::GrantPostType::supervision_only, false, true});
    }),
                 ConstraintViolation);
    Agreement signed_without_date;
    signed_without_date.employment_id = bergen_post;
    signed_without_date.template_version = "x";
    signed_without_date.covers_from = day("2024-01-01");
    signed_without_date.status = AgreementStatus::signed_by_all;
    signed_without_date.recorded_at = "2024-01-02T08:00:00Z";
    signed_without_date.recorded_by = "x";
    EXPECT_THROW(db_->write([&](UnitOfWork& w) { w.grants().add_agreement(signed_without_date); }),
                 ConstraintViolation);
}

TEST_P(GrantStore, CostEntriesKeepTheirEmptyFieldsAndAreReadDefaultsFirstByScopeAndYear) {
    domain::RecordedCostEntry defaults;
    defaults.municipality_number = "4601";
    defaults.year = 2023;
    defaults.entry.salary = Money::kroner(1'100'000);
    defaults.entry.zone = domain::ContributionZone::zone_1a;
    defaults.recorded_at = "2024-01-02T08:00:00Z";
    defaults.recorded_by = "Lena";
    auto own = defaults;
    own.person_id = kari;
    own.entry = {};
    own.entry.bonus = Money::ore(12'345);
    own.entry.list_length = 913;
    auto other_year = own;
    other_year.year = 2024;
    auto tromso = defaults;
    tromso.municipality_number = "5501";
    db_->write([&](UnitOfWork& w) {
        w.grants().put_cost_entry(own);
        w.grants().put_cost_entry(defaults);
        w.grants().put_cost_entry(other_year);
        w.grants().put_cost_entry(tromso);
        defaults.entry.office = Money::kroner(200'000);
        w.grants().put_cost_entry(defaults);  // replaces
    });
    const auto bergen = db_->read([&](const Snapshot& s) {
        return s.grants().cost_entries({"4601", std::nullopt}, 2023);
    });
    ASSERT_EQ(bergen.size(), 2u);
    EXPECT_EQ(bergen[0].person_id, std::nullopt) << "the defaults first";
    EXPECT_EQ(bergen[0].entry.salary, Money::kroner(1'100'000));
    EXPECT_EQ(bergen[0].entry.office, Money::kroner(200'000));
    EXPECT_EQ(bergen[0].entry.zone, domain::ContributionZone::zone_1a);
    EXPECT_EQ(bergen[0].entry.bonus, std::nullopt);
    EXPECT_EQ(bergen[1].person_id, kari);
    EXPECT_EQ(bergen[1].entry.bonus, Money::ore(12'345));
    EXPECT_EQ(bergen[1].entry.list_length, 913);
    EXPECT_EQ(bergen[1].entry.salary, std::nullopt);
    EXPECT_EQ(bergen[1].recorded_at, "2024-01-02T08:00:00Z");
    EXPECT_EQ(db_->read([&](const Snapshot& s) {
                     return s.grants().cost_entries({std::nullopt, "Bergen"}, 2024);
                 })
                  .size(),
              1u);
    EXPECT_EQ(db_->read([&](const Snapshot& s) {
                     return s.grants().cost_entries({std::nullopt, std::nullopt}, 2023);
                 })
                  .size(),
              3u);
}

INSTANTIATE_TEST_SUITE_P(Backends, GrantStore, ::testing::ValuesIn(kBackends),
                         [](const auto& info) { return info.param; });

}  // namespace grant_store_test
}  // namespace alis::store
