-- A training status for a GP who is neither in the specialist training nor a specialist
-- ('not_in_training'), such as an experienced GP the municipality approved as supervisor; until
-- now those were registered as 'left', and their page said "Sluttet".
--
-- PostgreSQL changes a CHECK constraint with ALTER TABLE inside the migration's transaction, so
-- none of the SQLite file's schema editing is needed: the new constraint is checked against
-- every row when it is added, and a failure rolls the migration back. No types are chosen here.

ALTER TABLE people
    DROP CONSTRAINT people_training_status_check,
    ADD CONSTRAINT people_training_status_check
        CHECK (training_status IN ('in_training', 'specialist', 'left', 'not_in_training'));

-- Moves the approved experienced supervisors recorded as 'left' to the new status, but only
-- those with no trace of a training path of their own: a person with service periods,
-- employments, a supervisor of their own or an education plan may really have left the
-- training, and stays as recorded.
UPDATE people
   SET training_status = 'not_in_training'
 WHERE training_status = 'left'
   AND id IN (SELECT person_id FROM supervisors WHERE qualification = 'approved_experienced')
   AND id NOT IN (SELECT person_id FROM service_periods)
   AND id NOT IN (SELECT person_id FROM employments)
   AND id NOT IN (SELECT trainee_person_id FROM supervisor_assignments)
   AND id NOT IN (SELECT person_id FROM education_plan_revisions);
