-- Why a doctor left an ALIS post and where they went (domain/departure.hpp): one row per ended
-- employment, replaced when the leader records it again (the audit trail keeps each change). A
-- removed employment takes its departure with it.
--
-- PostgreSQL types for SQLite's (migrations/README.md): employment_id bigint (the key, a
-- reference, not generated); training_ended boolean; recorded_at timestamptz.

CREATE TABLE departures (
    employment_id  bigint PRIMARY KEY REFERENCES employments (id) ON DELETE CASCADE,
    reason         text NOT NULL CHECK (reason IN ('family_or_personal', 'not_general_practice',
                       'pay_and_conditions', 'workload', 'moved_on_in_training',
                       'became_specialist', 'other')),
    destination    text NOT NULL CHECK (destination IN ('other_alis_post', 'hospital', 'abroad',
                       'unknown')),
    training_ended boolean NOT NULL,
    recorded_at    timestamptz NOT NULL,  -- The audit event's instant.
    recorded_by    text NOT NULL CHECK (length(recorded_by) > 0)  -- Name and e-mail.
);

-- bump_data_generation() is migration 0009's.
CREATE TRIGGER departures_bumps_data_generation
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON departures
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
