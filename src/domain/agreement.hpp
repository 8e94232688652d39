#pragma once

// The agreement register (issue 15; the documents of issue 17 build on it): each ALIS agreement
// of an employment, with its template, the period it covers and when it was signed; and the
// facts of a post that the national grant depends on (docs/money.md, "Claims from the store").

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "domain/grant.hpp"
#include "domain/person.hpp"

namespace alis::domain {

// The kinds of agreement the register keeps; issue 17 adds its documents' kinds.
enum class AgreementKind { alis_agreement };
template <>
struct EnumNames<AgreementKind> {
    static constexpr std::array<std::pair<AgreementKind, std::string_view>, 1> names{{
        {AgreementKind::alis_agreement, "alis_agreement"},
    }};
};

// Where an agreement stands: drafted, signed by one party, signed by all, or cancelled.
enum class AgreementStatus { draft, partly_signed, signed_by_all, cancelled };
template <>
struct EnumNames<AgreementStatus> {
    static constexpr std::array<std::pair<AgreementStatus, std::string_view>, 4> names{{
        {AgreementStatus::draft, "draft"},
        {AgreementStatus::partly_signed, "partly_signed"},
        {AgreementStatus::signed_by_all, "signed"},
        {AgreementStatus::cancelled, "cancelled"},
    }};
};

// One agreement of the register.
struct Agreement {
    std::int64_t id = 0;
    std::int64_t employment_id = 0;
    AgreementKind kind = AgreementKind::alis_agreement;
    std::string template_version;    // e.g. "Helsedirektoratet 2023"
    bool national_template = false;  // follows Helsedirektoratet's national template
    Date covers_from;
    std::optional<Date> covers_to;  // inclusive; nullopt: until the employment ends
    AgreementStatus status = AgreementStatus::draft;
    std::optional<Date> signed_on;  // set exactly when signed (a cancelled one may keep it)
    std::string recorded_at;        // UTC, "2026-11-22T10:15:30Z"; the audit event's instant
    std::string recorded_by;        // name and e-mail
};

// The facts of an employment that the grant needs and the employment does not hold.
struct GrantPostFacts {
    std::int64_t employment_id = 0;
    GrantPostType type = GrantPostType::regular_gp;
    bool via_agency = false;
    bool substitute = false;  // a GP substitute; only in a regular GP post
};

// The grant post type an employment counts as when no facts are recorded for it: a GP list post
// is a regular GP post, other general practice is other municipal GP work; institution service
// earns no grant (nullopt).
std::optional<GrantPostType> default_grant_post_type(PostType post);

// The first thing wrong with the agreements of an employment that began on `employment_start`.
enum class AgreementWarning {
    no_signed_agreement,        // no ALIS agreement is signed (none, or only drafts)
    signed_after_period_began,  // the agreement was signed after the period it covers began
    not_national_template,      // the agreement does not follow the national template
};
template <>
struct EnumNames<AgreementWarning> {
    static constexpr std::array<std::pair<AgreementWarning, std::string_view>, 3> names{{
        {AgreementWarning::no_signed_agreement, "no_signed_agreement"},
        {AgreementWarning::signed_after_period_began, "signed_after_period_began"},
        {AgreementWarning::not_national_template, "not_national_template"},
    }};
};

// The agreement a claim and the warnings go by: of the signed ALIS agreements, one on the national
// template before one that is not, then the earliest signed; nullptr when none is signed.
const Agreement* agreement_in_force(const std::vector<Agreement>& agreements);

// The warning the leader's overview shows for an employment's agreements, or nullopt when the
// agreement in force is signed on the national template no later than the first day it covers.
std::optional<AgreementWarning> agreement_warning(const std::vector<Agreement>& agreements);

// The agreement as the grant engine reads it (no agreement when none is signed).
GrantAgreement grant_agreement(const std::vector<Agreement>& agreements);

}  // namespace alis::domain
