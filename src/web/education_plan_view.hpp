#pragma once

// The view models of the individual education plan (web/education_plan_routes.cpp): the plan
// page and its print view, the revision form with its rows of planned periods, and the JSON of a
// revision.

#include <boost/json.hpp>

#include "app/education_plan.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"

namespace alis::web {

// The fewest rows of planned periods the revision form shows.
inline constexpr std::size_t kMinRows = 3;

// The arenas a plan's period may have, and the fields of each period.
// The arenas a plan can hold: those whose service counts.
std::vector<std::string_view> counting_arena_names();
inline const std::vector<std::string_view> kPlanArenas = counting_arena_names();

inline const char* const kPeriodFields[] = {"arena", "place", "from", "to", "fte"};

// The person's plan page: /personer/42/utdanningsplan.
std::string plan_url(std::int64_t person);

// The planned periods: `periods: [{arena, place, from, to, fte}]` in JSON, period_1_arena ... in
// the form.
inline const FieldRows kPeriods{"periods", "period", domain::kMaxPlannedPeriods,
                                "plan.too_many_periods"};

// A revision and what changed from the one before, as the API answers it.
boost::json::object revision_json(const domain::EducationPlanRevision& r,
                                  const std::vector<domain::PlanChange>& changes);

// Each revision with what changed from the one before it, oldest first.
std::vector<std::pair<domain::EducationPlanRevision, std::vector<domain::PlanChange>>> history_of(
    app::Application& app, std::int64_t person);

// What the plan shows on `today`, for the page, its print view and the PDF: the plan, the actual
// path, the projections and the revisions; nullopt for an unknown person.
std::optional<boost::json::object> education_plan_data(const Catalogue& t, app::Application& app,
                                                       const domain::Person& person,
                                                       domain::Date today);

// What the plan page and the print view show: education_plan_data with the page's links and
// whether the reader may revise it (404 for an unknown person).
boost::json::object education_plan_view(Services& s, const RequestContext& context,
                                        const domain::Person& person);

// The form's fields prefilled from a plan (dates as users write them).
FormInput input_from_plan(const std::optional<domain::EducationPlanRevision>& current);

// How many rows the form shows for `input`: every row holding something, the rows the last
// rendering showed, `extra` more, and at least kMinRows.
std::size_t rows_for(const FormInput& input, std::size_t extra);

// The data of the revision form (templates/education_plan_form.mustache) with `rows` rows of
// planned periods, holding what `input` holds and its errors.
boost::json::object revision_form_data(Services& s, const RequestContext& context,
                                       const domain::Person& person, const FormInput& input,
                                       std::size_t rows);

}  // namespace alis::web
