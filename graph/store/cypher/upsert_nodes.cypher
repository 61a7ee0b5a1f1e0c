// Insert or replace nodes by key; every node carries the label `Node` plus its own label.
UNWIND $rows AS row
MERGE (n:Node {key: row.key})
SET n = row.props
SET n.key = row.key, n.label = row.label
SET n:$(row.label)
