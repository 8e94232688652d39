#pragma once

// One table of names per enum that is stored, sent or shown: the names in the database, in the
// JSON API and in the message catalogue's keys ("post_type.gp_list"). Printing, parsing and the
// choice lists of forms all read the same table, so a value added to an enum and its table is
// known everywhere at once.
//
// An enum joins by specialising EnumNames beside its definition:
//     template <> struct EnumNames<PostType> {
//         static constexpr std::array<std::pair<PostType, std::string_view>, 3> names{{...}};
//     };

#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace alis::domain {

template <typename Enum>
struct EnumNames;

template <typename Enum>
concept NamedEnum = requires {
    EnumNames<Enum>::names;
};

// The stored name of `value`, e.g. "gp_list"; "unknown" for a value missing from its table.
template <NamedEnum Enum>
constexpr std::string_view to_string(Enum value) {
    for (const auto& [v, name] : EnumNames<Enum>::names) {
        if (v == value) {
            return name;
        }
    }
    return "unknown";
}

// The value named `text`; nullopt for text that names no value.
template <NamedEnum Enum>
constexpr std::optional<Enum> parse_enum(std::string_view text) {
    for (const auto& [v, name] : EnumNames<Enum>::names) {
        if (name == text) {
            return v;
        }
    }
    return std::nullopt;
}

// Every name of the enum in the table's order (the order choice lists show).
template <NamedEnum Enum>
std::vector<std::string_view> enum_names() {
    std::vector<std::string_view> names;
    for (const auto& [v, name] : EnumNames<Enum>::names) {
        names.push_back(name);
    }
    return names;
}

// Every value of the enum in the table's order.
template <NamedEnum Enum>
constexpr auto enum_values() {
    std::array<Enum, EnumNames<Enum>::names.size()> values{};
    for (std::size_t i = 0; i < values.size(); ++i) {
        values[i] = EnumNames<Enum>::names[i].first;
    }
    return values;
}

}  // namespace alis::domain
