// Login, logout, re-authentication, one's own page and access log, and account administration.
#include <boost/json.hpp>

#include <algorithm>
#include <charconv>

#include "app/accounts.hpp"
#include "app/auth.hpp"
#include "app/calendar.hpp"
#include "app/coverage.hpp"
#include "app/digests.hpp"
#include "app/money_rules.hpp"
#include "app/municipality_overview.hpp"
#include "app/policy.hpp"
#include "app/stability.hpp"
#include "app/tasks.hpp"
#include "web/access.hpp"
#include "web/forms.hpp"
#include "web/grant_view.hpp"
#include "web/pipeline.hpp"
#include "web/stability_view.hpp"
#include "web/task_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

// Only local paths are followed after login, so the form cannot send anyone elsewhere.
std::string safe_next(const std::string& next) {
    const bool plain = std::all_of(next.begin(), next.end(), [](char c) {
        return static_cast<unsigned char>(c) > 0x20 && c != '\\' && c != 0x7f;
    });
    if (plain && next.size() > 1 && next.front() == '/' && next[1] != '/') {
        return next;
    }
    return "/meg";
}

Response login_form(Services& s, const Request& request, const RequestContext& context,
                    json::object data, http::status status) {
    // Before login, CSRF is a double-submit token: a cookie and the same value in the form.
    data["error_summary_heading"] = s.catalogue.text("login.error_summary");
    std::optional<std::string> cookie;
    data["csrf_token"] = form_token(request, context, cookie);
    Response response = page(s, request, context, "login", s.catalogue.text("login.title"),
                             std::move(data), status);
    if (cookie) {
        response.set(http::field::set_cookie, *cookie);
    }
    return response;
}

Response login_page(Services& s, const Request& request, RequestContext& context) {
    return login_form(s, request, context,
                      {{"next", safe_next(query_value(request, "neste"))}, {"email", ""}},
                      http::status::ok);
}

Response login_submit(Services& s, const Request& request, RequestContext& context) {
    // A field with bad characters arrives empty: for these forms that is answer enough.
    std::map<std::string, std::string> refused;
    const auto fields = form_fields(request, &refused);
    auto field = [&](const char* name) {
        const auto it = fields.find(name);
        return it == fields.end() ? std::string() : it->second;
    };
    const std::string email = field("email");
    const std::string password = field("password");
    const std::string next = safe_next(field("neste"));
    json::object data{{"next", next}, {"email", email}};
    json::array errors;
    if (email.size() > 254) {
        // No account has such an address; refuse it without touching the store.
        data["has_errors"] = true;
        data["errors"] = json::array{
            json::object{{"field", "email"}, {"message", s.catalogue.text("login.wrong")}}};
        data["email"] = "";
        return login_form(s, request, context, std::move(data), http::status::unauthorized);
    }
    if (email.empty()) {
        data["email_error"] = s.catalogue.text("login.missing_email");
        errors.push_back(json::object{{"field", "email"}, {"message", data["email_error"]}});
    }
    if (password.empty()) {
        data["password_error"] = s.catalogue.text("login.missing_password");
        errors.push_back(json::object{{"field", "password"}, {"message", data["password_error"]}});
    }
    if (!errors.empty()) {
        data["has_errors"] = true;
        data["errors"] = std::move(errors);
        return login_form(s, request, context, std::move(data), http::status::bad_request);
    }
    const auto result = s.auth.login(email, password, context.client_address);
    if (result.outcome != app::LoginOutcome::ok) {
        const bool throttled = result.outcome == app::LoginOutcome::throttled;
        const std::string message = s.catalogue.text(throttled ? "login.throttled" : "login.wrong");
        data["has_errors"] = true;
        data["errors"] = json::array{json::object{{"field", "email"}, {"message", message}}};
        return login_form(s, request, context, std::move(data),
                          throttled ? http::status::too_many_requests : http::status::unauthorized);
    }
    Response response = redirect(request.version(), next);
    response.insert(http::field::set_cookie, cookie_header(kSessionCookie, result.session_id));
    response.insert(http::field::set_cookie, cookie_header(kLoginCsrfCookie, "", 0));
    return response;
}

Response logout(Services& s, const Request& request, RequestContext& context) {
    s.auth.logout(*context.session, context.client_address);
    Response response = redirect(request.version(), "/");
    response.set(http::field::set_cookie, cookie_header(kSessionCookie, "", 0));
    return response;
}

// The national administrator's part of their page: doctors in training nationally and by
// region, the stability summary, and the place where grant coverage comes. Aggregates only, each
// count of 1 to domain::kMinCell - 1 shown as "<5"; kept in the response cache per day and data
// generation.
std::shared_ptr<const std::string> national_summary(Services& s) {
    const domain::Date today = s.today();
    return s.cache.get_or_compute("me-national/" + today.iso(), s.app.data_generation(), [&] {
        const auto& t = s.catalogue;
        const auto count = [&](int n) {
            return n > 0 && n < domain::kMinCell ? t.text("stability.few") : std::to_string(n);
        };
        const auto overview = app::municipality_overview(s.app, today);
        json::array regions;
        for (const auto& region : overview.regions) {
            regions.push_back(
                json::object{{"office", region.alis_office},
                             {"trainees", count(region.trainees)},
                             {"url", "/regioner/" + region.alis_office + "/stabilitet"}});
        }
        const auto report = app::stability_report(s.app, {}, domain::StabilityOutcome::in_post,
                                                  app::StabilityGrouping::none,
                                                  domain::SmallCells::protected_, today);
        json::object data{
            {"in_post", t.format("me.national.in_post", {{"count", count(overview.trainees)},
                                                         {"date", today.norwegian()}})},
            {"regions", std::move(regions)},
            {"total", count(overview.trainees)}};
        const auto* all = report.figures.groups.empty() ? nullptr : &report.figures.groups.front();
        if (all != nullptr && all->curve.median.time) {
            const auto& m = all->curve.median;
            data["median"] = t.format("me.national.median", {{"median", years_text(t, m.time)},
                                                             {"lower", years_text(t, m.lower)},
                                                             {"upper", years_text(t, m.upper)},
                                                             {"posts", report.posts}});
        } else {
            data["median"] = t.format("me.national.median_none", {{"posts", report.posts}});
        }
        // Coverage of the grant (issue 15): sums by centrality class and pay model, never a
        // named doctor's figures (app/coverage.hpp).
        const int year = app::latest_begun_year(app::coverage_years(), today);
        const auto coverage = app::national_coverage(s.app, year);
        if (coverage.total.coverage.alis > 0) {
            for (auto& [key, value] : coverage_summary_data(t, coverage)) {
                data[key] = std::move(value);
            }
            data["has_coverage"] = true;
        } else {
            data["grants_pending"] = t.format("me.national.grants_pending", {{"year", year}});
        }
        return s.templates.render_body("national_summary", std::move(data), s.static_files.urls());
    });
}

bool active_on(const domain::RoleGrant& grant, domain::Date day) {
    return grant.starts_on <= day && (!grant.ends_on || day <= *grant.ends_on);
}

std::string role_label(const Services& s, const domain::RoleGrant& grant) {
    return s.catalogue.text("roles." + std::string(domain::to_string(grant.role)));
}

Response me_page(Services& s, const Request& request, RequestContext& context) {
    const auto& actor = context.session->actor;
    json::array roles;
    for (const auto& grant : actor.roles) {
        std::string scope;
        if (grant.municipality_number) {
            scope = s.catalogue.format("me.role_scope_municipality",
                                       {{"number", *grant.municipality_number}});
        } else if (grant.alis_office) {
            scope = s.catalogue.format("me.role_scope_office", {{"office", *grant.alis_office}});
        }
        std::string period =
            s.catalogue.format("me.role_from", {{"date", grant.starts_on.norwegian()}});
        if (grant.ends_on) {
            period.append(1, ' ').append(
                s.catalogue.format("me.role_until", {{"date", grant.ends_on->norwegian()}}));
        }
        json::array links;
        auto link = [&](std::string url, const char* key) {
            links.push_back(
                json::object{{"url", std::move(url)}, {"label", s.catalogue.text(key)}});
        };
        if (grant.role == domain::Role::leader && grant.municipality_number) {
            link("/kommuner/" + *grant.municipality_number + "/oversikt", "me.overview_link");
            link("/kommuner/" + *grant.municipality_number + "/veiledere", "me.supervisors_link");
            link("/kommuner/" + *grant.municipality_number + "/stabilitet", "me.stability_link");
        }
        if (grant.role == domain::Role::supervisor) {
            link("/meg/veiledning", "me.my_trainees_link");
        }
        if (grant.role == domain::Role::regional_office && grant.alis_office) {
            link("/regioner/" + *grant.alis_office, "me.region_link");
            link("/regioner/" + *grant.alis_office + "/stabilitet", "me.stability_link");
        }
        if (grant.role == domain::Role::national) {
            link("/stabilitet", "me.stability_link");
        }
        if (grant.role == domain::Role::admin) {
            link("/admin/kontoer", "me.accounts_link");
            link("/admin/maler", "me.templates_link");
        }
        json::object role{{"label", role_label(s, grant)},
                          {"scope", scope},
                          {"period", period},
                          {"links", std::move(links)}};
        roles.push_back(std::move(role));
    }
    json::object data{{"email", actor.email}, {"roles", std::move(roles)}};
    if (actor.person_id) {
        data["person_id"] = *actor.person_id;
    }
    // The secret calendar address: whether there is one, and the forms to make, renew or end it.
    json::object calendar{{"csrf_token", context.session->csrf_token}};
    if (const auto made = app::calendar_feed_made(s.app, actor)) {
        calendar["made"] =
            s.catalogue.format("calendar.made", {{"date", domain::norwegian_day(*made)}});
    }
    if (query_value(request, "kalender") == "av") {
        calendar["revoked"] = true;
    }
    data["calendar"] = std::move(calendar);
    auto groups = task_groups(s.catalogue, app::tasks_of(s.app, actor, s.today()));
    data["has_tasks"] = !groups.empty();
    data["task_groups"] = std::move(groups);
    // The national administrator lands here: the country's figures, as far as the policy allows.
    const bool national = std::any_of(actor.roles.begin(), actor.roles.end(), [&](const auto& g) {
        return g.role == domain::Role::national && active_on(g, s.today());
    });
    if (national && also_allowed(context, app::Action::read_aggregates, s.today())) {
        data["national"] = *national_summary(s);
    }
    const bool receiving =
        app::digest_choice(s.app, actor.account_id) == app::DigestChoice::receive;
    data["digest_receiving"] = receiving;
    data["csrf_token"] = context.session->csrf_token;
    const auto saved = query_value(request, "lagret");
    if (saved == "av" || saved == "paa") {
        data["digest_notice"] =
            s.catalogue.text(saved == "av" ? "me.digest_saved_out" : "me.digest_saved_in");
    }
    return page(s, request, context, "me", s.catalogue.text("me.title"), std::move(data));
}

// The account's own choice of the daily e-mail digest (the form on /meg), audited.
Response digest_choice_submit(Services& s, const Request& request, RequestContext& context) {
    const auto fields = form_fields(request);
    const auto value = fields.contains("digest") ? fields.at("digest") : std::string();
    if (value != "av" && value != "paa") {
        throw HttpError(http::status::bad_request, "bad_choice", "me.digest_bad_choice", "digest");
    }
    const auto choice = value == "av" ? app::DigestChoice::opt_out : app::DigestChoice::receive;
    auto audit = audit_event(s, request, context, "account.digest_choice", "ok");
    audit.subject_person_id = context.session->actor.person_id;
    app::set_digest_choice(s.app, context.session->actor.account_id, choice, std::move(audit));
    return redirect(request.version(), "/meg?lagret=" + value);
}

// The account's digest choice as the API names it.
json::object digest_json(app::DigestChoice choice) {
    return json::object{{"digest", choice == app::DigestChoice::opt_out ? "opt_out" : "receive"}};
}

Response digest_api(Services& s, const Request& request, RequestContext& context) {
    return json_response(http::status::ok, request.version(),
                         digest_json(app::digest_choice(s.app, context.session->actor.account_id)));
}

// The API's form of the choice on /meg: {"digest": "receive" | "opt_out"}, audited the same way.
Response put_digest_api(Services& s, const Request& request, RequestContext& context) {
    auto input = FormInput::from_request(request);
    const auto value = input.required_choice("digest", {"receive", "opt_out"});
    if (!input.ok()) {
        return refuse(s, request, context, input, "record_form", s.catalogue.text("me.title"),
                      [] { return json::object{}; });
    }
    const auto choice =
        *value == "opt_out" ? app::DigestChoice::opt_out : app::DigestChoice::receive;
    auto audit = audit_event(s, request, context, "account.digest_choice", "ok");
    audit.subject_person_id = context.session->actor.person_id;
    app::set_digest_choice(s.app, context.session->actor.account_id, choice, std::move(audit));
    return json_response(http::status::ok, request.version(), digest_json(choice));
}

// A page number or size from the query: a positive number, or `fallback`.
int positive_query(const Request& request, std::string_view name, int fallback) {
    const std::string text = query_value(request, name);
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && end == text.data() + text.size() && value > 0 ? value : fallback;
}

json::array access_events(const app::AccessLogPage& log) {
    json::array events;
    for (const auto& e : log.reads) {
        events.push_back(json::object{{"at", e.at}, {"who", e.actor_label}, {"what", e.target}});
    }
    return events;
}

Response access_log_page(Services& s, const Request& request, RequestContext& context) {
    const auto& actor = context.session->actor;
    json::object data{{"has_person", actor.person_id.has_value()}};
    if (actor.person_id) {
        const auto log =
            app::access_log(s.app, *actor.person_id, positive_query(request, "side", 1));
        auto events = access_events(log);
        data["has_events"] = !events.empty();
        data["events"] = std::move(events);
        data["page_label"] = s.catalogue.format("access_log.page", {{"page", log.page}});
        if (log.page > 1) {
            data["previous_url"] = "/meg/innsyn?side=" + std::to_string(log.page - 1);
        }
        if (log.has_next) {
            data["next_url"] = "/meg/innsyn?side=" + std::to_string(log.page + 1);
        }
        data["has_pages"] = log.page > 1 || log.has_next;
    }
    return page(s, request, context, "access_log", s.catalogue.text("access_log.title"),
                std::move(data));
}

Response access_log_api(Services& s, const Request& request, RequestContext& context) {
    const auto& actor = context.session->actor;
    app::AccessLogPage log;
    log.page = positive_query(request, "page", 1);
    log.size = positive_query(request, "limit", app::kAccessLogPageSize);
    if (actor.person_id) {
        log = app::access_log(s.app, *actor.person_id, log.page, log.size);
    }
    const auto url = [&](int page) {
        return json::value("/api/v1/me/access-log?page=" + std::to_string(page) +
                           "&limit=" + std::to_string(log.size));
    };
    return json_response(http::status::ok, request.version(),
                         json::object{{"reads", access_events(log)},
                                      {"page", log.page},
                                      {"limit", log.size},
                                      {"next", log.has_next ? url(log.page + 1) : json::value()}});
}

Response me_api(Services& s, const Request& request, RequestContext& context) {
    const auto& actor = context.session->actor;
    json::array roles;
    for (const auto& grant : actor.roles) {
        json::object role{{"role", std::string(domain::to_string(grant.role))},
                          {"starts_on", grant.starts_on.iso()}};
        if (grant.ends_on) {
            role["ends_on"] = grant.ends_on->iso();
        }
        if (grant.municipality_number) {
            role["municipality"] = *grant.municipality_number;
        }
        if (grant.alis_office) {
            role["alis_office"] = *grant.alis_office;
        }
        roles.push_back(std::move(role));
    }
    json::object body{{"email", actor.email},
                      {"name", actor.display_name},
                      {"roles", std::move(roles)},
                      {"csrf_token", context.session->csrf_token}};
    if (actor.person_id) {
        body["person_id"] = *actor.person_id;
    }
    (void)s;
    return json_response(http::status::ok, request.version(), body);
}

Response tasks_api(Services& s, const Request& request, RequestContext& context) {
    const auto tasks = app::tasks_of(s.app, context.session->actor, s.today());
    return json_response(
        http::status::ok, request.version(),
        json::object{{"as_of", s.today().iso()}, {"tasks", tasks_json(s.catalogue, tasks)}});
}

Response reauth_form(Services& s, const Request& request, RequestContext& context,
                     const std::string& error) {
    json::object data{{"next", safe_next(query_value(request, "neste"))},
                      {"csrf_token", context.session->csrf_token}};
    if (!error.empty()) {
        data["error"] = error;
    }
    return page(s, request, context, "reauth", s.catalogue.text("reauth.title"), std::move(data),
                error.empty() ? http::status::ok : http::status::unauthorized);
}

Response reauth_page(Services& s, const Request& request, RequestContext& context) {
    return reauth_form(s, request, context, {});
}

Response reauth_submit(Services& s, const Request& request, RequestContext& context) {
    // A field with bad characters arrives empty: for these forms that is answer enough.
    std::map<std::string, std::string> refused;
    const auto fields = form_fields(request, &refused);
    const auto password = fields.contains("password") ? fields.at("password") : std::string();
    const auto next = safe_next(fields.contains("neste") ? fields.at("neste") : std::string());
    if (!s.auth.reauthenticate(*context.session, password, context.client_address)) {
        return reauth_form(s, request, context, s.catalogue.text("reauth.wrong"));
    }
    return redirect(request.version(), next);
}

Response accounts_list(Services& s, const Request& request, RequestContext& context,
                       const std::string& notice, http::status status = http::status::ok,
                       const std::string& error = {}) {
    json::array accounts;
    for (const auto& [account, grants] : app::accounts_with_roles(s.app)) {
        std::string roles;
        for (const auto& grant : grants) {
            roles += (roles.empty() ? "" : ", ") + role_label(s, grant);
        }
        accounts.push_back(json::object{{"id", account.id},
                                        {"email", account.email},
                                        {"name", account.display_name},
                                        {"roles", roles},
                                        {"disabled", account.disabled}});
    }
    json::object data{{"accounts", std::move(accounts)},
                      {"csrf_token", context.session->csrf_token}};
    if (!notice.empty()) {
        data["notice"] = notice;
    }
    if (!error.empty()) {
        data["error"] = error;
    }
    return page(s, request, context, "accounts", s.catalogue.text("accounts.title"),
                std::move(data), status);
}

Response accounts_page(Services& s, const Request& request, RequestContext& context) {
    return accounts_list(s, request, context, {});
}

Response disable_account(Services& s, const Request& request, RequestContext& context) {
    const std::int64_t id = context.id("account");
    switch (app::disable_account(s.app, id,
                                 audit_event(s, request, context, "account.disabled", "ok"))) {
        case app::DisableOutcome::unknown_account:
            not_found();
        case app::DisableOutcome::last_active_admin:
            return accounts_list(s, request, context, {}, http::status::conflict,
                                 s.catalogue.text("accounts.last_admin"));
        case app::DisableOutcome::disabled:
            break;
    }
    return accounts_list(s, request, context, s.catalogue.text("accounts.disabled_done"));
}

}  // namespace

void register_account_routes(Routes& routes) {
    const RouteAccess kPublic{app::Action::view_public};
    const RouteAccess kOwn{app::Action::view_own_account};
    const RouteAccess kAdmin{app::Action::manage_accounts};
    using http::verb;
    routes.add(verb::get, "/logg-inn", kPublic, login_page);
    routes.add(verb::post, "/logg-inn", kPublic, login_submit);
    routes.add(verb::post, "/logg-ut", kOwn, logout);
    routes.add(verb::get, "/bekreft-passord", kOwn, reauth_page);
    routes.add(verb::post, "/bekreft-passord", kOwn, reauth_submit);
    routes.add(verb::get, "/meg", kOwn, me_page);
    routes.add(verb::get, "/meg/innsyn", kOwn, access_log_page);
    routes.add(verb::post, "/meg/varsler", kOwn, digest_choice_submit);
    routes.add(verb::get, "/api/v1/me", kOwn, me_api);
    routes.add(verb::get, "/api/v1/me/access-log", kOwn, access_log_api);
    routes.add(verb::get, "/api/v1/me/tasks", kOwn, tasks_api);
    routes.add(verb::get, "/api/v1/me/digest", kOwn, digest_api);
    routes.add(verb::put, "/api/v1/me/digest", kOwn, put_digest_api);
    routes.add(verb::get, "/admin/kontoer", kAdmin, accounts_page);
    routes.add(verb::post, "/admin/kontoer/{account:id}/deaktiver", kAdmin, disable_account);
}

}  // namespace alis::web
