# CRUD REST API for ${entity.name}: /api/${entity.plural}
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
        type: "${project.packageName}.model.${entity.name}"
        to: "direct:create-${entity.kebab}"
    put:
      - id: "update-${entity.kebab}"
        path: "/{id}"
        type: "${project.packageName}.model.${entity.name}"
        to: "direct:update-${entity.kebab}"
    delete:
      - id: "delete-${entity.kebab}"
        path: "/{id}"
        to: "direct:delete-${entity.kebab}"

- route:
    id: "list-${entity.kebab}-route"
    from:
      uri: "direct:list-${entity.kebab}"
      steps:
        - bean:
            ref: "${entity.varName}Repository"
            method: findAll

- route:
    id: "get-${entity.kebab}-route"
    from:
      uri: "direct:get-${entity.kebab}"
      steps:
        - bean:
            ref: "${entity.varName}Repository"
            method: "<#noparse>find(${header.id})</#noparse>"
        - filter:
            simple: "<#noparse>${body} == null</#noparse>"
            steps:
              - setHeader:
                  name: CamelHttpResponseCode
                  constant: 404

- route:
    id: "create-${entity.kebab}-route"
    from:
      uri: "direct:create-${entity.kebab}"
      steps:
        - bean:
            ref: "${entity.varName}Repository"
            method: create
        - setHeader:
            name: CamelHttpResponseCode
            constant: 201

- route:
    id: "update-${entity.kebab}-route"
    from:
      uri: "direct:update-${entity.kebab}"
      steps:
        - bean:
            ref: "${entity.varName}Repository"
            method: "<#noparse>update(${header.id}, ${body})</#noparse>"
        - filter:
            simple: "<#noparse>${body} == null</#noparse>"
            steps:
              - setHeader:
                  name: CamelHttpResponseCode
                  constant: 404

- route:
    id: "delete-${entity.kebab}-route"
    from:
      uri: "direct:delete-${entity.kebab}"
      steps:
        - bean:
            ref: "${entity.varName}Repository"
            method: "<#noparse>delete(${header.id})</#noparse>"
        - choice:
            when:
              - simple: "<#noparse>${body}</#noparse>"
                steps:
                  - setHeader:
                      name: CamelHttpResponseCode
                      constant: 204
            otherwise:
              steps:
                - setHeader:
                    name: CamelHttpResponseCode
                    constant: 404
        - setBody:
            constant: ""
