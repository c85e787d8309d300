# CRUD REST API for ${entity.name}: /api/${entity.plural}. The ${entity.varName}Collection bean reads, checks and
# stores; these routes set the answers' statuses and headers. Errors (400, 404, 409) are problem+json, see
# common/problems.camel.yaml.
- rest:
    id: "rest-${entity.kebab}"
    path: "/${entity.plural}"
    get:
      - id: "list-${entity.kebab}"
        to: "direct:list-${entity.kebab}"
      - id: "get-${entity.kebab}"
        path: "/{id}"
        to: "direct:get-${entity.kebab}"
    post:
      - id: "create-${entity.kebab}"
        to: "direct:create-${entity.kebab}"
    put:
      - id: "replace-${entity.kebab}"
        path: "/{id}"
        to: "direct:replace-${entity.kebab}"
    delete:
      - id: "delete-${entity.kebab}"
        path: "/{id}"
        to: "direct:delete-${entity.kebab}"

# GET /api/${entity.plural}: 200 and every stored record
- route:
    id: "list-${entity.kebab}-route"
    from:
      uri: "direct:list-${entity.kebab}"
      steps:
        - bean:
            ref: "${entity.varName}Collection"
            method: list
        - setHeader:
            name: Content-Type
            constant: application/json

# GET /api/${entity.plural}/{id}: 200 and the record, or 404
- route:
    id: "get-${entity.kebab}-route"
    from:
      uri: "direct:get-${entity.kebab}"
      steps:
        - bean:
            ref: "${entity.varName}Collection"
            method: "<#noparse>get(${header.id})</#noparse>"
        - setHeader:
            name: Content-Type
            constant: application/json

# POST /api/${entity.plural}: 201, the Location of the new record and the record
- route:
    id: "create-${entity.kebab}-route"
    from:
      uri: "direct:create-${entity.kebab}"
      steps:
        - bean:
            ref: "${entity.varName}Collection"
            method: "<#noparse>create(${bodyAs(String)})</#noparse>"
        - setHeader:
            name: Location
            simple: "<#noparse>${body.location}</#noparse>"
        - setHeader:
            name: CamelHttpResponseCode
            constant: 201
        - setHeader:
            name: Content-Type
            constant: application/json
        - setBody:
            simple: "<#noparse>${body.json}</#noparse>"

# PUT /api/${entity.plural}/{id}: 200 and the stored record, or 404 (a PUT never creates)
- route:
    id: "replace-${entity.kebab}-route"
    from:
      uri: "direct:replace-${entity.kebab}"
      steps:
        - bean:
            ref: "${entity.varName}Collection"
            method: "<#noparse>replace(${header.id}, ${bodyAs(String)})</#noparse>"
        - setHeader:
            name: Content-Type
            constant: application/json

# DELETE /api/${entity.plural}/{id}: 204 without a body, or 404
- route:
    id: "delete-${entity.kebab}-route"
    from:
      uri: "direct:delete-${entity.kebab}"
      steps:
        - bean:
            ref: "${entity.varName}Collection"
            method: "<#noparse>delete(${header.id})</#noparse>"
        - setHeader:
            name: CamelHttpResponseCode
            constant: 204
        - removeHeader:
            name: Content-Type
        - setBody:
            constant: ""
