UNWIND $rows AS row
MATCH (:Node {key: row.source})-[r {id: row.id}]->()
DELETE r
