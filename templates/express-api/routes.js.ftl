<#assign e = entity>
'use strict';

const express = require('express');
const { MemoryStore } = require('../db/memory-store');
const { ${e.name}Service } = require('../services/${e.kebab}-service');
const { ${e.name}Handlers } = require('../handlers/${e.kebab}-handlers');

/**
 * The ${e.name} CRUD routes, mounted at /api/${e.plural}: GET and POST /, GET, PUT and DELETE /:id.
 * @param {object} [service] the service to serve (a new one over an empty memory store by default)
 * @returns {express.Router}
 */
function ${e.name}Routes(service = new ${e.name}Service(new MemoryStore())) {
  const handlers = ${e.name}Handlers(service);
  const router = express.Router();
  router.get('/', handlers.list);
  router.post('/', handlers.create);
  router.get('/:id', handlers.get);
  router.put('/:id', handlers.update);
  router.delete('/:id', handlers.remove);
  return router;
}

module.exports = { ${e.name}Routes };
