#include "web/task_view.hpp"

#include <optional>
#include <string>

namespace alis::web {

namespace json = boost::json;

std::string task_text(const Catalogue& t, const app::Task& task) {
    const std::string kind(domain::to_string(task.kind));
    std::string subject = task.subject;
    if (task.kind == app::TaskKind::aggregate_view) {
        subject = t.text("tasks.views." + task.subject);
    }
    return t.format("tasks." + kind, {{"subject", subject},
                                      {"count", task.count},
                                      {"date", task.day ? task.day->norwegian() : ""},
                                      {"objective", task.objective},
                                      {"ready", task.ready.value_or(0)}});
}

json::array tasks_json(const Catalogue& catalogue, const std::vector<app::Task>& tasks) {
    json::array out;
    for (const auto& task : tasks) {
        json::object o{{"kind", domain::to_string(task.kind)},
                       {"role", domain::to_string(task.role)},
                       {"text", task_text(catalogue, task)},
                       {"url", task.url}};
        if (!task.subject.empty()) {
            o["subject"] = task.subject;
        }
        if (task.count > 0) {
            o["count"] = task.count;
        }
        if (task.day) {
            o["day"] = task.day->iso();
        }
        if (!task.objective.empty()) {
            o["objective"] = task.objective;
        }
        if (task.ready) {
            o["ready"] = *task.ready;
        }
        out.push_back(std::move(o));
    }
    return out;
}

json::array task_groups(const Catalogue& catalogue, const std::vector<app::Task>& tasks) {
    json::array groups;
    std::optional<domain::Role> role;
    for (const auto& task : tasks) {
        if (!role || *role != task.role) {
            role = task.role;
            groups.push_back(json::object{
                {"heading", catalogue.text("roles." + std::string(domain::to_string(task.role)))},
                {"tasks", json::array()}});
        }
        groups.back().as_object()["tasks"].as_array().push_back(
            json::object{{"text", task_text(catalogue, task)}, {"url", task.url}});
    }
    return groups;
}

}  // namespace alis::web
