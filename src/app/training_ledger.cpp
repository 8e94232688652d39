#include "app/training_ledger.hpp"

#include <map>
#include <memory>
#include <mutex>

#include "embedded.hpp"
#include "store/database.hpp"

namespace alis::app {

const domain::Ruleset* embedded_ruleset(const std::string& id) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<domain::Ruleset>> parsed;
    std::lock_guard lock(mutex);
    if (const auto it = parsed.find(id); it != parsed.end()) {
        return it->second.get();
    }
    const std::string file = "rules/" + id + ".toml";
    const auto& files = embedded::files();
    const auto it = files.find(file);
    if (it == files.end()) {
        return nullptr;
    }
    auto ruleset = std::make_unique<domain::Ruleset>(domain::parse_ruleset(it->second, file));
    return parsed.emplace(id, std::move(ruleset)).first->second.get();
}

domain::TrainingPath training_path_from(const domain::Person& person,
                                        const std::vector<domain::ServicePeriod>& periods,
                                        const std::vector<domain::Leave>& leaves,
                                        domain::Date today) {
    domain::TrainingPath path;
    path.ruleset = person.ruleset.value_or(kDefaultRuleset);
    path.as_of = today;
    path.lis1_completed = person.lis1_completed;
    for (const auto& p : periods) {
        domain::PathPeriod period;
        period.from = p.starts_on;
        period.to = p.ends_on;
        period.arena = p.arena;
        period.fte = static_cast<domain::PositionPpm>(p.fte) * (domain::kFullTime / 100);
        period.registered = p.employer_registered;
        path.periods.push_back(period);
    }
    for (const auto& l : leaves) {
        domain::PathPeriod period;
        period.from = l.starts_on;
        period.to = l.ends_on;
        period.arena = domain::Arena::leave;
        path.periods.push_back(period);
    }
    return path;
}

PersonLedger ledger_of(domain::TrainingPath path) {
    PersonLedger ledger;
    ledger.path = std::move(path);
    const domain::Ruleset* ruleset = embedded_ruleset(ledger.path.ruleset);
    if (ruleset == nullptr) {
        ledger.path.ruleset = kDefaultRuleset;
        ruleset = embedded_ruleset(kDefaultRuleset);
    }
    ledger.report = domain::evaluate(ledger.path, *ruleset);
    return ledger;
}

LedgerOutcome ledger_outcome_of(domain::TrainingPath path) {
    try {
        return ledger_of(std::move(path));
    } catch (const domain::TrainingPathError& e) {
        return LedgerFailure{e.field(), e.what()};
    }
}

std::optional<domain::TrainingPath> person_training_path(Application& app, std::int64_t person_id,
                                                         domain::Date today) {
    return app.database().read(
        [&](const store::Snapshot& s) -> std::optional<domain::TrainingPath> {
            const auto person = s.people().find(person_id);
            if (!person) {
                return std::nullopt;
            }
            return training_path_from(*person, s.people().service_periods_of(person_id),
                                      s.people().leaves_of(person_id), today);
        });
}

std::optional<LedgerOutcome> person_ledger(Application& app, std::int64_t person_id,
                                           domain::Date today) {
    auto path = person_training_path(app, person_id, today);
    if (!path) {
        return std::nullopt;
    }
    return ledger_outcome_of(std::move(*path));
}

}  // namespace alis::app
