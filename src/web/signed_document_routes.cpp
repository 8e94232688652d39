// The agreements signed in alis (issue 17, docs/documents.md "Signatures"): a doctor's agreements
// page (the register rows, the versions of each one's document, the leader's form for a new row),
// a version's page and PDF, signing with a fresh password, and the public check of a file.
// Writes go through app/signed_documents.hpp, audited there; the register rows through
// app/grant_records.hpp, as the API's.
#include <boost/json.hpp>

#include "app/document_templates.hpp"
#include "app/grant_records.hpp"
#include "app/policy.hpp"
#include "app/signed_documents.hpp"
#include "app/training_records.hpp"
#include "web/access.hpp"
#include "web/documents.hpp"
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
        {"agreement_id", d.agreement_id},
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

// The party the signed-in actor signs the person's documents as: the doctor for their own, else
// the municipality (the policy has let only the employing leader that far).
domain::DocumentParty party_of(const RequestContext& context, std::int64_t person_id) {
    const auto& actor = context.session->actor;
    return actor.person_id && *actor.person_id == person_id ? domain::DocumentParty::trainee
                                                            : domain::DocumentParty::employer;
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
            break;
    }
    not_found();
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

Response document_page(Services& s, const Request& request, RequestContext& context) {
    const auto person = found(app::find_person(s.app, context.id("person")));
    const auto d = found(app::find_document(s.app, person.id, context.id("document")));
    const auto& t = s.catalogue;
    json::array signatures;
    for (const auto party : domain::signing_parties(d.kind)) {
        const auto* sig = d.signature_of(party);
        signatures.push_back(json::object{
            {"party", t.text("document.party." + std::string(domain::to_string(party)))},
            {"signer", sig ? sig->signer : t.text("document.signatures.not_yet")},
            {"signed_at", sig ? sig->signed_at : std::string()}});
    }
    const std::string path = document_path(person.id, d.id);
    json::object data{{"heading", d.title},
                      {"back_url", agreements_path(person.id)},
                      {"back", t.format("agreements.back", {{"name", person.full_name}})},
                      {"version", d.version},
                      {"status", status_text(t, d)},
                      {"signed", d.pdf_sha256.has_value()},
                      {"content_sha256", d.content_sha256},
                      {"pdf_sha256", d.pdf_sha256.value_or("")},
                      {"template_version", d.template_version},
                      {"pdf_url", path + "/dokument.pdf"},
                      {"signatures", std::move(signatures)}};
    // The wording is alis' own until it is checked against the official template.
    if (app::template_is_unconfirmed(s.app, d.kind, d.template_version)) {
        data["unconfirmed"] = t.text("document_page.unconfirmed");
    }
    const auto versions = app::documents_of(s.app, person.id);
    const bool latest =
        std::none_of(versions.begin(), versions.end(), [&](const domain::SignedDocument& x) {
            return x.agreement_id == d.agreement_id && x.version > d.version;
        });
    const auto party = party_of(context, person.id);
    if (!latest) {
        data["superseded"] = t.text("document.problem.superseded");
    } else if (d.signature_of(party) == nullptr &&
               also_allowed(context, app::Action::sign_agreement, s.today())) {
        json::object sign{
            {"party", t.text("document.party." + std::string(domain::to_string(party)))},
            {"action", path + "/signer"},
            {"csrf_token", context.session->csrf_token}};
        if (!app::recently_authenticated(context.session->actor, s.now())) {
            sign["reauth_url"] = "/bekreft-passord?neste=" + path;
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

Response document_pdf_route(Services& s, const Request& request, RequestContext& context) {
    const auto person_id = context.id("person");
    const auto d = found(app::find_document(s.app, person_id, context.id("document")));
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

Response sign(Services& s, const Request& request, RequestContext& context) {
    const auto person_id = context.id("person");
    const auto& t = s.catalogue;
    auto result = app::sign_document(s.app, person_id, context.id("document"),
                                     party_of(context, person_id), context.session->actor,
                                     audit_event(s, request, context, "document.signed", "ok"),
                                     [&](const domain::SignedDocument& d) {
                                         return stored_document_pdf(t, d, d.title, s.now());
                                     });
    if (const auto* problem = std::get_if<app::DocumentProblem>(&result)) {
        refuse_document_problem(*problem);
    }
    const auto& d = std::get<domain::SignedDocument>(result);
    if (wants_json(request)) {
        return json_response(http::status::ok, request.version(), document_json(d));
    }
    return redirect(request.version(), document_path(person_id, d.id) + "?lagret=signert");
}

Response documents_api(Services& s, const Request& request, RequestContext& context) {
    json::array list;
    for (const auto& d : app::documents_of(s.app, context.id("person"))) {
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
    std::optional<std::string> cookie;
    data["csrf_token"] = form_token(request, context, cookie);
    auto response = page(s, request, context, "document_check",
                         s.catalogue.text("document_check.title"), std::move(data), status);
    if (cookie) {
        response.set(http::field::set_cookie, *cookie);
    }
    return response;
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
    routes.add(verb::get, "/dokumenter/kontroll", {app::Action::view_public}, check_page);
    routes.add(verb::post, "/dokumenter/kontroll", {app::Action::view_public}, check_upload);
    routes.add(verb::get, "/api/v1/people/{person:id}/documents", kRead, documents_api);
    routes.add(verb::post, "/api/v1/people/{person:id}/agreements/{agreement:id}/documents",
               kRecord, make_document);
    routes.add(verb::post, "/api/v1/people/{person:id}/documents/{document:id}/signatures", kSign,
               sign);
}

}  // namespace alis::web
