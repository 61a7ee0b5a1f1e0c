// Simple paths of 1..4 KIN edges (either direction; 4 = graph.records.KIN_MAX_HOPS) from each
// seed person, every edge active on $as_of, ending at one of $targets (any person when null).
// One row: the paths; with $with_nodes the record of every node on them (once each); and for
// each of $around_keys (the seeds, or none) its edges of the $around types active on $as_of,
// shaped as expand.cypher shapes them with $with_nodes, uncapped: a what-if check reads a
// person's kinship and acts in one round trip.
UNWIND $seeds AS seed
MATCH (a:Node {key: seed})
MATCH p = (a)-[:KIN*1..4]-(b:Person)
WHERE length(p) <= $max_hops
  AND ($targets IS NULL OR b.key IN $targets)
  AND all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
  AND all(r IN relationships(p) WHERE $as_of IS NULL OR (
        (r.valid_from IS NULL OR r.valid_from <= $as_of) AND (r.valid_to IS NULL OR $as_of < r.valid_to)))
WITH collect(p) AS ps
CALL (ps) {
  UNWIND ps AS p
  UNWIND nodes(p) AS n
  WITH DISTINCT n
  WHERE $with_nodes
  RETURN collect({key: n.key, label: n.label, props: properties(n)}) AS nodes
}
CALL () {
  UNWIND $around_keys AS key
  MATCH (n:Node {key: key})
  CALL (n) {
    MATCH (n)-[r]-(m:Node)
    WHERE type(r) IN $around
      AND ($as_of IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
                              AND (r.valid_to IS NULL OR $as_of < r.valid_to)))
    WITH DISTINCT r, m
    ORDER BY type(r), m.key, r.id
    RETURN collect({id: r.id, type: type(r), source: startNode(r).key, target: endNode(r).key,
                    props: properties(r), other: {key: m.key, label: m.label, props: properties(m)}}) AS rels
  }
  RETURN collect({key: key, edges: rels,
                  node: {key: n.key, label: n.label, props: properties(n)}}) AS around
}
RETURN [p IN ps | {
         nodes: [n IN nodes(p) | n.key],
         edges: [r IN relationships(p) | {id: r.id, type: type(r), source: startNode(r).key,
                                          target: endNode(r).key, props: properties(r)}]
       }] AS paths,
       nodes, around
