#include "support/fixtures.hpp"

#include <stdexcept>

#include "app/accounts.hpp"
#include "app/audit_head.hpp"
#include "app/auth.hpp"
#include "app/calendar.hpp"
#include "app/demo_data.hpp"
#include "app/digests.hpp"
#include "app/document_templates.hpp"
#include "app/learning_objectives.hpp"
#include "app/passwords.hpp"
#include "app/signed_training_record.hpp"
#include "app/supervisors.hpp"
#include "web/documents.hpp"

namespace alis::testing {

app::Clock fixed_clock(domain::Date today, std::int64_t now) {
    return app::Clock{[today] { return today; }, [now] { return now; }};
}

std::unique_ptr<app::Application> open_app(const std::string& url, app::Clock clock,
                                           int connections) {
    auto app = std::make_unique<app::Application>(store::open_database(url, connections),
                                                  std::move(clock));
    app->migrate();
    return app;
}

void add_municipality(store::Database& db, const std::string& number, const std::string& name,
                      const std::string& office) {
    db.write([&](store::UnitOfWork& w) {
        domain::Municipality m;
        m.number = number;
        m.name = name;
        m.county = "Testfylke";
        m.centrality_class = 3;
        m.enterprise_status = domain::EnterpriseStatus::registered;
        m.alis_office = office;
        w.municipalities().put(m);
    });
}

std::int64_t add_trainee(store::Database& db, const std::string& name,
                         const std::string& municipality, const char* from, const char* to,
                         const char* hpr) {
    return db.write([&](store::UnitOfWork& w) {
        domain::Person p;
        p.full_name = name;
        if (hpr != nullptr) {
            p.hpr_number = hpr;
        }
        const auto id = w.people().add(p);
        domain::Employment e;
        e.person_id = id;
        e.municipality_number = municipality;
        e.starts_on = *domain::Date::parse_iso(from);
        if (to != nullptr) {
            e.ends_on = domain::Date::parse_iso(to);
        }
        const auto employment = w.people().add_employment(e);
        domain::ServicePeriod period;
        period.person_id = id;
        period.employment_id = employment;
        period.place = "Legekontoret";
        period.starts_on = e.starts_on;
        period.ends_on = e.ends_on;
        w.people().add_service_period(period);
        return id;
    });
}

std::int64_t add_agreement(store::UnitOfWork& w, std::int64_t employment_id,
                           const char* covers_from) {
    domain::Agreement a;
    a.employment_id = employment_id;
    a.template_version = "Helsedirektoratet 2023";
    a.national_template = true;
    a.covers_from = *domain::Date::parse_iso(covers_from);
    a.recorded_at = "2026-11-01T10:00:00Z";
    a.recorded_by = "Leder Bergen";
    return w.grants().add_agreement(a);
}

std::int64_t add_account(app::Application& app, const std::string& email, domain::Role role,
                         std::optional<std::string> municipality, std::optional<std::string> office,
                         std::optional<std::int64_t> person) {
    static const app::PasswordPolicy policy;
    app::NewAccount account;
    account.email = email;
    account.display_name = email.substr(0, email.find('@'));
    account.password = kTestPassword;
    account.role = role;
    account.municipality_number = std::move(municipality);
    account.alis_office = std::move(office);
    account.person_id = person;
    account.starts_on = *domain::Date::parse_iso("2020-01-01");
    // One Argon2id hash of kTestPassword for every account of the process (the passwords' own
    // tests hash each); logging in still verifies it.
    static const std::string hash = app::hash_password(kTestPassword);
    return app::create_account(app, policy, account, "test", hash);
}

void assign_supervisor(store::Database& db, std::int64_t supervisor, std::int64_t trainee) {
    db.write([&](store::UnitOfWork& w) {
        domain::SupervisorAssignment a;
        a.supervisor_person_id = supervisor;
        a.trainee_person_id = trainee;
        a.starts_on = *domain::Date::parse_iso("2024-01-01");
        w.supervisors().add_assignment(a);
    });
}

void add_education_plan(store::Database& db, std::int64_t person, const char* revised_on,
                        const std::vector<PlannedPeriod>& periods) {
    db.write([&](store::UnitOfWork& w) {
        domain::EducationPlanRevision plan;
        plan.person_id = person;
        plan.revised_on = *domain::Date::parse_iso(revised_on);
        plan.revised_at = plan.revised_on.iso() + "T09:00:00Z";
        plan.author_label = "test";
        for (const auto& p : periods) {
            plan.plan.periods.push_back({p.arena, p.place, *domain::Date::parse_iso(p.from),
                                         *domain::Date::parse_iso(p.to), p.fte});
        }
        w.education_plans().add_revision(plan);
    });
}

void load_whole_demo(app::Application& app) {
    const auto summary =
        app::load_demo_data(app, *domain::Date::parse_iso("2026-11-22"), {.seed = 2019});
    web::add_demo_documents(web::Catalogue("nb"), app, *domain::Date::parse_iso("2026-11-22"));
    app::Authenticator auth(app);
    const std::string& email = summary.logins.front().email;
    auth.login(email, "not the password", "192.0.2.7");
    auth.login(email, app::kDemoPassword, "192.0.2.8");
    auto audit = app::administration_event(app, "test@alis.invalid");
    audit.action = "supervisor.capacity";
    audit.target = "4601";
    app::set_supervisor_capacity(app, "4601", 3, audit);
    // The e-mail digests: today's in the outbox with the tasks they announced, and one account
    // that wants none.
    app::queue_digests(app, app.today(), [](const auto&, const auto&) {
        return app::DigestText{"Nye oppgaver i alis", "Hei,\n"};
    });
    app::set_digest_choice(app, app::accounts_with_roles(app).front().account.id,
                           app::DigestChoice::opt_out, audit);
    // The demo keeps the compiled-in templates and makes no calendar address: one of each.
    add_template_version(app, domain::DocumentKind::general_plan, "demo-2026-12-02");
    app::Actor owner;
    owner.account_id = app.database()
                           .read([&](const store::Snapshot& s) {
                               return s.identity().find_account_by_email(email);
                           })
                           ->id;
    app::renew_calendar_feed(app, owner, audit);
    add_imported_training_record(app);
}

void add_imported_training_record(app::Application& app) {
    const auto person = app.database().write([&](store::UnitOfWork& w) {
        domain::Person p;
        p.full_name = "Importert Lege";
        p.hpr_number = "7000001";
        return w.people().add(p);
    });
    const auto key = app::AuditSigningKey::generate();
    auto audit = app::administration_event(app, "test@alis.invalid");
    const auto file = app::export_training_record(app, key, person, audit);
    const auto imported = app::import_training_record(app, person, domain::record_file_json(*file),
                                                      "Leder (leder@alis.invalid)", audit);
    if (imported.problem != app::RecordImportProblem::none) {
        throw std::runtime_error("the fixture's training record was not imported");
    }
}

std::int64_t import_demo_catalogues(app::Application& app) {
    app::import_demo_catalogues(
        app, app::audit_event(app.now(), app::AuditOrigin{std::nullopt, "system", "-", "test"},
                              "catalogue.imported", "ok"));
    return app.database().read([](const store::Snapshot& s) {
        for (const auto& e : s.learning_objectives().editions()) {
            if (e.catalogue == domain::Catalogue::alm) {
                return s.learning_objectives().objectives_of(e.id).front().id;
            }
        }
        throw std::runtime_error("import_demo_catalogues: no ALM edition");
    });
}

void add_template_version(app::Application& app, domain::DocumentKind kind,
                          const std::string& version) {
    auto source = app::template_versions(app, kind).back().source;
    const auto at = source.find("version = \"");
    source.replace(at, source.find('\n', at) - at, "version = \"" + version + "\"");
    app::Actor admin;
    admin.email = "admin@alis.invalid";
    auto audit = app::administration_event(app, admin.email);
    const auto result = app::replace_document_template(
        app, kind, source,
        [](const domain::DocumentTemplate&) { return std::optional<std::string>(); }, admin, audit);
    if (!std::holds_alternative<app::TemplateVersion>(result)) {
        throw std::runtime_error("add_template_version: refused");
    }
}

std::map<std::string, std::string> rows_of_every_table(const std::string& url) {
    std::map<std::string, std::string> tables;
    auto database = store::open_database(url, 1);
    database->read([&](const store::Snapshot& s) {
        for (const store::Table& table : store::installation_tables()) {
            std::string& rows = tables[std::string(table.name)];
            s.installation().each_batch(table, 1'000'000,
                                        [&](const store::RowBatch& batch) { rows = batch.json; });
        }
    });
    return tables;
}

}  // namespace alis::testing
