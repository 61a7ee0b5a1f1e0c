// Auto-commit only: deletes in batches so large graphs do not exhaust the heap.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
