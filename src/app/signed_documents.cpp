#include "app/signed_documents.hpp"

#include <algorithm>

#include "app/hashing.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

std::optional<domain::Agreement> agreement_of(const store::Snapshot& s, std::int64_t person_id,
                                              std::int64_t agreement_id) {
    for (auto& a : s.grants().agreements_of(person_id)) {
        if (a.id == agreement_id) {
            return std::move(a);
        }
    }
    return std::nullopt;
}

std::string document_target(const domain::SignedDocument& d) {
    return "document " + std::to_string(d.id) + " version " + std::to_string(d.version) +
           " sha256 " + d.content_sha256;
}

// The document id of a marker in the file's bytes, or nullopt.
std::optional<std::int64_t> marked_document(std::string_view bytes) {
    constexpr std::string_view kMarker = "alis-document-";
    for (auto at = bytes.find(kMarker); at != std::string_view::npos;
         at = bytes.find(kMarker, at + 1)) {
        std::int64_t id = 0;
        auto p = at + kMarker.size();
        const auto start = p;
        while (p < bytes.size() && p - start < 18 && bytes[p] >= '0' && bytes[p] <= '9') {
            id = id * 10 + (bytes[p] - '0');
            ++p;
        }
        if (p > start && id > 0) {
            return id;
        }
    }
    return std::nullopt;
}

// The registration `supervisor_id` when the municipality made it, or nullopt.
std::optional<domain::Supervisor> registration_of(const store::Snapshot& s,
                                                  const std::string& municipality_number,
                                                  std::int64_t supervisor_id) {
    auto registration = s.supervisors().find_registration(supervisor_id);
    if (!registration || registration->municipality_number != municipality_number) {
        return std::nullopt;
    }
    return registration;
}

// Adds the next version of a series (`versions`, oldest first) from the draft, `d` holding what it
// is of (its agreement_id or supervisor_id), audited as "document.created" about
// `subject_person_id`; or returns the latest version when it has the draft's content already, and
// writes nothing.
domain::SignedDocument add_next_version(store::UnitOfWork& w,
                                        std::vector<domain::SignedDocument> versions,
                                        DocumentDraft& draft, domain::SignedDocument d,
                                        const Actor& actor, domain::AuditEvent& audit,
                                        std::int64_t subject_person_id) {
    const auto content_sha256 = sha256_hex(draft.content);
    if (!versions.empty() && versions.back().content_sha256 == content_sha256) {
        return std::move(versions.back());
    }
    d.version = versions.empty() ? 1 : versions.back().version + 1;
    d.kind = draft.kind;
    d.template_version = std::move(draft.template_version);
    d.title = std::move(draft.title);
    d.content = std::move(draft.content);
    d.content_sha256 = content_sha256;
    d.created_at = audit.at;
    d.created_by = signature_of(actor);
    d.id = w.documents().add(d);
    audit.action = "document.created";
    audit.subject_person_id = subject_person_id;
    audit.target = document_target(d);
    w.audit().append(audit);
    return d;
}

// Why the party may not sign `d` of the series `versions` (oldest first), or nullopt: only the
// latest version is signed, by each party once.
std::optional<DocumentProblem> signing_problem(const std::vector<domain::SignedDocument>& versions,
                                               const domain::SignedDocument& d,
                                               domain::DocumentParty party) {
    if (versions.empty() || versions.back().id != d.id) {
        return DocumentProblem::superseded;
    }
    if (d.signature_of(party) != nullptr) {
        return DocumentProblem::already_signed;
    }
    return std::nullopt;
}

// Appends the party's signature to `d` in the unit of work, and freezes the PDF when every party
// has now signed; fills in `audit`'s action and target.
void append_signature(store::UnitOfWork& w, domain::SignedDocument& d, domain::DocumentParty party,
                      const Actor& actor, domain::AuditEvent& audit, const SignedPdf& make_pdf) {
    domain::DocumentSignature s;
    s.document_id = d.id;
    s.party = party;
    s.account_id = actor.account_id;
    s.signer = signature_of(actor);
    s.signed_at = audit.at;
    s.id = w.documents().append_signature(s);
    d.signatures.push_back(s);
    audit.action = "document.signed";
    audit.target = document_target(d) + " party " + std::string(domain::to_string(party));
    if (d.status() == domain::DocumentStatus::signed_by_all) {
        d.signed_at = audit.at;
        const auto pdf = make_pdf(d);
        d.pdf_sha256 = sha256_hex(pdf);
        w.documents().freeze(d.id, to_base64(pdf), *d.pdf_sha256, *d.signed_at);
        audit.target += " signed pdf sha256 " + *d.pdf_sha256;
    }
}

}  // namespace

std::optional<AgreementDocumentFacts> agreement_document_facts(Application& app,
                                                               std::int64_t person_id,
                                                               std::int64_t agreement_id,
                                                               domain::Date today) {
    return app.database().read(
        [&](const store::Snapshot& s) -> std::optional<AgreementDocumentFacts> {
            auto agreement = agreement_of(s, person_id, agreement_id);
            auto person = s.people().find(person_id);
            if (!agreement || !person) {
                return std::nullopt;
            }
            AgreementDocumentFacts facts;
            for (auto& e : s.people().employments_of(person_id)) {
                if (e.id == agreement->employment_id) {
                    facts.employment = std::move(e);
                }
            }
            const auto& number = facts.employment.municipality_number;
            const auto municipality = s.municipalities().find(number);
            facts.municipality_name = municipality ? municipality->name : number;
            s.supervisors().supervisor_names_of({person_id}, today,
                                                [&](std::int64_t, std::string name) {
                                                    if (!facts.supervisor_name) {
                                                        facts.supervisor_name = std::move(name);
                                                    }
                                                });
            domain::CostEntry own;
            domain::CostEntry defaults;
            for (auto& entry :
                 s.grants().cost_entries({number, std::nullopt}, agreement->covers_from.year())) {
                if (!entry.person_id) {
                    defaults = entry.entry;
                } else if (*entry.person_id == person_id) {
                    own = entry.entry;
                }
            }
            facts.salary = own.salary ? own.salary : defaults.salary;
            facts.bonus = own.bonus ? own.bonus : defaults.bonus;
            facts.person = std::move(*person);
            facts.agreement = std::move(*agreement);
            return facts;
        });
}

std::string document_marker(std::int64_t document_id) {
    return "alis-document-" + std::to_string(document_id);
}

std::variant<domain::SignedDocument, DocumentProblem> add_document_version(
    Application& app, std::int64_t person_id, std::int64_t agreement_id, DocumentDraft draft,
    const Actor& actor, domain::AuditEvent audit) {
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::SignedDocument, DocumentProblem> {
            const auto agreement = agreement_of(w, person_id, agreement_id);
            if (!agreement) {
                return DocumentProblem::unknown_agreement;
            }
            if (agreement->status == domain::AgreementStatus::cancelled) {
                return DocumentProblem::cancelled_agreement;
            }
            domain::SignedDocument of;
            of.agreement_id = agreement_id;
            return add_next_version(w, w.documents().versions_of(agreement_id), draft, of, actor,
                                    audit, person_id);
        });
}

std::variant<domain::SignedDocument, DocumentProblem> sign_document(
    Application& app, std::int64_t person_id, std::int64_t document_id, domain::DocumentParty party,
    const Actor& actor, domain::AuditEvent audit, const SignedPdf& make_pdf) {
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::SignedDocument, DocumentProblem> {
            if (w.documents().person_of(document_id) != person_id) {
                return DocumentProblem::unknown_document;
            }
            auto d = *w.documents().find(document_id);
            if (const auto problem =
                    signing_problem(w.documents().versions_of(*d.agreement_id), d, party)) {
                return *problem;
            }
            auto agreement = *agreement_of(w, person_id, *d.agreement_id);
            const auto status_before = agreement.status;
            if (agreement.status == domain::AgreementStatus::cancelled) {
                return DocumentProblem::cancelled_agreement;
            }
            append_signature(w, d, party, actor, audit, make_pdf);
            audit.subject_person_id = person_id;
            if (d.pdf_sha256) {
                if (status_before != domain::AgreementStatus::signed_by_all) {
                    agreement.status = domain::AgreementStatus::signed_by_all;
                    agreement.signed_on = domain::Date::parse_iso(audit.at.substr(0, 10));
                }
            } else if (agreement.status == domain::AgreementStatus::draft) {
                agreement.status = domain::AgreementStatus::partly_signed;
            }
            if (agreement.status != status_before) {
                agreement.recorded_at = audit.at;
                agreement.recorded_by = signature_of(actor);
                w.grants().update_agreement(agreement);
            }
            w.audit().append(audit);
            return d;
        });
}

std::variant<domain::SignedDocument, DocumentProblem> add_supervision_document_version(
    Application& app, const std::string& municipality_number, std::int64_t supervisor_id,
    DocumentDraft draft, const Actor& actor, domain::AuditEvent audit) {
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::SignedDocument, DocumentProblem> {
            const auto registration = registration_of(w, municipality_number, supervisor_id);
            if (!registration) {
                return DocumentProblem::unknown_supervisor;
            }
            domain::SignedDocument of;
            of.supervisor_id = supervisor_id;
            return add_next_version(w, w.documents().supervision_versions_of(supervisor_id), draft,
                                    of, actor, audit, registration->person_id);
        });
}

Resource supervisor_resource(Application& app, const std::string& municipality_number,
                             std::int64_t supervisor_id) {
    const auto registration = app.database().read([&](const store::Snapshot& s) {
        return registration_of(s, municipality_number, supervisor_id);
    });
    Resource resource;
    if (registration) {
        resource.kind = Resource::Kind::supervisor;
        resource.person_id = registration->person_id;
        resource.municipality_number = registration->municipality_number;
    }
    return resource;
}

std::variant<domain::SignedDocument, DocumentProblem> sign_supervision_document(
    Application& app, const std::string& municipality_number, std::int64_t supervisor_id,
    std::int64_t document_id, domain::DocumentParty party, const Actor& actor,
    domain::AuditEvent audit, const SignedPdf& make_pdf) {
    return app.database().write(
        [&](store::UnitOfWork& w) -> std::variant<domain::SignedDocument, DocumentProblem> {
            const auto registration = registration_of(w, municipality_number, supervisor_id);
            auto d = w.documents().find(document_id);
            if (!registration || !d || d->supervisor_id != supervisor_id) {
                return DocumentProblem::unknown_document;
            }
            if (const auto problem = signing_problem(
                    w.documents().supervision_versions_of(supervisor_id), *d, party)) {
                return *problem;
            }
            append_signature(w, *d, party, actor, audit, make_pdf);
            audit.subject_person_id = registration->person_id;
            w.audit().append(audit);
            return std::move(*d);
        });
}

std::vector<domain::SignedDocument> supervision_documents(Application& app,
                                                          const std::string& municipality_number,
                                                          std::int64_t supervisor_id) {
    return app.database().read([&](const store::Snapshot& s) {
        if (!registration_of(s, municipality_number, supervisor_id)) {
            return std::vector<domain::SignedDocument>{};
        }
        return s.documents().supervision_versions_of(supervisor_id);
    });
}

std::vector<domain::SignedDocument> supervision_documents_of(Application& app,
                                                             std::int64_t person_id) {
    return app.database().read([&](const store::Snapshot& s) {
        return s.documents().supervision_documents_of(person_id);
    });
}

std::vector<domain::SignedDocument> documents_of(Application& app, std::int64_t person_id) {
    return app.database().read(
        [&](const store::Snapshot& s) { return s.documents().documents_of(person_id); });
}

std::optional<domain::SignedDocument> find_document(Application& app, std::int64_t person_id,
                                                    std::int64_t document_id) {
    return app.database().read(
        [&](const store::Snapshot& s) -> std::optional<domain::SignedDocument> {
            if (s.documents().person_of(document_id) != person_id) {
                return std::nullopt;
            }
            return s.documents().find(document_id);
        });
}

std::optional<domain::SignedDocument> find_document(Application& app, std::int64_t document_id) {
    return app.database().read(
        [&](const store::Snapshot& s) { return s.documents().find(document_id); });
}

std::optional<std::int64_t> person_of_document(Application& app, std::int64_t document_id) {
    return app.database().read(
        [&](const store::Snapshot& s) { return s.documents().person_of(document_id); });
}

std::optional<std::string> signed_pdf(Application& app, std::int64_t document_id) {
    const auto text = app.database().read(
        [&](const store::Snapshot& s) { return s.documents().pdf_of(document_id); });
    if (!text) {
        return std::nullopt;
    }
    return from_base64(*text);
}

DocumentCheck check_document(Application& app, std::string_view pdf_bytes) {
    DocumentCheck check;
    check.sha256 = sha256_hex(pdf_bytes);
    app.database().read([&](const store::Snapshot& s) {
        if (auto d = s.documents().find_by_pdf_sha256(check.sha256)) {
            check.outcome = DocumentCheck::Outcome::signed_version;
            check.document = std::move(d);
            return;
        }
        const auto id = marked_document(pdf_bytes);
        auto d = id ? s.documents().find(*id) : std::nullopt;
        if (!d) {
            check.outcome = DocumentCheck::Outcome::unknown;
            return;
        }
        check.outcome =
            d->pdf_sha256 ? DocumentCheck::Outcome::altered : DocumentCheck::Outcome::not_signed;
        check.document = std::move(d);
    });
    return check;
}

}  // namespace alis::app
