#pragma once

#include "domain/date.hpp"
namespace alis::store {
class UnitOfWork;
}

namespace alis::app {

// Writes complete general education plans (status history, learning arenas, responsibilities)
// for Bergen, Voss, Tromsø, Alta and Bodø, dated around `as_of`, in the caller's transaction.
// The municipalities must exist; their enterprise_status follows the plans' latest status.
void add_demo_general_plans(store::UnitOfWork& writer, domain::Date as_of);

}  // namespace alis::app
