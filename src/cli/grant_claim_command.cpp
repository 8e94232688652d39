// alis grant claim --db URL --municipality NUMBER --period FROM..TO --format json|csv|xlsx
// A municipality's claim of the national grant for a period, from the store, as the leader's
// claim page computes it (docs/money.md, "alis grant claim").
#include <boost/json.hpp>

#include <iostream>
#include <memory>

#include "app/application.hpp"
#include "app/grant_claims.hpp"
#include "app/money_rules.hpp"
#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "web/grant_view.hpp"
#include "web/messages.hpp"

namespace alis::cli {
namespace {

struct ClaimOptions {
    std::string db;
    std::string municipality;
    std::string period;
    std::string format = "json";
};

// FROM..TO, two dates written YYYY-MM-DD.
std::pair<domain::Date, domain::Date> parse_period(const std::string& text) {
    const auto dots = text.find("..");
    const auto from =
        dots == std::string::npos ? std::nullopt : domain::Date::parse_iso(text.substr(0, dots));
    const auto to =
        dots == std::string::npos ? std::nullopt : domain::Date::parse_iso(text.substr(dots + 2));
    if (!from || !to) {
        throw BadInput{"grant.claim.bad_period", {{"text", text}}};
    }
    if (*to < *from) {
        throw BadInput{"grant.claim.period_reversed", {{"text", text}}};
    }
    return {*from, *to};
}

std::string claim_output(const ClaimOptions& options, std::ostream& err) {
    const auto [from, to] = parse_period(options.period);
    if (const auto file = missing_sqlite_file(options.db)) {
        throw BadInput{"grant.claim.no_database", {{"path", *file}}};
    }
    std::optional<app::ClaimReport> report;
    try {
        const auto application = app::Application::open(options.db, app::system_clock(), 1);
        report = app::grant_claim(*application, options.municipality, from, to);
    } catch (const app::UnknownRulesYear& e) {
        throw BadInput{"grant.input.unknown_rates", {{"text", e.name()}, {"known", e.known()}}};
    } catch (const app::ClaimPeriodOutsideRefundPeriod& e) {
        throw BadInput{"grant.input.period_outside_refund_period",
                       {{"year", e.year}, {"from", e.from.norwegian()}, {"to", e.to.norwegian()}}};
    } catch (const domain::GrantInputError& e) {
        throw BadInput{"grant.input." + e.problem(), {{"field", "--period"}, {"text", e.text()}}};
    }
    if (!report) {
        throw BadInput{"grant.claim.unknown_municipality", {{"number", options.municipality}}};
    }
    if (report->claim.unconfirmed) {
        write_message("grant.unconfirmed",
                      {{"rates", "rules/grants/" + std::to_string(report->grant_year) + ".toml"}},
                      err);
    }
    if (options.format == "json") {
        return boost::json::serialize(web::claim_json(*report)) + "\n";
    }
    const web::Catalogue catalogue("nb");
    const auto sheet = web::claim_sheet(catalogue, *report);
    return options.format == "csv" ? web::csv_text(sheet) : web::xlsx_bytes(sheet);
}

}  // namespace

void add_grant_claim_command(CLI::App& grant, int& exit_code) {
    auto options = std::make_shared<ClaimOptions>();
    auto* claim = grant.add_subcommand(
        "claim", "A municipality's claim of the grant for a period, from the database");
    claim->add_option("--db", options->db, "Database URL: sqlite:PATH or postgresql://...")
        ->envname("ALIS_DB")
        ->required();
    claim->add_option("--municipality", options->municipality, "Municipality number (4 digits)")
        ->required();
    claim->add_option("--period", options->period, "FROM..TO, dates written YYYY-MM-DD")
        ->required();
    claim->add_option("--format", options->format, "Output format: json, csv or xlsx")
        ->check(CLI::IsMember({"json", "csv", "xlsx"}));
    claim->callback([options, &exit_code] {
        try {
            std::cout << claim_output(*options, std::cerr);
            std::cout.flush();
            exit_code = 0;
        } catch (const BadInput& e) {
            exit_code = report_bad_input(e, std::cerr);
        } catch (const app::DatabaseUnavailable& e) {
            std::cerr << "alis: " << one_line(e.what()) << "\n";
            exit_code = 2;
        } catch (const std::exception& e) {
            exit_code = report_internal_error(e.what(), std::cerr);
        }
    });
}

}  // namespace alis::cli
