# Operations of one OpenAPI tag: one REST verb and one route each, served under the API's base path.
# tag: ${yamlString(group.tag)}
# Each route validates the request against src/main/resources/contract.json (400, 415 problem+json), then runs the
# operation: your route consuming "direct:<operationId>" when there is one (see README.md, "Implementing an
# operation"), else the default answer of contract.json. Regenerating rewrites this file: write your routes in
# src/main/resources/routes/user/ instead.
- rest:
    id: "api-${group.kebab}"
<#if basePath?has_content>
    path: ${yamlString(basePath)}
</#if>
<#list ["get", "put", "post", "delete", "patch", "head", "options"] as verb>
<#assign ops = group.operations?filter(o -> o.method == verb)>
<#if ops?has_content>
    ${verb}:
<#list ops as op>
      - id: "rest-${op.id}"
        path: ${yamlString(op.path)}
<#if op.summary?has_content>
        description: ${yamlString(op.summary)}
</#if>
        to: "direct:operation-${op.id}"
</#list>
</#if>
</#list>
<#list group.operations as op>
<#if ["get", "put", "post", "delete", "patch", "head", "options"]?seq_contains(op.method)>

# ${op.method?upper_case} ${yamlString(op.path)}: validate, then your route "direct:${op.id}" or the default answer
- route:
    id: "operation-${op.id}"
    from:
      uri: "direct:operation-${op.id}"
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
                  - to: "direct:${op.id}"
            otherwise:
              steps:
                - bean:
                    ref: "defaultAnswers"
                    method: "answer"
</#if>
</#list>
