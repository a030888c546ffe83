# The gateway image (build context: the repository root). Run it with Orleans__Mode=client beside silo containers;
# the default mode co-hosts a silo in the gateway process.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG BASE_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
ARG RUNTIME_ID=linux-x64
ARG READY_TO_RUN=true
WORKDIR /src
# This stage is the same in silo.Dockerfile and gateway.Dockerfile (scripts/container-test.sh checks it), so the builder
# reuses its layers: building the second image after the first only runs the runtime stage.
# The project files alone first: the restore layer is reused until a package or project reference changes.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/KooGallery/KooGallery.csproj src/KooGallery/
COPY src/Grains.Interfaces/Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/Infrastructure/Infrastructure.csproj src/Infrastructure/
COPY src/Silo/Silo.csproj src/Silo/
COPY src/Gateway/Gateway.csproj src/Gateway/
RUN for host in Silo Gateway; do \
        dotnet restore src/$host/$host.csproj -r ${RUNTIME_ID} -p:PublishReadyToRun=${READY_TO_RUN} || exit 1; \
    done
COPY src/ src/
COPY deploy/sql/ deploy/sql/
RUN for host in Silo Gateway; do \
        dotnet publish src/$host/$host.csproj -c Release -r ${RUNTIME_ID} --self-contained false --no-restore \
            -p:PublishReadyToRun=${READY_TO_RUN} -o /app/$host || exit 1; \
    done

# Only COPY, ENV and metadata from here on, so a base image without a shell (a chiseled one) works too.
FROM ${BASE_IMAGE}
WORKDIR /app
COPY --from=build /app/Gateway ./
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# Microsoft's images name their non-root user's UID in APP_UID; any other base runs as UID 10001.
USER ${APP_UID:-10001}
ENTRYPOINT ["dotnet", "Provisioning.Gateway.dll"]
