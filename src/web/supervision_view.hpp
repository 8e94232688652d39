#pragma once

// What the supervision pages and the API show of a trainee's meetings (issue 14). Whether a
// reader sees a meeting's minutes and addenda is the policy's answer (read_supervision_minutes),
// passed in as MinutesShown; nothing here decides it.

#include <boost/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "app/supervision.hpp"
#include "web/http.hpp"
#include "web/messages.hpp"

namespace alis::web {

struct Services;

// Whether a meeting's private minutes and addenda go into what a reader is shown.
enum class MinutesShown { no, yes };

// How many months the chart and its table show, up to and with this month.
inline constexpr int kSupervisionChartMonths = 12;

// "/personer/{id}/veiledning", and one meeting's page under it.
std::string supervision_path(std::int64_t person_id);
std::string meeting_path(std::int64_t person_id, std::int64_t meeting_id);

// A meeting as the API gives it: minutes and addenda only with MinutesShown::yes (the keys are
// absent otherwise, and `minutes_visible` says which).
boost::json::object meeting_json(const app::SupervisionRecord& record,
                                 const domain::SupervisionMeeting& meeting, MinutesShown shown);

// A norm as the API gives it, with the sources of its values.
boost::json::object norm_json(const domain::SupervisionNorm& norm);

// The months of the chart (kSupervisionChartMonths up to `today`'s month) of the record.
std::vector<domain::SupervisionMonth> chart_months(const app::SupervisionRecord& record,
                                                   domain::Date today);

// The chart (SVG), its table rows, the norm and the warning for the last 3 months, for the
// partial templates/_supervision_chart.mustache.
boost::json::object supervision_chart_view(const Catalogue& t, const app::SupervisionRecord& record,
                                           domain::Date today);

// One meeting's row in the list page: day, hours, topics, veileder, status, link.
boost::json::object meeting_row(const Catalogue& t, const app::SupervisionRecord& record,
                                const domain::SupervisionMeeting& meeting);

// The facts of a meeting on its page, with the minutes and addenda when shown.
boost::json::object meeting_view(const Catalogue& t, const app::SupervisionRecord& record,
                                 const domain::SupervisionMeeting& meeting, MinutesShown shown);

// The supervision group's requirement as progress bars beside the ledger's (the person's page):
// time in a group, hours attended, time in a group while in open practice.
boost::json::object group_view(const Catalogue& t, const app::GroupStatus& status);
// The same as the API gives it: the requirement with its sources and the progress in days and
// minutes.
boost::json::object group_json(const app::GroupStatus& status);

}  // namespace alis::web
