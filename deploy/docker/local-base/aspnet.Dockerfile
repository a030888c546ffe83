# A local stand-in for mcr.microsoft.com/dotnet/aspnet:10.0 when no registry is reachable: the host's .NET runtime and
# ASP.NET Core shared frameworks (the build context's dotnet/, staged by build.sh) on the Debian build.sh debootstrapped.
# Like Microsoft's image it has the non-root user `app` (UID 1654, in APP_UID) and DOTNET_RUNNING_IN_CONTAINER.
ARG DEPS_IMAGE
FROM ${DEPS_IMAGE}
COPY dotnet/ /usr/share/dotnet/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && groupadd --gid 1654 app \
    && useradd --uid 1654 --gid app --create-home --shell /usr/sbin/nologin app
ENV APP_UID=1654 DOTNET_RUNNING_IN_CONTAINER=true ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true
