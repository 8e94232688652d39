#pragma once

// The templates of the documents alis writes (domain/document_template.hpp): those compiled into
// alis from templates/documents/.

#include "domain/document_template.hpp"

namespace alis::app {

// The compiled-in template of `kind`, parsed once. Throws domain::DataFileError when the file is
// broken, std::runtime_error when there is none for the kind.
const domain::DocumentTemplate& embedded_document_template(domain::DocumentKind kind);

}  // namespace alis::app
