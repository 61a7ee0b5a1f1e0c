MATCH (a:Node)-[r:$($type)]->(b:Node)
WHERE $as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                         AND (r.valid_to IS NULL OR $as_of < r.valid_to))
RETURN r.id AS id, type(r) AS type, a.key AS source, b.key AS target, properties(r) AS props
ORDER BY r.id
