#include "app/demo_data.hpp"

#include "store/database.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/auth.hpp"
#include "app/demo_courses.hpp"
#include "app/demo_education_plans.hpp"
#include "app/demo_general_plans.hpp"
#include "app/demo_grants.hpp"
#include "app/demo_learning_log.hpp"
#include "app/demo_supervision.hpp"
#include "app/demo_supervisors.hpp"
#include "app/learning_objectives.hpp"
#include "app/municipality_overview.hpp"
#include "app/passwords.hpp"
#include "app/record_json.hpp"
#include "domain/municipality.hpp"
#include "domain/splitmix.hpp"
#include "domain/text_lines.hpp"

namespace alis::app {
namespace {

using domain::Date;
using domain::Employment;
using domain::Leave;
using domain::Municipality;
using domain::Person;
using domain::ReferenceMunicipality;

using Random = domain::SplitMix64;

// The hospital a municipality's doctors serve their institution service at, by ALIS office.
std::string hospital_of(const Municipality& m) {
    static const std::map<std::string, std::string> kHospitals = {
        {"Bergen", "Haukeland universitetssjukehus"},
        {"Bodø", "Nordlandssykehuset Bodø"},
        {"Trondheim", "St. Olavs hospital"},
        {"Oslo", "Oslo universitetssykehus"},
        {"Kristiansand", "Sørlandet sykehus Kristiansand"},
        {"Hamar", "Sykehuset Innlandet Hamar"}};
    const auto it = kHospitals.find(m.alis_office);
    return it == kHospitals.end() ? "Sykehus etter avtale" : it->second;
}

// The figures a scale generates.
struct ScaleFigures {
    int trainees;           // Doctors in training on as_of (a few more for the floor below).
    int history_months;     // The earliest start of part 3, in months before as_of.
    int at_least_one_from;  // Inhabitants from which a municipality has a doctor in training.
};

ScaleFigures figures_of(DemoScale scale) {
    switch (scale) {
        case DemoScale::national:
            return {2500, 120, 2000};
        case DemoScale::demo:
            break;
    }
    return {220, 96, 20000};
}

// How many doctors in training each municipality of `all` employs on as_of: its share of
// `figures.trainees` by population, with each population scaled by a random 80-120 % so that
// towns of the same size differ. The shares are rounded down and the ones left over go to the
// largest remainders, so that they add up to `figures.trainees`; then every municipality from
// `figures.at_least_one_from` inhabitants has at least one, and smaller ones may have none.
std::vector<int> trainees_by_population(const std::vector<ReferenceMunicipality>& all,
                                        const ScaleFigures& figures, Random& random) {
    std::vector<std::int64_t> weights;
    std::int64_t total = 0;
    for (const auto& m : all) {
        weights.push_back(std::int64_t{m.population} * random.between(80, 120));
        total += weights.back();
    }
    std::vector<int> result(all.size(), 0);
    if (total == 0) {
        return result;
    }
    std::vector<std::pair<std::int64_t, std::size_t>> remainders;  // Largest first, then by index.
    int left = figures.trainees;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::int64_t exact = figures.trainees * weights[i];
        result[i] = static_cast<int>(exact / total);
        left -= result[i];
        remainders.emplace_back(-(exact % total), i);
    }
    std::sort(remainders.begin(), remainders.end());
    for (int k = 0; k < left; ++k) {
        ++result[remainders[static_cast<std::size_t>(k)].second];
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].population >= figures.at_least_one_from) {
            result[i] = std::max(result[i], 1);
        }
    }
    return result;
}

class DemoBuilder {
  public:
    DemoBuilder(store::UnitOfWork& writer, Date as_of, const DemoConfig& config)
        : writer_(writer),
          as_of_(as_of),
          figures_(figures_of(config.scale)),
          random_(config.seed),
          departure_random_(config.seed ^ 0x64657061727475ULL) {}

    const DemoSummary& summary() const { return summary_; }

    // Puts every municipality, then adds doctors to each until as many are in training there
    // today as its share of the scale's trainees.
    void build() {
        municipalities_ = reference_municipalities();
        for (const auto& [m, population] : municipalities_) {
            population_[m.number] = population;
        }
        given_ = domain::text_lines(compiled_in_file("data/demo/given_names.txt"));
        family_ = domain::text_lines(compiled_in_file("data/demo/family_names.txt"));
        for (auto& [m, population] : municipalities_) {
            const int roll = random_.between(1, 100);
            m.enterprise_status = roll <= 80   ? domain::EnterpriseStatus::registered
                                  : roll <= 92 ? domain::EnterpriseStatus::temporarily_registered
                                               : domain::EnterpriseStatus::not_registered;
            writer_.municipalities().put(m);
            ++summary_.municipalities;
        }
        const auto quotas = trainees_by_population(municipalities_, figures_, random_);
        for (std::size_t i = 0; i < municipalities_.size(); ++i) {
            for (int in_training = 0; in_training < quotas[i];) {
                in_training += add_doctor(municipalities_[i].municipality) ? 1 : 0;
            }
        }
    }

  private:
    std::string unique_name() {
        for (int attempt = 0; attempt < 50; ++attempt) {
            std::string name = random_.pick(given_) + " " + random_.pick(family_);
            if (used_names_.insert(name).second) {
                return name;
            }
        }
        return random_.pick(given_) + " " + random_.pick(family_) + " " +
               std::to_string(summary_.people + 1);
    }

    std::int64_t add_employment(std::int64_t person, const Municipality& m, Date from,
                                std::optional<Date> to, int fte, domain::PostType post) {
        Employment e;
        e.person_id = person;
        e.municipality_number = m.number;
        e.starts_on = from;
        e.ends_on = to;
        e.fte = fte;
        e.post_type = post;
        e.pay_model = post == domain::PostType::gp_list && random_.chance(45)
                          ? domain::PayModel::self_employed
                          : domain::PayModel::salaried;
        ++summary_.employments;
        const auto id = writer_.people().add_employment(e);
        // The employment's service, where the ledger counts it.
        domain::ServicePeriod period;
        period.person_id = person;
        period.employment_id = id;
        period.arena = post == domain::PostType::gp_list ? domain::Arena::open_general_practice
                       : post == domain::PostType::institution
                           ? domain::Arena::institution
                           : domain::Arena::other_general_practice;
        period.place = post == domain::PostType::institution ? hospital_of(m)
                       : post == domain::PostType::gp_list   ? m.name + " legekontor"
                                                             : m.name + " sjukeheim og legevakt";
        period.starts_on = from;
        period.ends_on = to;
        period.fte = fte;
        period.employer_registered =
            m.enterprise_status != domain::EnterpriseStatus::not_registered;
        writer_.people().add_service_period(period);
        return id;
    }

    // Another municipality of the same office as `here`, drawn by population (most doctors who
    // move come from a town); nullptr when the office has no other.
    const Municipality* move_origin(const Municipality& here) {
        const auto candidate = [&](const ReferenceMunicipality& r) {
            return r.municipality.alis_office == here.alis_office &&
                   r.municipality.number != here.number && r.population > 0;
        };
        std::int64_t total = 0;
        for (const auto& r : municipalities_) {
            total += candidate(r) ? r.population : 0;
        }
        if (total == 0) {
            return nullptr;
        }
        std::int64_t ticket = random_.between(0, total - 1);
        for (const auto& r : municipalities_) {
            if (candidate(r)) {
                if (ticket < r.population) {
                    return &r.municipality;
                }
                ticket -= r.population;
            }
        }
        return nullptr;
    }

    // The departure from an ended employment, as its leader would record it on `on`.
    void add_departure(std::int64_t employment, domain::DepartureReason reason,
                       domain::Destination destination, bool training_ended, Date on) {
        domain::Departure d;
        d.employment_id = employment;
        d.reason = reason;
        d.destination = destination;
        d.training_ended = training_ended;
        d.recorded_at = on.iso() + "T09:00:00Z";
        d.recorded_by = "Demo Leder (demo)";
        writer_.people().put_departure(d);
        ++summary_.departures;
    }

    // A doctor who left the training: the reason and where they went, drawn from weights that
    // are this generator's assumptions, not measured figures. The follow-up studies of the pilots
    // name family or personal reasons, not wanting general practice, and pay and conditions (in
    // no published proportions); no ALIS-specific figures on where they went were found, so most
    // go to a hospital or are not known. A stream of their own, so that adding them left the rest
    // of the demo as it was.
    void add_departure_from_training(std::int64_t employment, Date on) {
        const int why = departure_random_.between(1, 100);
        const auto reason = why <= 35   ? domain::DepartureReason::family_or_personal
                            : why <= 65 ? domain::DepartureReason::not_general_practice
                            : why <= 85 ? domain::DepartureReason::pay_and_conditions
                            : why <= 95 ? domain::DepartureReason::workload
                                        : domain::DepartureReason::other;
        const int where = departure_random_.between(1, 100);
        const auto destination = where <= 55   ? domain::Destination::hospital
                                 : where <= 60 ? domain::Destination::abroad
                                               : domain::Destination::unknown;
        add_departure(employment, reason, destination, true, on);
    }

    // How many days a doctor stays in an ALIS post in `m`: drawn from an exponential
    // distribution with the median duration of GP list contracts in municipalities of its size
    // (Abelsen et al., Tidsskr Nor Legeforen 2015): 2.75 years under 2,000 inhabitants, 8.37
    // years from 50,000, and between them the median of all contracts, 5.91 years (the three
    // figures the paper gives that we use). These are assumptions, not measurements: no
    // ALIS-specific rate of leaving was found, so the demo borrows the GP list figures. Drawn from
    // departure_random_, the stream of the departures.
    int days_in_post(const Municipality& m) {
        const int population = population_.at(m.number);
        const double median_years = population < 2000 ? 2.75 : population < 50000 ? 5.91 : 8.37;
        // A uniform number in (0, 1) from the generator's top 53 bits.
        const double uniform =
            (static_cast<double>(departure_random_.next() >> 11) + 0.5) / 9007199254740992.0;
        const double days = -median_years * 365.25 / std::log(2.0) * std::log(uniform);
        return static_cast<int>(std::min(days, 100.0 * 365.25));
    }

    // Adds one doctor who works in `here` today, or worked there last (one who left or became a
    // specialist), with their employments, service periods and leave; some came from another
    // municipality of the same office, after a stay in that post drawn by days_in_post (but at
    // least a year, and at least three months before today). A doctor's last post ends after a
    // stay drawn the same way; one that ended before this month ended the training (the doctor
    // left), unless the doctor became a specialist first. Returns whether they are in training
    // today (and so employed in `here`).
    bool add_doctor(const Municipality& here) {
        Person p;
        p.full_name = unique_name();
        p.hpr_number = std::to_string(9100000 + summary_.people * 7);
        // Started part 3 between the scale's history (eight or ten years) and two months ago.
        const int months_in = random_.between(2, figures_.history_months);
        const Date start = month_start(as_of_, -months_in);
        p.lis1_completed = start.plus_days(-1);
        p.ruleset =
            start < *Date::from_ymd(2019, 3, 1) ? "allmennmedisin-pre2019" : "allmennmedisin-2019";
        const int fate = random_.between(1, 100);
        const bool specialist = !stay_ && months_in > 66 && fate <= 60;
        const Municipality* origin = nullptr;
        Date move_date = start;
        if (!stay_ && months_in > 18 && random_.chance(30)) {
            origin = move_origin(here);
            if (origin != nullptr) {
                const int stayed = days_in_post(*origin) / 30;
                move_date = month_start(start, std::clamp(stayed, 12, months_in - 3));
            }
        }
        std::optional<Date> last_end;
        if (!stay_ && !specialist) {
            const Date last_start = origin != nullptr ? move_date : start;
            const Date end = last_start.plus_days(std::max(days_in_post(here), 30) - 1);
            if (end < as_of_.first_of_month()) {
                last_end = end;
            }
        }
        const bool left = last_end.has_value();
        p.training_status = left         ? domain::TrainingStatus::left
                            : specialist ? domain::TrainingStatus::specialist
                                         : domain::TrainingStatus::in_training;
        const std::int64_t id = writer_.people().add(p);
        ++summary_.people;
        const bool in_training = p.training_status == domain::TrainingStatus::in_training;

        const int fte = random_.pick(std::vector<int>{100, 100, 100, 80, 80, 60, 50});
        const auto post = random_.chance(70) ? domain::PostType::gp_list
                                             : domain::PostType::other_general_practice;
        const Municipality& first = origin != nullptr ? *origin : here;
        const std::optional<Date> first_end =
            origin != nullptr ? std::optional<Date>(move_date.plus_days(-1)) : last_end;
        const auto first_post = add_employment(id, first, start, first_end, fte, post);
        // A part-time doctor often has a second post (out-of-hours service, nursing home).
        if (fte < 100 && random_.chance(50)) {
            add_employment(id, first, start, first_end, 100 - fte < 20 ? 20 : 100 - fte,
                           domain::PostType::other_general_practice);
        }
        std::int64_t last_post = first_post;
        if (origin != nullptr) {
            last_post =
                add_employment(id, here, move_date, last_end, 100, domain::PostType::gp_list);
            add_departure(first_post, domain::DepartureReason::moved_on_in_training,
                          domain::Destination::other_alis_post, false, move_date);
        }
        if (left) {
            add_departure_from_training(last_post, last_end->plus_days(1));
        }
        // Institution service: six to twelve months, after the first two years, arranged by the
        // municipality that employs the doctor when it ends.
        if (months_in > 30 && random_.chance(60)) {
            const Date from = month_start(start, random_.between(24, std::min(48, months_in - 6)));
            const Date to = month_start(from, random_.between(6, 12)).plus_days(-1);
            if (!last_end || to <= *last_end) {
                add_employment(id, origin != nullptr && to < move_date ? *origin : here, from, to,
                               100, domain::PostType::institution);
            }
        }
        if (months_in > 12 && random_.chance(25)) {
            Leave leave;
            leave.person_id = id;
            leave.starts_on = month_start(start, random_.between(6, months_in - 6));
            leave.ends_on = month_start(leave.starts_on, random_.between(4, 12)).plus_days(-1);
            const int kind = random_.between(1, 100);
            leave.kind = kind <= 75   ? domain::LeaveKind::parental
                         : kind <= 90 ? domain::LeaveKind::sick
                                      : domain::LeaveKind::other;
            leave.id = writer_.people().add_leave(leave);
            if (!first_leave_) {
                first_leave_ = leave;
            }
            ++summary_.leaves;
        }
        if (in_training) {
            trainees_today_[here.number].push_back(id);
            ++summary_.in_training;
        }
        return in_training;
    }

  public:
    // Accounts for each role around Bergen (4601) and Tromsø (5501), all with kDemoPassword.
    void add_demo_accounts() {
        const std::string hash = hash_password(kDemoPassword);
        // A GP specialist in Bergen who supervises the first trainee there.
        Person supervisor;
        supervisor.full_name = "Øyvind Ærø-Ås";
        supervisor.hpr_number = "9000001";
        supervisor.training_status = domain::TrainingStatus::specialist;
        const auto supervisor_id = writer_.people().add(supervisor);
        Employment post;
        post.person_id = supervisor_id;
        post.municipality_number = "4601";
        post.starts_on = *Date::from_ymd(2012, 1, 1);
        post.pay_model = domain::PayModel::self_employed;
        writer_.people().add_employment(post);

        const auto& bergen = trainees_today_["4601"];
        const std::optional<std::int64_t> trainee =
            bergen.empty() ? std::nullopt : std::optional<std::int64_t>(bergen.front());
        if (trainee) {
            domain::SupervisorAssignment assignment;
            assignment.supervisor_person_id = supervisor_id;
            assignment.trainee_person_id = *trainee;
            assignment.starts_on = month_start(as_of_, -12);
            writer_.supervisors().add_assignment(assignment);
        }
        const Date from = month_start(as_of_, -24);
        auto account = [&](const std::string& email, const std::string& name, domain::Role role,
                           std::optional<std::string> municipality,
                           std::optional<std::string> office, std::optional<std::int64_t> person,
                           const std::string& description) {
            domain::Account a;
            a.email = email;
            a.display_name = name;
            a.person_id = person;
            a.password_hash = hash;
            domain::RoleGrant grant;
            grant.account_id = writer_.identity().add_account(a);
            grant.role = role;
            grant.municipality_number = std::move(municipality);
            grant.alis_office = std::move(office);
            grant.starts_on = from;
            writer_.identity().add_role_grant(grant);
            summary_.logins.push_back({email, description});
        };
        account("leder.bergen@demo.alis.no", "Kari Leder (Bergen)", domain::Role::leader, "4601",
                std::nullopt, std::nullopt, "leder i Bergen kommune");
        account("leder.tromso@demo.alis.no", "Per Leder (Tromsø)", domain::Role::leader, "5501",
                std::nullopt, std::nullopt, "leder i Tromsø kommune");
        if (trainee) {
            account("alis@demo.alis.no", "Lege i spesialisering (Bergen)", domain::Role::trainee,
                    std::nullopt, std::nullopt, trainee, "lege i spesialisering i Bergen");
        }
        account("veileder@demo.alis.no", supervisor.full_name, domain::Role::supervisor,
                std::nullopt, std::nullopt, supervisor_id, "veileder i Bergen");
        account(std::string(kDemoClinicalSupervisor), "Supervisør Hansen",
                domain::Role::clinical_supervisor, std::nullopt, std::nullopt, std::nullopt,
                "supervisør, invitert av legene i Bergen");
        account("alis-kontor.bergen@demo.alis.no", "ALIS-kontor Vest",
                domain::Role::regional_office, std::nullopt, "Bergen", std::nullopt,
                "ALIS-kontoret i Bergen");
        account("helsedirektoratet@demo.alis.no", "Nasjonal forvaltning", domain::Role::national,
                std::nullopt, std::nullopt, std::nullopt, "nasjonal forvaltning");
        account("admin@demo.alis.no", "Systemadministrator", domain::Role::admin, std::nullopt,
                std::nullopt, std::nullopt, "systemadministrator");
    }

    // Adds doctors to the municipality until `count` of them are in training there.
    void fill(const std::string& number, int count) {
        const auto home = std::find_if(
            municipalities_.begin(), municipalities_.end(),
            [&](const ReferenceMunicipality& r) { return r.municipality.number == number; });
        if (home == municipalities_.end()) {
            throw store::StoreError("demo data: no municipality " + number);
        }
        // These doctors stay in training there: none moves, leaves or is done.
        stay_ = true;
        while (trainees_today_[number].size() < static_cast<std::size_t>(count)) {
            add_doctor(home->municipality);
        }
        stay_ = false;
    }

  private:
    bool stay_ = false;
    std::vector<ReferenceMunicipality> municipalities_;
    std::map<std::string, int> population_;  // By municipality number.
    // The doctors in training employed in each municipality on as_of.
    std::map<std::string, std::vector<std::int64_t>> trainees_today_;
    store::UnitOfWork& writer_;
    Date as_of_;
    ScaleFigures figures_;

  public:
    // The first leave added, with its id.
    const std::optional<Leave>& first_leave() const { return first_leave_; }

  private:
    std::optional<Leave> first_leave_;
    Random random_;
    Random departure_random_;
    std::vector<std::string> given_;
    std::vector<std::string> family_;
    std::set<std::string> used_names_;
    DemoSummary summary_;
};

// One leave corrected by Bergen's demo leader a week before `as_of`, so that the demo shows the
// history of corrections.
void add_demo_correction(store::UnitOfWork& w, const Leave& leave, Date as_of) {
    Leave corrected = leave;
    corrected.ends_on = leave.ends_on.plus_days(-14);
    w.people().update_leave(corrected);
    domain::RecordCorrection c;
    c.person_id = leave.person_id;
    c.kind = domain::RecordKind::leave;
    c.record_id = leave.id;
    c.before = boost::json::serialize(leave_json(leave));
    c.after = boost::json::serialize(leave_json(corrected));
    c.reason = "Legen kom tilbake to uker tidligere enn planlagt.";
    c.corrected_at = as_of.plus_days(-7).iso() + "T09:00:00Z";
    c.corrected_by = "Demo Leder";
    w.people().add_correction(c);
}

}  // namespace

Date month_start(Date d, int months) {
    return domain::Month::of(d).plus(months).first_day();
}

DemoSummary load_demo_data(Application& app, Date as_of, const DemoConfig& config) {
    DemoSummary summary;
    app.database().write([&](store::UnitOfWork& writer) {
        DemoBuilder builder(writer, as_of, config);
        builder.build();
        builder.add_demo_accounts();
        if (config.bergen_trainees > 0) {
            builder.fill("4601", config.bergen_trainees);
        }
        add_demo_general_plans(writer, as_of);
        if (builder.first_leave()) {
            add_demo_correction(writer, *builder.first_leave(), as_of);
        }
        summary = builder.summary();
    });
    summary.supervisors = add_demo_supervisors(app, as_of, config);
    summary.plan_revisions = add_demo_education_plans(app, as_of, config);
    const auto grants = add_demo_grants(app, as_of);
    summary.agreements = grants.agreements;
    summary.cost_entries = grants.cost_entries;
    add_demo_supervision(app, as_of, config);
    // The demo catalogues of learning objectives (rules/objectives/), marked demo wherever shown.
    import_demo_catalogues(app, audit_event(app.now(), AuditOrigin{std::nullopt, "system", "-", ""},
                                            "catalogue.imported", "ok"));
    add_demo_learning_logs(app, as_of);
    add_demo_courses(app, as_of);
    return summary;
}

}  // namespace alis::app
