#include "domain/grant_json.hpp"

#include <boost/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>

#include "domain/json_input.hpp"

namespace alis::domain {
namespace {

namespace json = boost::json;

[[noreturn]] void fail_grant_input(const std::string& field, const std::string& problem,
                                   const std::string& text = {}) {
    throw GrantInputError(field, problem, text);
}

std::string child(const std::string& prefix, std::string_view name) {
    return prefix.empty() ? std::string(name) : prefix + "." + std::string(name);
}

const json::object& object_at(const json::value& value, const std::string& field) {
    if (!value.is_object()) {
        fail_grant_input(field, "expected_object", std::string(json_type_name(value)));
    }
    return value.get_object();
}

void refuse_unknown_grant_fields(const json::object& object,
                                 std::initializer_list<std::string_view> known,
                                 const std::string& prefix) {
    for (const auto& entry : object) {
        bool found = false;
        for (const std::string_view name : known) {
            found = found || entry.key() == name;
        }
        if (!found) {
            fail_grant_input(child(prefix, entry.key()), "unknown_field");
        }
    }
}

const json::value& require_grant_field(const json::object& object, std::string_view name,
                                       const std::string& prefix) {
    const json::value* value = object.if_contains(name);
    if (value == nullptr) {
        fail_grant_input(child(prefix, name), "missing");
    }
    return *value;
}

Date date_at(const json::object& object, std::string_view name, const std::string& prefix) {
    const json::value& value = require_grant_field(object, name, prefix);
    if (!value.is_string()) {
        fail_grant_input(child(prefix, name), "expected_date", std::string(json_type_name(value)));
    }
    const auto date = Date::parse_iso(value.get_string());
    if (!date) {
        fail_grant_input(child(prefix, name), "bad_date", std::string(value.get_string()));
    }
    return *date;
}

bool flag_at(const json::object& object, std::string_view name, const std::string& prefix) {
    const json::value* value = object.if_contains(name);
    if (value == nullptr) {
        return false;
    }
    if (!value->is_bool()) {
        fail_grant_input(child(prefix, name), "expected_boolean",
                         std::string(json_type_name(*value)));
    }
    return value->get_bool();
}

std::int64_t integer_at(const json::object& object, std::string_view name,
                        const std::string& prefix) {
    const json::value& value = require_grant_field(object, name, prefix);
    if (!value.is_int64()) {
        fail_grant_input(child(prefix, name), "expected_whole_number",
                         std::string(json_type_name(value)));
    }
    return value.get_int64();
}

Money amount_at(const json::object& object, std::string_view name, const std::string& prefix) {
    const std::int64_t ore = integer_at(object, name, prefix);
    if (ore < 0 || ore > kMaxMonthlyOre) {
        fail_grant_input(child(prefix, name), "amount", std::to_string(ore));
    }
    return Money::ore(ore);
}

PositionPpm fte_at(const json::object& object, std::string_view name, const std::string& prefix) {
    const json::value& value = require_grant_field(object, name, prefix);
    std::optional<PositionPpm> ppm;
    if (value.is_int64()) {
        const std::int64_t percent = value.get_int64();
        if (percent > 0 && percent <= 100) {
            ppm = static_cast<PositionPpm>(percent * (kFullTime / 100));
        }
    } else if (value.is_double()) {
        ppm = percent_to_ppm(value.get_double());
    } else {
        fail_grant_input(child(prefix, name), "expected_percent",
                         std::string(json_type_name(value)));
    }
    if (!ppm) {
        fail_grant_input(child(prefix, name), "fte", json::serialize(value));
    }
    return *ppm;
}

GrantRates inline_rates(const json::object& object) {
    refuse_unknown_grant_fields(object, {"grant_year", "monthly_ore", "class6_supplement_ore"},
                                "rates");
    GrantRates rates;
    const std::int64_t year = integer_at(object, "grant_year", "rates");
    if (year < kFirstGrantYear || year > kLastGrantYear) {
        fail_grant_input("rates.grant_year", "grant_year", std::to_string(year));
    }
    rates.grant_year = static_cast<int>(year);
    const json::object& monthly =
        object_at(require_grant_field(object, "monthly_ore", "rates"), "rates.monthly_ore");
    refuse_unknown_grant_fields(
        monthly, {"regular_gp", "introduction_post", "other_municipal_gp", "supervision_only"},
        "rates.monthly_ore");
    for (const GrantPostType type : enum_values<GrantPostType>()) {
        rates.monthly[static_cast<std::size_t>(type)] =
            amount_at(monthly, to_string(type), "rates.monthly_ore");
    }
    rates.class6_supplement = amount_at(object, "class6_supplement_ore", "rates");
    // Rates written into the input name no source: nothing confirms them.
    rates.unconfirmed = true;
    return rates;
}

GrantAgreement agreement_of(const json::value& value) {
    GrantAgreement agreement;
    if (value.is_null()) {
        return agreement;
    }
    const json::object& object = object_at(value, "agreement");
    refuse_unknown_grant_fields(object, {"national_template", "signed"}, "agreement");
    agreement.national_template = flag_at(object, "national_template", "agreement");
    const json::value* signed_on = object.if_contains("signed");
    if (signed_on != nullptr && !signed_on->is_null()) {
        agreement.signed_on = date_at(object, "signed", "agreement");
    }
    return agreement;
}

GrantPost post_of(const json::value& value, std::size_t index) {
    const std::string prefix = "posts[" + std::to_string(index) + "]";
    const json::object& object = object_at(value, prefix);
    refuse_unknown_grant_fields(object, {"type", "fte", "from", "to", "via_agency", "substitute"},
                                prefix);
    GrantPost post;
    const json::value& type = require_grant_field(object, "type", prefix);
    if (!type.is_string()) {
        fail_grant_input(child(prefix, "type"), "expected_text", std::string(json_type_name(type)));
    }
    const auto parsed = parse_enum<GrantPostType>(type.get_string());
    if (!parsed) {
        fail_grant_input(child(prefix, "type"), "unknown_post_type",
                         std::string(type.get_string()));
    }
    post.type = *parsed;
    post.fte = fte_at(object, "fte", prefix);
    post.from = date_at(object, "from", prefix);
    post.to = date_at(object, "to", prefix);
    post.via_agency = flag_at(object, "via_agency", prefix);
    post.substitute = flag_at(object, "substitute", prefix);
    return post;
}

void append_month(std::string& out, const GrantMonth& m) {
    // "2023-01": the first seven characters of the month's first day in ISO form.
    const std::string month = Date::from_ymd(m.year, m.month, 1)->iso().substr(0, 7);
    out += "    {\"month\": \"" + month + "\", \"post\": " + std::to_string(m.post) +
           ", \"counted\": " + (m.counted ? "true" : "false") +
           ", \"amount_ore\": " + std::to_string(m.amount.in_ore()) + ", \"reasons\": [";
    for (std::size_t i = 0; i < m.reasons.size(); ++i) {
        out += (i == 0 ? "\"" : ", \"") + std::string(to_string(m.reasons[i])) + "\"";
    }
    out += "]}";
}

}  // namespace

GrantRequest parse_grant_request(std::string_view text) {
    json::monotonic_resource resource;
    const json::value root = parse_json_document(text, &resource);
    const json::object& object = object_at(root, "input");
    refuse_unknown_grant_fields(object,
                                {"rates", "period", "centrality_class", "agreement", "posts"}, "");
    GrantRequest request;

    const json::value& rates = require_grant_field(object, "rates", "");
    if (rates.is_string()) {
        request.rates_file = std::string(rates.get_string());
    } else if (rates.is_object()) {
        request.input.rates = inline_rates(rates.get_object());
    } else {
        fail_grant_input("rates", "rates", std::string(json_type_name(rates)));
    }

    if (const json::value* period = object.if_contains("period"); period != nullptr) {
        const json::object& p = object_at(*period, "period");
        refuse_unknown_grant_fields(p, {"from", "to"}, "period");
        request.input.period_from = date_at(p, "from", "period");
        request.input.period_to = date_at(p, "to", "period");
        request.period_given = true;
    } else if (!request.rates_file) {
        // Inline rates carry no refund period of their own.
        fail_grant_input("period", "missing");
    }

    const std::int64_t centrality = integer_at(object, "centrality_class", "");
    if (centrality < 1 || centrality > 6) {
        fail_grant_input("centrality_class", "centrality_class", std::to_string(centrality));
    }
    request.input.centrality_class = static_cast<int>(centrality);

    if (const json::value* agreement = object.if_contains("agreement"); agreement != nullptr) {
        request.input.agreement = agreement_of(*agreement);
    }

    const json::value& posts = require_grant_field(object, "posts", "");
    if (!posts.is_array()) {
        fail_grant_input("posts", "expected_list", std::string(json_type_name(posts)));
    }
    const json::array& list = posts.get_array();
    if (list.size() > kMaxGrantPosts) {
        fail_grant_input("posts", "too_many_posts");
    }
    request.input.posts.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        request.input.posts.push_back(post_of(list[i], i));
    }
    return request;
}

std::string grant_claim_json(const GrantClaim& claim) {
    std::string out = "{\n  \"months\": [";
    out.reserve(claim.months.size() * 110 + 64);
    for (std::size_t i = 0; i < claim.months.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        append_month(out, claim.months[i]);
    }
    out += claim.months.empty() ? "],\n" : "\n  ],\n";
    out += "  \"total_ore\": " + std::to_string(claim.total.in_ore()) + "\n}\n";
    return out;
}

}  // namespace alis::domain
