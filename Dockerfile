# syntax=docker/dockerfile:1
# Multi-stage: build with the SDK, run on the ASP.NET runtime as a non-root user, data on a volume.
#   docker build -t communityportal .
#   docker run -p 8080:8080 -v portal-data:/data communityportal

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Only the .NET SDK: group QR images are decoded on the server (docs/adr/023), nothing comes from npm.
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY CommunityPortal/CommunityPortal.csproj CommunityPortal/
COPY CommunityPortal/build/ CommunityPortal/build/
# Restore first so the package layer is cached; the Blazor script pack comes from NuGet here (docs/adr/001).
RUN dotnet restore CommunityPortal/CommunityPortal.csproj -r linux-x64
COPY CommunityPortal/ CommunityPortal/
RUN dotnet publish CommunityPortal/CommunityPortal.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/publish .
RUN mkdir -p /data && chown app:app /data
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Portal="Data Source=/data/portal.db"
VOLUME ["/data"]
EXPOSE 8080
# "app" (uid 1654) is the non-root user the .NET images ship.
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "CommunityPortal.dll"]
