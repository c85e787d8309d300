# ${project.name}: Camel Main configuration
camel.main.name = ${project.name}
# REST routes (YAML DSL) packaged under src/main/resources/routes
camel.main.routes-include-pattern = classpath:routes/*.camel.yaml
# Beans: one in-memory repository per entity
camel.main.configuration-classes = ${project.packageName}.AppConfiguration
# Embedded HTTP server (camel-platform-http-main)
camel.server.enabled = true
camel.server.port = 8080
# REST DSL: JSON in and out, under /api
camel.rest.binding-mode = json
camel.rest.context-path = /api
