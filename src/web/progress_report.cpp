#include "web/progress_report.hpp"

#include <utility>

namespace alis::web {

namespace json = boost::json;
using domain::ObjectiveStatus;

json::object objective_counts_json(const domain::ObjectiveCounts& c) {
    return json::object{{"approved", c.approved},       {"requested", c.requested},
                        {"in_progress", c.in_progress}, {"not_started", c.not_started},
                        {"at_risk", c.at_risk},         {"total", c.total()}};
}

json::object objective_progress_json(const app::ObjectiveProgress& p) {
    const auto& o = p.objective;
    json::array arenas;
    for (const auto a : o.arenas) {
        arenas.push_back(json::string(domain::to_string(a)));
    }
    return json::object{
        {"id", o.id},
        {"code", o.code},
        {"title", o.title},
        {"signed_by", domain::to_string(o.signed_by)},
        {"arenas", std::move(arenas)},
        {"status", domain::to_string(p.state.status)},
        {"activities", p.activities},
        {"signed_activities", p.signed_activities},
        {"at_risk", p.at_risk},
        {"requested_at", p.state.requested_at ? json::value(*p.state.requested_at) : nullptr},
        {"supervisor_consulted", p.state.supervisor_consulted},
        {"clinical_supervisor_consulted", p.state.clinical_supervisor_consulted},
        {"approved_at", p.state.status == ObjectiveStatus::approved && p.state.decided_at
                            ? json::value(*p.state.decided_at)
                            : nullptr},
        {"approved_by", p.state.status == ObjectiveStatus::approved && p.state.decided_by
                            ? json::value(*p.state.decided_by)
                            : nullptr}};
}

json::object progress_report_json(const app::LearningRecord& record, domain::Date as_of) {
    json::array catalogues;
    for (const auto& c : record.catalogues) {
        json::array objectives;
        for (const auto& p : c.objectives) {
            objectives.push_back(objective_progress_json(p));
        }
        catalogues.push_back(json::object{{"catalogue", domain::to_string(c.edition.catalogue)},
                                          {"edition", c.edition.edition},
                                          {"valid_from", c.edition.valid_from.iso()},
                                          {"demo", c.edition.demo},
                                          {"counts", objective_counts_json(c.counts)},
                                          {"objectives", std::move(objectives)}});
    }
    return json::object{{"person_id", record.person.id},
                        {"as_of", as_of.iso()},
                        {"catalogues", std::move(catalogues)}};
}

}  // namespace alis::web
