#pragma once

// The documents alis writes as PDF (issue 17): a template (app/document_templates.hpp) filled with
// data and set by web/pdf. Each kind has its data here, built from its use case's result.

#include <boost/json.hpp>

#include <optional>
#include <string>

#include "app/demo_documents.hpp"
#include "app/general_plan.hpp"
#include "app/service_certificate.hpp"
#include "app/signed_documents.hpp"
#include "app/supervisors.hpp"
#include "domain/document_template.hpp"
#include "domain/signed_document.hpp"
#include "web/messages.hpp"
#include "web/pdf.hpp"

namespace alis::web {

// The template's body with `data` filled in: the block markup of web/pdf.hpp. Every {{value}} is
// escaped for it (Pango's entities, and '|' and line breaks, which would start a table cell or a
// block). `data` also gets `template` {version, title}. Throws std::runtime_error for a template
// mustache cannot render.
std::string document_markup(const domain::DocumentTemplate& document, boost::json::object data);

// A document as PDF: its markup set on A4, with `title` and `author` in the PDF's metadata, the
// template's title as its subject, `made_at` (Unix seconds) as its date, and the catalogue's page
// label.
std::string document_pdf(const Catalogue& t, const domain::DocumentTemplate& document,
                         boost::json::object data, std::string title, std::string author,
                         std::int64_t made_at);

// The certificate's data for templates/documents/service-certificate.txt; `issuer` is who issues
// it (a name and e-mail), empty when not known (the command line).
boost::json::object service_certificate_data(const Catalogue& t,
                                             const app::ServiceCertificate& certificate,
                                             const std::string& issuer);

// The certificate as PDF, its metadata filled in (title with the doctor's name, the municipality
// as author, the day it was made), from the template in force.
std::string service_certificate_pdf(const Catalogue& t, app::Application& app,
                                    const app::ServiceCertificate& certificate,
                                    const std::string& issuer);

// The individual education plan of `person` as PDF, as its page shows it on `today`; nullopt for
// an unknown person.
std::optional<std::string> education_plan_pdf(const Catalogue& t, app::Application& app,
                                              const domain::Person& person, domain::Date today);

// The agreement between the municipality of `list` and its supervisor `supervisor_id` (the id of
// the registration) as PDF, with the trainees assigned to the supervisor on `today`; nullopt when
// the municipality has no such supervisor.
std::optional<std::string> supervision_agreement_pdf(const Catalogue& t, app::Application& app,
                                                     const app::SupervisorList& list,
                                                     std::int64_t supervisor_id,
                                                     domain::Date today);

// The terms a leader gives a version of a supervision agreement that is signed in alis.
struct SupervisionTerms {
    std::string fee;  // The fee or the time off, as the leader writes it ("1 200 kr per time").
    domain::Date from;
    std::optional<domain::Date> to;  // Nullopt: until it is terminated.
};

// The text of the next version of the agreement between the municipality of `list` and its
// supervisor `supervisor_id` (the supervision-agreement template in force), with the terms, made
// on `today`; to be signed in alis. Nullopt when the municipality has no such supervisor.
std::optional<app::DocumentDraft> supervision_agreement_draft(
    const Catalogue& t, app::Application& app, const app::SupervisorList& list,
    std::int64_t supervisor_id, const SupervisionTerms& terms, domain::Date today);

// The municipality's general education plan as PDF, as its public page shows it on `today`.
std::string general_plan_pdf(const Catalogue& t, app::Application& app,
                             const app::GeneralPlan& plan, domain::Date today);

// The text of an ALIS agreement's next version (the alis-agreement template in force), from the
// register row and the data, made on `today`; to be signed in alis.
app::DocumentDraft alis_agreement_draft(const Catalogue& t, app::Application& app,
                                        const app::AgreementDocumentFacts& facts,
                                        domain::Date today);

// A stored version as PDF: its content, then what was signed in alis (who signed for which party
// and when, who has not yet), the document's id, version and the content's SHA-256; its marker
// (app::document_marker) in the keywords, `made_at` (Unix seconds) as its date. The PDF of a
// version every party has signed is made once, when the last party signs, and kept.
std::string stored_document_pdf(const Catalogue& t, const domain::SignedDocument& document,
                                const std::string& author, std::int64_t made_at);

// The demo's signed agreements (app/demo_documents.hpp), their text and PDFs made here; returns
// how many versions.
int add_demo_documents(const Catalogue& t, app::Application& app, domain::Date as_of);

}  // namespace alis::web
