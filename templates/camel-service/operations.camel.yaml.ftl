# Operations of one OpenAPI tag: one REST verb and one route each.
# tag: ${yamlString(group.tag)}
# Every route answers 501 Not Implemented until you replace its steps.
- rest:
    id: "api-${group.kebab}"
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
        to: "direct:${op.id}"
</#list>
</#if>
</#list>
<#list group.operations as op>
<#if op.method != "trace">

- route:
    id: "${op.id}"
    from:
      uri: "direct:${op.id}"
      steps:
        - setHeader:
            name: CamelHttpResponseCode
            constant: 501
        - setHeader:
            name: Content-Type
            constant: application/json
        - setBody:
            constant: "{\"operation\": \"${op.id}\", \"status\": \"not implemented\"}"
</#if>
</#list>
