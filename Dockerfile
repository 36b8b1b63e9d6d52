# syntax=docker/dockerfile:1
# One image for every process role: APP_ROLE=api | worker | all picks what runs.

# --- build: compile TypeScript and native addons, then drop dev dependencies ---
FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 (and msgpackr-extract) build from source when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# The lock file is made on linux against a registry mirror without other platforms' optional
# binaries (@swc/core-darwin-*, ...), which `npm ci` rejects; `npm install` then installs
# the same locked versions and only adds those optional entries.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && mkdir -p src/modules/web/views src/modules/web/assets

# --- runtime: compiled code, production dependencies, templates and assets ---
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# Page templates and static assets are read from src/ at run time, not from dist/.
COPY --from=build --chown=node:node /app/src/modules/web/views ./src/modules/web/views
COPY --from=build --chown=node:node /app/src/modules/web/assets ./src/modules/web/assets
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# No HEALTHCHECK here: the worker role serves no HTTP. docker-compose.yml checks the api.
CMD ["node", "dist/src/main.js"]
