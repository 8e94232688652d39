#pragma once

// Whose stability figures a request asks for (web/stability_routes.cpp): a municipality, a region
// or the country, how they are protected (only the municipality's own leader sees small groups),
// how the pages name them, and the links to the parts of the scope the reader may open. Decided
// once per request, for every format.

#include <boost/json.hpp>

#include <string>
#include <string_view>

#include "app/stability.hpp"
#include "web/pipeline.hpp"

namespace alis::web {

enum class ScopeKind { municipality, region, country };

// Whose figures a request asks for, how they are protected, and how its pages name it.
struct Scope {
    app::StabilityScope scope;
    domain::SmallCells cells = domain::SmallCells::protected_;
    std::string label;      // "Bergen", "ALIS-kontor Bergen", "hele landet".
    std::string heading;    // The curves page's heading.
    std::string base;       // The curves page's path.
    std::string file_stem;  // The downloads' file name without its extension.
    std::string cache_key;  // The scope and its protection, for the response cache.
};

// The scope of the request's path parameters ({number}, {office}); 404 for an unknown one.
Scope scope_of(Services& s, const RequestContext& context, ScopeKind kind);

// The pages of the parts of the scope the reader may see, as links {label, url}, and a text
// that tells readers with different links apart (part of the page's cache key).
struct Links {
    std::string heading;
    boost::json::array items;
    std::string key;
};

Links links_of(Services& s, const RequestContext& context, ScopeKind kind, const Scope& scope,
               std::string_view suffix);

}  // namespace alis::web
