# syntax=docker/dockerfile:1
# One image recipe for every service: docker compose passes SERVICE and PORT (build args).
# The console is built with Vite in a node stage (only the gateway's jar contains it), then Maven builds the
# service, and its layered jar runs on a JRE as a non-root user. Build context: the repository root.
ARG SERVICE
ARG PORT

FROM node:20 AS console
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
# The console's API types are generated from the services' OpenAPI documents (npm run api-types, before build).
COPY docs/openapi/ ../docs/openapi/
RUN npm run build

FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
COPY --from=console /src/frontend/target/classes/static/ frontend/target/classes/static/
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -Dfrontend.skip=true -pl ${SERVICE} -am package \
 && java -Djarmode=tools -jar ${SERVICE}/target/${SERVICE}.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:17-jre
ARG PORT
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 app
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001
# The health check runs later, in the container: it needs the port as an environment variable.
ENV PORT=${PORT}
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD curl -fs http://localhost:${PORT}/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
