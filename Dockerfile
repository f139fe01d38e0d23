# airace in a container: the silo host (`airace silo`) and the client (`airace run --cluster`) are the
# same image. Multi-stage: the SDK builds and publishes, the runtime image runs.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/AiRaceSim.Cli -c Release -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0
# SkiaSharp (the report's charts) needs fontconfig; the fonts themselves ship with airace.
RUN apt-get update && apt-get install -y --no-install-recommends libfontconfig1 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# Scenario files, with the data their comments cite, where the client's command finds them.
COPY scenarios ./scenarios
ENTRYPOINT ["dotnet", "airace.dll"]
