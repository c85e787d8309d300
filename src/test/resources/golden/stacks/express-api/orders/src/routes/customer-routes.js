'use strict';

const express = require('express');
const config = require('../config');
const { jsonBody, methodNotAllowed } = require('../http');
const { CustomerService } = require('../services/customer-service');
const { CustomerHandlers } = require('../handlers/customer-handlers');

/**
 * The Customer routes, mounted at /api/customers: GET and POST /, GET, PUT and DELETE /:id (other methods: 405).
 * @param {CustomerService} [service] the service to serve (a new one over an empty memory store by default)
 * @returns {express.Router}
 */
function CustomerRoutes(service = new CustomerService()) {
  const handlers = CustomerHandlers(service);
  const router = express.Router();
  const body = jsonBody({ limit: config.bodyLimit, anyType: true });
  router.route('/').get(handlers.list).post(body, handlers.create).all(methodNotAllowed('GET, POST'));
  router.route('/:id').get(handlers.get).put(body, handlers.replace).delete(handlers.remove)
    .all(methodNotAllowed('GET, PUT, DELETE'));
  return router;
}

module.exports = { CustomerRoutes };
