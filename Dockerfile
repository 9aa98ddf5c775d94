# KnowledgeHub portal: a multi-stage build. The release carries content/ (templates, samples) and extractor/ (the
# PDF/Office text extractor the portal starts as a separate process); no Node.js or npm in either stage.
#   docker build -t knowledgehub .
#   docker run -p 8080:8080 -e Storage__Provider=AzureBlob -e Storage__AzureBlob__ServiceUri=https://ACCOUNT.blob.core.windows.net ... knowledgehub
# Deployment to Azure Container Apps: docs/deploy.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt ./
COPY src/Storage/Storage.csproj src/Storage/
COPY src/Documents/Documents.csproj src/Documents/
COPY src/Search/Search.csproj src/Search/
COPY src/Extractor/Extractor.csproj src/Extractor/KnowledgeHub.Extractor.targets src/Extractor/
COPY src/Portal/Portal.csproj src/Portal/
RUN dotnet restore src/Portal/Portal.csproj
COPY src/ src/
COPY content/ content/
RUN dotnet publish src/Portal/Portal.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# The index is derived data (rebuilt or restored from a snapshot in the blob store when missing); keep it on a volume
# or the container's own disk. Everything durable is in the blob store.
# DOTNET_GCgen0size: a 64 MB young generation instead of the workstation GC's 6 MB. A computed search page allocates
# ~0.4 MB in search alone, so the default collected every few requests; with 64 MB the search page served 31 % more
# requests at 8 connections on a 20k store (498 against 381 req/s, alternating wrk runs, README "Scale") for
# ~40 MB more resident memory. The runtime reads it only from the environment (not runtimeconfig.json).
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_gcServer=0 \
    DOTNET_GCgen0size=0x4000000 \
    Search__IndexPath=/var/lib/knowledgehub/index \
    Storage__Provider=AzureBlob
COPY --from=build /app .
# The non-root user of the .NET images ($APP_UID, 1654) owns only the index folder; the app folder stays read-only to it.
RUN mkdir -p /var/lib/knowledgehub/index && chown -R $APP_UID /var/lib/knowledgehub
USER $APP_UID
EXPOSE 8080
# /health/live does no I/O: it says the process answers. Readiness (/health/ready) is for the load balancer's probe.
# The runtime image has no curl or wget: bash's /dev/tcp speaks the one HTTP request needed.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "KnowledgeHub.Portal.dll"]
