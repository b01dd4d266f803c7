# Threadlens application image: the CLI (`ingest`, `analyze`, ...), the API server (`serve`) and the
# queue worker (dist/workers/analyze.js). One image, three roles, chosen by the compose service.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY workers ./workers
# `npm ci` runs `prepare`, which compiles src/ and workers/ into dist/.
RUN npm ci && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY seeds ./seeds
# `threadlens serve` keeps its embedded database here unless DATABASE_URL is set (mount a volume on it).
RUN mkdir -p /app/.threadlens && chown node:node /app/.threadlens
# Reports written by workers and `ingest --out` (a volume in docker-compose.yml).
RUN mkdir -p /data/reports && chown node:node /data/reports
USER node
ENTRYPOINT ["node", "dist/src/cli/main.js"]
CMD ["--help"]
