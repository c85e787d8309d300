# Operations of one OpenAPI tag: one REST verb and one route each, served under the API's base path.
# tag: ${yamlString(group.tag)}
# Each route validates the request against src/main/resources/contract.json (400, 415 problem+json), then runs the
# operation: your route consuming "direct:<operationId>" when there is one (see README.md, "Implementing an
# operation"), else the default answer of contract.json. Regenerating rewrites this file: write your routes in
# src/main/resources/routes/user/ instead.
<#assign restVerbs = ["get", "put", "post", "delete", "patch", "head"]>
<#if group.operations?filter(o -> restVerbs?seq_contains(o.method))?has_content>
- rest:
    id: "api-${group.kebab}"
<#if basePath?has_content>
    path: ${yamlString(basePath)}
</#if>
<#list restVerbs as verb>
<#-- a path with a query ("/things?beta=true", seen in real documents) is served at the path without it, once: the
     request validator then picks the operation whose query the request has -->
<#assign plain = group.operations?filter(o -> o.method == verb && !o.path?contains("?"))>
<#assign served = plain?map(o -> o.path)>
<#assign ops = plain>
<#list group.operations?filter(o -> o.method == verb && o.path?contains("?")) as o>
<#if !served?seq_contains(o.path?keep_before("?"))>
<#assign ops = ops + [o]>
<#assign served = served + [o.path?keep_before("?")]>
</#if>
</#list>
<#if ops?has_content>
    ${verb}:
<#list ops as op>
      - id: "rest-${op.id}"
        path: ${yamlString(op.path?keep_before("?")?has_content?then(op.path?keep_before("?"), op.path))}
<#if op.summary?has_content>
        description: ${yamlString(op.summary)}
</#if>
        to: "direct:operation-${op.id}"
</#list>
</#if>
</#list>
</#if>
<#list group.operations as op>

# ${op.method?upper_case} ${yamlString(op.path)}: validate, then your route "direct:${op.id}" or the default answer
- route:
    id: "operation-${op.id}"
    from:
<#if restVerbs?seq_contains(op.method)>
      uri: "direct:operation-${op.id}"
<#else>
      # the REST DSL has no ${op.method?upper_case} verb: served by platform-http directly
      uri: ${yamlString("platform-http:" + (basePath!"") + op.path)}
      parameters:
        httpMethodRestrict: "${op.method?upper_case}"
</#if>
      steps:
        - setProperty:
            name: "operationId"
            constant: "${op.id}"
        - bean:
            ref: "requestValidator"
            method: "validate"
        - choice:
            when:
              - method:
                  ref: "implementations"
                  method: "isImplemented"
                steps:
                  # "direct:${op.id}", or the operation the validator found more specific for the path
                  - toD: "direct:<#noparse>${exchangeProperty.operationId}</#noparse>"
            otherwise:
              steps:
                - bean:
                    ref: "defaultAnswers"
                    method: "answer"
</#list>
