// The documents alis writes as PDF (issue 17): the certificate of service of an employment
// ("tjenesteattest"), which the leader of the employing municipality issues, also after the doctor
// has left (app::Action::issue_certificate; each one made is audited, "document.<kind>"), and the
// individual education plan for whoever reads the person's record (a read the pipeline audits),
// the agreement with a supervisor, for the municipality's leader (manage_municipality), and the
// municipality's general education plan, public like its page.
#include "app/auth.hpp"
#include "app/general_plan.hpp"
#include "app/policy.hpp"
#include "app/service_certificate.hpp"
#include "app/training_records.hpp"
#include "web/access.hpp"
#include "web/documents.hpp"
#include "web/pipeline.hpp"

namespace alis::web {
namespace {

Response certificate_pdf(Services& s, const Request& request, RequestContext& context) {
    const auto certificate =
        found(app::service_certificate(s.app, context.id("person"), context.id("employment")));
    // Making a document shows the record: audited each time, with the document's kind.
    auto event = audit_event(s, request, context, "document.service_certificate", "ok");
    event.subject_person_id = certificate.person.id;
    app::record_audit(s.app, std::move(event));
    return pdf_response(request,
                        service_certificate_pdf(s.catalogue, s.app, certificate,
                                                app::signature_of(context.session->actor)),
                        "tjenesteattest-" + std::to_string(certificate.person.id) + "-" +
                            std::to_string(certificate.employment.id) + ".pdf");
}

Response education_plan(Services& s, const Request& request, RequestContext& context) {
    const auto person = found(app::find_person(s.app, context.id("person")));
    return pdf_response(request, found(education_plan_pdf(s.catalogue, s.app, person, s.today())),
                        "utdanningsplan-" + std::to_string(person.id) + ".pdf");
}

Response supervision_agreement(Services& s, const Request& request, RequestContext& context) {
    const auto list = found(app::supervisor_list(s.app, context.params.at("number"), s.today()));
    return pdf_response(request,
                        found(supervision_agreement_pdf(s.catalogue, s.app, list,
                                                        context.id("supervisor"), s.today())),
                        "veiledningsavtale-" + list.municipality.number + "-" +
                            std::to_string(context.id("supervisor")) + ".pdf");
}

Response general_plan(Services& s, const Request& request, RequestContext& context) {
    const auto plan = found(app::general_plan(s.app, context.params.at("number")));
    return pdf_response(request, general_plan_pdf(s.catalogue, s.app, plan, s.today()),
                        "generell-utdanningsplan-" + plan.municipality.number + ".pdf");
}

}  // namespace

void register_document_routes(Routes& routes) {
    const RouteAccess kIssue{app::Action::issue_certificate, ResourceFrom::employment_param};
    using http::verb;
    routes.add(verb::get, "/personer/{person:id}/ansettelser/{employment:id}/tjenesteattest.pdf",
               kIssue, certificate_pdf);
    routes.add(verb::get, "/kommuner/{number}/veiledere/{supervisor:id}/veiledningsavtale.pdf",
               {app::Action::manage_municipality, ResourceFrom::municipality_param},
               supervision_agreement);
    routes.add(verb::get, "/kommuner/{number}/utdanningsplan.pdf", {app::Action::view_public},
               general_plan);
    routes.add(verb::get, "/personer/{person:id}/utdanningsplan.pdf",
               {app::Action::read_person, ResourceFrom::person_param}, education_plan);
}

}  // namespace alis::web
