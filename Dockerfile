# airace in a container: the silo host (`airace silo`) and the client (`airace run --cluster`) are the
# same image. Multi-stage: the SDK builds and publishes, the runtime image runs.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/AiRaceSim.Cli -c Release -o /app

# ASP.NET Core's runtime: the silo's dashboard is an ASP.NET Core endpoint. The charts' native Skia
# libraries need nothing beyond libc (the NoDependencies build), and the fonts ship with airace.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Scenario files, with the data their comments cite, where the client's command finds them.
COPY scenarios ./scenarios
# The runtime image's unprivileged user (app, $APP_UID), not root.
USER $APP_UID
ENTRYPOINT ["dotnet", "airace.dll"]
