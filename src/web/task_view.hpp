#pragma once

// What the landing page (/meg) and GET /api/v1/me/tasks show of app::tasks_of: the same tasks,
// each with its text from the catalogue.

#include <boost/json.hpp>

#include <string>
#include <vector>

#include "app/tasks.hpp"
#include "web/messages.hpp"

namespace alis::web {

// One task's sentence from the catalogue, as every view of the tasks shows it.
std::string task_text(const Catalogue& catalogue, const app::Task& task);

// The tasks as the API gives them: kind, role, text, url, and subject, count and day when set.
boost::json::array tasks_json(const Catalogue& catalogue, const std::vector<app::Task>& tasks);

// The tasks as the landing page shows them: one group per role, in the order given, each task a
// link with its text.
boost::json::array task_groups(const Catalogue& catalogue, const std::vector<app::Task>& tasks);

}  // namespace alis::web
