# syntax=docker/dockerfile:1
# Multi-stage: build with the SDK, run on the ASP.NET runtime as a non-root user, data on a volume.
#   docker build -t communityportal .
#   docker run -p 8080:8080 -v portal-data:/data communityportal

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Only the .NET SDK: group QR images are decoded on the server (docs/adr/023), nothing comes from npm.
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY CommunityPortal/CommunityPortal.csproj CommunityPortal/
# Restore first so the package layer is cached (the SDK brings the Blazor script pack itself, docs/adr/020).
RUN dotnet restore CommunityPortal/CommunityPortal.csproj -r linux-x64
COPY CommunityPortal/ CommunityPortal/
RUN dotnet publish CommunityPortal/CommunityPortal.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl: the health check. fonts-wqy-microhei: the poster font (PDFs by PDFsharp, PNGs by SkiaSharp, whose native library
# comes with the publish and needs only libstdc++, already in this image; docs/adr/022).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/publish .
RUN mkdir -p /data && chown app:app /data
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Portal__DataPath=/data
VOLUME ["/data"]
EXPOSE 8080
# "app" (uid 1654) is the non-root user the .NET images ship.
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "CommunityPortal.dll"]
