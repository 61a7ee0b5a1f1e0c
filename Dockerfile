# The cadregraph API and CLI (used by docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY ingest ./ingest
COPY api ./api
COPY queries ./queries
RUN pip install --no-cache-dir .
RUN useradd --create-home cadregraph && mkdir -p /var/lib/cadregraph \
    && chown cadregraph /var/lib/cadregraph
USER cadregraph
EXPOSE 8000
CMD ["cadregraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
