# Khaibao bot server (also hosts the mini app build at /app and the staff console at /console).
# Build:  docker build -t khaibao .
# Run:    see docker-compose.yml and docs/DEPLOY.md (production needs PostgreSQL and the secrets).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY bot-server/package.json bot-server/
COPY mini-app/package.json mini-app/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund
COPY . .
# The mini app build served at /app calls the API on the same origin unless VITE_API_BASE says otherwise.
ARG VITE_API_BASE=""
ENV VITE_API_BASE=${VITE_API_BASE}
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json /app/app-config.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bot-server/package.json ./bot-server/package.json
COPY --from=build /app/bot-server/dist ./bot-server/dist
COPY --from=build /app/bot-server/console/dist ./bot-server/console/dist
COPY --from=build /app/mini-app/www ./mini-app/www
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Migrations run at start (advisory-locked: several instances may start at once).
CMD ["node", "bot-server/dist/main.js"]
