// Insert or replace Person nodes by key (one file per label: static labels plan faster).
// A new node takes the properties as they are; a known one has them replaced.
UNWIND $rows AS row
MERGE (n:Node {key: row.key})
ON CREATE SET n += row.props, n.label = 'Person', n:Person
ON MATCH SET n = row.props, n.key = row.key, n.label = 'Person', n:Person
