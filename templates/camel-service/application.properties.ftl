# ${project.name}: Camel Main configuration
camel.main.name = ${project.name}
<#if operationGroups?has_content>
# Routes (YAML DSL) packaged under src/main/resources/routes: the operations (one file per tag), /health,
# /openapi.json, the problem+json error handling every route shares, and your own routes in routes/user (a folder
# specforge never writes: see README.md, "Implementing an operation")
camel.main.routes-include-pattern = classpath:routes/*.camel.yaml,classpath:routes/common/*.camel.yaml,classpath:routes/user/*.camel.yaml
# Beans come from AppConfiguration (problems, readiness, the API document, the contract, its request validator and
# default answers), found by Camel Main's class path scan of ${project.packageName}
<#else>
# Routes (YAML DSL) packaged under src/main/resources/routes: the REST collections, /health, /openapi.json and the
# problem+json error handling every route shares
camel.main.routes-include-pattern = classpath:routes/*.camel.yaml,classpath:routes/common/*.camel.yaml
# Beans come from AppConfiguration (problems, readiness, the API document) and one <Entity>Beans class per entity
# (its repository and the collection its routes call), found by Camel Main's class path scan of
# ${project.packageName}
</#if>
# One summary line at start instead of one per route
camel.main.startup-summary-level = Brief
# Embedded HTTP server (camel-platform-http-main) on $PORT, 8080 when it is unset
camel.server.enabled = true
camel.server.port = {{env:PORT:8080}}
# Camel's own health checks at /observe/health, on the same port (GET /health is the service's)
camel.management.enabled = true
camel.management.port = {{env:PORT:8080}}
camel.management.health-check-enabled = true
<#if operationGroups?has_content>
# REST DSL: each tag's rest is under the API's base path (the path of its first server); bodies are read and
# validated against contract.json by the routes, not by the REST binding
camel.rest.binding-mode = off
<#else>
# REST DSL under /api; bodies are read and written by the collections (JSON with problem+json errors), not by
# the REST binding
camel.rest.binding-mode = off
camel.rest.context-path = /api
</#if>
