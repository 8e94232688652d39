#include "domain/coverage.hpp"

namespace alis::domain {
namespace {

template <typename T>
T pick(const std::optional<T>& own, const std::optional<T>& fallback, T zero) {
    return own ? *own : fallback ? *fallback : zero;
}

}  // namespace

AlisCostInput merged_cost_input(std::string name, ContractType contract, const CostEntry& own,
                                const CostEntry& defaults) {
    AlisCostInput input;
    input.name = std::move(name);
    input.contract = contract;
    input.list_length = pick(own.list_length, defaults.list_length, 0);
    input.other_gp_work_percent =
        pick(own.other_gp_work_percent, defaults.other_gp_work_percent, 0);
    input.zone = pick(own.zone, defaults.zone, ContributionZone::zone_1);
    input.salary = pick(own.salary, defaults.salary, Money());
    input.bonus = pick(own.bonus, defaults.bonus, Money());
    input.office = pick(own.office, defaults.office, Money());
    input.supervision_hours = pick(own.supervision_hours, defaults.supervision_hours, 0);
    input.supervision_rate = pick(own.supervision_rate, defaults.supervision_rate, Money());
    input.courses_and_travel = pick(own.courses_and_travel, defaults.courses_and_travel, Money());
    input.substitutes = pick(own.substitutes, defaults.substitutes, Money());
    input.fee_for_service = pick(own.fee_for_service, defaults.fee_for_service, Money());
    return input;
}

CostEntry cost_entry_of(const AlisCostInput& input) {
    return {input.list_length,
            input.other_gp_work_percent,
            input.zone,
            input.salary,
            input.bonus,
            input.office,
            input.supervision_hours,
            input.supervision_rate,
            input.courses_and_travel,
            input.substitutes,
            input.fee_for_service};
}

void Coverage::add(Money grant_of_one, Money cost_of_one) {
    ++alis;
    grant += grant_of_one;
    cost_before_grant += cost_of_one;
}

std::optional<std::int64_t> Coverage::per_mille() const {
    if (cost_before_grant <= Money()) {
        return std::nullopt;
    }
    return scale(grant, 1'000, cost_before_grant.in_ore()).in_ore();
}

std::string format_per_mille(std::optional<std::int64_t> per_mille) {
    if (!per_mille) {
        return "\u2014";
    }
    const auto value = *per_mille;
    const auto whole = value / 10;
    const auto tenth = value % 10 < 0 ? -(value % 10) : value % 10;
    return std::to_string(whole) + "," + std::to_string(tenth) + "\u00a0%";
}

}  // namespace alis::domain
