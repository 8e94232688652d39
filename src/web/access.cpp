#include "web/access.hpp"

#include <sodium.h>
#include <boost/url/parse.hpp>
#include <boost/url/parse_query.hpp>

#include "app/auth.hpp"
#include "app/denied_access.hpp"
#include "app/learning_log.hpp"
#include "app/municipality_overview.hpp"
#include "app/policy.hpp"
#include "app/signed_documents.hpp"
#include "app/supervision.hpp"
#include "domain/text.hpp"
#include "web/multipart.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

bool is_state_changing(http::verb method) {
    return method == http::verb::post || method == http::verb::put || method == http::verb::patch ||
           method == http::verb::delete_;
}

bool equal_tokens(std::string_view a, std::string_view b) {
    return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// "https://host:port/..." -> "host:port".
std::string authority_of(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) {
        return {};
    }
    url.remove_prefix(scheme + 3);
    return std::string(url.substr(0, url.find('/')));
}

std::string_view path_of(const Request& request) {
    const auto target = request.target();
    return target.substr(0, target.find('?'));
}

}  // namespace

domain::AuditEvent audit_event(Services& services, const Request& request,
                               const RequestContext& context, std::string action,
                               std::string outcome) {
    app::AuditOrigin origin{std::nullopt, "anonym", context.client_address,
                            std::string(request.method_string()) + " " + context.route};
    if (context.session) {
        origin.account_id = context.session->actor.account_id;
        origin.label = context.session->actor.email;
    }
    return app::audit_event(services.now(), origin, std::move(action), std::move(outcome));
}

std::optional<std::string> cookie_value(const Request& request, std::string_view name) {
    for (auto it = request.find(http::field::cookie);
         it != request.end() && it->name() == http::field::cookie; ++it) {
        std::string_view header = it->value();
        while (!header.empty()) {
            const auto end = header.find(';');
            std::string_view pair = header.substr(0, end);
            header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
            while (!pair.empty() && pair.front() == ' ') {
                pair.remove_prefix(1);
            }
            const auto eq = pair.find('=');
            if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
                return std::string(pair.substr(eq + 1));
            }
        }
    }
    return std::nullopt;
}

std::string cookie_header(std::string_view name, std::string_view value,
                          std::optional<int> max_age_seconds) {
    std::string header =
        std::string(name) + "=" + std::string(value) + "; Path=/; Secure; HttpOnly; SameSite=Lax";
    if (max_age_seconds) {
        header += "; Max-Age=" + std::to_string(*max_age_seconds);
    }
    return header;
}

std::string query_value(const Request& request, std::string_view name) {
    const auto url = boost::urls::parse_origin_form(request.target());
    if (!url) {
        return {};
    }
    for (const auto& param : url->params()) {
        if (param.key == name) {
            // Checked where it enters, as every text is (domain/text.hpp).
            if (domain::check_input(param.value) != domain::TextProblem::none) {
                throw HttpError(http::status::bad_request, "bad_request", "error.bad_request");
            }
            return param.value;
        }
    }
    return {};
}

std::map<std::string, std::string> form_fields(const Request& request,
                                               std::map<std::string, std::string>* refused) {
    std::map<std::string, std::string> fields;
    if (!request[http::field::content_type].starts_with("application/x-www-form-urlencoded")) {
        return fields;
    }
    const auto params = boost::urls::parse_query(request.body());
    if (!params) {
        throw HttpError(http::status::bad_request, "bad_request", "error.bad_request");
    }
    for (const auto& param : *params) {
        // Forms encode a space as '+'.
        boost::urls::encoding_opts options;
        options.space_as_plus = true;
        std::string key = param.key.decode(options);
        std::string value = param.value.decode(options);
        // Every field is checked here, once, whoever reads it later (domain/text.hpp).
        if (domain::check_input(key) != domain::TextProblem::none) {
            throw HttpError(http::status::unprocessable_entity, "invalid_input",
                            "form.bad_characters");
        }
        if (const auto problem = domain::check_input(value); problem != domain::TextProblem::none) {
            const char* message = problem == domain::TextProblem::invisible_character
                                      ? "form.invisible_characters"
                                      : "form.bad_characters";
            if (refused == nullptr) {
                throw HttpError(http::status::unprocessable_entity, "invalid_input", message, key);
            }
            // The form shows the error next to the field; the bad text goes no further.
            refused->emplace(key, message);
            value.clear();
        }
        fields.emplace(std::move(key), std::move(value));
    }
    return fields;
}

void resume_session(Services& services, const Request& request, RequestContext& context) {
    if (const auto id = cookie_value(request, kSessionCookie)) {
        context.session = services.auth.resume(*id);
    }
}

void check_state_change(const Request& request, const RequestContext& context) {
    if (!is_state_changing(request.method())) {
        return;
    }
    const std::string host(request[http::field::host]);
    std::string origin = authority_of(request[http::field::origin]);
    if (request[http::field::origin].empty()) {
        origin = authority_of(request[http::field::referer]);
    }
    if (host.empty() || origin != host) {
        throw HttpError(http::status::forbidden, "cross_origin", "error.cross_origin");
    }
    std::string token(request["X-CSRF-Token"]);
    if (token.empty()) {
        // Bad text in other fields is the handler's to answer; the token is hex or nothing.
        std::map<std::string, std::string> refused;
        const auto fields = form_fields(request, &refused);
        if (const auto it = fields.find("csrf_token"); it != fields.end()) {
            token = it->second;
        } else if (const auto parts =
                       parse_multipart(request[http::field::content_type], request.body())) {
            // A form that uploads a file sends its token as a part.
            if (const auto* part = find_part(*parts, "csrf_token")) {
                token = part->body;
            }
        }
    }
    const std::optional<std::string> expected =
        context.session ? std::optional<std::string>(context.session->csrf_token)
                        : cookie_value(request, kLoginCsrfCookie);
    if (!expected || !equal_tokens(token, *expected)) {
        throw HttpError(http::status::forbidden, "csrf_failed", "error.csrf");
    }
}

std::string form_token(const Request& request, const RequestContext& context,
                       std::optional<std::string>& set_cookie) {
    if (context.session) {
        return context.session->csrf_token;
    }
    if (const auto cookie = cookie_value(request, kLoginCsrfCookie);
        cookie && cookie->size() == 64) {
        return *cookie;
    }
    auto token = app::random_token();
    set_cookie = cookie_header(kLoginCsrfCookie, token);
    return token;
}

Response redirect(unsigned version, const std::string& location) {
    Response response{http::status::see_other, version};
    response.set(http::field::location, location);
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    return response;
}

bool also_allowed(const RequestContext& context, app::Action action, domain::Date today) {
    return context.session && context.resource &&
           app::decide(context.session->actor, action, *context.resource, today) ==
               app::Decision::allow;
}

std::optional<Response> authorize(Services& services, const RouteAccess& access,
                                  const Request& request, RequestContext& context) {
    if (access.action == app::Action::view_public) {
        return std::nullopt;
    }
    if (!context.session) {
        if (!wants_json(request) && request.method() == http::verb::get) {
            return redirect(request.version(), "/logg-inn?neste=" + std::string(path_of(request)));
        }
        throw HttpError(http::status::unauthorized, "unauthenticated", "error.unauthenticated");
    }
    const domain::Date today = services.today();
    app::Resource resource;
    try {
        switch (access.resource) {
            case ResourceFrom::none:
                break;
            case ResourceFrom::person_param: {
                // An unknown id gets the same answer as someone else's record (403), so
                // that ids cannot be probed for existence. Text that is no id did not match
                // the route (404).
                resource = app::person_resource(services.app, context.id("person"), today);
                break;
            }
            case ResourceFrom::municipality_param: {
                const std::string& number = context.params.at("number");
                if (!app::find_municipality(services.app, number)) {
                    not_found();
                }
                resource = app::municipality_resource(services.app, number);
                break;
            }
            case ResourceFrom::employment_param: {
                // As for a person: an employment that is not the person's is refused (403), the
                // same answer as someone else's.
                resource = app::employment_resource(services.app, context.id("person"),
                                                    context.id("employment"), today);
                break;
            }
            case ResourceFrom::meeting_param: {
                // As for an employment: a meeting that is not the person's is refused (403).
                resource = app::meeting_resource(services.app, context.id("person"),
                                                 context.id("meeting"), today);
                break;
            }
            case ResourceFrom::activity_param: {
                // As for a meeting: an activity that is not the person's is refused (403).
                resource = app::activity_resource(services.app, context.id("person"),
                                                  context.id("activity"), today, services.now());
                break;
            }
            case ResourceFrom::supervisor_param: {
                // As for a meeting: a supervisor the municipality has not registered is refused
                // (403), the same answer as another municipality's; an unknown municipality is
                // not found.
                const std::string& number = context.params.at("number");
                if (!app::find_municipality(services.app, number)) {
                    not_found();
                }
                resource = app::supervisor_resource(services.app, number, context.id("supervisor"));
                break;
            }
            case ResourceFrom::office_param: {
                resource.kind = app::Resource::Kind::office;
                resource.office = context.params.at("office");
                break;
            }
        }
    } catch (const HttpError&) {
        throw;
    } catch (const std::exception&) {
        // Fail closed: without the facts there is no access.
        resource = app::Resource{};
        resource.kind = app::Resource::Kind::none;
    }
    const auto& actor = context.session->actor;
    context.resource = resource;
    if (app::decide(actor, access.action, resource, today) != app::Decision::allow) {
        auto e = audit_event(services, request, context, "access.denied", "denied");
        e.subject_person_id = resource.person_id;
        services.denials->record(services.app, std::move(e), services.now());
        throw HttpError(http::status::forbidden, "forbidden", "error.forbidden");
    }
    if (app::requires_recent_authentication(access.action) &&
        !app::recently_authenticated(actor, services.now())) {
        throw HttpError(http::status::forbidden, "reauthentication_required",
                        "error.reauthentication_required");
    }
    return std::nullopt;
}

std::vector<std::int64_t> ListReadWindow::unseen(std::int64_t account_id,
                                                 const std::vector<std::int64_t>& person_ids,
                                                 std::int64_t now) const {
    std::lock_guard lock(mutex_);
    std::vector<std::int64_t> result;
    for (const auto id : person_ids) {
        const auto it = last_shown_.find({account_id, id});
        if (it == last_shown_.end() || now - it->second >= kListReadWindowSeconds ||
            now < it->second) {
            result.push_back(id);
        }
    }
    return result;
}

void ListReadWindow::shown(std::int64_t account_id, const std::vector<std::int64_t>& person_ids,
                           std::int64_t now) {
    std::lock_guard lock(mutex_);
    if (last_shown_.size() > 200'000) {
        std::erase_if(last_shown_, [&](const auto& entry) {
            return now - entry.second >= kListReadWindowSeconds;
        });
    }
    for (const auto id : person_ids) {
        last_shown_[{account_id, id}] = now;
    }
}

void audit_reads(Services& services, const Request& request, const RequestContext& context,
                 const std::vector<std::int64_t>& person_ids) {
    const std::int64_t now = services.now();
    const std::int64_t account = context.session ? context.session->actor.account_id : 0;
    const auto ids = services.list_reads->unseen(account, person_ids, now);
    if (ids.empty()) {
        return;
    }
    std::vector<domain::AuditEvent> events;
    for (const auto id : ids) {
        auto e = audit_event(services, request, context, "person.read", "ok");
        e.subject_person_id = id;
        events.push_back(std::move(e));
    }
    app::record_audits(services.app, events);
    services.list_reads->shown(account, ids, now);
}

void audit_read(Services& services, const RouteAccess& access, const Request& request,
                const RequestContext& context) {
    if (access.action != app::Action::read_person ||
        access.resource != ResourceFrom::person_param) {
        return;
    }
    auto e = audit_event(services, request, context, "person.read", "ok");
    e.subject_person_id = context.id("person");
    app::record_audit(services.app, std::move(e));
}

}  // namespace alis::web
