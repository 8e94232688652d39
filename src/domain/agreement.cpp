#include "domain/agreement.hpp"

namespace alis::domain {

std::optional<GrantPostType> default_grant_post_type(PostType post) {
    switch (post) {
        case PostType::gp_list:
            return GrantPostType::regular_gp;
        case PostType::other_general_practice:
            return GrantPostType::other_municipal_gp;
        case PostType::institution:
            return std::nullopt;
    }
    return std::nullopt;
}

const Agreement* agreement_in_force(const std::vector<Agreement>& agreements) {
    const Agreement* best = nullptr;
    for (const auto& a : agreements) {
        if (a.kind != AgreementKind::alis_agreement || a.status != AgreementStatus::signed_by_all ||
            !a.signed_on) {
            continue;
        }
        if (!best || (a.national_template && !best->national_template) ||
            (a.national_template == best->national_template && *a.signed_on < *best->signed_on)) {
            best = &a;
        }
    }
    return best;
}

std::optional<AgreementWarning> agreement_warning(const std::vector<Agreement>& agreements) {
    const Agreement* agreement = agreement_in_force(agreements);
    if (!agreement) {
        return AgreementWarning::no_signed_agreement;
    }
    if (*agreement->signed_on > agreement->covers_from) {
        return AgreementWarning::signed_after_period_began;
    }
    if (!agreement->national_template) {
        return AgreementWarning::not_national_template;
    }
    return std::nullopt;
}

GrantAgreement grant_agreement(const std::vector<Agreement>& agreements) {
    const Agreement* agreement = agreement_in_force(agreements);
    if (!agreement) {
        return {};
    }
    return {agreement->national_template, agreement->signed_on};
}

}  // namespace alis::domain
