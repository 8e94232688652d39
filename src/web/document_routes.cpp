// The documents alis writes as PDF (issue 17): the certificate of service of an employment
// ("tjenesteattest"), which the leader of the employing municipality issues, also after the doctor
// has left (app::Action::issue_certificate; each one made is audited, "document.<kind>"), and the
// individual education plan for whoever reads the person's record (a read the pipeline audits).
#include "app/auth.hpp"
#include "app/policy.hpp"
#include "app/service_certificate.hpp"
#include "app/training_records.hpp"
#include "web/access.hpp"
#include "web/documents.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

inline constexpr std::string_view kPdfType = "application/pdf";

Response certificate_pdf(Services& s, const Request& request, RequestContext& context) {
    const auto certificate =
        found(app::service_certificate(s.app, context.id("person"), context.id("employment")));
    // Making a document shows the record: audited each time, with the document's kind.
    auto event = audit_event(s, request, context, "document.service_certificate", "ok");
    event.subject_person_id = certificate.person.id;
    app::record_audit(s.app, std::move(event));
    auto body = std::make_shared<const std::string>(service_certificate_pdf(
        s.catalogue, certificate, app::signature_of(context.session->actor)));
    Response response = cached_response(request.version(), std::move(body), kPdfType);
    response.set(http::field::content_disposition,
                 "inline; filename=\"tjenesteattest-" + std::to_string(certificate.person.id) +
                     "-" + std::to_string(certificate.employment.id) + ".pdf\"");
    return response;
}

Response education_plan(Services& s, const Request& request, RequestContext& context) {
    const auto person = found(app::find_person(s.app, context.id("person")));
    auto body = std::make_shared<const std::string>(
        found(education_plan_pdf(s.catalogue, s.app, person, s.today())));
    Response response = cached_response(request.version(), std::move(body), kPdfType);
    response.set(http::field::content_disposition,
                 "inline; filename=\"utdanningsplan-" + std::to_string(person.id) + ".pdf\"");
    return response;
}

}  // namespace

void register_document_routes(Routes& routes) {
    const RouteAccess kIssue{app::Action::issue_certificate, ResourceFrom::employment_param};
    using http::verb;
    routes.add(verb::get, "/personer/{person:id}/ansettelser/{employment:id}/tjenesteattest.pdf",
               kIssue, certificate_pdf);
    routes.add(verb::get, "/personer/{person:id}/utdanningsplan.pdf",
               {app::Action::read_person, ResourceFrom::person_param}, education_plan);
}

}  // namespace alis::web
