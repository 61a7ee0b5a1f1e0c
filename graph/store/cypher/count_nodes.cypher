MATCH (n:Node)
RETURN n.label AS name, count(*) AS n
