import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CACHE_RULES } from '../../../core/src/rules/cache';
import { makeContext, runRule } from '../../helpers/ruleHarness';

const WELL_ORDERED = `# syntax=docker/dockerfile:1
FROM node:20-bookworm-slim AS build
RUN rm -f /etc/apt/apt.conf.d/docker-clean
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked \\
    apt-get update && apt-get install -y --no-install-recommends python3 make g++
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
ARG VERSION=dev
RUN npm run build -- --define version=$VERSION

FROM nginx:1.27
COPY --from=build /app/dist /usr/share/nginx/html
LABEL org.opencontainers.image.version=1.0.0
`;

test('no cache hint fires on a well-ordered file with a complete .dockerignore', () => {
  const { context } = makeContext({
    'package.json': '{}',
    'package-lock.json': '{}',
    '.git/': '',
    'dist/': '',
    '.dockerignore': '.git\nnode_modules\ndist\n',
  });
  for (const rule of CACHE_RULES)
    assert.deepEqual(
      runRule(rule, WELL_ORDERED, context()).map((f) => f.message.en),
      [],
      rule.code,
    );
});
