# Error answers of every route: an RFC 9457 problem (application/problem+json). A Problem thrown by a bean carries
# its status (400, 404, 409) and the broken rules; anything else is a 500 whose body tells nothing of the internals.
- routeConfiguration:
    onException:
      - onException:
          exception:
            - "java.lang.Exception"
          handled:
            constant: true
          steps:
<#if operationGroups?has_content>
            # the request's headers are not echoed in the answer
            - removeHeaders:
                pattern: "*"
</#if>
            - setHeader:
                name: CamelHttpResponseCode
                method:
                  ref: problems
                  method: "<#noparse>status(${exception})</#noparse>"
            - setHeader:
                name: Content-Type
                constant: application/problem+json
            - setBody:
                method:
                  ref: problems
                  method: "<#noparse>body(${exception})</#noparse>"
