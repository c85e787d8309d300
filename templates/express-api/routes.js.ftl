<#assign e = entity>
'use strict';

const express = require('express');
const config = require('../config');
const { jsonBody, methodNotAllowed } = require('../http');
const { ${e.name}Service } = require('../services/${e.kebab}-service');
const { ${e.name}Handlers } = require('../handlers/${e.kebab}-handlers');

/**
 * The ${e.name} routes, mounted at /api/${e.plural}: GET and POST /, GET, PUT and DELETE /:id (other methods: 405).
 * @param {${e.name}Service} [service] the service to serve (a new one over an empty memory store by default)
 * @returns {express.Router}
 */
function ${e.name}Routes(service = new ${e.name}Service()) {
  const handlers = ${e.name}Handlers(service);
  const router = express.Router();
  const body = jsonBody({ limit: config.bodyLimit, anyType: true });
  router.route('/').get(handlers.list).post(body, handlers.create).all(methodNotAllowed('GET, POST'));
  router.route('/:id').get(handlers.get).put(body, handlers.replace).delete(handlers.remove)
    .all(methodNotAllowed('GET, PUT, DELETE'));
  return router;
}

module.exports = { ${e.name}Routes };
