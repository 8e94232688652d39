-- Service periods: what the training ledger counts. An employment says who employs a doctor; its
-- service periods say where the doctor served (arena and place), at what position, and whether the
-- employer was a registered education enterprise. Institution service may have no employment here.

CREATE TABLE service_periods (
    id                  INTEGER PRIMARY KEY,
    person_id           INTEGER NOT NULL REFERENCES people (id),
    employment_id       INTEGER REFERENCES employments (id),
    arena               TEXT NOT NULL CHECK (arena IN ('open_general_practice',
                            'other_general_practice', 'institution', 'other')),
    place               TEXT NOT NULL CHECK (length(place) <= 200),
    starts_on           TEXT NOT NULL,
    ends_on             TEXT,
    fte                 INTEGER NOT NULL CHECK (fte > 0 AND fte <= 100),
    employer_registered INTEGER NOT NULL CHECK (employer_registered IN (0, 1)),
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
       CASE m.enterprise_status WHEN 'not_registered' THEN 0 ELSE 1 END
FROM employments e JOIN municipalities m ON m.number = e.municipality_number
ORDER BY e.id;
