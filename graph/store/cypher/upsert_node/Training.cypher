// Insert or replace Training nodes by key (one file per label: static labels plan faster).
UNWIND $rows AS row
MERGE (n:Node {key: row.key})
SET n = row.props
SET n.key = row.key, n.label = 'Training'
SET n:Training
