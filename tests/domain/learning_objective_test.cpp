// The learning-objective catalogue files (rules/objectives/*.csv and an administrator's import):
// columns found by header name, every refusal naming its row and column, the digest that tells
// the same edition again, and which edition applies to a doctor (rules/objectives/editions.toml).
#include "domain/learning_objective.hpp"

#include <gtest/gtest.h>

#include "data_files.hpp"

namespace alis::domain {
namespace learning_objective_test {

const char* kRulesFile = "rules/objectives/editions.toml";

ObjectiveRules rules() {
    return parse_objective_rules(testing::read_source_file(kRulesFile), kRulesFile);
}

Date day(const char* iso) {
    return *Date::parse_iso(iso);
}

// The error parsing `text` as an ALM file throws.
CatalogueFileError refusal(const std::string& text) {
    try {
        parse_catalogue_csv(text, Catalogue::alm);
    } catch (const CatalogueFileError& e) {
        return e;
    }
    ADD_FAILURE() << "accepted: " << text;
    return CatalogueFileError(0, "", CatalogueFileProblem::no_rows, "");
}

constexpr const char* kHeader =
    "Kode;Tittel;Beskrivelse;Læringsaktiviteter;Signeres av;Vurdering;Arenaer\n";

TEST(CatalogueFile, EveryShippedDemoEditionParsesAndSaysItIsADemo) {
    const auto r = rules();
    ASSERT_EQ(r.demo_editions.size(), 3u);
    for (const auto& demo : r.demo_editions) {
        const auto text = testing::read_source_file(demo.file);
        ASSERT_FALSE(text.empty()) << demo.file;
        EXPECT_TRUE(text.starts_with("# DEMO, IKKE OFFISIELL TEKST")) << demo.file;
        EXPECT_TRUE(demo.provenance.unconfirmed) << demo.file;
        const auto objectives = parse_catalogue_csv(text, demo.catalogue);
        EXPECT_GE(objectives.size(), 5u) << demo.file;
        EXPECT_TRUE(objectives.front().code.starts_with(std::string(to_string(demo.catalogue))));
    }
    const auto alm = parse_catalogue_csv(
        testing::read_source_file("rules/objectives/alm-2019-demo.csv"), Catalogue::alm);
    for (const char* code : {"ALM-055", "ALM-085"}) {
        const auto it =
            std::find_if(alm.begin(), alm.end(), [&](const auto& o) { return o.code == code; });
        ASSERT_NE(it, alm.end()) << code;
        EXPECT_EQ(it->arenas, std::vector<Arena>{Arena::institution}) << code;
    }
}

TEST(CatalogueFile, ColumnsAreFoundByHeaderNameInAnyOrderWithCommasAndQuotes) {
    const auto objectives = parse_catalogue_csv(
        "\xEF\xBB\xBF"
        "Arenaer,Ekstra kolonne,VURDERING,Signeres av,Læringsmål,Kode,Anbefalte "
        "læringsaktiviteter,Beskrivelse\n"
        "\"institusjon, allmennpraksis\",x,Observasjon,Veileder,\"Tittel, med komma\",ALM-007,"
        "\"Kurs\n"
        "og \"\"hospitering\"\"\",Beskrivelse\r\n"
        ",,,,,,,\n",
        Catalogue::alm);
    ASSERT_EQ(objectives.size(), 1u);
    const auto& o = objectives[0];
    EXPECT_EQ(o.code, "ALM-007");
    EXPECT_EQ(o.title, "Tittel, med komma");
    EXPECT_EQ(o.activities, "Kurs\nog \"hospitering\"");
    EXPECT_EQ(o.signed_by, SignedBy::supervisor);
    EXPECT_EQ(o.assessment, "Observasjon");
    EXPECT_EQ(o.arenas, (std::vector<Arena>{Arena::institution, Arena::open_general_practice}));
}

TEST(CatalogueFile, TheSameObjectivesInAnotherLayoutHaveTheSameDigest) {
    const auto semicolons = parse_catalogue_csv(
        std::string("# kommentar\n") + kHeader + "ALM-001;Tittel;B;A;supervisør;V;institusjon\n",
        Catalogue::alm);
    const auto commas = parse_catalogue_csv(
        "Arenaer,Kode,Tittel,Beskrivelse,Læringsaktiviteter,Signeres av,Vurdering\n"
        "institusjonstjeneste,ALM-001,Tittel,B,A,Supervisør,V\n",
        Catalogue::alm);
    EXPECT_EQ(objectives_digest(semicolons), objectives_digest(commas));
    auto changed = commas;
    changed[0].title = "Tittel endret";
    EXPECT_NE(objectives_digest(semicolons), objectives_digest(changed));
    EXPECT_EQ(objectives_digest(semicolons).size(), 16u);
}

TEST(CatalogueFile, EachRefusalNamesTheRowAndTheColumn) {
    struct Case {
        std::string text;
        std::size_t row;
        std::string column;
        CatalogueFileProblem problem;
        std::string why;
    };
    const std::string h = kHeader;
    const std::vector<Case> cases{
        {"Kode;Tittel\nALM-001;T\n", 1, "Beskrivelse", CatalogueFileProblem::missing_column,
         "a required column has no header"},
        {"# demo\n\n" + h + "ALM-001;T;B;A;supervisør;V;\nALM-002;;B;A;veileder;V;\n", 5, "Tittel",
         CatalogueFileProblem::required, "an empty title, counted past the comments"},
        {h + "ALM-1;T;B;A;supervisør;V;\nFKM-002;T;B;A;supervisør;V;\n", 3, "Kode",
         CatalogueFileProblem::code, "an FKM code in an ALM file"},
        {h + "ALM-001;T;B;A;supervisør;V;\nALM-001;T;B;A;veileder;V;\n", 3, "Kode",
         CatalogueFileProblem::duplicate_code, "a code listed twice"},
        {h + "ALM-001;T;B;A;leder;V;\n", 2, "Signeres av", CatalogueFileProblem::signed_by,
         "a leader approves objectives, but does not sign activities"},
        {h + "ALM-001;T;B;A;supervisør;V;allmennpraksis|sykehus\n", 2, "Arenaer",
         CatalogueFileProblem::arena, "an arena alis does not know"},
        {h + "ALM-001;T;B;A;supervisør;V;;ekstra\n", 2, "", CatalogueFileProblem::field_count,
         "more fields than headers"},
        {h + "ALM-001;\"T;B;A;supervisør;V;\n", 2, "", CatalogueFileProblem::open_quote,
         "a quote never closed"},
        {h + "ALM-001;T\x01;B;A;supervisør;V;\n", 2, "", CatalogueFileProblem::text,
         "a control character"},
        {h + "ALM-001;" + std::string(501, 'x') + ";B;A;supervisør;V;\n", 2, "Tittel",
         CatalogueFileProblem::too_long, "a title over 500 characters"},
        {"# bare kommentarer\n" + h, 0, "", CatalogueFileProblem::no_rows, "no objectives"},
        {"", 0, "", CatalogueFileProblem::no_rows, "an empty file"},
    };
    for (const auto& c : cases) {
        const auto e = refusal(c.text);
        EXPECT_EQ(e.problem(), c.problem) << c.why;
        EXPECT_EQ(e.row(), c.row) << c.why;
        EXPECT_EQ(e.column(), c.column) << c.why;
    }
}

TEST(ObjectiveRules, FkmFollowsTheStartOfTheTrainingAndAlmIsOneEdition) {
    const auto r = rules();
    const auto before = edition_rules_for(r, "allmennmedisin-2019", day("2024-08-01"));
    ASSERT_EQ(before.size(), 2u);
    EXPECT_EQ(before[0].catalogue, Catalogue::alm);
    EXPECT_EQ(before[1].catalogue, Catalogue::fkm);
    EXPECT_EQ(before[1].edition_valid_on, day("2019-03-01"));
    EXPECT_TRUE(before[1].provenance.unconfirmed) << "the transition is assumed and says so";
    const auto after = edition_rules_for(r, "allmennmedisin-2019", day("2026-03-01"));
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[1].edition_valid_on, day("2026-03-01"));
    EXPECT_FALSE(after[1].provenance.source.empty());
    EXPECT_TRUE(edition_rules_for(r, "allmennmedisin-pre2019", day("2018-01-01")).empty())
        << "the pre-2019 scheme has no ALM/FKM catalogue";
}

TEST(ObjectiveRules, AnOfficialEditionIsChosenBeforeADemoOfTheSameDay) {
    std::vector<CatalogueEdition> editions(4);
    editions[0] = {1, Catalogue::fkm, "fkm-2019-demo", day("2019-03-01"), true, "", "", "", ""};
    editions[1] = {2, Catalogue::fkm, "fkm-2026-demo", day("2026-03-01"), true, "", "", "", ""};
    editions[2] = {3, Catalogue::fkm, "fkm-2026", day("2026-03-01"), false, "", "", "", ""};
    editions[3] = {4, Catalogue::alm, "alm-2019-demo", day("2019-03-01"), true, "", "", "", ""};
    EditionRule rule;
    rule.catalogue = Catalogue::fkm;
    rule.edition_valid_on = day("2019-03-01");
    ASSERT_NE(edition_for(editions, rule), nullptr);
    EXPECT_EQ(edition_for(editions, rule)->id, 1);
    rule.edition_valid_on = day("2026-03-01");
    EXPECT_EQ(edition_for(editions, rule)->id, 3);
    rule.edition_valid_on = day("2018-01-01");
    EXPECT_EQ(edition_for(editions, rule), nullptr);
}

TEST(ObjectiveRules, ABrokenRulesFileNamesItsKey) {
    auto text = testing::read_source_file(kRulesFile);
    const auto at = text.find("unconfirmed = true", text.find("\n[[demo]]\n"));
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 18, "source = \"Helsedirektoratet\"");
    try {
        parse_objective_rules(text, kRulesFile);
        ADD_FAILURE() << "a demo that claims a source was accepted";
    } catch (const RulesetError& e) {
        EXPECT_EQ(e.key(), "demo[0].unconfirmed");
    }
}

TEST(ObjectiveAtRisk, AnObjectiveIsAtRiskWhenNoneOfItsArenasIsInThePath) {
    LearningObjective institution_only;
    institution_only.arenas = {Arena::institution};
    LearningObjective two_arenas;
    two_arenas.arenas = {Arena::institution, Arena::other_general_practice};
    const LearningObjective anywhere;
    const std::vector<Arena> gp_only{Arena::open_general_practice};
    EXPECT_TRUE(objective_at_risk(institution_only, gp_only));
    EXPECT_FALSE(
        objective_at_risk(institution_only, {Arena::open_general_practice, Arena::institution}));
    EXPECT_TRUE(objective_at_risk(two_arenas, gp_only));
    EXPECT_FALSE(objective_at_risk(two_arenas, {Arena::other_general_practice}));
    EXPECT_FALSE(objective_at_risk(anywhere, {})) << "reached anywhere";
    EXPECT_TRUE(objective_at_risk(institution_only, {})) << "an empty path holds no arena";
}

}  // namespace learning_objective_test
}  // namespace alis::domain
