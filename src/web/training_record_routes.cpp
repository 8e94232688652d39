// The signed training record that moves with the doctor (issue 13, docs/objectives.md "Signed
// training record"): the doctor's page with its print view and the signed JSON download, the
// API, the public check of a file, and the import of another installation's record by a leader
// of a municipality that employs the doctor. Signing, checking and importing are
// app/signed_training_record.hpp's, audited there.
#include <boost/json.hpp>

#include "app/auth.hpp"
#include "app/policy.hpp"
#include "app/signed_training_record.hpp"
#include "web/access.hpp"
#include "web/multipart.hpp"
#include "web/pipeline.hpp"
#include "web/trainee_view.hpp"
#include "web/training_record_view.hpp"

namespace alis::web {
namespace {

namespace json = boost::json;

constexpr std::string_view kRecordCheckPath = "/utdanningsattest/sjekk";

std::string training_record_path(std::int64_t person_id) {
    return person_path(person_id) + "/utdanningsattest";
}

// The record built now and signed with the installation's key, audited as an export; 503 when
// the installation has no key, 422 when the ledger cannot count the path.
domain::TrainingRecordFile exported_record(Services& s, const Request& request,
                                           RequestContext& context) {
    if (s.signing_key == nullptr) {
        throw HttpError(http::status::service_unavailable, "no_signing_key",
                        "error.no_signing_key");
    }
    try {
        return found(app::export_training_record(
            s.app, *s.signing_key, context.id("person"),
            audit_event(s, request, context, "training_record.exported", "ok")));
    } catch (const app::TrainingRecordUnavailable&) {
        throw HttpError(http::status::unprocessable_entity, "training_record_unavailable",
                        "error.training_record_unavailable", "service_periods");
    }
}

// The uploaded record: the file part "file" of a multipart form, else the pasted "record" field
// of either kind of form; empty when neither holds anything.
std::string uploaded_record(const Request& request) {
    if (const auto parts = parse_multipart(request[http::field::content_type], request.body())) {
        for (const auto* name : {"file", "record"}) {
            if (const auto* part = find_part(*parts, name); part && !part->body.empty()) {
                return part->body;
            }
        }
        return {};
    }
    const auto fields = form_fields(request);
    const auto it = fields.find("record");
    return it == fields.end() ? std::string() : it->second;
}

json::object training_record_page_data(Services& s, const Request& request, RequestContext& context,
                                       const domain::Person& p) {
    const auto& t = s.catalogue;
    json::object data{
        {"heading", t.format("training_record.title", {{"name", p.full_name}})},
        {"person_url", person_path(p.id)},
        {"check_url", std::string(kRecordCheckPath)},
        {"intro", t.format("training_record.intro", {{"day", s.today().norwegian()}})}};
    try {
        if (const auto record =
                app::build_training_record(s.app, p.id, s.today(), app::utc_iso(s.now()))) {
            data["record"] = training_record_view(t, *record);
        }
    } catch (const app::TrainingRecordUnavailable&) {
        data["unavailable"] = t.text("error.training_record_unavailable");
    }
    if (s.signing_key != nullptr) {
        data["download_url"] = training_record_path(p.id) + ".json";
    } else {
        data["no_key"] = t.text("error.no_signing_key");
    }
    const auto imports = imported_records_view(t, app::imported_training_records(s.app, p.id));
    data["has_imports"] = !imports.empty();
    data["imports"] = imports;
    if (also_allowed(context, app::Action::import_training_record, s.today())) {
        std::optional<std::string> cookie;
        data["import_url"] = training_record_path(p.id) + "/import";
        data["csrf_token"] = form_token(request, context, cookie);
    }
    return data;
}

Response training_record_page_with(Services& s, const Request& request, RequestContext& context,
                                   json::object extra, http::status status) {
    const auto p = load_person(s, context);
    auto data = training_record_page_data(s, request, context, p);
    for (auto& [key, value] : extra) {
        data[key] = std::move(value);
    }
    return page(s, request, context, "training_record",
                s.catalogue.format("training_record.title", {{"name", p.full_name}}),
                std::move(data), status);
}

Response training_record_page(Services& s, const Request& request, RequestContext& context) {
    json::object extra;
    if (query_value(request, "importert") == "1") {
        extra["saved"] = s.catalogue.text("training_record.imported");
    }
    return training_record_page_with(s, request, context, std::move(extra), http::status::ok);
}

Response training_record_download(Services& s, const Request& request, RequestContext& context) {
    const auto file = exported_record(s, request, context);
    return download_response(
        request, std::make_shared<const std::string>(domain::record_file_json(file)), kJsonType,
        "utdanningsattest-" + std::to_string(context.id("person")) + ".json");
}

Response training_record_api(Services& s, const Request& request, RequestContext& context) {
    const auto file = exported_record(s, request, context);
    Response response{http::status::ok, request.version()};
    response.set(http::field::content_type, kJsonType);
    response.body() = domain::record_file_json(file);
    response.prepare_payload();
    return response;
}

// ---- The public check ----

Response record_check_form(Services& s, const Request& request, RequestContext& context,
                           json::object data, http::status status) {
    return page_with_form_token(s, request, context, "training_record_check",
                                s.catalogue.text("training_record.check_title"), std::move(data),
                                status);
}

Response record_check_page(Services& s, const Request& request, RequestContext& context) {
    return record_check_form(s, request, context, {}, http::status::ok);
}

Response record_check_upload(Services& s, const Request& request, RequestContext& context) {
    const auto& t = s.catalogue;
    const std::string text = uploaded_record(request);
    if (text.empty()) {
        return record_check_form(s, request, context,
                                 json::object{{"error", t.text("training_record.no_file")}},
                                 http::status::unprocessable_entity);
    }
    const auto verification = app::verify_training_record(text);
    if (!verification.ok()) {
        return record_check_form(
            s, request, context,
            json::object{
                {"failed", json::object{{"heading", t.text("training_record.check_failed")},
                                        {"text", record_problem_text(t, verification)}}}},
            http::status::unprocessable_entity);
    }
    auto record = training_record_view(t, verification.file->content);
    record["public_key"] = verification.file->signature.public_key;
    return record_check_form(s, request, context,
                             json::object{{"ok_text", t.text("training_record.check_ok")},
                                          {"record", std::move(record)}},
                             http::status::ok);
}

// ---- The import ----

// The import's outcome as an HttpError when it was refused (the API's answer), or the import.
domain::ImportedTrainingRecord imported_or_refused(const app::RecordImport& outcome) {
    switch (outcome.problem) {
        case app::RecordImportProblem::none:
            return *outcome.imported;
        case app::RecordImportProblem::identity_mismatch:
            throw HttpError(http::status::unprocessable_entity, "identity_mismatch",
                            "training_record.identity_mismatch", "identity.hpr");
        case app::RecordImportProblem::not_verified:
            break;
    }
    using Outcome = app::RecordVerification::Outcome;
    const auto outcome_code = outcome.verification.outcome == Outcome::signature_invalid
                                  ? "signature_invalid"
                                  : "malformed_record";
    const std::string key =
        outcome.verification.outcome == Outcome::signature_invalid
            ? "training_record.problem.signature_invalid"
            : "training_record.problem." +
                  std::string(domain::to_string(
                      outcome.verification.problem.value_or(domain::RecordFileProblem::not_json)));
    throw HttpError(http::status::unprocessable_entity, outcome_code, key,
                    outcome.verification.field.empty() ? "record" : outcome.verification.field);
}

app::RecordImport run_training_record_import(Services& s, const Request& request,
                                             RequestContext& context, const std::string& text) {
    return app::import_training_record(
        s.app, context.id("person"), text, app::signature_of(context.session->actor),
        audit_event(s, request, context, "training_record.imported", "ok"));
}

Response training_record_import_post(Services& s, const Request& request, RequestContext& context) {
    const auto& t = s.catalogue;
    const std::string text = uploaded_record(request);
    if (text.empty()) {
        return training_record_page_with(
            s, request, context, json::object{{"import_error", t.text("training_record.no_file")}},
            http::status::unprocessable_entity);
    }
    const auto outcome = run_training_record_import(s, request, context, text);
    if (outcome.problem == app::RecordImportProblem::identity_mismatch) {
        return training_record_page_with(
            s, request, context,
            json::object{{"import_error", t.text("training_record.identity_mismatch")}},
            http::status::unprocessable_entity);
    }
    if (outcome.problem == app::RecordImportProblem::not_verified) {
        return training_record_page_with(
            s, request, context,
            json::object{{"import_error",
                          t.format("training_record.not_verified",
                                   {{"reason", record_problem_text(t, outcome.verification)}})}},
            http::status::unprocessable_entity);
    }
    return redirect(request.version(), training_record_path(context.id("person")) + "?importert=1");
}

Response training_record_import_api(Services& s, const Request& request, RequestContext& context) {
    // The body is the record file itself, as JSON, like every other body of the API.
    if (!std::string_view(request[http::field::content_type]).starts_with("application/json")) {
        throw HttpError(http::status::unsupported_media_type, "unsupported_media_type",
                        "error.unsupported_media_type");
    }
    boost::system::error_code ec;
    (void)json::parse(request.body(), ec);
    if (ec) {
        throw HttpError(http::status::bad_request, "bad_json", "error.bad_json");
    }
    const auto imported =
        imported_or_refused(run_training_record_import(s, request, context, request.body()));
    auto response = json_response(http::status::created, request.version(),
                                  json::object{{"id", imported.id},
                                               {"person_id", imported.person_id},
                                               {"sha256", imported.sha256},
                                               {"signer_public_key", imported.signer_public_key},
                                               {"imported_by", imported.imported_by},
                                               {"imported_at", imported.imported_at},
                                               {"status", "imported, signature verified"}});
    // Where the import is shown: the person's record page, read-only.
    response.set(http::field::location, training_record_path(imported.person_id));
    return response;
}

}  // namespace

void register_training_record_routes(Routes& routes) {
    const RouteAccess kRead{app::Action::read_person, ResourceFrom::person_param};
    const RouteAccess kExport{app::Action::export_training_record, ResourceFrom::person_param};
    const RouteAccess kImport{app::Action::import_training_record, ResourceFrom::person_param};
    using http::verb;
    routes.add(verb::get, "/personer/{person:id}/utdanningsattest", kRead, training_record_page);
    routes.add(verb::get, "/personer/{person:id}/utdanningsattest.json", kExport,
               training_record_download);
    routes.add(verb::post, "/personer/{person:id}/utdanningsattest/import", kImport,
               training_record_import_post);
    routes.add(verb::get, "/api/v1/people/{person:id}/training-record", kExport,
               training_record_api);
    routes.add(verb::post, "/api/v1/people/{person:id}/training-record/imports", kImport,
               training_record_import_api);
    routes.add(verb::get, std::string(kRecordCheckPath), {app::Action::view_public},
               record_check_page);
    routes.add(verb::post, std::string(kRecordCheckPath), {app::Action::view_public},
               record_check_upload);
}

}  // namespace alis::web
