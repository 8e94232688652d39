// Reading the training record's forms, and the use cases' problems noted on their fields.
#include "web/record_input.hpp"

#include "web/pipeline.hpp"
#include "web/trainee_view.hpp"

namespace alis::web {

std::optional<domain::Date> end_date(const std::optional<std::optional<domain::Date>>& to) {
    return to && *to ? **to : std::optional<domain::Date>{};
}

void note(FormInput& input, const app::RecordProblems& problems) {
    using Kind = app::RecordProblem::Kind;
    for (const auto& p : problems) {
        switch (p.kind) {
            case Kind::hpr_format:
                input.fail("hpr_number", "records.hpr_format");
                break;
            case Kind::hpr_taken:
                input.fail("hpr_number", "records.hpr_taken");
                break;
            case Kind::lis1_required:
                input.fail("lis1_completed", "form.required");
                break;
            case Kind::starts_before_lis1:
                input.fail("starts_on", "records.starts_before_lis1",
                           {{"date", p.date->norwegian()}});
                break;
            case Kind::ends_before_start:
                input.fail("ends_on", "records.end_before_start");
                break;
            case Kind::over_full_time:
                input.fail("fte", "records.over_full_time",
                           {{"percent", p.percent}, {"date", p.date->norwegian()}});
                break;
            case Kind::unknown_employment:
                input.fail("employment_id", "form.bad_choice");
                break;
            case Kind::outside_employment:
                input.fail("starts_on", "records.outside_employment");
                break;
            case Kind::too_many_periods:
                input.fail("starts_on", "records.too_many_periods", {{"max", p.percent}});
                break;
            case Kind::unknown_record:
                not_found();
            case Kind::employment_has_periods:
                input.fail("reason", "records.employment_has_periods",
                           {{"date", p.date->norwegian()}});
                break;
            case Kind::period_outside_employment:
                input.fail("starts_on", "records.period_outside_employment",
                           {{"date", p.date->norwegian()}});
                break;
        }
    }
}

std::optional<domain::Employment> read_employment(FormInput& input, std::int64_t person_id,
                                                  const std::string& municipality) {
    const auto from = input.required_date("starts_on");
    const auto to = input.optional_date("ends_on");
    const auto fte = input.required_int("fte", 1, 100);
    const auto post = input.required_choice("post_type", kPostTypes);
    const auto pay = input.required_choice("pay_model", kPayModels);
    if (!from || !to || !fte || !post || !pay) {
        return std::nullopt;
    }
    domain::Employment e;
    e.person_id = person_id;
    e.municipality_number = municipality;
    e.starts_on = *from;
    e.ends_on = end_date(to);
    e.fte = *fte;
    e.post_type = *domain::parse_enum<domain::PostType>(*post);
    e.pay_model = *domain::parse_enum<domain::PayModel>(*pay);
    return e;
}

std::optional<domain::ServicePeriod> read_service_period(FormInput& input, std::int64_t person_id) {
    const auto arena = input.required_choice("arena", kServiceArenas);
    const auto place = input.required_text("place", kMaxPlace);
    const auto from = input.required_date("starts_on");
    const auto to = input.optional_date("ends_on");
    const auto fte = input.required_int("fte", 1, 100);
    std::optional<std::int64_t> employment;
    if (input.present("employment_id")) {
        employment = parse_id(input.text("employment_id"));
        if (!employment) {
            input.fail("employment_id", "form.bad_choice");
        }
    }
    if (!arena || !place || !from || !to || !fte || !input.ok()) {
        return std::nullopt;
    }
    domain::ServicePeriod period;
    period.person_id = person_id;
    period.employment_id = employment;
    period.arena = *domain::parse_enum<domain::Arena>(*arena);
    period.place = *place;
    period.starts_on = *from;
    period.ends_on = end_date(to);
    period.fte = *fte;
    period.employer_registered = input.flag("employer_registered");
    return period;
}

std::optional<domain::Leave> read_leave(FormInput& input, std::int64_t person_id) {
    const auto kind = input.required_choice("kind", kLeaveKinds);
    const auto from = input.required_date("starts_on");
    const auto to = input.required_date("ends_on");
    if (!kind || !from || !to) {
        return std::nullopt;
    }
    domain::Leave leave;
    leave.person_id = person_id;
    leave.kind = *domain::parse_enum<domain::LeaveKind>(*kind);
    leave.starts_on = *from;
    leave.ends_on = *to;
    return leave;
}

}  // namespace alis::web
