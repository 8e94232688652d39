#pragma once

// Whether a name someone typed is the name a person is registered under: what links a
// registration to a person already known by HPR number (app/supervisors.cpp).

#include <string_view>

namespace alis::domain {

// True when `typed` and `stored` are the same name once leading and trailing white space is
// trimmed and letters are compared without case (ASCII and Latin-1 letters such as Æ/æ, Ø/ø,
// Å/å, É/é); exactly otherwise (inner spaces, hyphens and accents count).
bool same_person_name(std::string_view typed, std::string_view stored);

}  // namespace alis::domain
