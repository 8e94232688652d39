#pragma once

// The leader's form of cost inputs (docs/money.md, "Cost inputs and coverage"): the
// municipality's defaults for a year, or one ALIS's own inputs with the ALIS's computed cost and
// coverage beside them (templates/cost_form.mustache). The form posts to the same handler as the
// API's PUT.

#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "app/grant_records.hpp"
#include "web/forms.hpp"
#include "web/messages.hpp"

namespace alis::web {

// The form's path: /kommuner/{number}/kostnader/{year}, with /{person} for an ALIS's own inputs.
std::string cost_form_path(const std::string& number, int year,
                           std::optional<std::int64_t> person_id);

// The form's values as recorded, amounts written as the form reads them back ("1 234 567").
FormInput cost_form_input(const app::CostForm& form);

// The data of templates/cost_form.mustache: the fields with `input`'s values and errors (each
// field of an ALIS's form hinted with the default it falls back on), and the computed figures.
boost::json::object cost_form_data(const Catalogue& t, const RequestContext& context,
                                   const app::CostForm& form, const FormInput& input);

}  // namespace alis::web
