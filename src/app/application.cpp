#include "app/application.hpp"

#include <ctime>

#include "app/trainee_overview.hpp"
#include "domain/ruleset.hpp"
#include "embedded.hpp"
#include "store/database.hpp"

namespace alis::app {

Clock system_clock() {
    return Clock{[] {
                     // Asked by every cached answer: the local date is worked out once a second
                     // per thread (localtime_r takes glibc's time-zone lock).
                     thread_local std::time_t second = -1;
                     thread_local domain::Date day;
                     const std::time_t now = std::time(nullptr);
                     if (now != second) {
                         std::tm tm{};
                         localtime_r(&now, &tm);
                         day =
                             *domain::Date::from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
                         second = now;
                     }
                     return day;
                 },
                 [] { return static_cast<std::int64_t>(std::time(nullptr)); }};
}

std::unique_ptr<Application> Application::open(std::string_view url, Clock clock, int connections) {
    try {
        return std::make_unique<Application>(store::open_database(url, connections),
                                             std::move(clock));
    } catch (const store::StoreError& e) {
        throw DatabaseUnavailable(e.what());
    }
}

Application::Application(std::unique_ptr<store::Database> database, Clock clock)
    : database_(std::move(database)),
      clock_(std::move(clock)),
      overviews_(std::make_unique<TraineeOverviews>()) {}

Application::~Application() = default;

int Application::migrate() {
    try {
        return database_->migrate();
    } catch (const store::StoreError& e) {
        throw DatabaseUnavailable(e.what());
    }
}

std::vector<int> Application::applied_migrations() {
    return database_->applied_migrations();
}

std::string printable_database_url(std::string_view url) {
    return store::redacted_url(url);
}

bool is_database_unreachable(const std::exception& error) {
    return dynamic_cast<const store::DatabaseUnreachable*>(&error) != nullptr ||
           dynamic_cast<const DatabaseUnavailable*>(&error) != nullptr;
}

bool Application::ready() {
    return database_->ping();
}

std::uint64_t Application::data_generation() {
    return database_->data_generation();
}

std::string_view compiled_in_file(std::string_view name) {
    const auto& files = embedded::files();
    const auto it = files.find(name);
    if (it == files.end()) {
        throw domain::RulesetError(std::string(name), "", "is not compiled in");
    }
    return it->second;
}

}  // namespace alis::app
