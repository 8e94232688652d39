#pragma once

// alis as its fronts (the web server, the command line) see it: one database, the clock, and the
// caches derived from the data. Every use case takes the Application; the fronts never see the
// store behind it (app's headers name it only by a declaration).

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"

namespace alis::store {
class Database;
}

namespace alis::app {

class TraineeOverviews;

// What the use cases read as "now": the day (the municipality's date) and Unix seconds. Tests
// set both; a server reads the system clock.
struct Clock {
    std::function<domain::Date()> today;
    std::function<std::int64_t()> now;
};

// The system clock: today in the server's local time zone, now in Unix seconds.
Clock system_clock();

// A database that cannot be opened, migrated or reached. The message is one line that names the
// database and the reason, for a CLI's "alis: ..." or a log; never SQL or values.
class DatabaseUnavailable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// True when `error` (thrown by a use case) says the database cannot be reached now (a server
// down or restarting, a lock held too long): the fronts answer "try again" (503), not a failure of
// alis. The backend reconnects by itself.
bool is_database_unreachable(const std::exception& error);

// A database URL fit to print: its password replaced by ***.
std::string printable_database_url(std::string_view url);

class Application {
  public:
    // Opens the database named by `url` ("sqlite:PATH"), allowing `connections` reads at once.
    // Throws DatabaseUnavailable with a one-line reason.
    static std::unique_ptr<Application> open(std::string_view url, Clock clock,
                                             int connections = 4);
    Application(std::unique_ptr<store::Database> database, Clock clock);
    ~Application();
    Application(const Application&) = delete;
    Application& operator=(const Application&) = delete;

    domain::Date today() const { return clock_.today(); }
    std::int64_t now() const { return clock_.now(); }

    // Applies pending migrations; returns how many. The versions applied, oldest first.
    int migrate();
    std::vector<int> applied_migrations();
    // True when the database answers.
    bool ready();
    // Changes with every committed change to data, by any process: what caches key on.
    std::uint64_t data_generation();

    // The leaders' overviews, computed once per municipality, day and data generation.
    TraineeOverviews& overviews() { return *overviews_; }

    // The database, for the use cases (app/*.cpp); the fronts cannot use it.
    store::Database& database() { return *database_; }

  private:
    std::unique_ptr<store::Database> database_;
    Clock clock_;
    std::unique_ptr<TraineeOverviews> overviews_;
};

// The text of a data file compiled into alis (rules/, data/), by its path under the source root;
// throws domain::RulesetError when it is not compiled in (a bug of the build).
std::string_view compiled_in_file(std::string_view name);

}  // namespace alis::app
