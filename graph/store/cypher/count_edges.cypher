MATCH ()-[r]->()
WHERE $as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                         AND (r.valid_to IS NULL OR $as_of < r.valid_to))
RETURN type(r) AS name, count(*) AS n
