#pragma once

// Reading the training record's forms (web/trainee_routes.cpp adds records,
// web/correction_routes.cpp corrects and removes them): the fields of an employment, a service
// period and a leave, and the problems the use cases report, each noted on its field.

#include <optional>
#include <string>

#include "app/training_records.hpp"
#include "domain/person.hpp"
#include "web/forms.hpp"

namespace alis::web {

// The longest name and place a form takes.
constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxPlace = 200;

// The end of a span that may be open (FormInput::optional_date): nullopt when the field is empty
// (or failed).
std::optional<domain::Date> end_date(const std::optional<std::optional<domain::Date>>& to);

// Notes each problem the use case found on the field it concerns; an unknown record is a 404.
void note(FormInput& input, const app::RecordProblems& problems);

// A record as the form holds it, for `person_id` (and an employment in `municipality`); nullopt
// when a field failed, each failure noted on `input`.
std::optional<domain::Employment> read_employment(FormInput& input, std::int64_t person_id,
                                                  const std::string& municipality);
std::optional<domain::ServicePeriod> read_service_period(FormInput& input, std::int64_t person_id);
std::optional<domain::Leave> read_leave(FormInput& input, std::int64_t person_id);

}  // namespace alis::web
