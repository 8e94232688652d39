#include "domain/training_record.hpp"

#include <boost/json.hpp>

#include <initializer_list>

namespace alis::domain {
namespace {

namespace json = boost::json;

json::value record_optional_date_json(const std::optional<Date>& day) {
    return day ? json::value(day->iso()) : json::value(nullptr);
}

// The record as JSON, every node allocated from `sp` (a monotonic resource when the text is
// wanted once: checking a record writes it again, and most of that time was allocation).
json::object record_content_json(const TrainingRecordContent& c, const json::storage_ptr& sp) {
    json::object object(sp);
    object["format"] = kTrainingRecordFormat;
    object["version"] = kTrainingRecordVersion;
    object["issued_at"] = c.issued_at;
    object["as_of"] = c.as_of.iso();
    object["identity"] = json::object({{"name", c.identity.name}, {"hpr", c.identity.hpr}}, sp);
    object["ledger"] = json::object({{"ruleset", c.ledger.ruleset},
                                     {"total_months", c.ledger.total_months},
                                     {"complete", c.ledger.complete}},
                                    sp);
    json::array periods(sp);
    periods.reserve(c.service_periods.size());
    for (const auto& p : c.service_periods) {
        periods.push_back(json::object({{"from", p.from.iso()},
                                        {"to", record_optional_date_json(p.to)},
                                        {"arena", p.arena},
                                        {"place", p.place},
                                        {"municipality_number", p.municipality_number},
                                        {"municipality_name", p.municipality_name},
                                        {"position_percent", p.position_percent},
                                        {"employer_registered", p.employer_registered},
                                        {"counted_months", p.counted_months}},
                                       sp));
    }
    object["service_periods"] = std::move(periods);
    json::array objectives(sp);
    objectives.reserve(c.objectives.size());
    for (const auto& o : c.objectives) {
        objectives.push_back(json::object({{"code", o.code},
                                           {"title", o.title},
                                           {"approved_at", o.approved_at},
                                           {"approved_by", o.approved_by}},
                                          sp));
    }
    object["objectives"] = std::move(objectives);
    if (c.supervision) {
        const auto& s = *c.supervision;
        object["supervision"] = json::object({{"meetings_held", s.meetings_held},
                                              {"minutes_held", s.minutes_held},
                                              {"meetings_open", s.meetings_open},
                                              {"norm", s.norm},
                                              {"norm_minutes_per_month", s.norm_minutes_per_month}},
                                             sp);
    } else {
        object["supervision"] = nullptr;
    }
    return object;
}

[[noreturn]] void record_fail(RecordFileProblem problem, const std::string& field,
                              const std::string& reason) {
    throw RecordFileError(problem, field, field.empty() ? reason : field + ": " + reason);
}

// One JSON object of the file, read field by field; every field must be read, and one the
// format does not have is refused (it would be shown without being signed).
class RecordObjectReader {
  public:
    RecordObjectReader(const json::value& value, std::string path) : path_(std::move(path)) {
        if (!value.is_object()) {
            record_fail(RecordFileProblem::bad_field, path_, "is not an object");
        }
        object_ = &value.as_object();
    }

    std::string field_path(std::string_view name) const {
        return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
    }

    const json::value& required(std::string_view name) const {
        const auto* value = object_->if_contains(name);
        if (value == nullptr) {
            record_fail(RecordFileProblem::missing_field, field_path(name), "is missing");
        }
        return *value;
    }

    std::string text(std::string_view name, std::size_t longest = 2000) const {
        const auto& value = required(name);
        if (!value.is_string()) {
            record_fail(RecordFileProblem::bad_field, field_path(name), "is not a string");
        }
        if (value.as_string().size() > longest) {
            record_fail(RecordFileProblem::bad_field, field_path(name), "is too long");
        }
        return std::string(value.as_string());
    }

    std::int64_t integer(std::string_view name, std::int64_t least, std::int64_t most) const {
        const auto& value = required(name);
        std::int64_t n = 0;
        if (value.is_int64()) {
            n = value.as_int64();
        } else if (value.is_uint64() &&
                   value.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
            n = static_cast<std::int64_t>(value.as_uint64());
        } else {
            record_fail(RecordFileProblem::bad_field, field_path(name), "is not a whole number");
        }
        if (n < least || n > most) {
            record_fail(RecordFileProblem::bad_field, field_path(name), "is out of range");
        }
        return n;
    }

    bool boolean(std::string_view name) const {
        const auto& value = required(name);
        if (!value.is_bool()) {
            record_fail(RecordFileProblem::bad_field, field_path(name), "is not true or false");
        }
        return value.as_bool();
    }

    Date date(std::string_view name) const {
        const auto day = Date::parse_iso(text(name, 10));
        if (!day) {
            record_fail(RecordFileProblem::bad_field, field_path(name),
                        "is not a date (YYYY-MM-DD)");
        }
        return *day;
    }

    std::optional<Date> optional_date(std::string_view name) const {
        if (required(name).is_null()) {
            return std::nullopt;
        }
        return date(name);
    }

    // Months as the ledger writes them: digits, a point and two digits.
    std::string months(std::string_view name) const {
        std::string value = text(name, 16);
        const auto point = value.find('.');
        const bool ok = point != std::string::npos && point > 0 && value.size() == point + 3 &&
                        value.find_first_not_of("0123456789.") == std::string::npos &&
                        value.find('.', point + 1) == std::string::npos;
        if (!ok) {
            record_fail(RecordFileProblem::bad_field, field_path(name),
                        "is not months such as \"12.00\"");
        }
        return value;
    }

    const json::array& array(std::string_view name) const {
        const auto& value = required(name);
        if (!value.is_array()) {
            record_fail(RecordFileProblem::bad_field, field_path(name), "is not an array");
        }
        return value.as_array();
    }

    // Refuses a field that is not among `known`.
    void only(std::initializer_list<std::string_view> known) const {
        for (const auto& entry : *object_) {
            bool found = false;
            for (const auto name : known) {
                found = found || entry.key() == name;
            }
            if (!found) {
                record_fail(RecordFileProblem::unknown_field, field_path(entry.key()),
                            "is not a field of the record");
            }
        }
    }

  private:
    const json::object* object_ = nullptr;
    std::string path_;
};

std::string record_item_path(std::string_view array, std::size_t index) {
    return std::string(array) + "[" + std::to_string(index) + "]";
}

bool is_lower_hex_of(std::string_view text, std::size_t digits) {
    return text.size() == digits && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

RecordSignature read_record_signature(const RecordObjectReader& file) {
    const auto& value = file.required("signature");
    if (!value.is_object()) {
        record_fail(RecordFileProblem::bad_signature_encoding, "signature", "is not an object");
    }
    const RecordObjectReader r(value, "signature");
    r.only({"algorithm", "public_key", "value"});
    RecordSignature signature;
    signature.algorithm = r.text("algorithm", 32);
    signature.public_key = r.text("public_key", 200);
    signature.value = r.text("value", 400);
    if (signature.algorithm != kTrainingRecordAlgorithm) {
        record_fail(RecordFileProblem::bad_signature_encoding, "signature.algorithm",
                    "is not Ed25519");
    }
    if (!is_lower_hex_of(signature.public_key, 64)) {
        record_fail(RecordFileProblem::bad_signature_encoding, "signature.public_key",
                    "is not 64 lower-case hex digits");
    }
    if (!is_lower_hex_of(signature.value, 128)) {
        record_fail(RecordFileProblem::bad_signature_encoding, "signature.value",
                    "is not 128 lower-case hex digits");
    }
    return signature;
}

}  // namespace

std::string canonical_json(const TrainingRecordContent& content) {
    json::monotonic_resource resource;
    return json::serialize(record_content_json(content, &resource));
}

std::string record_file_json(const TrainingRecordFile& file) {
    json::monotonic_resource resource;
    auto object = record_content_json(file.content, &resource);
    object["signature"] = json::object{{"algorithm", file.signature.algorithm},
                                       {"public_key", file.signature.public_key},
                                       {"value", file.signature.value}};
    return json::serialize(object) + "\n";
}

TrainingRecordFile parse_record_file(std::string_view text) {
    // The parsed tree lives only for this call: one monotonic resource, freed at once.
    json::monotonic_resource resource;
    boost::system::error_code ec;
    const json::value value = json::parse(text, ec, &resource);
    if (ec || !value.is_object()) {
        record_fail(RecordFileProblem::not_json, "", "the file is not a JSON object");
    }
    const RecordObjectReader file(value, "");
    const auto* format = value.as_object().if_contains("format");
    if (format == nullptr || !format->is_string() || format->as_string() != kTrainingRecordFormat) {
        record_fail(RecordFileProblem::wrong_format, "format",
                    "is not \"" + std::string(kTrainingRecordFormat) + "\"");
    }
    const auto* version = value.as_object().if_contains("version");
    if (version == nullptr || !version->is_int64() ||
        version->as_int64() != kTrainingRecordVersion) {
        record_fail(RecordFileProblem::wrong_version, "version",
                    "is not " + std::to_string(kTrainingRecordVersion) +
                        ", the version this installation reads");
    }
    file.only({"format", "version", "issued_at", "as_of", "identity", "ledger", "service_periods",
               "objectives", "supervision", "signature"});

    TrainingRecordFile result;
    auto& c = result.content;
    c.issued_at = file.text("issued_at", 64);
    c.as_of = file.date("as_of");

    const RecordObjectReader identity(file.required("identity"), "identity");
    identity.only({"name", "hpr"});
    c.identity.name = identity.text("name", 400);
    c.identity.hpr = identity.text("hpr", 16);

    const RecordObjectReader ledger(file.required("ledger"), "ledger");
    ledger.only({"ruleset", "total_months", "complete"});
    c.ledger.ruleset = ledger.text("ruleset", 100);
    c.ledger.total_months = ledger.months("total_months");
    c.ledger.complete = ledger.boolean("complete");

    const auto& periods = file.array("service_periods");
    for (std::size_t i = 0; i < periods.size(); ++i) {
        const RecordObjectReader p(periods[i], record_item_path("service_periods", i));
        p.only({"from", "to", "arena", "place", "municipality_number", "municipality_name",
                "position_percent", "employer_registered", "counted_months"});
        RecordServicePeriod period;
        period.from = p.date("from");
        period.to = p.optional_date("to");
        period.arena = p.text("arena", 64);
        period.place = p.text("place", 400);
        period.municipality_number = p.text("municipality_number", 4);
        period.municipality_name = p.text("municipality_name", 200);
        period.position_percent = static_cast<int>(p.integer("position_percent", 1, 100));
        period.employer_registered = p.boolean("employer_registered");
        period.counted_months = p.months("counted_months");
        c.service_periods.push_back(std::move(period));
    }

    const auto& objectives = file.array("objectives");
    for (std::size_t i = 0; i < objectives.size(); ++i) {
        const RecordObjectReader o(objectives[i], record_item_path("objectives", i));
        o.only({"code", "title", "approved_at", "approved_by"});
        c.objectives.push_back(RecordObjective{o.text("code", 32), o.text("title", 400),
                                               o.text("approved_at", 64),
                                               o.text("approved_by", 400)});
    }

    const auto& supervision = file.required("supervision");
    if (!supervision.is_null()) {
        const RecordObjectReader s(supervision, "supervision");
        s.only(
            {"meetings_held", "minutes_held", "meetings_open", "norm", "norm_minutes_per_month"});
        RecordSupervision summary;
        summary.meetings_held = static_cast<int>(s.integer("meetings_held", 0, 1'000'000));
        summary.minutes_held = static_cast<int>(s.integer("minutes_held", 0, 1'000'000'000));
        summary.meetings_open = static_cast<int>(s.integer("meetings_open", 0, 1'000'000));
        summary.norm = s.text("norm", 200);
        summary.norm_minutes_per_month =
            static_cast<int>(s.integer("norm_minutes_per_month", 0, 1'000'000));
        c.supervision = std::move(summary);
    }

    result.signature = read_record_signature(file);
    return result;
}

std::map<std::int64_t, ObjectiveEvent> approvals_in_force(
    const std::vector<ObjectiveEvent>& events) {
    std::map<std::int64_t, std::vector<ObjectiveEvent>> by_objective;
    for (const auto& e : events) {
        by_objective[e.objective_id].push_back(e);
    }
    std::map<std::int64_t, ObjectiveEvent> result;
    for (const auto& [objective_id, its_events] : by_objective) {
        if (objective_state(its_events, 0).status != ObjectiveStatus::approved) {
            continue;
        }
        for (auto it = its_events.rbegin(); it != its_events.rend(); ++it) {
            if (it->kind == ObjectiveEventKind::approved) {
                result.emplace(objective_id, *it);
                break;
            }
        }
    }
    return result;
}

}  // namespace alis::domain
