-- Supervisors (veiledere) registered by a municipality, and the municipality's capacity setting.

-- A person registered as a supervisor for a municipality, with the qualification model and, for
-- a supervisor living in another municipality, the inter-municipal agreement that allows it.
CREATE TABLE supervisors (
    id                       INTEGER PRIMARY KEY,
    person_id                INTEGER NOT NULL REFERENCES people (id),
    municipality_number      TEXT NOT NULL REFERENCES municipalities (number),
    qualification            TEXT NOT NULL CHECK (qualification IN ('specialist', 'approved_experienced')),
    approved_on              TEXT,
    approval_reason          TEXT,
    office                   TEXT NOT NULL CHECK (length(office) > 0),
    home_municipality_number TEXT NOT NULL REFERENCES municipalities (number),
    agreement_reference      TEXT,
    agreement_date           TEXT,
    registered_on            TEXT NOT NULL,
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
    municipality_number TEXT PRIMARY KEY REFERENCES municipalities (number),
    max_trainees        INTEGER NOT NULL CHECK (max_trainees BETWEEN 1 AND 10)
);
