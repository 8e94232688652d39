#include "app/record_json.hpp"

#include <stdexcept>
#include <string>

namespace alis::app {
namespace {

namespace json = boost::json;

json::value date_or_null(const std::optional<domain::Date>& date) {
    return date ? json::value(date->iso()) : json::value();
}

// Reads the fields of one record's JSON object, throwing for anything missing or malformed.
class Fields {
  public:
    explicit Fields(std::string_view text) {
        const auto value = json::parse(text);
        if (!value.is_object()) {
            throw std::invalid_argument("a record's JSON is not an object");
        }
        object_ = value.as_object();
    }

    std::int64_t integer(std::string_view key) const { return at(key).to_number<std::int64_t>(); }
    std::optional<std::int64_t> optional_integer(std::string_view key) const {
        return at(key).is_null() ? std::optional<std::int64_t>{} : integer(key);
    }
    std::string text(std::string_view key) const { return std::string(at(key).as_string()); }
    bool boolean(std::string_view key) const { return at(key).as_bool(); }
    domain::Date date(std::string_view key) const {
        const auto date = domain::Date::parse_iso(text(key));
        if (!date) {
            throw std::invalid_argument("a record's JSON has a malformed date");
        }
        return *date;
    }
    std::optional<domain::Date> optional_date(std::string_view key) const {
        return at(key).is_null() ? std::optional<domain::Date>{} : date(key);
    }
    template <domain::NamedEnum Enum>
    Enum enumeration(std::string_view key) const {
        const auto value = domain::parse_enum<Enum>(text(key));
        if (!value) {
            throw std::invalid_argument("a record's JSON has an unknown name");
        }
        return *value;
    }

  private:
    const json::value& at(std::string_view key) const {
        const auto* value = object_.if_contains(key);
        if (!value) {
            throw std::invalid_argument("a record's JSON lacks " + std::string(key));
        }
        return *value;
    }
    json::object object_;
};

}  // namespace

json::object employment_json(const domain::Employment& e) {
    return json::object{{"id", e.id},
                        {"person_id", e.person_id},
                        {"municipality", e.municipality_number},
                        {"starts_on", e.starts_on.iso()},
                        {"ends_on", date_or_null(e.ends_on)},
                        {"fte", e.fte},
                        {"post_type", domain::to_string(e.post_type)},
                        {"pay_model", domain::to_string(e.pay_model)}};
}

json::object service_period_json(const domain::ServicePeriod& p) {
    return json::object{
        {"id", p.id},
        {"person_id", p.person_id},
        {"employment_id", p.employment_id ? json::value(*p.employment_id) : json::value()},
        {"arena", domain::to_string(p.arena)},
        {"place", p.place},
        {"starts_on", p.starts_on.iso()},
        {"ends_on", date_or_null(p.ends_on)},
        {"fte", p.fte},
        {"employer_registered", p.employer_registered}};
}

json::object departure_json(const domain::Departure& d) {
    return json::object{{"employment_id", d.employment_id},
                        {"reason", std::string(domain::to_string(d.reason))},
                        {"destination", std::string(domain::to_string(d.destination))},
                        {"training_ended", d.training_ended},
                        {"recorded_at", d.recorded_at},
                        {"recorded_by", d.recorded_by}};
}

json::object leave_json(const domain::Leave& l) {
    return json::object{{"id", l.id},
                        {"person_id", l.person_id},
                        {"kind", domain::to_string(l.kind)},
                        {"starts_on", l.starts_on.iso()},
                        {"ends_on", l.ends_on.iso()}};
}

domain::Employment parse_employment(std::string_view text) {
    const Fields f(text);
    domain::Employment e;
    e.id = f.integer("id");
    e.person_id = f.integer("person_id");
    e.municipality_number = f.text("municipality");
    e.starts_on = f.date("starts_on");
    e.ends_on = f.optional_date("ends_on");
    e.fte = static_cast<int>(f.integer("fte"));
    e.post_type = f.enumeration<domain::PostType>("post_type");
    e.pay_model = f.enumeration<domain::PayModel>("pay_model");
    return e;
}

domain::ServicePeriod parse_service_period(std::string_view text) {
    const Fields f(text);
    domain::ServicePeriod p;
    p.id = f.integer("id");
    p.person_id = f.integer("person_id");
    p.employment_id = f.optional_integer("employment_id");
    p.arena = f.enumeration<domain::Arena>("arena");
    p.place = f.text("place");
    p.starts_on = f.date("starts_on");
    p.ends_on = f.optional_date("ends_on");
    p.fte = static_cast<int>(f.integer("fte"));
    p.employer_registered = f.boolean("employer_registered");
    return p;
}

domain::Leave parse_leave(std::string_view text) {
    const Fields f(text);
    domain::Leave l;
    l.id = f.integer("id");
    l.person_id = f.integer("person_id");
    l.kind = f.enumeration<domain::LeaveKind>("kind");
    l.starts_on = f.date("starts_on");
    l.ends_on = f.date("ends_on");
    return l;
}

}  // namespace alis::app
