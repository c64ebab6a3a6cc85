# syntax=docker/dockerfile:1
#
# One image per orderflow service, all from this file:
#
#   docker build --build-arg SERVICE=order-service -t orderflow/order-service .
#
# docker-compose.yml builds every service with it. The build stage does not depend on SERVICE: every service image
# shares it, so `docker compose up --build` runs Maven once and not once per service. Set MODULES to build fewer
# modules, e.g. --build-arg MODULES=order-service for a single image; a module that is not in the sources is skipped.

ARG JDK_IMAGE=eclipse-temurin:21-jdk
ARG JRE_IMAGE=eclipse-temurin:21-jre-alpine

# ---- build: the fat jars, with the Maven wrapper, from a clean copy of the sources (see .dockerignore) ----
FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY . .
ARG MODULES=auth-service,order-service,billing-service,notification-service,push-service,fulfillment-service
# ~/.m2 (the wrapper's Maven and the local repository) is a build cache: a second build downloads nothing.
# (`if`, not `[ -f ] && printf`: a missing last module would make the loop, and the build, fail without a word.)
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    modules=$(for module in $(echo "${MODULES}" | tr ',' ' '); do if [ -f "$module/pom.xml" ]; then printf '%s,' "$module"; fi; done) && \
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl "${modules%,}" -am package

# ---- extract: split one service's jar into Spring Boot's layers, least likely to change first ----
FROM ${JRE_IMAGE} AS extract
ARG SERVICE
RUN if [ -z "${SERVICE}" ]; then echo "Set --build-arg SERVICE=<module>, e.g. order-service" >&2; exit 1; fi
WORKDIR /extract
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination layers

# ---- run: a small JRE, the layers as separate image layers, an unprivileged user ----
FROM ${JRE_IMAGE}
ARG SERVICE
LABEL org.opencontainers.image.title="orderflow ${SERVICE}"
# The user as two lines of /etc/passwd and /etc/group, not addgroup/adduser, whose flags differ between Alpine
# (busybox) and Debian or Ubuntu bases: JRE_IMAGE may be either.
RUN echo 'orderflow:x:10001:10001:orderflow:/nonexistent:/sbin/nologin' >>/etc/passwd && \
    echo 'orderflow:x:10001:' >>/etc/group
WORKDIR /app
COPY --from=extract /extract/layers/dependencies/ ./
COPY --from=extract /extract/layers/spring-boot-loader/ ./
COPY --from=extract /extract/layers/snapshot-dependencies/ ./
COPY --from=extract /extract/layers/application/ ./
USER 10001:10001
# The heap follows the container's memory limit; JAVA_TOOL_OPTIONS adds or overrides options (compose sets -Xmx).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
            "org.springframework.boot.loader.launch.JarLauncher"]
