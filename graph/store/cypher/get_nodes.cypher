UNWIND $keys AS key
MATCH (n:Node {key: key})
RETURN n.key AS key, n.label AS label, properties(n) AS props
