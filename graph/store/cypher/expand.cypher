// Edges around each node (either direction), filtered by type and as-of date, sorted by
// (type, other end's key, edge id) and cut at $cap; `degree` counts every matching edge.
// With $with_nodes, the node's own record and each edge's other end come along.
UNWIND $keys AS key
MATCH (n:Node {key: key})
CALL (n) {
  MATCH (n)-[r]-(m:Node)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                            AND (r.valid_to IS NULL OR $as_of < r.valid_to)))
  WITH DISTINCT r, m
  ORDER BY type(r), m.key, r.id
  RETURN collect({id: r.id, type: type(r), source: startNode(r).key, target: endNode(r).key,
                  props: properties(r),
                  other: CASE WHEN $with_nodes
                    THEN {key: m.key, label: m.label, props: properties(m)} END}) AS rels
}
RETURN key, rels[0..$cap] AS edges, size(rels) AS degree,
       CASE WHEN $with_nodes THEN {key: n.key, label: n.label, props: properties(n)} END AS node
