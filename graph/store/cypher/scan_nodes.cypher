MATCH (n:Node {label: $label})
RETURN n.key AS key, n.label AS label, properties(n) AS props
ORDER BY n.key
