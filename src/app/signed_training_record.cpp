#include "app/signed_training_record.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <exception>
#include <map>
#include <thread>

#include "app/auth.hpp"
#include "app/hashing.hpp"
#include "app/supervision.hpp"
#include "app/training_ledger.hpp"
#include "app/training_records.hpp"
#include "domain/ledger.hpp"
#include "store/database.hpp"

namespace alis::app {
namespace {

// Decodes exactly N bytes of lower-case hex; false for anything else.
template <std::size_t N>
bool decode_record_hex(std::string_view text, std::array<unsigned char, N>& out) {
    if (text.size() != N * 2) {
        return false;
    }
    std::size_t decoded = 0;
    return sodium_hex2bin(out.data(), out.size(), text.data(), text.size(), nullptr, &decoded,
                          nullptr) == 0 &&
           decoded == N;
}

bool record_signature_is_valid(const domain::TrainingRecordFile& file) {
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> public_key{};
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    if (!decode_record_hex(file.signature.public_key, public_key) ||
        !decode_record_hex(file.signature.value, signature)) {
        return false;
    }
    const std::string message = domain::canonical_json(file.content);
    return crypto_sign_verify_detached(signature.data(),
                                       reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), public_key.data()) == 0;
}

// The months the ledger counts of one period on its own, before the caps of the whole path.
std::string counted_months_alone(const domain::Person& person, const domain::ServicePeriod& period,
                                 domain::Date day) {
    const auto outcome = ledger_outcome_of(training_path_from(person, {period}, {}, day));
    const auto* ledger = std::get_if<PersonLedger>(&outcome);
    if (ledger == nullptr) {
        throw TrainingRecordUnavailable(std::get<LedgerFailure>(outcome).message);
    }
    domain::MonthUnits units = 0;
    for (const auto by_arena : ledger->report.months.by_arena) {
        units += by_arena;
    }
    return domain::format_months(units);
}

std::optional<domain::RecordSupervision> supervision_summary(Application& app,
                                                             std::int64_t person_id,
                                                             domain::Date day) {
    const auto record = supervision_record(app, person_id, day);
    if (!record || record->meetings.empty()) {
        return std::nullopt;
    }
    domain::RecordSupervision summary;
    for (const auto& m : record->meetings) {
        if (m.is_closed()) {
            ++summary.meetings_held;
            summary.minutes_held += m.duration_minutes;
        } else {
            ++summary.meetings_open;
        }
    }
    if (record->norm != nullptr) {
        summary.norm = record->norm->name;
        summary.norm_minutes_per_month = record->norm->minutes_per_month();
    }
    return summary;
}

}  // namespace

std::optional<domain::TrainingRecordContent> build_training_record(Application& app,
                                                                   std::int64_t person_id,
                                                                   domain::Date day,
                                                                   std::string issued_at) {
    const auto record = training_record(app, person_id);
    if (!record) {
        return std::nullopt;
    }
    domain::TrainingRecordContent c;
    c.issued_at = std::move(issued_at);
    c.as_of = day;
    c.identity.name = record->person.full_name;
    c.identity.hpr = record->person.hpr_number.value_or("");

    const auto outcome =
        ledger_outcome_of(training_path_from(record->person, record->periods, record->leaves, day));
    const auto* ledger = std::get_if<PersonLedger>(&outcome);
    if (ledger == nullptr) {
        throw TrainingRecordUnavailable(std::get<LedgerFailure>(outcome).message);
    }
    c.ledger.ruleset = ledger->report.ruleset;
    c.ledger.total_months = domain::format_months(ledger->report.months.total);
    c.ledger.complete = ledger->report.complete;

    std::map<std::int64_t, std::string> municipality_of;
    for (const auto& e : record->employments) {
        municipality_of[e.id] = e.municipality_number;
    }
    for (const auto& p : record->periods) {
        domain::RecordServicePeriod period;
        period.from = p.starts_on;
        period.to = p.ends_on;
        period.arena = std::string(domain::to_string(p.arena));
        period.place = p.place;
        if (p.employment_id && municipality_of.contains(*p.employment_id)) {
            period.municipality_number = municipality_of[*p.employment_id];
            const auto name = record->municipality_names.find(period.municipality_number);
            if (name != record->municipality_names.end()) {
                period.municipality_name = name->second;
            }
        }
        period.position_percent = p.fte;
        period.employer_registered = p.employer_registered;
        period.counted_months = counted_months_alone(record->person, p, day);
        c.service_periods.push_back(std::move(period));
    }

    app.database().read([&](const store::Snapshot& s) {
        const auto approvals = domain::approvals_in_force(s.learning_log().events_of(person_id));
        if (approvals.empty()) {
            return;
        }
        std::map<std::int64_t, domain::LearningObjective> objectives;
        for (const auto& edition : s.learning_objectives().editions()) {
            for (auto& o : s.learning_objectives().objectives_of(edition.id)) {
                objectives.emplace(o.id, std::move(o));
            }
        }
        for (const auto& [objective_id, event] : approvals) {
            const auto it = objectives.find(objective_id);
            if (it == objectives.end()) {
                continue;
            }
            c.objectives.push_back(domain::RecordObjective{it->second.code, it->second.title,
                                                           event.at, event.actor_label});
        }
    });
    std::sort(c.objectives.begin(), c.objectives.end(),
              [](const auto& a, const auto& b) { return a.code < b.code; });
    c.supervision = supervision_summary(app, person_id, day);
    return c;
}

domain::TrainingRecordFile sign_training_record(domain::TrainingRecordContent content,
                                                const AuditSigningKey& key) {
    domain::TrainingRecordFile file;
    file.signature.public_key = key.public_key_hex();
    file.signature.value = key.sign(domain::canonical_json(content));
    file.content = std::move(content);
    return file;
}

RecordVerification verify_training_record(std::string_view text,
                                          const std::optional<std::string>& expected_public_key) {
    ensure_sodium();
    RecordVerification result;
    try {
        result.file = domain::parse_record_file(text);
    } catch (const domain::RecordFileError& e) {
        result.outcome = RecordVerification::Outcome::malformed;
        result.problem = e.problem();
        result.field = e.field();
        result.reason = std::string("malformed record: ") + e.what();
        return result;
    }
    if (!record_signature_is_valid(*result.file)) {
        result.outcome = RecordVerification::Outcome::signature_invalid;
        result.field = "signature";
        result.reason =
            "signature invalid: the record was altered after it was signed, or not signed by "
            "key " +
            result.file->signature.public_key;
        return result;
    }
    if (expected_public_key) {
        std::string expected = *expected_public_key;
        std::transform(expected.begin(), expected.end(), expected.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (expected != result.file->signature.public_key) {
            result.outcome = RecordVerification::Outcome::other_key;
            result.field = "signature.public_key";
            result.reason = "signed by another key: " + result.file->signature.public_key +
                            ", not the expected " + expected;
            return result;
        }
    }
    result.outcome = RecordVerification::Outcome::intact;
    return result;
}

std::vector<RecordVerification> verify_training_records(
    const std::vector<std::string_view>& texts,
    const std::optional<std::string>& expected_public_key, unsigned threads) {
    ensure_sodium();
    std::vector<RecordVerification> results(texts.size());
    if (texts.empty()) {
        return results;
    }
    if (threads == 0) {
        threads = std::max(1U, std::thread::hardware_concurrency());
    }
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, texts.size()));
    // Each worker takes the next unchecked text; the results are written at their own index.
    // An exception (only ever a resource failure) stops that worker and is thrown again here.
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> failures(threads);
    const auto work = [&](unsigned worker) {
        try {
            for (std::size_t i = next++; i < texts.size(); i = next++) {
                results[i] = verify_training_record(texts[i], expected_public_key);
            }
        } catch (...) {
            failures[worker] = std::current_exception();
            next = texts.size();
        }
    };
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads; ++t) {
        workers.emplace_back(work, t);
    }
    work(0);
    for (auto& worker : workers) {
        worker.join();
    }
    for (const auto& failure : failures) {
        if (failure) {
            std::rethrow_exception(failure);
        }
    }
    return results;
}

std::optional<domain::TrainingRecordFile> export_training_record(Application& app,
                                                                 const AuditSigningKey& key,
                                                                 std::int64_t person_id,
                                                                 domain::AuditEvent audit) {
    auto content = build_training_record(app, person_id, app.today(), utc_iso(app.now()));
    if (!content) {
        return std::nullopt;
    }
    auto file = sign_training_record(std::move(*content), key);
    audit.action = "training_record.exported";
    audit.subject_person_id = person_id;
    record_audit(app, std::move(audit));
    return file;
}

RecordImport import_training_record(Application& app, std::int64_t person_id, std::string_view text,
                                    const std::string& imported_by, domain::AuditEvent audit) {
    RecordImport outcome;
    outcome.verification = verify_training_record(text);
    if (!outcome.verification.ok()) {
        outcome.problem = RecordImportProblem::not_verified;
        return outcome;
    }
    const auto& content = outcome.verification.file->content;
    const std::string sha256 = sha256_hex(text);
    app.database().write([&](store::UnitOfWork& w) {
        const auto person = w.people().find(person_id);
        if (!person || !person->hpr_number || content.identity.hpr.empty() ||
            *person->hpr_number != content.identity.hpr) {
            outcome.problem = RecordImportProblem::identity_mismatch;
            return;
        }
        for (const auto& earlier : w.imported_records().imported_for(person_id)) {
            if (earlier.sha256 == sha256) {
                outcome.imported = earlier;
                return;
            }
        }
        domain::ImportedTrainingRecord row;
        row.person_id = person_id;
        row.record_json = std::string(text);
        row.sha256 = sha256;
        row.signer_public_key = outcome.verification.file->signature.public_key;
        row.imported_by = imported_by;
        row.imported_at = audit.at;
        row.id = w.imported_records().append(row);
        audit.action = "training_record.imported";
        audit.subject_person_id = person_id;
        w.audit().append(audit);
        outcome.imported = std::move(row);
    });
    return outcome;
}

std::vector<ImportedRecordView> imported_training_records(Application& app,
                                                          std::int64_t person_id) {
    const auto rows = app.database().read(
        [&](const store::Snapshot& s) { return s.imported_records().imported_for(person_id); });
    std::vector<ImportedRecordView> views;
    for (const auto& row : rows) {
        // What was stored verified when it was imported; a row that no longer parses (a later
        // format) is left out rather than shown half.
        try {
            views.push_back(
                ImportedRecordView{row, domain::parse_record_file(row.record_json).content});
        } catch (const domain::RecordFileError&) {
            continue;
        }
    }
    return views;
}

}  // namespace alis::app
