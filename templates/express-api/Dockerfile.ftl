# Multi-stage build: install the production dependencies, then copy them and the sources into a clean image.
FROM node:${stack.properties.nodeVersion}-alpine AS deps
WORKDIR /app
COPY package*.json ./
RUN npm install --omit=dev --no-audit --no-fund

FROM node:${stack.properties.nodeVersion}-alpine
ENV NODE_ENV=production
ENV PORT=${stack.properties.defaultPort}
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY src ./src
USER node
EXPOSE ${stack.properties.defaultPort}
CMD ["node", "src/server.js"]
