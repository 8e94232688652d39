-- Service periods: what the training ledger counts. An employment says who employs a doctor; its
-- service periods say where the doctor served (arena and place), at what position, and whether the
-- employer was a registered education enterprise. Institution service may have no employment here.
--
-- PostgreSQL types for SQLite's (migrations/README.md):
--   ids: bigint GENERATED ALWAYS AS IDENTITY (service_periods.id); foreign keys bigint.
--   dates: date (service_periods.starts_on, service_periods.ends_on).
--   0/1 flags: boolean (service_periods.employer_registered).
--   percentages: integer (service_periods.fte).

CREATE TABLE service_periods (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id           bigint NOT NULL REFERENCES people (id),
    employment_id       bigint REFERENCES employments (id),
    arena               text NOT NULL CHECK (arena IN ('open_general_practice',
                            'other_general_practice', 'institution', 'other')),
    place               text NOT NULL CHECK (length(place) <= 200),
    starts_on           date NOT NULL,
    ends_on             date,
    fte                 integer NOT NULL CHECK (fte > 0 AND fte <= 100),
    employer_registered boolean NOT NULL,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX service_periods_by_person ON service_periods (person_id, starts_on);

-- Until now the ledger read the employments as the periods: keep what they counted.
INSERT INTO service_periods (person_id, employment_id, arena, place, starts_on, ends_on, fte,
                             employer_registered)
SELECT e.person_id, e.id,
       CASE e.post_type WHEN 'gp_list' THEN 'open_general_practice'
                        WHEN 'other_general_practice' THEN 'other_general_practice'
                        ELSE 'institution' END,
       m.name, e.starts_on, e.ends_on, e.fte,
       m.enterprise_status <> 'not_registered'
FROM employments e JOIN municipalities m ON m.number = e.municipality_number
ORDER BY e.id;
