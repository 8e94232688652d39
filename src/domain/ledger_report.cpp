// The ledger's two outputs: the JSON report (docs/ledger.md, "Output") and the text report.
#include <boost/json.hpp>

#include <algorithm>
#include <string>

#include "domain/ledger.hpp"

namespace alis::domain {
namespace {

// Norwegian labels for the text report.
std::string_view arena_label(Arena arena) {
    switch (arena) {
        case Arena::open_general_practice:
            return "Åpen uselektert allmennpraksis";
        case Arena::other_general_practice:
            return "Annen allmennmedisinsk tjeneste";
        case Arena::institution:
            return "Institusjonstjeneste";
        case Arena::leave:
            return "Permisjon";
        case Arena::other:
            return "Annet";
    }
    return "";
}

// The number of characters (not bytes) in UTF-8 `text`.
std::size_t display_width(std::string_view text) {
    std::size_t characters = 0;
    for (const char c : text) {
        characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return characters;
}

// Pads `text` with spaces to `width` characters, on the left or the right.
enum class Align { left, right };
std::string pad(std::string_view text, std::size_t width, Align align) {
    const std::size_t characters = display_width(text);
    const std::string fill(characters < width ? width - characters : 0, ' ');
    return align == Align::left ? std::string(text) + fill : fill + std::string(text);
}

std::string json_string(std::string_view text) {
    return boost::json::serialize(boost::json::string(text));
}

}  // namespace

std::string norwegian_months(MonthUnits units) {
    std::string text = format_months(units);
    std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

std::string format_months(MonthUnits units) {
    const bool negative = units < 0;
    const MonthUnits magnitude = negative ? -units : units;
    MonthUnits whole = magnitude / kUnitsPerMonth;
    MonthUnits hundredths =
        (magnitude % kUnitsPerMonth * 100 + kUnitsPerMonth / 2) / kUnitsPerMonth;
    if (hundredths == 100) {
        ++whole;
        hundredths = 0;
    }
    std::string text = (negative ? "-" : "") + std::to_string(whole) + ".";
    if (hundredths < 10) {
        text += '0';
    }
    return text + std::to_string(hundredths);
}

std::string report_json(const LedgerReport& report) {
    std::string out = "{\n";
    out += "  \"as_of\": \"" + report.as_of.iso() + "\",\n";
    out += "  \"ruleset\": " + json_string(report.ruleset) + ",\n";
    out += "  \"months\": {\n";
    for (const Arena arena : kCountingArenas) {
        out += "    \"" + std::string(to_string(arena)) +
               "\": " + format_months(report.months.by_arena[counting_index(arena)]) + ",\n";
    }
    out += "    \"total\": " + format_months(report.months.total) + ",\n";
    out += "    \"not_counted\": " + format_months(report.months.not_counted) + "\n";
    out += "  },\n";
    out += "  \"requirements\": [";
    for (std::size_t i = 0; i < report.requirements.size(); ++i) {
        const RequirementStatus& r = report.requirements[i];
        out += i == 0 ? "\n" : ",\n";
        out += "    {\"id\": " + json_string(r.id) +
               ", \"required\": " + format_months(r.required) +
               ", \"counted\": " + format_months(r.counted) +
               ", \"remaining\": " + format_months(r.remaining) +
               ", \"met\": " + (r.met ? "true" : "false") + "}";
    }
    out += report.requirements.empty() ? "],\n" : "\n  ],\n";
    out += "  \"complete\": " + std::string(report.complete ? "true" : "false") + ",\n";
    out += "  \"projected_completion\": " +
           (report.projected_completion ? "\"" + report.projected_completion->iso() + "\""
                                        : std::string("null")) +
           ",\n";
    out += "  \"warnings\": [";
    for (std::size_t i = 0; i < report.warnings.size(); ++i) {
        const LedgerWarning& w = report.warnings[i];
        out += i == 0 ? "\n" : ",\n";
        out += "    {\"code\": \"" + std::string(warning_code_name(w.code)) +
               "\", \"period\": " + std::to_string(w.period) +
               ", \"message\": " + json_string(w.message) + "}";
    }
    out += report.warnings.empty() ? "]\n" : "\n  ]\n";
    out += "}\n";
    return out;
}

std::string report_text(const LedgerReport& report) {
    std::string out;
    out += "Utdanningsregnskap per " + report.as_of.norwegian() + "\n";
    out += "Regelsett: " + report.ruleset_name + " (" + report.ruleset + ")\n\n";

    std::vector<std::string> requirement_labels;
    for (const RequirementStatus& r : report.requirements) {
        requirement_labels.push_back("  " + r.name);
    }
    // The label column fits the longest label, so that the numbers line up.
    std::size_t label = 36;
    for (const std::string& text : requirement_labels) {
        label = std::max(label, display_width(text) + 2);
    }
    constexpr std::size_t kNumber = 10;
    out += pad("Talt tjeneste", label, Align::left) + pad("Måneder", kNumber, Align::right) + "\n";
    for (const Arena arena : kCountingArenas) {
        out += pad("  " + std::string(arena_label(arena)), label, Align::left) +
               pad(norwegian_months(report.months.by_arena[counting_index(arena)]), kNumber,
                   Align::right) +
               "\n";
    }
    out += pad("  Sum etter tak", label, Align::left) +
           pad(norwegian_months(report.months.total), kNumber, Align::right) + "\n";
    out += pad("  Teller ikke", label, Align::left) +
           pad(norwegian_months(report.months.not_counted), kNumber, Align::right) + "\n\n";

    out += pad("Krav", label, Align::left) + pad("Kreves", kNumber, Align::right) +
           pad("Talt", kNumber, Align::right) + pad("Gjenstår", kNumber, Align::right) +
           "  Oppfylt\n";
    for (std::size_t i = 0; i < report.requirements.size(); ++i) {
        const RequirementStatus& r = report.requirements[i];
        out += pad(requirement_labels[i], label, Align::left) +
               pad(norwegian_months(r.required), kNumber, Align::right) +
               pad(norwegian_months(r.counted), kNumber, Align::right) +
               pad(norwegian_months(r.remaining), kNumber, Align::right) + "  " +
               (r.met ? "ja" : "nei") + "\n";
    }
    out += "\nFullført: " + std::string(report.complete ? "ja" : "nei") + "\n";
    out += "Forventet fullført: " +
           (report.projected_completion
                ? report.projected_completion->norwegian() + " (hvis planen følges)"
                : std::string("aldri med denne planen")) +
           "\n";
    if (report.warnings.empty()) {
        out += "Advarsler: ingen\n";
        return out;
    }
    out += "Advarsler:\n";
    for (const LedgerWarning& w : report.warnings) {
        out += "  periods[" + std::to_string(w.period) + "] " +
               std::string(warning_code_name(w.code)) + ": " + w.message + "\n";
    }
    return out;
}

}  // namespace alis::domain
