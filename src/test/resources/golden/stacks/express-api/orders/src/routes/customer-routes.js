'use strict';

const express = require('express');
const { MemoryStore } = require('../db/memory-store');
const { CustomerService } = require('../services/customer-service');
const { CustomerHandlers } = require('../handlers/customer-handlers');

/**
 * The Customer CRUD routes, mounted at /api/customers: GET and POST /, GET, PUT and DELETE /:id.
 * @param {object} [service] the service to serve (a new one over an empty memory store by default)
 * @returns {express.Router}
 */
function CustomerRoutes(service = new CustomerService(new MemoryStore())) {
  const handlers = CustomerHandlers(service);
  const router = express.Router();
  router.get('/', handlers.list);
  router.post('/', handlers.create);
  router.get('/:id', handlers.get);
  router.put('/:id', handlers.update);
  router.delete('/:id', handlers.remove);
  return router;
}

module.exports = { CustomerRoutes };
