# Operations of one OpenAPI tag: one REST verb and one route each, served under the API's base path.
# tag: ${yamlString(group.tag)}
# Each route validates the request against src/main/resources/contract.json (400, 415 problem+json), then runs the
# operation: your route consuming "direct:<operationId>" when there is one (see README.md, "Implementing an
# operation"), else the default answer of contract.json. Regenerating rewrites this file: write your routes in
# src/main/resources/routes/user/ instead.
<#assign restVerbs = ["get", "put", "post", "delete", "patch", "head"]>
<#-- The path the HTTP server routes to an operation. Vert.x (under platform-http) takes [A-Za-z0-9_]+ as a parameter
     name and a ':' as the start of one, and Camel percent-decodes the path before Vert.x sees it, so a literal with
     other characters (a letter outside ASCII, a ':') would never equal a request's path, which stays
     percent-encoded. Such a parameter is renamed, other characters as '_' ({thing-id} is {thing_id}; {_p<segment>_<n>}
     when that leaves no letter or digit or names another parameter), and such a segment becomes a parameter
     {_s<segment>}: the route is served at a wider path, and the request validator finds the operation by the
     OpenAPI template (Contract.find) or answers 404. -->
<#function restPath path>
  <#local segments = []>
  <#local used = path?matches("\\{([^}]*)}")?map(m -> m?groups[1])>
  <#list path?split("/") as segment>
    <#if !segment?replace("\\{[^}]*}", "", "r")?matches("[A-Za-z0-9._~!$&'()+,;=@-]*")>
      <#local segments = segments + ["{_s" + segment?index + "}"]>
    <#else>
      <#local out = segment>
      <#list segment?matches("\\{([^}]*)}") as m>
        <#if !m?groups[1]?matches("[A-Za-z0-9_]+")>
          <#local safe = m?groups[1]?replace("[^A-Za-z0-9_]", "_", "r")>
          <#if !safe?matches(".*[A-Za-z0-9].*") || used?seq_contains(safe)>
            <#local safe = "_p" + segment?index + "_" + m?index>
          </#if>
          <#local used = used + [safe]>
          <#local out = out?replace(m?groups[0], "{" + safe + "}")>
        </#if>
      </#list>
      <#local segments = segments + [out]>
    </#if>
  </#list>
  <#return segments?join("/")>
</#function>
<#-- whether restPath serves the path at a wider one (then the route names no operation: the validator finds it) -->
<#function widened op>
  <#return servedAt(op)?contains("{_s")>
</#function>
<#-- the path an operation is served at: without the query of a path such as "/things?beta=true" (seen in real
     documents), which the request validator then tells apart -->
<#function servedAt op>
  <#local plain = op.path?keep_before("?")?has_content?then(op.path?keep_before("?"), op.path)>
  <#return restPath(plain)>
</#function>
<#if group.operations?filter(o -> restVerbs?seq_contains(o.method))?has_content>
- rest:
    id: "api-${group.kebab}"
<#if basePath?has_content>
    path: ${yamlString(basePath)}
</#if>
<#list restVerbs as verb>
<#-- each served path once, plain paths first: a path with a query, or one that restPath widens to a path served
     already, is served by that path's route, and the request validator picks the operation -->
<#assign ops = []>
<#assign served = []>
<#list group.operations?filter(o -> o.method == verb && !o.path?contains("?")) + group.operations?filter(o -> o.method == verb && o.path?contains("?")) as o>
<#assign at = servedAt(o)>
<#if !served?seq_contains(at)>
<#assign ops = ops + [o]>
<#assign served = served + [at]>
</#if>
</#list>
<#if ops?has_content>
    ${verb}:
<#list ops as op>
      - id: "rest-${op.id}"
        path: ${yamlString(servedAt(op))}
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
      uri: ${yamlString("platform-http:" + (basePath!"") + servedAt(op))}
      parameters:
        httpMethodRestrict: "${op.method?upper_case}"
</#if>
      steps:
<#if widened(op)>
        # served at the wider path ${yamlString(servedAt(op))}: the validator finds the operation, or answers 404
<#else>
        - setProperty:
            name: "operationId"
            constant: "${op.id}"
</#if>
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
