# Multi-stage build: compile in the Go image, run the static binary in a minimal image.
FROM golang:${stack.properties.goVersion} AS build
WORKDIR /src
COPY go.mod ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server

FROM ${stack.properties.runtimeImage}
COPY --from=build /out/server /server
ENV PORT=${stack.properties.defaultPort}
EXPOSE ${stack.properties.defaultPort}
USER nonroot:nonroot
ENTRYPOINT ["/server"]
