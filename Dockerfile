# The cadregraph API and CLI (used by docker-compose.yml).
# Stage 1: the network explorer's vendor file (Cytoscape.js, pinned in package-lock.json).
FROM node:20-slim AS ui
WORKDIR /ui
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY ingest ./ingest
COPY api ./api
COPY queries ./queries
COPY --from=ui /ui/node_modules/cytoscape/dist/cytoscape.min.js ./api/ui/static/vendor/
RUN pip install --no-cache-dir .
RUN useradd --create-home cadregraph && mkdir -p /var/lib/cadregraph \
    && chown cadregraph /var/lib/cadregraph
USER cadregraph
EXPOSE 8000
CMD ["cadregraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
