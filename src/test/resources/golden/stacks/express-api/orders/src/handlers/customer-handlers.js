'use strict';

const { sendJson } = require('../http');

/**
 * The Customer request handlers over a CustomerService. The service's errors (not found, invalid, clashing) reach
 * the error handler of src/http.js, which answers them as problems.
 * @param {import('../services/customer-service').CustomerService} service
 */
function CustomerHandlers(service) {
  return {
    /** GET /api/customers: 200 and every record */
    list(req, res) {
      sendJson(res, 200, service.list());
    },

    /** GET /api/customers/:id: 200 and the record, or 404 */
    get(req, res) {
      sendJson(res, 200, service.get(req.params.id));
    },

    /** POST /api/customers: 201, the record as stored and its Location; 400 or 409 */
    create(req, res) {
      const { key, record } = service.create(req.body);
      res.location(`/api/customers/${encodeURIComponent(key)}`);
      sendJson(res, 201, record);
    },

    /** PUT /api/customers/:id: 200 and the record as stored; 400, 404 or 409 */
    replace(req, res) {
      sendJson(res, 200, service.replace(req.params.id, req.body));
    },

    /** DELETE /api/customers/:id: 204, or 404 */
    remove(req, res) {
      service.remove(req.params.id);
      res.status(204).end();
    },
  };
}

module.exports = { CustomerHandlers };
