-- Why a doctor left an ALIS post and where they went (domain/departure.hpp): one row per ended
-- employment, replaced when the leader records it again (the audit trail keeps each change). A
-- removed employment takes its departure with it.

CREATE TABLE departures (
    employment_id  INTEGER PRIMARY KEY REFERENCES employments (id) ON DELETE CASCADE,
    reason         TEXT NOT NULL CHECK (reason IN ('family_or_personal', 'not_general_practice',
                       'pay_and_conditions', 'workload', 'moved_on_in_training',
                       'became_specialist', 'other')),
    destination    TEXT NOT NULL CHECK (destination IN ('other_alis_post', 'hospital', 'abroad',
                       'unknown')),
    training_ended INTEGER NOT NULL CHECK (training_ended IN (0, 1)),
    recorded_at    TEXT NOT NULL,  -- UTC, "2026-11-22T10:15:30Z"; the audit event's instant.
    recorded_by    TEXT NOT NULL CHECK (length(recorded_by) > 0)  -- Name and e-mail.
);

CREATE TRIGGER departures_insert_bumps_data_generation AFTER INSERT ON departures
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER departures_update_bumps_data_generation AFTER UPDATE ON departures
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER departures_delete_bumps_data_generation AFTER DELETE ON departures
BEGIN UPDATE data_generation SET value = value + 1 WHERE id = 1; END;
