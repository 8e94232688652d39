#pragma once

// The demo's agreements signed in alis (issue 17): Bergen's trainees' ALIS agreements, each a
// version signed by the leader and the doctor on the day the register says, with its frozen PDF,
// and one agreement of the demo trainee (alis@demo.alis.no) that the leader has signed and that
// waits for the doctor; and Bergen's agreement with the demo veileder (veileder@demo.alis.no),
// signed by the leader and waiting for the veileder. The text and the PDF are the front's
// (web/documents.hpp), handed in.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "app/application.hpp"
#include "app/signed_documents.hpp"
#include "domain/date.hpp"

namespace alis::app {

struct DemoDocumentMaker {
    std::function<DocumentDraft(const AgreementDocumentFacts&)> draft;
    // The text of a version of the municipality's agreement with its supervisor registration, or
    // nullopt.
    std::function<std::optional<DocumentDraft>(const std::string& municipality_number,
                                               std::int64_t supervisor_id)>
        supervision_draft;
    SignedPdf pdf;
};

// Adds them to a store that holds the demo data (load_demo_data); returns how many versions.
// The doctors who sign get demo logins of their own (the demo password): alis2@demo.alis.no, ...
int add_demo_documents(Application& app, domain::Date as_of, const DemoDocumentMaker& make);

}  // namespace alis::app
