# A local stand-in for mcr.microsoft.com/dotnet/sdk:10.0: the host's whole .NET installation (the build context's
# dotnet/, staged by build.sh) on the Debian build.sh debootstrapped. It has no ICU, so the SDK runs in invariant mode.
# It trusts the CA certificates the host added (its ca-certificates/), so NuGet works behind the same TLS proxy.
ARG DEPS_IMAGE
FROM ${DEPS_IMAGE}
COPY dotnet/ /usr/share/dotnet/
COPY ca-certificates/ /usr/local/share/ca-certificates/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && update-ca-certificates > /dev/null
ENV DOTNET_RUNNING_IN_CONTAINER=true DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_CERT_REVOCATION_MODE=offline
