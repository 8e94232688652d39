// The scope of a stability request (web/stability_scope.hpp).
#include "web/stability_scope.hpp"

#include <algorithm>
#include <vector>

#include "app/municipality_overview.hpp"
#include "app/policy.hpp"
#include "web/access.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

// A file name's text: letters and digits of ASCII, æ, ø and å spelt out, anything else '-'.
std::string file_name_text(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            out += c;
        } else if (text.substr(i, 2) == "ø" || text.substr(i, 2) == "Ø") {
            out += 'o';
            ++i;
        } else if (text.substr(i, 2) == "å" || text.substr(i, 2) == "Å") {
            out += 'a';
            ++i;
        } else if (text.substr(i, 2) == "æ" || text.substr(i, 2) == "Æ") {
            out += "ae";
            ++i;
        } else {
            out += '-';
        }
    }
    return out;
}

// A municipality as the region's and the country's pages need it.
struct Listed {
    std::string office;
    std::string number;
    std::string name;
};

// Every municipality of the store, by office, then name: read once per data generation (kept in
// the response cache as lines "office\tnumber\tname"), since every request of a region or the
// country needs them.
std::vector<Listed> listed_municipalities(Services& s) {
    const auto text =
        s.cache.get_or_compute("stability/municipalities", s.app.data_generation(), [&] {
            std::string lines;
            for (const auto& m : app::municipalities(s.app)) {
                lines += m.alis_office + "\t" + m.number + "\t" + m.name + "\n";
            }
            return lines;
        });
    std::vector<Listed> result;
    std::string_view rest = *text;
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        const auto a = line.find('\t');
        const auto b = line.find('\t', a + 1);
        result.push_back({std::string(line.substr(0, a)),
                          std::string(line.substr(a + 1, b - a - 1)),
                          std::string(line.substr(b + 1))});
        rest.remove_prefix(end + 1);
    }
    return result;
}

}  // namespace

Scope scope_of(Services& s, const RequestContext& context, ScopeKind kind) {
    const auto& t = s.catalogue;
    Scope scope;
    switch (kind) {
        case ScopeKind::municipality: {
            const std::string& number = context.params.at("number");
            const auto municipality = found(app::find_municipality(s.app, number));
            // The municipality's own leader sees its small groups; its regional office does not.
            const bool own = also_allowed(context, app::Action::manage_municipality, s.today());
            scope.scope = {number, std::nullopt};
            scope.cells = own ? domain::SmallCells::shown : domain::SmallCells::protected_;
            scope.label = t.format("stability.scope_municipality", {{"name", municipality.name}});
            scope.heading = t.format("stability.title_municipality", {{"name", municipality.name}});
            scope.base = "/kommuner/" + number + "/stabilitet";
            scope.file_stem = "alis-stabilitet-" + number;
            scope.cache_key = "municipality/" + number + (own ? "/shown" : "/protected");
            return scope;
        }
        case ScopeKind::region: {
            const std::string& office = context.params.at("office");
            const auto all = listed_municipalities(s);
            if (std::none_of(all.begin(), all.end(),
                             [&](const Listed& m) { return m.office == office; })) {
                not_found();  // As the region's own page: an office without municipalities.
            }
            scope.scope = {std::nullopt, office};
            scope.label = t.format("stability.scope_region", {{"office", office}});
            scope.heading = t.format("stability.title_region", {{"office", office}});
            scope.base = "/regioner/" + office + "/stabilitet";
            scope.file_stem = "alis-stabilitet-" + file_name_text(office);
            scope.cache_key = "region/" + office;
            return scope;
        }
        case ScopeKind::country:
            break;
    }
    scope.label = t.text("stability.scope_country");
    scope.heading = t.text("stability.title_country");
    scope.base = "/stabilitet";
    scope.file_stem = "alis-stabilitet-norge";
    scope.cache_key = "country";
    return scope;
}

Links links_of(Services& s, const RequestContext& context, ScopeKind kind, const Scope& scope,
               std::string_view suffix) {
    Links links;
    if (kind == ScopeKind::municipality || !context.session) {
        return links;
    }
    const auto& actor = context.session->actor;
    const auto all = listed_municipalities(s);  // By office, then name.
    if (kind == ScopeKind::region) {
        links.heading = s.catalogue.text("stability.municipalities_heading");
        for (const auto& m : all) {
            if (m.office != *scope.scope.alis_office) {
                continue;
            }
            app::Resource resource;
            resource.kind = app::Resource::Kind::municipality;
            resource.municipality_number = m.number;
            resource.municipality_office = m.office;
            const bool allowed = app::decide(actor, app::Action::view_municipality, resource,
                                             s.today()) == app::Decision::allow;
            links.key += allowed ? '1' : '0';
            if (allowed) {
                links.items.push_back(json::object{
                    {"label", m.name},
                    {"url", "/kommuner/" + m.number + "/stabilitet" + std::string(suffix)}});
            }
        }
        return links;
    }
    links.heading = s.catalogue.text("stability.regions_heading");
    std::vector<std::string> offices;
    for (const auto& m : all) {
        if (offices.empty() || offices.back() != m.office) {
            offices.push_back(m.office);
        }
    }
    for (const auto& office : offices) {
        app::Resource resource;
        resource.kind = app::Resource::Kind::office;
        resource.office = office;
        const bool allowed = app::decide(actor, app::Action::view_region, resource, s.today()) ==
                             app::Decision::allow;
        links.key += allowed ? '1' : '0';
        if (allowed) {
            links.items.push_back(json::object{
                {"label", s.catalogue.format("stability.scope_region", {{"office", office}})},
                {"url", "/regioner/" + office + "/stabilitet" + std::string(suffix)}});
        }
    }
    return links;
}

}  // namespace alis::web
