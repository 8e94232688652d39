#include "app/demo_documents.hpp"

#include <string>

#include "app/hashing.hpp"
#include "app/policy.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

constexpr const char* kLeader = "leder.bergen@demo.alis.no";
constexpr const char* kDemoTrainee = "alis@demo.alis.no";
constexpr const char* kDemoSupervisor = "veileder@demo.alis.no";
// How many of Bergen's trainees have a signed agreement document, besides the demo trainee.
constexpr int kSignedTrainees = 3;

std::string at(domain::Date day, const char* time) {
    return day.iso() + "T" + time + "Z";
}

// The demo's history, written as it happened: a version of what `d` is of (its agreement_id
// or supervisor_id); sign() then adds each signature.
domain::SignedDocument write_version(store::UnitOfWork& w, const DocumentDraft& draft,
                                     domain::SignedDocument d, const std::string& created_at,
                                     const std::string& created_by) {
    d.kind = draft.kind;
    d.template_version = draft.template_version;
    d.title = draft.title;
    d.content = draft.content;
    d.content_sha256 = sha256_hex(draft.content);
    d.created_at = created_at;
    d.created_by = created_by;
    d.id = w.documents().add(d);
    return d;
}

void sign(store::UnitOfWork& w, domain::SignedDocument& d, domain::DocumentParty party,
          const domain::Account& account, const std::string& signed_at) {
    domain::DocumentSignature s;
    s.document_id = d.id;
    s.party = party;
    s.account_id = account.id;
    s.signer = account.display_name + " (" + account.email + ")";
    s.signed_at = signed_at;
    s.id = w.documents().append_signature(s);
    d.signatures.push_back(s);
}

}  // namespace

int add_demo_documents(Application& app, domain::Date as_of, const DemoDocumentMaker& make) {
    struct Signed {
        std::int64_t person_id;
        domain::Agreement agreement;
    };
    // Who signs: the leader, the demo trainee, and the first other trainees of Bergen with a
    // signed agreement in the register.
    // (No structured bindings: clang 14 cannot capture them in the lambdas below.)
    const auto read = app.database().read([&](const store::Snapshot& s) {
        std::vector<Signed> found;
        const auto demo = s.identity().find_account_by_email(kDemoTrainee);
        for (const auto& person : s.people().trainees_employed_by("4601", as_of)) {
            if (demo && demo->person_id == person.id) {
                continue;
            }
            for (const auto& a : s.grants().agreements_of(person.id)) {
                if (a.status == domain::AgreementStatus::signed_by_all && a.signed_on &&
                    static_cast<int>(found.size()) < kSignedTrainees) {
                    found.push_back({person.id, a});
                    break;
                }
            }
        }
        return std::tuple(s.identity().find_account_by_email(kLeader), demo, found);
    });
    const auto& leader = std::get<0>(read);
    const auto& demo_trainee = std::get<1>(read);
    const auto& chosen = std::get<2>(read);
    if (!leader) {
        return 0;
    }
    const std::string leader_label = leader->display_name + " (" + leader->email + ")";
    int versions = 0;
    int n = 2;
    for (const auto& one : chosen) {
        const auto person_id = one.person_id;
        const auto& agreement = one.agreement;
        const auto facts = agreement_document_facts(app, person_id, agreement.id, as_of);
        if (!facts) {
            continue;
        }
        const auto draft = make.draft(*facts);
        app.database().write([&](store::UnitOfWork& w) {
            domain::Account account;
            account.email = "alis" + std::to_string(n++) + "@demo.alis.no";
            account.display_name = facts->person.full_name;
            account.person_id = person_id;
            account.password_hash = leader->password_hash;  // The demo password.
            account.id = w.identity().add_account(account);
            domain::RoleGrant grant;
            grant.account_id = account.id;
            grant.role = domain::Role::trainee;
            grant.starts_on = facts->employment.starts_on;
            w.identity().add_role_grant(grant);
            const auto day = *agreement.signed_on;
            domain::SignedDocument of;
            of.agreement_id = agreement.id;
            auto d = write_version(w, draft, of, at(day.plus_days(-3), "09:00:00"), leader_label);
            sign(w, d, domain::DocumentParty::employer, *leader, at(day, "10:00:00"));
            sign(w, d, domain::DocumentParty::trainee, account, at(day, "14:30:00"));
            d.signed_at = d.signatures.back().signed_at;
            const auto pdf = make.pdf(d);
            w.documents().freeze(d.id, to_base64(pdf), sha256_hex(pdf), *d.signed_at);
            return 0;
        });
        ++versions;
    }
    // The demo trainee's new agreement from next month: the leader has signed, the doctor not.
    if (demo_trainee && demo_trainee->person_id) {
        const auto person_id = *demo_trainee->person_id;
        const auto employments = app.database().read(
            [&](const store::Snapshot& s) { return s.people().employments_of(person_id); });
        if (!employments.empty()) {
            domain::Agreement a;
            a.employment_id = employments.back().id;
            a.template_version = "Helsedirektoratet 2023";
            a.national_template = true;
            a.covers_from = as_of.first_of_month().plus_months(1);
            a.status = domain::AgreementStatus::partly_signed;
            a.recorded_at = at(as_of.plus_days(-2), "09:00:00");
            a.recorded_by = leader_label;
            a.id = app.database().write(
                [&](store::UnitOfWork& w) { return w.grants().add_agreement(a); });
            const auto facts = agreement_document_facts(app, person_id, a.id, as_of);
            const auto draft = make.draft(*facts);
            app.database().write([&](store::UnitOfWork& w) {
                domain::SignedDocument of;
                of.agreement_id = a.id;
                auto d = write_version(w, draft, of, a.recorded_at, leader_label);
                sign(w, d, domain::DocumentParty::employer, *leader,
                     at(as_of.plus_days(-2), "10:00:00"));
                return 0;
            });
            ++versions;
        }
    }
    // Bergen's agreement with the demo veileder: the leader has signed, the veileder not.
    const auto registration = app.database().read([&](const store::Snapshot& s) {
        const auto account = s.identity().find_account_by_email(kDemoSupervisor);
        return account && account->person_id
                   ? s.supervisors().find_registration("4601", *account->person_id)
                   : std::nullopt;
    });
    const auto draft = registration && make.supervision_draft
                           ? make.supervision_draft("4601", registration->id)
                           : std::nullopt;
    if (draft) {
        app.database().write([&](store::UnitOfWork& w) {
            domain::SignedDocument of;
            of.supervisor_id = registration->id;
            auto d =
                write_version(w, *draft, of, at(as_of.plus_days(-1), "09:00:00"), leader_label);
            sign(w, d, domain::DocumentParty::employer, *leader,
                 at(as_of.plus_days(-1), "09:15:00"));
            return 0;
        });
        ++versions;
    }
    return versions;
}

}  // namespace alis::app
