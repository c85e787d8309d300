You write realistic test fixtures for the types of a generated Node.js Express API. The samples become the request bodies of the project's node:test tests, which create, read, replace and delete each type through the API.

${rules}
