// The agreements signed in alis (issue 17, docs/documents.md "Signatures"): a doctor's agreements
// page (the register rows, the versions of each one's document, the leader's form for a new row),
// a municipality's agreement with a supervisor it has registered (its versions, the leader's form
// with the terms), a version's page and PDF, signing with a fresh password, and the public check
// of a file.
// Writes go through app/signed_documents.hpp, audited there; the register rows through
// app/grant_records.hpp, as the API's.
#include <boost/json.hpp>

#include "app/document_templates.hpp"
#include "app/grant_records.hpp"
#include "app/policy.hpp"
#include "app/signed_documents.hpp"
#include "app/supervisors.hpp"
#include "app/training_records.hpp"
#include "web/access.hpp"
#include "web/documents.hpp"
#include "web/form_fields.hpp"
#include "web/forms.hpp"
#include "web/multipart.hpp"
#include "web/pipeline.hpp"
#include "web/trainee_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

std::string agreements_path(std::int64_t person_id) {
    return person_path(person_id) + "/avtaler";
}

std::string document_path(std::int64_t person_id, std::int64_t document_id) {
    return person_path(person_id) + "/dokumenter/" + std::to_string(document_id);
}

std::string status_text(const Catalogue& t, const domain::SignedDocument& d) {
    return t.text("document.status." + std::string(domain::to_string(d.status())));
}

json::object signature_json(const domain::DocumentSignature& s) {
    return json::object{{"party", std::string(domain::to_string(s.party))},
                        {"signer", s.signer},
                        {"signed_at", s.signed_at}};
}

json::object document_json(const domain::SignedDocument& d) {
    json::array signatures;
    for (const auto& s : d.signatures) {
        signatures.push_back(signature_json(s));
    }
    return json::object{
        {"id", d.id},
        {"agreement_id", d.agreement_id ? json::value(*d.agreement_id) : json::value(nullptr)},
        {"supervisor_id", d.supervisor_id ? json::value(*d.supervisor_id) : json::value(nullptr)},
        {"kind", std::string(domain::to_string(d.kind))},
        {"version", d.version},
        {"status", std::string(domain::to_string(d.status()))},
        {"template_version", d.template_version},
        {"content_sha256", d.content_sha256},
        {"pdf_sha256", d.pdf_sha256 ? json::value(*d.pdf_sha256) : json::value(nullptr)},
        {"signed_at", d.signed_at ? json::value(*d.signed_at) : json::value(nullptr)},
        {"created_at", d.created_at},
        {"signatures", std::move(signatures)}};
}

// The party the signed-in actor signs as: `own` (the doctor, the supervisor) when the document is
// with the actor's own person `person_id`, else the municipality (the policy has let only its
// leader that far).
domain::DocumentParty party_of(const RequestContext& context, std::int64_t person_id,
                               domain::DocumentParty own = domain::DocumentParty::trainee) {
    const auto& actor = context.session->actor;
    return actor.person_id && *actor.person_id == person_id ? own : domain::DocumentParty::employer;
}

[[noreturn]] void refuse_document_problem(app::DocumentProblem problem) {
    switch (problem) {
        case app::DocumentProblem::superseded:
            throw HttpError(http::status::conflict, "superseded", "document.problem.superseded");
        case app::DocumentProblem::already_signed:
            throw HttpError(http::status::conflict, "already_signed",
                            "document.problem.already_signed");
        case app::DocumentProblem::cancelled_agreement:
            throw HttpError(http::status::conflict, "cancelled",
                            "document.problem.cancelled_agreement");
        case app::DocumentProblem::unknown_agreement:
        case app::DocumentProblem::unknown_document:
        case app::DocumentProblem::unknown_supervisor:
            break;
    }
    not_found();
}

// The PDF kept when the last party signs: the version with its signatures, made now.
app::SignedPdf frozen_pdf(Services& s) {
    return [&s](const domain::SignedDocument& d) {
        return stored_document_pdf(s.catalogue, d, d.title, s.now());
    };
}

// The answer to a signature: the version as JSON, else its page (`page_path`) saying so; a
// problem is refused (refuse_document_problem).
Response signed_response(const Request& request,
                         const std::variant<domain::SignedDocument, app::DocumentProblem>& result,
                         const std::function<std::string(const domain::SignedDocument&)>& page_of) {
    if (const auto* problem = std::get_if<app::DocumentProblem>(&result)) {
        refuse_document_problem(*problem);
    }
    const auto& d = std::get<domain::SignedDocument>(result);
    if (wants_json(request)) {
        return json_response(http::status::ok, request.version(), document_json(d));
    }
    return redirect(request.version(), page_of(d) + "?lagret=signert");
}

// ---- The doctor's agreements ----

Response agreements_page(Services& s, const Request& request, RequestContext& context) {
    const auto record = found(app::training_record(s.app, context.id("person")));
    const auto& person = record.person;
    const auto& t = s.catalogue;
    const auto documents = app::documents_of(s.app, person.id);
    const bool may_record = also_allowed(context, app::Action::record_agreement, s.today());
    json::array rows;
    for (const auto& a : app::agreements_of(s.app, person.id)) {
        json::array versions;
        for (const auto& d : documents) {
            if (d.agreement_id == a.id) {
                versions.push_back(json::object{{"url", document_path(person.id, d.id)},
                                                {"version", d.version},
                                                {"status", status_text(t, d)},
                                                {"signed", d.pdf_sha256.has_value()}});
            }
        }
        json::object row{
            {"covers", a.covers_to ? a.covers_from.norwegian() + "–" + a.covers_to->norwegian()
                                   : t.format("document.period_ongoing",
                                              {{"from", a.covers_from.norwegian()}})},
            {"template_version", a.template_version},
            {"national_template", a.national_template},
            {"status", t.text("agreements.status." + std::string(domain::to_string(a.status)))},
            {"signed_on", a.signed_on ? a.signed_on->norwegian() : std::string()},
            {"has_versions", !versions.empty()},
            {"versions", std::move(versions)}};
        if (may_record && a.status != domain::AgreementStatus::cancelled) {
            row["make_url"] = agreements_path(person.id) + "/" + std::to_string(a.id) + "/dokument";
        }
        rows.push_back(std::move(row));
    }
    json::object data{{"heading", t.format("agreements.title", {{"name", person.full_name}})},
                      {"person_url", person_path(person.id)},
                      {"has_agreements", !rows.empty()},
                      {"agreements", std::move(rows)},
                      {"csrf_token", context.session->csrf_token}};
    if (may_record) {
        json::array employments;
        for (const auto& e : record.employments) {
            employments.push_back(json::object{
                {"id", e.id},
                {"label", t.format("agreements.employment_label",
                                   {{"municipality",
                                     record.municipality_names.contains(e.municipality_number)
                                         ? record.municipality_names.at(e.municipality_number)
                                         : e.municipality_number},
                                    {"from", e.starts_on.norwegian()},
                                    {"fte", std::to_string(e.fte)}})}});
        }
        data["form"] = json::object{{"action", agreements_path(person.id)},
                                    {"employments", std::move(employments)}};
    }
    if (query_value(request, "lagret") == "ja") {
        data["saved"] = t.text("agreements.saved");
    }
    return page(s, request, context, "agreements",
                t.format("agreements.title", {{"name", person.full_name}}), std::move(data));
}

// The leader makes the next version of an agreement's document from the data.
Response make_document(Services& s, const Request& request, RequestContext& context) {
    const auto person_id = context.id("person");
    const auto facts =
        found(app::agreement_document_facts(s.app, person_id, context.id("agreement"), s.today()));
    auto result = app::add_document_version(
        s.app, person_id, facts.agreement.id,
        alis_agreement_draft(s.catalogue, s.app, facts, s.today()), context.session->actor,
        audit_event(s, request, context, "document.created", "ok"));
    if (const auto* problem = std::get_if<app::DocumentProblem>(&result)) {
        refuse_document_problem(*problem);
    }
    const auto& d = std::get<domain::SignedDocument>(result);
    if (wants_json(request)) {
        auto response = json_response(http::status::created, request.version(), document_json(d));
        response.set(http::field::location,
                     "/api/v1/people/" + std::to_string(person_id) + "/documents");
        return response;
    }
    return redirect(request.version(), document_path(person_id, d.id));
}

// ---- One version ----

// Where a version's page sits and leads back to.
struct VersionPlace {
    std::string path;  // The version's page; its PDF and signing are below it.
    std::string back_url;
    std::string back;
};

// The page of one version `d` of a series (`series`: every version of the same agreement), with
// the signing form for `party` when that party has not signed the latest version and may sign.
Response version_page(Services& s, const Request& request, RequestContext& context,
                      const domain::SignedDocument& d,
                      const std::vector<domain::SignedDocument>& series,
                      domain::DocumentParty party, const VersionPlace& place) {
    const auto& t = s.catalogue;
    json::array signatures;
    for (const auto p : domain::signing_parties(d.kind)) {
        const auto* sig = d.signature_of(p);
        signatures.push_back(
            json::object{{"party", t.text("document.party." + std::string(domain::to_string(p)))},
                         {"signer", sig ? sig->signer : t.text("document.signatures.not_yet")},
                         {"signed_at", sig ? sig->signed_at : std::string()}});
    }
    json::object data{{"heading", d.title},
                      {"back_url", place.back_url},
                      {"back", place.back},
                      {"version", d.version},
                      {"status", status_text(t, d)},
                      {"signed", d.pdf_sha256.has_value()},
                      {"content_sha256", d.content_sha256},
                      {"pdf_sha256", d.pdf_sha256.value_or("")},
                      {"template_version", d.template_version},
                      {"pdf_url", place.path + "/dokument.pdf"},
                      {"signatures", std::move(signatures)}};
    // The wording is alis' own until it is checked against the official template.
    if (app::template_is_unconfirmed(s.app, d.kind, d.template_version)) {
        data["unconfirmed"] = t.text("document_page.unconfirmed");
    }
    const bool latest =
        std::none_of(series.begin(), series.end(),
                     [&](const domain::SignedDocument& x) { return x.version > d.version; });
    if (!latest) {
        data["superseded"] = t.text("document.problem.superseded");
    } else if (d.signature_of(party) == nullptr &&
               also_allowed(context, app::Action::sign_agreement, s.today())) {
        json::object sign{
            {"party", t.text("document.party." + std::string(domain::to_string(party)))},
            {"action", place.path + "/signer"},
            {"csrf_token", context.session->csrf_token}};
        if (!app::recently_authenticated(context.session->actor, s.now())) {
            sign["reauth_url"] = "/bekreft-passord?neste=" + place.path;
        }
        data["sign"] = std::move(sign);
    }
    const std::string saved = query_value(request, "lagret");
    if (saved == "signert") {
        data["saved"] =
            t.text(d.pdf_sha256 ? "document.saved_signed_by_all" : "document.saved_signed");
    }
    return page(s, request, context, "signed_document", d.title, std::move(data));
}

// A version's PDF: the exact bytes signed, else the version as it stands, made for `author`.
Response version_pdf(Services& s, const Request& request, const RequestContext& context,
                     const domain::SignedDocument& d) {
    std::string bytes;
    if (const auto pdf = app::signed_pdf(s.app, d.id)) {
        bytes = *pdf;  // The exact bytes signed.
    } else {
        bytes =
            stored_document_pdf(s.catalogue, d, app::signature_of(context.session->actor), s.now());
    }
    return pdf_response(
        request, std::move(bytes),
        "dokument-" + std::to_string(d.id) + "-v" + std::to_string(d.version) + ".pdf");
}

Response document_page(Services& s, const Request& request, RequestContext& context) {
    const auto person = found(app::find_person(s.app, context.id("person")));
    const auto d = found(app::find_document(s.app, person.id, context.id("document")));
    std::vector<domain::SignedDocument> series;
    for (auto& x : app::documents_of(s.app, person.id)) {
        if (x.agreement_id == d.agreement_id) {
            series.push_back(std::move(x));
        }
    }
    return version_page(s, request, context, d, series, party_of(context, person.id),
                        {document_path(person.id, d.id), agreements_path(person.id),
                         s.catalogue.format("agreements.back", {{"name", person.full_name}})});
}

Response document_pdf_route(Services& s, const Request& request, RequestContext& context) {
    return version_pdf(
        s, request, context,
        found(app::find_document(s.app, context.id("person"), context.id("document"))));
}

Response sign(Services& s, const Request& request, RequestContext& context) {
    const auto person_id = context.id("person");
    const auto result = app::sign_document(
        s.app, person_id, context.id("document"), party_of(context, person_id),
        context.session->actor, audit_event(s, request, context, "document.signed", "ok"),
        frozen_pdf(s));
    return signed_response(request, result, [&](const domain::SignedDocument& d) {
        return document_path(person_id, d.id);
    });
}

Response documents_api(Services& s, const Request& request, RequestContext& context) {
    json::array list;
    for (const auto& d : app::documents_of(s.app, context.id("person"))) {
        list.push_back(document_json(d));
    }
    return json_response(http::status::ok, request.version(),
                         json::object{{"documents", std::move(list)}});
}

// ---- The municipality's agreement with a supervisor ----

std::string supervision_agreement_path(const std::string& number, std::int64_t supervisor_id) {
    return "/kommuner/" + number + "/veiledere/" + std::to_string(supervisor_id) + "/avtale";
}

// The municipality's supervisor list, and the registration of the route's {supervisor:id} in it;
// 404 when the municipality has no such supervisor.
struct SupervisorPlace {
    app::SupervisorList list;
    domain::SupervisorSummary summary;
};
SupervisorPlace supervisor_place(Services& s, const RequestContext& context) {
    auto list = found(app::supervisor_list(s.app, context.params.at("number"), s.today()));
    const auto id = context.id("supervisor");
    for (const auto& x : list.supervisors) {
        if (x.supervisor.id == id) {
            auto summary = x;
            return {std::move(list), std::move(summary)};
        }
    }
    not_found();
}

// The terms' fields, with what `input` holds.
json::array terms_fields(const Catalogue& t, const FormInput& input) {
    auto fee = text_field(t, input, "fee", "supervision_agreement.field_fee");
    fee["hint"] = t.text("supervision_agreement.field_fee_hint");
    return json::array{fee, date_field(t, input, "valid_from", "supervision_agreement.field_from"),
                       date_field(t, input, "valid_to", "supervision_agreement.field_to", true)};
}

// The agreement's page: its versions, and for the municipality's leader the form that makes the
// next version from today's data and the terms.
json::object supervision_agreement_data(Services& s, const RequestContext& context,
                                        const SupervisorPlace& place, const FormInput& input) {
    const auto& t = s.catalogue;
    const auto& number = place.list.municipality.number;
    const auto id = place.summary.supervisor.id;
    const auto base = supervision_agreement_path(number, id);
    json::array versions;
    for (const auto& d : app::supervision_documents(s.app, number, id)) {
        versions.push_back(json::object{{"url", base + "/" + std::to_string(d.id)},
                                        {"version", d.version},
                                        {"made", domain::norwegian_day(d.created_at)},
                                        {"status", status_text(t, d)},
                                        {"signed", d.pdf_sha256.has_value()}});
    }
    const bool leader = also_allowed(context, app::Action::record_agreement, s.today());
    json::object data{
        {"heading", t.format("supervision_agreement.title", {{"name", place.summary.full_name}})},
        {"municipality", place.list.municipality.name},
        {"back_url", leader ? "/kommuner/" + number + "/veiledere" : std::string("/meg")},
        {"back", leader ? t.format("supervisors.title", {{"name", place.list.municipality.name}})
                        : t.text("supervision_agreement.back_to_me")},
        {"has_versions", !versions.empty()},
        {"versions", std::move(versions)}};
    if (leader) {
        data["draft_pdf_url"] =
            "/kommuner/" + number + "/veiledere/" + std::to_string(id) + "/veiledningsavtale.pdf";
        data["form"] = form_page(
            t, context, t.text("supervision_agreement.form_heading"),
            t.text("supervision_agreement.form_intro"), base, base,
            "supervision_agreement.form_submit",
            json::array{section(t, "supervision_agreement.terms", terms_fields(t, input))});
    }
    return data;
}

Response supervision_agreement_page(Services& s, const Request& request, RequestContext& context) {
    const auto place = supervisor_place(s, context);
    const FormInput empty(std::map<std::string, std::string>{});
    auto data = supervision_agreement_data(s, context, place, empty);
    const auto title = std::string(data.at("heading").as_string());
    if (query_value(request, "lagret") == "ja") {
        data["saved"] = s.catalogue.text("supervision_agreement.saved");
    }
    return page(s, request, context, "supervision_agreement", title, std::move(data));
}

// The leader makes the next version from today's data and the terms typed in the form (or the
// API's JSON: fee, valid_from, valid_to).
Response make_supervision_document(Services& s, const Request& request, RequestContext& context) {
    const auto place = supervisor_place(s, context);
    auto input = FormInput::from_request(request);
    const auto fee = input.required_text("fee", 200);
    const auto from = input.required_date("valid_from");
    const auto to = input.optional_date("valid_to");
    if (from && to && *to && **to < *from) {
        input.fail("valid_to", "supervision_agreement.to_before_from");
    }
    const auto refused_form = [&] {
        return refuse(
            s, request, context, input, "supervision_agreement",
            s.catalogue.format("supervision_agreement.title", {{"name", place.summary.full_name}}),
            [&] { return supervision_agreement_data(s, context, place, input); });
    };
    if (!input.ok()) {
        return refused_form();
    }
    const auto& number = place.list.municipality.number;
    const auto id = place.summary.supervisor.id;
    const auto draft = found(supervision_agreement_draft(s.catalogue, s.app, place.list, id,
                                                         {*fee, *from, *to}, s.today()));
    auto result = app::add_supervision_document_version(
        s.app, number, id, draft, context.session->actor,
        audit_event(s, request, context, "document.created", "ok"));
    if (const auto* problem = std::get_if<app::DocumentProblem>(&result)) {
        refuse_document_problem(*problem);
    }
    const auto& d = std::get<domain::SignedDocument>(result);
    if (wants_json(request)) {
        auto response = json_response(http::status::created, request.version(), document_json(d));
        response.set(http::field::location, "/api/v1/municipalities/" + number + "/supervisors/" +
                                                std::to_string(id) + "/documents");
        return response;
    }
    return redirect(request.version(),
                    supervision_agreement_path(number, id) + "/" + std::to_string(d.id));
}

// One version of the agreement with the supervisor, 404 when it is not of that agreement; with
// every version of the agreement.
std::pair<domain::SignedDocument, std::vector<domain::SignedDocument>> supervision_version(
    Services& s, const RequestContext& context) {
    auto series =
        app::supervision_documents(s.app, context.params.at("number"), context.id("supervisor"));
    const auto id = context.id("document");
    const auto it = std::find_if(series.begin(), series.end(),
                                 [&](const domain::SignedDocument& d) { return d.id == id; });
    if (it == series.end()) {
        not_found();
    }
    auto d = *it;
    return {std::move(d), std::move(series)};
}

// The party the actor signs the agreement with the supervisor as: the supervisor themselves, else
// the municipality.
domain::DocumentParty supervision_party(const RequestContext& context) {
    return party_of(
        context, context.resource && context.resource->person_id ? *context.resource->person_id : 0,
        domain::DocumentParty::supervisor);
}

Response supervision_version_page(Services& s, const Request& request, RequestContext& context) {
    const auto place = supervisor_place(s, context);
    const auto version = supervision_version(s, context);
    const auto& number = place.list.municipality.number;
    const auto base = supervision_agreement_path(number, place.summary.supervisor.id);
    return version_page(
        s, request, context, version.first, version.second, supervision_party(context),
        {base + "/" + std::to_string(version.first.id), base,
         s.catalogue.format("supervision_agreement.title", {{"name", place.summary.full_name}})});
}

Response supervision_version_pdf(Services& s, const Request& request, RequestContext& context) {
    return version_pdf(s, request, context, supervision_version(s, context).first);
}

Response sign_supervision(Services& s, const Request& request, RequestContext& context) {
    const std::string& number = context.params.at("number");
    const auto supervisor_id = context.id("supervisor");
    const auto result = app::sign_supervision_document(
        s.app, number, supervisor_id, context.id("document"), supervision_party(context),
        context.session->actor, audit_event(s, request, context, "document.signed", "ok"),
        frozen_pdf(s));
    return signed_response(request, result, [&](const domain::SignedDocument& d) {
        return supervision_agreement_path(number, supervisor_id) + "/" + std::to_string(d.id);
    });
}

Response supervision_documents_api(Services& s, const Request& request, RequestContext& context) {
    json::array list;
    for (const auto& d :
         app::supervision_documents(s.app, context.params.at("number"), context.id("supervisor"))) {
        list.push_back(document_json(d));
    }
    return json_response(http::status::ok, request.version(),
                         json::object{{"documents", std::move(list)}});
}

// ---- The public check ----

// The outcome's name in the catalogue (document_check.outcome.<name>).
std::string_view outcome_name(app::DocumentCheck::Outcome outcome) {
    switch (outcome) {
        case app::DocumentCheck::Outcome::signed_version:
            return "signed";
        case app::DocumentCheck::Outcome::altered:
            return "altered";
        case app::DocumentCheck::Outcome::not_signed:
            return "not_signed";
        case app::DocumentCheck::Outcome::unknown:
            break;
    }
    return "unknown";
}

Response check_form(Services& s, const Request& request, RequestContext& context, json::object data,
                    http::status status) {
    return page_with_form_token(s, request, context, "document_check",
                                s.catalogue.text("document_check.title"), std::move(data), status);
}

Response check_page(Services& s, const Request& request, RequestContext& context) {
    return check_form(s, request, context, {}, http::status::ok);
}

Response check_upload(Services& s, const Request& request, RequestContext& context) {
    const auto& t = s.catalogue;
    const auto parts = parse_multipart(request[http::field::content_type], request.body());
    const auto* file = parts ? find_part(*parts, "file") : nullptr;
    if (file == nullptr || file->body.empty()) {
        return check_form(s, request, context,
                          json::object{{"error", t.text("document_check.no_file")}},
                          http::status::unprocessable_entity);
    }
    const auto check = app::check_document(s.app, file->body);
    const bool ok = check.outcome == app::DocumentCheck::Outcome::signed_version;
    json::object result{
        {"text", t.text("document_check.outcome." + std::string(outcome_name(check.outcome)))},
        {"ok", ok},
        {"sha256", check.sha256}};
    // What the check may tell anyone who holds the file: the document's id, kind, version, the
    // day signed and the signers' roles; never a name, the content or the person.
    if (ok) {
        const auto& d = *check.document;
        std::string roles;
        for (const auto& sig : d.signatures) {
            roles += (roles.empty() ? "" : ", ") +
                     t.text("document.party." + std::string(domain::to_string(sig.party)));
        }
        result["document"] = json::object{
            {"id", d.id},
            {"kind", t.text("document.kind." + std::string(domain::to_string(d.kind)))},
            {"version", d.version},
            {"signed_on", domain::norwegian_day(*d.signed_at)},
            {"roles", roles}};
    }
    return check_form(s, request, context, json::object{{"result", std::move(result)}},
                      http::status::ok);
}

}  // namespace

void register_signed_document_routes(Routes& routes) {
    const RouteAccess kRead{app::Action::read_agreement, ResourceFrom::person_param};
    const RouteAccess kRecord{app::Action::record_agreement, ResourceFrom::person_param};
    const RouteAccess kSign{app::Action::sign_agreement, ResourceFrom::person_param};
    using http::verb;
    routes.add(verb::get, "/personer/{person:id}/avtaler", kRead, agreements_page);
    routes.add(verb::post, "/personer/{person:id}/avtaler/{agreement:id}/dokument", kRecord,
               make_document);
    routes.add(verb::get, "/personer/{person:id}/dokumenter/{document:id}", kRead, document_page);
    routes.add(verb::get, "/personer/{person:id}/dokumenter/{document:id}/dokument.pdf", kRead,
               document_pdf_route);
    routes.add(verb::post, "/personer/{person:id}/dokumenter/{document:id}/signer", kSign, sign);
    const RouteAccess kSupervisorRead{app::Action::read_agreement, ResourceFrom::supervisor_param};
    const RouteAccess kSupervisorRecord{app::Action::record_agreement,
                                        ResourceFrom::supervisor_param};
    const RouteAccess kSupervisorSign{app::Action::sign_agreement, ResourceFrom::supervisor_param};
    const std::string agreement = "/kommuner/{number}/veiledere/{supervisor:id}/avtale";
    routes.add(verb::get, agreement, kSupervisorRead, supervision_agreement_page);
    routes.add(verb::post, agreement, kSupervisorRecord, make_supervision_document);
    routes.add(verb::get, agreement + "/{document:id}", kSupervisorRead, supervision_version_page);
    routes.add(verb::get, agreement + "/{document:id}/dokument.pdf", kSupervisorRead,
               supervision_version_pdf);
    routes.add(verb::post, agreement + "/{document:id}/signer", kSupervisorSign, sign_supervision);
    const std::string api = "/api/v1/municipalities/{number}/supervisors/{supervisor:id}/documents";
    routes.add(verb::get, api, kSupervisorRead, supervision_documents_api);
    routes.add(verb::post, api, kSupervisorRecord, make_supervision_document);
    routes.add(verb::post, api + "/{document:id}/signatures", kSupervisorSign, sign_supervision);
    routes.add(verb::get, "/dokumenter/kontroll", {app::Action::view_public}, check_page);
    routes.add(verb::post, "/dokumenter/kontroll", {app::Action::view_public}, check_upload);
    routes.add(verb::get, "/api/v1/people/{person:id}/documents", kRead, documents_api);
    routes.add(verb::post, "/api/v1/people/{person:id}/agreements/{agreement:id}/documents",
               kRecord, make_document);
    routes.add(verb::post, "/api/v1/people/{person:id}/documents/{document:id}/signatures", kSign,
               sign);
}

}  // namespace alis::web
