#include "domain/signed_document.hpp"

#include <algorithm>

namespace alis::domain {
namespace {

constexpr DocumentParty kAgreementParties[] = {DocumentParty::employer, DocumentParty::trainee};
constexpr DocumentParty kSupervisionParties[] = {DocumentParty::employer,
                                                 DocumentParty::supervisor};

}  // namespace

std::span<const DocumentParty> signing_parties(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::alis_agreement:
            return kAgreementParties;
        case DocumentKind::supervision_agreement:
            return kSupervisionParties;
        default:
            return {};
    }
}

bool is_signed_in_alis(DocumentKind kind) {
    return kind == DocumentKind::alis_agreement || kind == DocumentKind::supervision_agreement;
}

const DocumentSignature* SignedDocument::signature_of(DocumentParty party) const {
    const auto it = std::find_if(signatures.begin(), signatures.end(),
                                 [&](const DocumentSignature& s) { return s.party == party; });
    return it == signatures.end() ? nullptr : &*it;
}

DocumentStatus SignedDocument::status() const {
    if (signatures.empty()) {
        return DocumentStatus::draft;
    }
    const auto parties = signing_parties(kind);
    const bool all = std::all_of(parties.begin(), parties.end(),
                                 [&](DocumentParty p) { return signature_of(p) != nullptr; });
    return all ? DocumentStatus::signed_by_all : DocumentStatus::partly_signed;
}

}  // namespace alis::domain
