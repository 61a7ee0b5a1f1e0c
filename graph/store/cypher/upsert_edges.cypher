// Insert or replace edges by id; rows whose endpoints are missing produce no row.
UNWIND $rows AS row
MATCH (a:Node {key: row.source})
MATCH (b:Node {key: row.target})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r = row.props, r.id = row.id
RETURN count(r) AS written
