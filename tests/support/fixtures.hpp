#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "domain/document_template.hpp"
#include "domain/education_plan.hpp"
#include "domain/identity.hpp"
#include "store/database.hpp"

namespace alis::testing {

inline constexpr const char* kTestPassword = "riktig-hest-batteri-stift";
// The fixed "now" of tests that need one: 2026-11-22T00:00:00Z.
inline constexpr std::int64_t kTestNow = 1795305600;

// A clock that always reads `today` and `now` (Unix seconds).
app::Clock fixed_clock(domain::Date today = *domain::Date::parse_iso("2026-11-22"),
                       std::int64_t now = kTestNow);

// An application over the database at `url` (migrated), with a fixed clock.
std::unique_ptr<app::Application> open_app(const std::string& url, app::Clock clock = fixed_clock(),
                                           int connections = 4);

// Inserts a municipality with the given number, name and ALIS office.
void add_municipality(store::Database& db, const std::string& number, const std::string& name,
                      const std::string& office);

// Inserts a person in training employed by `municipality` from `from` (ongoing unless `to`), with
// the HPR number `hpr` when given.
std::int64_t add_trainee(store::Database& db, const std::string& name,
                         const std::string& municipality, const char* from = "2024-01-01",
                         const char* to = nullptr, const char* hpr = nullptr);

// Imports the demo catalogues of learning objectives through the real use case (audited as the
// system); returns the id of the first objective of the ALM edition.
std::int64_t import_demo_catalogues(app::Application& app);

// Puts the compiled-in template of `kind` in force again as `version` (an administrator's
// replacement, stored and audited).
void add_template_version(app::Application& app, domain::DocumentKind kind,
                          const std::string& version);

// An ALIS agreement in the register of an employment, on the national template, from
// `covers_from` (ISO), not yet signed; returns its id.
std::int64_t add_agreement(store::UnitOfWork& w, std::int64_t employment_id,
                           const char* covers_from);

// Creates an account through the real use case (password rules, Argon2id, audit), with one role
// starting 2020-01-01; returns its id.
std::int64_t add_account(app::Application& app, const std::string& email, domain::Role role,
                         std::optional<std::string> municipality = std::nullopt,
                         std::optional<std::string> office = std::nullopt,
                         std::optional<std::int64_t> person = std::nullopt);

// One planned period of an individual education plan: arena, place, ISO dates, position %.
struct PlannedPeriod {
    domain::Arena arena;
    const char* place;
    const char* from;
    const char* to;
    int fte = 100;
};

// Appends a revision of the person's individual education plan, revised on `revised_on` (ISO),
// holding `periods`.
void add_education_plan(store::Database& db, std::int64_t person, const char* revised_on,
                        const std::vector<PlannedPeriod>& periods);

// Assigns a supervisor to a trainee from 2024-01-01.
void assign_supervisor(store::Database& db, std::int64_t supervisor, std::int64_t trainee);

// Loads the demo data as of 2026-11-22 (app::load_demo_data, seed 2019) into the migrated, empty
// database of `app`, and adds what the demo leaves out, so that every table holds rows: a login
// and a failed login (a session, a login failure and their audit events) and a municipality's
// supervisor capacity (with its audit event).
void load_whole_demo(app::Application& app);

// A doctor with an HPR number whose signed training record (signed by a fresh key, as another
// installation's) is imported onto them, so that imported_training_records holds a row.
void add_imported_training_record(app::Application& app);

// Every row of every table of the database at `url` (store::installation_tables()), as one JSON
// text per table: the form alis copy reads and writes, the same from either backend.
std::map<std::string, std::string> rows_of_every_table(const std::string& url);

}  // namespace alis::testing
