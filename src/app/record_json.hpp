#pragma once

// The JSON of a training record's employments, service periods and leaves: what the API answers
// and what the log of corrections keeps of each earlier version (app/training_records.hpp), so
// that a kept version reads back as the record it was.

#include <boost/json.hpp>

#include <string_view>

#include "domain/departure.hpp"
#include "domain/person.hpp"

namespace alis::app {

boost::json::object employment_json(const domain::Employment& e);
boost::json::object service_period_json(const domain::ServicePeriod& p);
boost::json::object leave_json(const domain::Leave& l);
// A departure as the API answers it (not kept in the log of corrections).
boost::json::object departure_json(const domain::Departure& d);

// The record a JSON text of the functions above describes; throws std::invalid_argument when it
// is not one (the log holds only what they wrote).
domain::Employment parse_employment(std::string_view text);
domain::ServicePeriod parse_service_period(std::string_view text);
domain::Leave parse_leave(std::string_view text);

}  // namespace alis::app
