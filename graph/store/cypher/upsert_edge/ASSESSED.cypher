// Insert or replace ASSESSED edges by id (one file per type: a dynamic type in MERGE is ten
// times slower in Neo4j 5.26). Rows whose endpoints are missing produce no row.
UNWIND $rows AS row
MATCH (a:Node {key: row.source})
MATCH (b:Node {key: row.target})
MERGE (a)-[r:ASSESSED {id: row.id}]->(b)
ON CREATE SET r += row.props
ON MATCH SET r = row.props, r.id = row.id
RETURN count(r) AS written
