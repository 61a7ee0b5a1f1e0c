"""Settings from the environment (and `.env`): which store, where its data lives, Neo4j access."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    store: Literal["embedded", "neo4j"] = Field("embedded", alias="CADREGRAPH_STORE")
    data_dir: Path = Field(Path.home() / ".cadregraph", alias="CADREGRAPH_DATA_DIR")
    neo4j_uri: str = Field("bolt://localhost:7687", alias="NEO4J_URI")
    neo4j_user: str = Field("neo4j", alias="NEO4J_USER")
    neo4j_password: SecretStr = Field(SecretStr(""), alias="NEO4J_PASSWORD")
    neo4j_database: str = Field("neo4j", alias="NEO4J_DATABASE")
    batch_size: int = Field(10_000, alias="CADREGRAPH_BATCH_SIZE")
    neo4j_writers: int = Field(2, alias="CADREGRAPH_NEO4J_WRITERS")
    """Concurrent write transactions of a bulk load into Neo4j."""
    rules_file: Path | None = Field(None, alias="CADREGRAPH_RULES")
    """A rule override file applied on the national rule set."""

    @property
    def graph_file(self) -> Path:
        return self.data_dir / "graph.json"
