# The service's own endpoints, outside the REST API: its health and its API document.

# GET /health: 200 {"status":"UP"} once every route is up, 503 {"status":"DOWN"} while the service starts or stops.
# (Camel's own health checks stay at /observe/health.)
- route:
    id: "health"
    from:
      uri: "platform-http:/health"
      parameters:
        httpMethodRestrict: GET
      steps:
        - setHeader:
            name: Content-Type
            constant: application/json
        - choice:
            when:
              - method:
                  ref: readiness
                  method: isUp
                steps:
                  - setBody:
                      constant: "{\"status\":\"UP\"}"
            otherwise:
              steps:
                - setHeader:
                    name: CamelHttpResponseCode
                    constant: 503
                - setBody:
                    constant: "{\"status\":\"DOWN\"}"

<#if operationGroups?has_content>
# GET /openapi.json: the API document the service was generated from, as it was given (bundled into one file)
<#else>
# GET /openapi.json: the OpenAPI 3.1 document of the REST API
</#if>
- route:
    id: "openapi"
    from:
      uri: "platform-http:/openapi.json"
      parameters:
        httpMethodRestrict: GET
      steps:
        - setHeader:
            name: Content-Type
            constant: application/json
        - setBody:
            method:
              ref: apiDocument
              method: json
<#if operationGroups?has_content && basePath?has_content>

# GET <base path>/openapi.json: the same document, beside the operations
- route:
    id: "openapi-under-base-path"
    from:
      uri: ${yamlString("platform-http:" + basePath + "/openapi.json")}
      parameters:
        httpMethodRestrict: GET
      steps:
        - setHeader:
            name: Content-Type
            constant: application/json
        - setBody:
            method:
              ref: apiDocument
              method: json
</#if>
