UNWIND $keys AS key
MATCH (n:Node {key: key})
DETACH DELETE n
