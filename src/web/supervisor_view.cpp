// The view models of web/supervisor_view.hpp.
#include "web/supervisor_view.hpp"

#include <algorithm>

#include "app/municipality_overview.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

std::string qualification_label(const Catalogue& t, const domain::Supervisor& x) {
    if (x.qualification == domain::SupervisorQualification::approved_experienced && x.approved_on) {
        return t.format("supervisors.qualification_approved_on",
                        {{"date", x.approved_on->norwegian()}});
    }
    return t.text("supervisors.qualification." + std::string(domain::to_string(x.qualification)));
}

// The municipalities for the home-municipality <select>, by name.
json::array municipality_options(Services& s, const std::string& selected) {
    auto all = app::municipalities(s.app);
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    json::array options;
    for (const auto& m : all) {
        options.push_back(json::object{{"value", m.number},
                                       {"label", m.name + " (" + m.number + ")"},
                                       {"selected", m.number == selected}});
    }
    return options;
}

}  // namespace

json::object supervisor_json(const domain::Supervisor& x, const std::string& name,
                             std::optional<int> trainees, int capacity) {
    json::object o{
        {"id", x.id},
        {"person_id", x.person_id},
        {"name", name},
        {"municipality", x.municipality_number},
        {"qualification", std::string(domain::to_string(x.qualification))},
        {"approved_on", x.approved_on ? json::value(x.approved_on->iso()) : nullptr},
        {"approval_reason", x.approval_reason ? json::value(*x.approval_reason) : nullptr},
        {"office", x.office},
        {"home_municipality", x.home_municipality_number},
        {"registered_on", x.registered_on.iso()}};
    o["agreement"] =
        x.agreement_reference
            ? json::value(json::object{{"reference", *x.agreement_reference},
                                       {"date", x.agreement_date ? x.agreement_date->iso() : ""}})
            : json::value(nullptr);
    if (trainees) {
        o["trainees"] = *trainees;
        o["capacity"] = capacity;
        o["over_capacity"] = *trainees > capacity;
    }
    return o;
}

json::object new_supervisor_data(Services& s, const domain::Municipality& m,
                                 const RequestContext& context, const std::string& home,
                                 const std::string& qualification) {
    const auto& t = s.catalogue;
    return json::object{{"heading", t.format("supervisors.new_title", {{"name", m.name}})},
                        {"action", "/kommuner/" + m.number + "/veiledere/ny"},
                        {"cancel_url", "/kommuner/" + m.number + "/veiledere"},
                        {"csrf_token", context.session->csrf_token},
                        {"qualifications", select_options(t, "supervisors.qualification",
                                                          kQualifications, qualification)},
                        {"municipalities", municipality_options(s, home)}};
}

json::object capacity_data(Services& s, const domain::Municipality& m,
                           const RequestContext& context) {
    return json::object{
        {"heading", s.catalogue.format("supervisors.capacity_title", {{"name", m.name}})},
        {"action", "/kommuner/" + m.number + "/veiledere/kapasitet"},
        {"cancel_url", "/kommuner/" + m.number + "/veiledere"},
        {"csrf_token", context.session->csrf_token}};
}

json::object assignment_data(Services& s, const Trainee& trainee, const RequestContext& context,
                             const std::string& selected) {
    const auto& t = s.catalogue;
    const domain::Date today = s.today();
    const auto list = app::supervisor_list(s.app, trainee.municipality.number, today);
    json::array options;
    for (const auto& row : list->supervisors) {
        const std::string id = std::to_string(row.supervisor.person_id);
        options.push_back(json::object{
            {"value", id},
            {"label", t.format("supervisors.option", {{"name", row.full_name},
                                                      {"office", row.supervisor.office},
                                                      {"trainees", row.trainees},
                                                      {"capacity", list->capacity}})},
            {"selected", id == selected}});
    }
    json::array history;
    for (const auto& [a, name] : app::assignment_history(s.app, trainee.person.id)) {
        history.push_back(json::object{
            {"name", name},
            {"from", a.starts_on.norwegian()},
            {"to", a.ends_on ? a.ends_on->norwegian() : t.text("supervisors.ongoing")}});
    }
    return json::object{
        {"heading", t.format("supervisors.assign_title", {{"name", trainee.person.full_name}})},
        {"action", "/personer/" + std::to_string(trainee.person.id) + "/veileder"},
        {"cancel_url", "/kommuner/" + trainee.municipality.number + "/oversikt"},
        {"supervisors_url", "/kommuner/" + trainee.municipality.number + "/veiledere"},
        {"csrf_token", context.session->csrf_token},
        {"options", std::move(options)},
        {"has_options", !list->supervisors.empty()},
        {"history", history},
        {"has_history", !history.empty()},
        {"municipality", trainee.municipality.name}};
}

json::object supervisor_list_view(Services& s, const app::SupervisorList& list) {
    const auto& t = s.catalogue;
    const std::string base = "/kommuner/" + list.municipality.number;
    json::array rows;
    int over = 0;
    for (const auto& row : list.supervisors) {
        const auto& x = row.supervisor;
        const std::string& home = row.home_municipality_name.empty() ? x.home_municipality_number
                                                                     : row.home_municipality_name;
        std::string agreement;
        if (x.agreement_reference) {
            agreement = t.format("supervisors.agreement_line",
                                 {{"reference", *x.agreement_reference},
                                  {"date", x.agreement_date ? x.agreement_date->norwegian() : ""}});
        }
        const bool over_capacity = row.trainees > list.capacity;
        over += over_capacity ? 1 : 0;
        rows.push_back(json::object{
            {"name", row.full_name},
            {"qualification", qualification_label(t, x)},
            {"office", x.office},
            {"home", home},
            {"agreement", agreement},
            {"agreement_url",
             base + "/veiledere/" + std::to_string(x.id) + "/veiledningsavtale.pdf"},
            {"agreement_page_url", base + "/veiledere/" + std::to_string(x.id) + "/avtale"},
            {"load", t.format("supervisors.load",
                              {{"trainees", row.trainees}, {"capacity", list.capacity}})},
            {"over_capacity", over_capacity},
            {"full", row.trainees == list.capacity}});
    }
    json::object data{
        {"heading", t.format("supervisors.title", {{"name", list.municipality.name}})},
        {"intro", t.format("supervisors.intro",
                           {{"capacity", list.capacity}, {"date", s.today().norwegian()}})},
        {"rows", std::move(rows)},
        {"has_rows", !list.supervisors.empty()},
        {"over_count", over},
        {"has_over", over > 0},
        {"over_summary", t.format("supervisors.over_summary", {{"count", over}})},
        {"new_url", base + "/veiledere/ny"},
        {"capacity_url", base + "/veiledere/kapasitet"},
        {"norm_url", base + "/veiledere/norm"},
        {"groups_url", base + "/veiledningsgrupper"},
        {"overview_url", base + "/oversikt"}};
    return data;
}

std::vector<OwnTrainee> own_trainees(Services& s, const RequestContext& context) {
    const auto& actor = context.session->actor;
    if (!actor.person_id) {
        return {};
    }
    return app::supervised_trainees(s.app, *actor.person_id, s.today());
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

}  // namespace alis::web
