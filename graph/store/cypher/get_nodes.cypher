// The nodes with these keys, in one row (one Bolt message, not one per node).
UNWIND $keys AS key
MATCH (n:Node {key: key})
RETURN collect({key: n.key, label: n.label, props: properties(n)}) AS nodes
