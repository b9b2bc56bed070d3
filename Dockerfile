# syntax=docker/dockerfile:1
# TumourBoard image: built with the .NET 10 SDK, run on the ASP.NET Core 10 runtime as the non-root user 'app'.
# Both images are Ubuntu 24.04 (noble); .NET 10 has no Debian images.
#   docker build -t tumourboard .
#   docker run -p 127.0.0.1:8080:8080 -e ConnectionStrings__TumourBoard="Host=...;Database=...;Username=...;Password=..." tumourboard

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the files that decide the packages only, so that a code change reuses the restored layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/TumourBoard.Domain/TumourBoard.Domain.csproj src/TumourBoard.Domain/
COPY src/TumourBoard.Web/TumourBoard.Web.csproj src/TumourBoard.Web/
RUN dotnet restore src/TumourBoard.Web/TumourBoard.Web.csproj

# .editorconfig sets analyser severities, and warnings are errors: the image builds with the same rules as make.
COPY .editorconfig ./
COPY src/ src/
# The PDF renderer loads its fonts from Documents/Fonts next to the app (there is no fontconfig in the image); the
# check stops the build if they are not published.
RUN dotnet publish src/TumourBoard.Web/TumourBoard.Web.csproj -c Release --no-restore -o /app /p:UseAppHost=false \
    && test -f /app/Documents/Fonts/Roboto-Regular.ttf \
    && test -f /app/Documents/Fonts/DejaVuSans.ttf \
    && test -f /app/Documents/Fonts/NotoEmoji-Regular.ttf


FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# curl is for HEALTHCHECK only: the image has neither curl nor wget, and curl --fail turns an HTTP error into a
# non-zero exit without a shell script around it. ICU (libicu74, for the en-BE/fr-BE/nl-BE cultures) and tzdata (for
# Europe/Brussels) come with the base image; the two checks stop the build if a future base image drops them.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && test -f /usr/share/zoneinfo/Europe/Brussels \
    && ls /usr/lib/*-linux-gnu/libicuuc.so.* > /dev/null

WORKDIR /app
COPY --from=build /app ./
# Without Mail__SmtpHost, messages are written as .eml files to .data/mail under the content root (/app);
# that folder is the only place in /app the app user may write.
RUN mkdir -p /app/.data/mail && chown -R "$APP_UID:$APP_UID" /app/.data

# The database comes from the environment: ConnectionStrings__TumourBoard (the app refuses to start without it).
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER $APP_UID

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --show-error --max-time 4 --output /dev/null http://127.0.0.1:8080/health/live || exit 1

ENTRYPOINT ["dotnet", "TumourBoard.Web.dll"]
