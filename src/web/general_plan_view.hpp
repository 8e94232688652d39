#pragma once

// The view models of the general education plan (web/general_plan_routes.cpp): the public page,
// the leader's edit pages and the JSON of the plan and its parts.

#include <boost/json.hpp>

#include "app/general_plan.hpp"
#include "web/forms.hpp"
#include "web/pipeline.hpp"

namespace alis::web {

// The choices of the plan's forms, as stored.
inline const std::vector<std::string_view> kStatuses =
    domain::enum_names<domain::EnterpriseStatus>();

inline const std::vector<std::string_view> kArenaKinds = domain::enum_names<domain::ArenaKind>();

// The plan's public page (/kommuner/4601/utdanningsplan) and the leader's edit page.
std::string general_plan_url(const std::string& number);

std::string general_plan_edit_url(const std::string& number);

// The plan and its parts as the API answers them.
boost::json::object enterprise_status_json(const domain::EnterpriseStatusChange& c);

boost::json::object learning_arena_json(const domain::LearningArena& a);

boost::json::object plan_responsibility_json(const domain::PlanResponsibility& r);

boost::json::object general_plan_json(const app::GeneralPlan& plan);

// What the public page and the edit page both show: status, arenas, responsibilities.
boost::json::object general_plan_view(const Catalogue& t, const app::GeneralPlan& plan);

// Which of the edit page's forms a failed post came from, so only it shows what was typed.
enum class PlanForm { none, status, arena, responsibility };

// The edit page's title and data; `input` (when set) is what a failed post to the form `failed`
// held.
std::string general_plan_edit_title(const Services& s, const app::GeneralPlan& plan);

boost::json::object general_plan_edit_data(Services& s, const RequestContext& context,
                                           const app::GeneralPlan& plan, PlanForm failed,
                                           const FormInput* input);

// The page of one learning arena: its title and its form's data (`input`, when set, is what a
// failed post held).
std::string learning_arena_title(const Services& s, const domain::LearningArena& arena);

boost::json::object learning_arena_form_data(Services& s, const RequestContext& context,
                                             const domain::LearningArena& arena,
                                             const app::GeneralPlan& plan, const FormInput* input);

}  // namespace alis::web
