# Multi-stage build: Maven builds the server, a JRE image runs it with /data as a volume.
#   docker build -t lectern .
#   docker run -p 7070:7070 -v lectern-data:/data -e LECTERN_TOKEN=change-me lectern
# The container binds 0.0.0.0, so Lectern requires a token (open http://host:7070/?token=change-me once).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# tcmalloc: PyTorch's per-step buffers otherwise fault back in from the OS every step (see perf-baseline).
RUN apt-get update && apt-get install -y --no-install-recommends libtcmalloc-minimal4 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/server/target/lectern.jar /app/lectern.jar
COPY --from=build /src/server/target/lib /app/lib
COPY --from=build /src/server/target/plugins /app/plugins
ENV DJL_OFFLINE=true \
    OPT_OUT_TRACKING=true \
    DJL_CACHE_DIR=/data/cache/djl \
    LECTERN_DATA_DIR=/data \
    LECTERN_HOST=0.0.0.0 \
    LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4
VOLUME /data
EXPOSE 7070
ENTRYPOINT ["java", "-Xmx4g", "-jar", "/app/lectern.jar"]
