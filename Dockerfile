# The chipsim command line as a container image, for clusters
# (docs/scale.md): `docker build -t chipsim:0.4.0 .`
FROM node:20-bookworm-slim
WORKDIR /opt/chipsim
COPY . .
RUN npx -y pnpm@10.34.8 install --frozen-lockfile && npx -y pnpm@10.34.8 store prune
USER node
ENTRYPOINT ["node", "--max-semi-space-size=1", "/opt/chipsim/packages/cli/dist/bundle/chipsim.js"]
