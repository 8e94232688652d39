-- "Hvem har sett mine opplysninger" (/meg/innsyn) pages through the reads of one person
-- (action = 'person.read'), newest first, whatever else was logged about them.
-- audit_events is append-only bookkeeping, not data: no data_generation trigger. No types are
-- chosen here.

CREATE INDEX audit_events_by_subject_and_action ON audit_events (subject_person_id, action, id);
