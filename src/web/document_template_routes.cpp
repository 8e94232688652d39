// The administrator's pages for the document templates (issue 17, docs/documents.md
// "Templates"): the templates in force, one kind's versions, and the form that puts a new version
// in force. Every version stays readable, and any of them can be taken as the start of a new one,
// which is how a mistake is corrected. Writes go through app/document_templates.hpp, audited
// there.
#include <boost/json.hpp>

#include "app/document_templates.hpp"
#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "web/access.hpp"
#include "web/documents.hpp"
#include "web/pdf.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

constexpr std::string_view kTemplatesPath = "/admin/maler";
// The longest template file the form takes (the table's limit).
constexpr std::size_t kMaxTemplateBytes = 200'000;

std::string kind_path(domain::DocumentKind kind) {
    return std::string(kTemplatesPath) + "/" + std::string(domain::to_string(kind));
}

domain::DocumentKind document_kind_of(const RequestContext& context) {
    const auto kind = domain::parse_enum<domain::DocumentKind>(context.params.at("kind"));
    if (!kind) {
        not_found();
    }
    return *kind;
}

// Where a version came from, as the pages say it.
std::string origin_text(const Catalogue& t, const app::TemplateVersion& v) {
    if (!v.id) {
        return t.text("templates.compiled_in");
    }
    return t.format("templates.replaced_by",
                    {{"date", domain::norwegian_day(v.recorded_at)}, {"who", v.recorded_by}});
}

// The version's name in the query (?fra=): a stored row's id, or "innebygd".
std::string version_key(const app::TemplateVersion& v) {
    return v.id ? std::to_string(*v.id) : std::string("innebygd");
}

Response templates_page(Services& s, const Request& request, RequestContext& context) {
    const auto& t = s.catalogue;
    json::array kinds;
    for (const auto& [kind, name] : domain::EnumNames<domain::DocumentKind>::names) {
        const auto versions = app::template_versions(s.app, kind);
        const auto& current = versions.front();
        kinds.push_back(json::object{{"url", kind_path(kind)},
                                     {"kind", t.text("document.kind." + std::string(name))},
                                     {"version", current.parsed.version},
                                     {"origin", origin_text(t, current)},
                                     {"unconfirmed", current.parsed.provenance.unconfirmed},
                                     {"count", versions.size()}});
    }
    return page(s, request, context, "document_templates", t.text("templates.title"),
                json::object{{"kinds", std::move(kinds)}});
}

// One kind's page: the version in force, every version, and the form for a new one, holding
// `source` (what was posted, or the version asked for with ?fra=, else the one in force).
Response kind_page(Services& s, const Request& request, RequestContext& context,
                   domain::DocumentKind kind, std::optional<std::string> source,
                   std::optional<std::string> error, http::status status) {
    const auto& t = s.catalogue;
    const auto versions = app::template_versions(s.app, kind);
    const std::string from = query_value(request, "fra");
    json::array rows;
    for (const auto& v : versions) {
        const bool shown = !from.empty() && from == version_key(v);
        if (shown && !source) {
            source = v.source;
        }
        rows.push_back(
            json::object{{"version", v.parsed.version},
                         {"title", v.parsed.title},
                         {"origin", origin_text(t, v)},
                         {"in_force", v.in_force},
                         {"shown", shown},
                         {"unconfirmed", v.parsed.provenance.unconfirmed},
                         {"sha256", v.source_sha256},
                         {"url", kind_path(kind) + "?fra=" + version_key(v) + "#kilde"}});
    }
    const auto& current = versions.front();
    json::array check;
    for (const auto& item : current.parsed.check) {
        check.emplace_back(item);
    }
    const std::string kind_name(domain::to_string(kind));
    json::object data{{"kind", t.text("document.kind." + kind_name)},
                      {"action", kind_path(kind)},
                      {"version", current.parsed.version},
                      {"origin", origin_text(t, current)},
                      {"unconfirmed", current.parsed.provenance.unconfirmed},
                      {"check", std::move(check)},
                      {"versions", std::move(rows)},
                      {"source", source.value_or(current.source)},
                      {"csrf_token", context.session->csrf_token}};
    if (error) {
        data["error"] = *error;
    }
    if (query_value(request, "lagret") == "ja") {
        data["saved"] = t.format("templates.saved", {{"version", current.parsed.version}});
    }
    return page(s, request, context, "document_template",
                t.format("templates.kind_title", {{"kind", t.text("document.kind." + kind_name)}}),
                std::move(data), status);
}

Response kind_get(Services& s, const Request& request, RequestContext& context) {
    return kind_page(s, request, context, document_kind_of(context), std::nullopt, std::nullopt,
                     http::status::ok);
}

// The refusal in the administrator's words.
std::string refusal_text(const Catalogue& t, domain::DocumentKind kind,
                         const app::TemplateRefusal& refusal) {
    switch (refusal.problem) {
        case app::TemplateProblem::broken_file:
            return t.format("data_file." + std::string(domain::to_string(refusal.file_problem)),
                            {{"file", t.text("templates.the_file")},
                             {"key", refusal.key},
                             {"reason", refusal.reason}});
        case app::TemplateProblem::broken_body:
            return t.format("templates.broken_body", {{"reason", refusal.reason}});
        case app::TemplateProblem::other_kind:
            return t.format("templates.other_kind",
                            {{"kind", refusal.key}, {"expected", domain::to_string(kind)}});
        case app::TemplateProblem::version_in_use:
            break;
    }
    return t.format("templates.version_in_use", {{"version", refusal.key}});
}

Response kind_post(Services& s, const Request& request, RequestContext& context) {
    const auto& t = s.catalogue;
    const auto kind = document_kind_of(context);
    std::map<std::string, std::string> refused;
    const auto fields = form_fields(request, &refused);
    const auto it = fields.find("source");
    std::string source = it == fields.end() ? std::string() : it->second;
    auto refuse = [&](const std::string& message) {
        return kind_page(s, request, context, kind, source, message,
                         http::status::unprocessable_entity);
    };
    if (refused.contains("source")) {
        return refuse(t.text(refused.at("source")));
    }
    if (source.find_first_not_of(" \t\r\n") == std::string::npos) {
        return refuse(t.text("templates.empty"));
    }
    if (source.size() > kMaxTemplateBytes) {
        return refuse(t.format("templates.too_long", {{"max", std::to_string(kMaxTemplateBytes)}}));
    }
    // The body must fill in and lay out: an unclosed section or a line the markup cannot take
    // would otherwise fail every document made from it. Filled with no data, as far as that goes.
    const app::TemplateBodyCheck fills_in =
        [&t](const domain::DocumentTemplate& parsed) -> std::optional<std::string> {
        try {
            PdfInfo info;
            info.title = parsed.title;
            info.page_label = t.text("document.page_label");
            pdf_from_markup(info, document_markup(parsed, json::object{}));
        } catch (const std::runtime_error& e) {  // PdfMarkupError, or mustache's.
            return std::string(e.what());
        }
        return std::nullopt;
    };
    const auto result = app::replace_document_template(
        s.app, kind, source, fills_in, context.session->actor,
        audit_event(s, request, context, "document_template.replaced", "ok"));
    if (const auto* refusal = std::get_if<app::TemplateRefusal>(&result)) {
        return refuse(refusal_text(t, kind, *refusal));
    }
    return redirect(request.version(), kind_path(kind) + "?lagret=ja");
}

}  // namespace

void register_document_template_routes(Routes& routes) {
    const RouteAccess kAdmin{app::Action::manage_document_templates};
    using http::verb;
    routes.add(verb::get, std::string(kTemplatesPath), kAdmin, templates_page);
    routes.add(verb::get, std::string(kTemplatesPath) + "/{kind}", kAdmin, kind_get);
    routes.add(verb::post, std::string(kTemplatesPath) + "/{kind}", kAdmin, kind_post);
}

}  // namespace alis::web
