#pragma once

// What the stability pages show (issue 16): the view models of the curves page and the calendar
// page, and their downloads, built from the same app::StabilityReport and calendar months as the
// JSON API, so that a number on the page, in the download and in the API is the same number.

#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "app/stability.hpp"
#include "web/messages.hpp"
#include "web/spreadsheet.hpp"

namespace alis::web {

// A number as Norwegian readers write it: `decimals` decimals with a decimal comma ("2,8").
std::string norwegian_number(double value, int decimals);

// A number of days in years with one decimal ("5,9"), or "not reached" when there is none (a median
// the curve never falls to).
std::string years_text(const Catalogue& t, const std::optional<double>& days);

// The label of a group of the curves: "Fastlønn", "2022", "ALIS-kontor Bergen", ...
std::string group_label(const Catalogue& t, app::StabilityGrouping grouping,
                        const std::string& key);

// A month as the pages show it: "november 2026".
std::string month_label(const Catalogue& t, domain::Month month);

// The page of the curves and what it needs besides the report.
struct StabilityPageInput {
    std::string heading;
    std::string scope_label;  // "Bergen", "ALIS-kontor Bergen", "hele landet".
    std::string base;         // The page's path, e.g. "/kommuner/4601/stabilitet".
    domain::StabilityOutcome outcome = domain::StabilityOutcome::in_post;
    app::StabilityGrouping grouping = app::StabilityGrouping::none;
    domain::SmallCells cells = domain::SmallCells::protected_;
    domain::Date as_of;
    // Links to the pages of the parts of the scope the reader may see (municipalities of a
    // region, regions of the country): {label, url}.
    std::string links_heading;
    boost::json::array links;
};

// The template data of templates/stability.mustache.
boost::json::object stability_page_data(const Catalogue& t, const app::StabilityReport& report,
                                        const StabilityPageInput& input);

// Every step of every curve shown, as the CSV and Excel downloads give them.
Sheet stability_steps_table(const Catalogue& t, const app::StabilityReport& report,
                            app::StabilityGrouping grouping);

// The calendar page and what it needs besides the months.
struct CalendarPageInput {
    std::string heading;
    std::string scope_label;
    std::string base;  // The calendar page's path, e.g. "/kommuner/4601/stabilitet/kalender".
    std::string curves_url;
    domain::Month from;
    domain::Month to;
    domain::SmallCells cells = domain::SmallCells::protected_;
    domain::Date as_of;
};

// The template data of templates/stability_calendar.mustache.
boost::json::object calendar_page_data(const Catalogue& t,
                                       const std::vector<domain::CalendarMonth>& months,
                                       const CalendarPageInput& input);

// The months as the downloads give them; a protected count is the text "<5".
Sheet calendar_table(const Catalogue& t, const std::vector<domain::CalendarMonth>& months);

}  // namespace alis::web
