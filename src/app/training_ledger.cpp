#include "app/training_ledger.hpp"

#include <map>
#include <memory>
#include <mutex>

#include "embedded.hpp"

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

domain::TrainingPath training_path_from(const store::Person& person,
                                        const std::vector<store::ServicePeriod>& periods,
                                        const std::vector<store::Leave>& leaves,
                                        domain::Date today) {
    domain::TrainingPath path;
    path.ruleset = person.ruleset.value_or(kDefaultRuleset);
    path.as_of = today;
    path.lis1_completed = person.lis1_completed;
    for (const auto& p : periods) {
        domain::ServicePeriod period;
        period.from = p.starts_on;
        period.to = p.ends_on;
        period.arena = p.arena;
        period.fte = static_cast<domain::PositionPpm>(p.fte) * (domain::kFullTime / 100);
        period.registered = p.employer_registered;
        path.periods.push_back(period);
    }
    for (const auto& l : leaves) {
        domain::ServicePeriod period;
        period.from = l.starts_on;
        period.to = l.ends_on;
        period.arena = domain::Arena::Leave;
        path.periods.push_back(period);
    }
    return path;
}

domain::TrainingPath training_path_of(store::Store& store, const store::Person& person,
                                      domain::Date today) {
    return training_path_from(person, store.service_periods_of(person.id),
                              store.leaves_of(person.id), today);
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

std::optional<PersonLedger> person_ledger(store::Store& store, std::int64_t person_id,
                                          domain::Date today) {
    const auto person = store.person(person_id);
    if (!person) {
        return std::nullopt;
    }
    return ledger_of(training_path_of(store, *person, today));
}

}  // namespace alis::app
