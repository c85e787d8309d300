{
  "name": ${jsString(project.name)},
  "version": ${jsString(project.version)},
  "description": ${jsString(project.description?has_content?then(project.description, project.name + " API"))},
  "private": true,
  "main": "src/server.js",
  "scripts": {
    "start": "node src/server.js",
    "test": "node --test test/*.test.js"
  },
  "engines": {
    "node": ">=${stack.properties.nodeVersion}"
  },
  "dependencies": {
<#if operationGroups?has_content>
    "ajv": ${jsString(stack.properties.ajvVersion)},
</#if>
    "express": ${jsString(stack.properties.expressVersion)},
    "lossless-json": ${jsString(stack.properties.losslessJsonVersion)}
  }
}
