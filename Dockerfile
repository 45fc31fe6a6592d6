# syntax=docker/dockerfile:1.7
# The portal's production image, built off-cluster by
# .github/workflows/build.yml from a clean checkout:
#   docker build -t infra-portal .
# Stage 1 builds the backend bundle (which carries the built frontend, served
# by app-backend); stage 2 installs the bundle's production dependencies from
# the lockfile and runs it as the unprivileged `node` user. The portal reads
# CI-published TechDocs (techdocs.builder: external), so no mkdocs here.
# packages/backend/src/production/image.test.ts runs stage 2's steps on this
# machine, from this file, and starts the result (docs/operations/deploy.md).

FROM node:22-bookworm-slim AS build
WORKDIR /app
# No install scripts: nothing the build runs needs a native addon built, and
# the image runs on PostgreSQL only (better-sqlite3 stays unbuilt).
ENV YARN_ENABLE_SCRIPTS=false
COPY . .
RUN --mount=type=cache,target=/root/.yarn/berry/cache,sharing=locked \
    node .yarn/releases/yarn-4.13.0.cjs install --immutable
RUN node .yarn/releases/yarn-4.13.0.cjs tsc
# Emits packages/backend/dist/skeleton.tar.gz (the package.json files of the
# backend and the workspace packages it uses) and bundle.tar.gz (their code,
# with packages/app/dist).
RUN cd packages/backend && npx backstage-cli package build

FROM node:22-bookworm-slim
ENV NODE_ENV=production
ENV YARN_ENABLE_SCRIPTS=false
# Everything from here runs as the unprivileged `node` user (uid 1000, the
# Deployment's runAsUser); BuildKit creates the WORKDIR as that user.
USER node
WORKDIR /app
# Production dependencies first: this layer changes only with the lockfile
# and the package.json files, not with every code change.
COPY --chown=node:node .yarn/releases ./.yarn/releases
COPY --chown=node:node .yarnrc.yml backstage.json package.json yarn.lock ./
COPY --from=build --chown=node:node /app/packages/backend/dist/skeleton.tar.gz ./
RUN tar xzf skeleton.tar.gz && rm skeleton.tar.gz
RUN --mount=type=cache,target=/home/node/.yarn/berry/cache,sharing=locked,uid=1000,gid=1000 \
    node .yarn/releases/yarn-4.13.0.cjs workspaces focus --all --production
COPY --from=build --chown=node:node /app/packages/backend/dist/bundle.tar.gz ./
RUN tar xzf bundle.tar.gz && rm bundle.tar.gz
# The config files the command names, and the catalog files the production
# config points at (paths relative to /app).
COPY --chown=node:node app-config.yaml app-config.production.yaml app-config.breakglass.yaml catalog-info.yaml ./
COPY --chown=node:node templates ./templates
EXPOSE 7007
# The Deployment passes its own --config arguments (deploy/terraform); these
# are the defaults for `docker run`.
ENTRYPOINT ["node", "packages/backend"]
CMD ["--config", "app-config.yaml", "--config", "app-config.production.yaml"]
