// Auto-commit only: relationships first, in batches, so that deleting a node with many
// relationships (a region, a big unit) never has to hold them all in one transaction.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
