#include "web/documents.hpp"

#include <algorithm>

#include "app/auth.hpp"
#include "app/document_templates.hpp"
#include "domain/ledger.hpp"
#include "domain/money.hpp"
#include "web/education_plan_view.hpp"
#include "web/general_plan_view.hpp"
#include "web/templates.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;
using domain::Date;

// A value as text of the block markup: XML's references for Pango; '|' as a reference (it would
// end a table cell), a line break as a space (it would end the block), '#' and a leading '-' as
// references (at the start of a line they would make a heading, a list item or a page break).
std::string escape_for_markup(const std::string& value) {
    std::string out;
    out.reserve(value.size());
    std::size_t plain = 0;  // The start of the run not yet written.
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        const bool leading_dash = c == '-' && value.find_first_not_of(" \t") == i;
        if (c != '|' && c != '#' && c != '\n' && c != '\r' && !leading_dash) {
            continue;
        }
        out += escape_xml(std::string_view(value).substr(plain, i - plain));
        out += c == '|' ? "&#124;" : c == '#' ? "&#35;" : leading_dash ? "&#45;" : " ";
        plain = i + 1;
    }
    out += escape_xml(std::string_view(value).substr(plain));
    return out;
}

std::string document_period_text(const Catalogue& t, Date from, std::optional<Date> to) {
    return to ? t.format("document.period", {{"from", from.norwegian()}, {"to", to->norwegian()}})
              : t.format("document.period_ongoing", {{"from", from.norwegian()}});
}

// A text of several lines (a plan's free text) as a list of its lines that hold something.
json::array lines_of(const json::value* text) {
    json::array lines;
    if (text == nullptr || !text->is_string()) {
        return lines;
    }
    const std::string_view all = text->get_string();
    std::size_t start = 0;
    while (start <= all.size()) {
        const std::size_t end = std::min(all.find('\n', start), all.size());
        const std::string_view line = all.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
            lines.emplace_back(line);
        }
        start = end + 1;
    }
    return lines;
}

}  // namespace

std::string document_markup(const domain::DocumentTemplate& document, json::object data) {
    data["template"] = json::object{{"version", document.version}, {"title", document.title}};
    return render_mustache(document.body, data, escape_for_markup);
}

std::string document_pdf(const Catalogue& t, const domain::DocumentTemplate& document,
                         json::object data, std::string title, std::string author,
                         std::int64_t made_at) {
    PdfInfo info;
    info.title = std::move(title);
    info.author = std::move(author);
    info.subject = document.title;
    info.created = app::utc_iso(made_at);
    info.page_label = t.text("document.page_label");
    return pdf_from_markup(info, document_markup(document, std::move(data)));
}

json::object service_certificate_data(const Catalogue& t,
                                      const app::ServiceCertificate& certificate,
                                      const std::string& issuer) {
    const auto& e = certificate.employment;
    json::object person{{"name", certificate.person.full_name}};
    if (certificate.person.hpr_number) {
        person["hpr"] = *certificate.person.hpr_number;
    }
    json::array periods;
    for (const auto& p : certificate.periods) {
        periods.push_back(json::object{
            {"period", document_period_text(t, p.starts_on, p.ends_on)},
            {"arena", t.text("ledger.arena." + std::string(domain::to_string(p.arena)))},
            {"place", p.place},
            {"fte", p.fte}});
    }
    json::array leaves;
    for (const auto& l : certificate.leaves) {
        leaves.push_back(
            json::object{{"period", document_period_text(t, l.starts_on, l.ends_on)},
                         {"kind", t.text("leave_kind." + std::string(domain::to_string(l.kind)))}});
    }
    json::object data{
        {"person", std::move(person)},
        {"municipality", certificate.municipality_name},
        {"employment", json::object{{"period", document_period_text(t, e.starts_on, e.ends_on)},
                                    {"fte", e.fte},
                                    {"post", t.text("post_type." +
                                                    std::string(domain::to_string(e.post_type)))}}},
        {"has_periods", !periods.empty()},
        {"periods", std::move(periods)},
        {"leaves", std::move(leaves)},
        {"issued_on", certificate.issued_on.norwegian()},
        {"issuer", issuer},
    };
    if (const auto* ledger = std::get_if<app::PersonLedger>(&certificate.ledger)) {
        const auto& months = ledger->report.months;
        json::array arenas;
        for (std::size_t i = 0; i < domain::kCountingArenaCount; ++i) {
            arenas.push_back(json::object{
                {"arena", t.text("ledger.arena." +
                                 std::string(domain::to_string(domain::kCountingArenas[i])))},
                {"months", domain::norwegian_months(months.by_arena[i])}});
        }
        json::object counted{{"ruleset", ledger->report.ruleset_name},
                             {"as_of", ledger->report.as_of.norwegian()},
                             {"arenas", std::move(arenas)},
                             {"total", domain::norwegian_months(months.total)}};
        if (months.not_counted > 0) {
            counted["not_counted"] = domain::norwegian_months(months.not_counted);
        }
        data["ledger"] = std::move(counted);
    } else {
        // The ledger's reason is technical English; the certificate says what to do.
        data["ledger_failure"] = t.text("document.ledger_failure");
    }
    return data;
}

std::string service_certificate_pdf(const Catalogue& t, app::Application& app,
                                    const app::ServiceCertificate& certificate,
                                    const std::string& issuer) {
    const auto document = app::document_template(app, domain::DocumentKind::service_certificate);
    return document_pdf(
        t, document, service_certificate_data(t, certificate, issuer),
        t.format("document.certificate_title", {{"name", certificate.person.full_name}}),
        t.format("document.municipality", {{"name", certificate.municipality_name}}),
        certificate.made_at);
}

std::optional<std::string> education_plan_pdf(const Catalogue& t, app::Application& app,
                                              const domain::Person& person, Date today) {
    auto data = education_plan_data(t, app, person, today);
    if (!data) {
        return std::nullopt;
    }
    for (const char* field : {"supervision_group", "courses", "next_months"}) {
        (*data)[std::string(field) + "_lines"] = lines_of(data->if_contains(field));
    }
    const auto document = app::document_template(app, domain::DocumentKind::education_plan);
    return document_pdf(t, document, std::move(*data),
                        t.format("plan.title", {{"name", person.full_name}}), person.full_name,
                        app.now());
}

namespace {

// The data of the agreement with the municipality's supervisor `supervisor_id` for
// templates/documents/supervision-agreement.txt, and the supervisor's name; nullopt when the
// municipality has no such supervisor.
std::optional<std::pair<json::object, std::string>> supervision_agreement_fill(
    const Catalogue& t, app::Application& app, const app::SupervisorList& list,
    std::int64_t supervisor_id, Date today) {
    const auto summary = std::find_if(
        list.supervisors.begin(), list.supervisors.end(),
        [&](const domain::SupervisorSummary& x) { return x.supervisor.id == supervisor_id; });
    if (summary == list.supervisors.end()) {
        return std::nullopt;
    }
    const auto& s = summary->supervisor;
    json::object supervisor{
        {"name", summary->full_name},
        {"qualification",
         t.text("supervisors.qualification." + std::string(domain::to_string(s.qualification)))},
        {"office", s.office},
        {"home", summary->home_municipality_name.empty() ? s.home_municipality_number
                                                         : summary->home_municipality_name}};
    if (s.agreement_reference) {
        supervisor["agreement"] =
            *s.agreement_reference +
            (s.agreement_date ? ", " + s.agreement_date->norwegian() : std::string());
    }
    json::array trainees;
    for (const auto& trainee : app::supervised_trainees(app, s.person_id, today)) {
        if (std::find(trainee.employers.begin(), trainee.employers.end(), list.municipality.name) !=
            trainee.employers.end()) {
            trainees.push_back(json::object{{"name", trainee.person.full_name},
                                            {"since", trainee.since.norwegian()}});
        }
    }
    json::object data{{"municipality", list.municipality.name},
                      {"supervisor", std::move(supervisor)},
                      {"has_trainees", !trainees.empty()},
                      {"trainees", std::move(trainees)},
                      {"capacity", list.capacity},
                      {"today", today.norwegian()}};
    return std::pair{std::move(data), summary->full_name};
}

}  // namespace

std::optional<std::string> supervision_agreement_pdf(const Catalogue& t, app::Application& app,
                                                     const app::SupervisorList& list,
                                                     std::int64_t supervisor_id, Date today) {
    auto data = supervision_agreement_fill(t, app, list, supervisor_id, today);
    if (!data) {
        return std::nullopt;
    }
    const auto document = app::document_template(app, domain::DocumentKind::supervision_agreement);
    return document_pdf(t, document, std::move(data->first),
                        t.format("document.supervision_agreement_title", {{"name", data->second}}),
                        t.format("document.municipality", {{"name", list.municipality.name}}),
                        app.now());
}

std::optional<app::DocumentDraft> supervision_agreement_draft(
    const Catalogue& t, app::Application& app, const app::SupervisorList& list,
    std::int64_t supervisor_id, const SupervisionTerms& terms, Date today) {
    auto data = supervision_agreement_fill(t, app, list, supervisor_id, today);
    if (!data) {
        return std::nullopt;
    }
    json::object given{{"fee", terms.fee}, {"from", terms.from.norwegian()}};
    if (terms.to) {
        given["to"] = terms.to->norwegian();
    }
    data->first["terms"] = std::move(given);
    data->first["signed_in_alis"] = true;
    const auto document = app::document_template(app, domain::DocumentKind::supervision_agreement);
    app::DocumentDraft draft;
    draft.kind = domain::DocumentKind::supervision_agreement;
    draft.template_version = document.version;
    draft.title = t.format("document.supervision_agreement_title", {{"name", data->second}});
    draft.content = document_markup(document, std::move(data->first));
    return draft;
}

std::string general_plan_pdf(const Catalogue& t, app::Application& app,
                             const app::GeneralPlan& plan, Date today) {
    json::object data = general_plan_view(t, plan);
    const std::string title =
        t.format("general_plan.public_title", {{"name", plan.municipality.name}});
    data["heading"] = title;
    data["today"] = today.norwegian();
    for (auto& arena : data["arenas"].as_array()) {
        auto& a = arena.as_object();
        a["offers_lines"] = lines_of(a.if_contains("offers"));
    }
    const auto document = app::document_template(app, domain::DocumentKind::general_plan);
    return document_pdf(t, document, std::move(data), title,
                        t.format("document.municipality", {{"name", plan.municipality.name}}),
                        app.now());
}

app::DocumentDraft alis_agreement_draft(const Catalogue& t, app::Application& app,
                                        const app::AgreementDocumentFacts& facts, Date today) {
    const auto document = app::document_template(app, domain::DocumentKind::alis_agreement);
    const auto& e = facts.employment;
    const auto& a = facts.agreement;
    json::object person{{"name", facts.person.full_name}};
    if (facts.person.hpr_number) {
        person["hpr"] = *facts.person.hpr_number;
    }
    json::object pay;
    if (facts.salary) {
        pay["salary"] = domain::format_kroner(*facts.salary);
    }
    if (facts.bonus) {
        pay["bonus"] = domain::format_kroner(*facts.bonus);
    }
    json::object data{
        {"municipality", facts.municipality_name},
        {"person", std::move(person)},
        {"employment",
         json::object{
             {"fte", e.fte},
             {"post", t.text("post_type." + std::string(domain::to_string(e.post_type)))},
             {"pay_model", t.text("pay_model." + std::string(domain::to_string(e.pay_model)))},
             {"period",
              document_period_text(t, a.covers_from, a.covers_to ? a.covers_to : e.ends_on)}}},
        {"pay", std::move(pay)},
        {"signed_in_alis", true},
        {"today", today.norwegian()},
    };
    if (facts.supervisor_name) {
        data["supervisor"] = *facts.supervisor_name;
    }
    app::DocumentDraft draft;
    draft.kind = domain::DocumentKind::alis_agreement;
    draft.template_version = document.version;
    draft.title = t.format("document.agreement_title", {{"name", facts.person.full_name}});
    draft.content = document_markup(document, std::move(data));
    return draft;
}

std::string stored_document_pdf(const Catalogue& t, const domain::SignedDocument& document,
                                const std::string& author, std::int64_t made_at) {
    const std::string id = std::to_string(document.id);
    const std::string version = std::to_string(document.version);
    std::string markup = document.content;
    markup += "\n\n---\n\n# " + t.text("document.signatures.heading") + "\n\n";
    markup += "| " + t.text("document.signatures.party") + " | " +
              t.text("document.signatures.signer") + " | " +
              t.text("document.signatures.signed_at") + " |\n";
    for (const auto party : domain::signing_parties(document.kind)) {
        const auto* s = document.signature_of(party);
        markup += "| " + t.text("document.party." + std::string(domain::to_string(party))) + " | " +
                  (s ? escape_for_markup(s->signer) : t.text("document.signatures.not_yet")) +
                  " | " + (s ? escape_for_markup(s->signed_at) : std::string()) + " |\n";
    }
    markup += "\n" +
              t.format(document.status() == domain::DocumentStatus::signed_by_all
                           ? "document.signatures.signed_by_all"
                           : "document.signatures.draft",
                       {{"id", id}, {"version", version}}) +
              "\n\n" + t.format("document.signatures.hash", {{"hash", document.content_sha256}}) +
              "\n";
    PdfInfo info;
    info.title = document.title;
    info.author = author;
    info.subject = t.text("document.kind." + std::string(domain::to_string(document.kind)));
    info.keywords = app::document_marker(document.id);
    info.created = app::utc_iso(made_at);
    info.footer = t.format("document.footer", {{"id", id}, {"version", version}});
    info.page_label = t.text("document.page_label");
    return pdf_from_markup(info, markup);
}

int add_demo_documents(const Catalogue& t, app::Application& app, Date as_of) {
    app::DemoDocumentMaker make;
    make.draft = [&](const app::AgreementDocumentFacts& facts) {
        return alis_agreement_draft(t, app, facts, facts.agreement.signed_on.value_or(as_of));
    };
    make.supervision_draft = [&](const std::string& number, std::int64_t supervisor_id) {
        const auto list = app::supervisor_list(app, number, as_of);
        return list ? supervision_agreement_draft(
                          t, app, *list, supervisor_id,
                          {t.text("supervision_agreement.demo_fee"), as_of.first_of_month(), {}},
                          as_of)
                    : std::nullopt;
    };
    make.pdf = [&](const domain::SignedDocument& d) {
        const auto day = Date::parse_iso(d.signed_at.value_or(d.created_at).substr(0, 10));
        return stored_document_pdf(t, d, d.title,
                                   std::int64_t{day.value_or(as_of).days_since_epoch()} * 86'400);
    };
    return app::add_demo_documents(app, as_of, make);
}

}  // namespace alis::web
