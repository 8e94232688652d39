-- Supervisors (veiledere) registered by a municipality, and the municipality's capacity setting.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   ids: bigint GENERATED ALWAYS AS IDENTITY (supervisors.id); foreign keys bigint.
--   dates: date (supervisors.approved_on, supervisors.agreement_date, supervisors.registered_on).
--   counts: integer (supervisor_capacity.max_trainees).

-- A person registered as a supervisor for a municipality, with the qualification model and, for
-- a supervisor living in another municipality, the inter-municipal agreement that allows it.
CREATE TABLE supervisors (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id                bigint NOT NULL REFERENCES people (id),
    municipality_number      text NOT NULL REFERENCES municipalities (number),
    qualification            text NOT NULL CHECK (qualification IN ('specialist', 'approved_experienced')),
    approved_on              date,
    approval_reason          text,
    office                   text NOT NULL CHECK (length(office) > 0),
    home_municipality_number text NOT NULL REFERENCES municipalities (number),
    agreement_reference      text,
    agreement_date           date,
    registered_on            date NOT NULL,
    UNIQUE (person_id, municipality_number),
    -- The municipality's approval of an experienced GP carries its date and reason.
    CHECK (qualification <> 'approved_experienced' OR
           (approved_on IS NOT NULL AND length(approval_reason) > 0)),
    CHECK (qualification <> 'specialist' OR (approved_on IS NULL AND approval_reason IS NULL)),
    -- A supervisor from another municipality needs a recorded agreement.
    CHECK (home_municipality_number = municipality_number OR
           (length(agreement_reference) > 0 AND agreement_date IS NOT NULL)),
    CHECK (home_municipality_number <> municipality_number OR
           (agreement_reference IS NULL AND agreement_date IS NULL))
);
CREATE INDEX supervisors_by_municipality ON supervisors (municipality_number);
CREATE INDEX supervisors_by_person ON supervisors (person_id);

-- How many trainees one supervisor may have at a time in this municipality; without a row, the
-- default of the pilot model (2) applies.
CREATE TABLE supervisor_capacity (
    municipality_number text PRIMARY KEY REFERENCES municipalities (number),
    max_trainees        integer NOT NULL CHECK (max_trainees BETWEEN 1 AND 10)
);
