<#assign e = entity>
'use strict';

const { sendJson } = require('../http');

/**
 * The ${e.name} request handlers over a ${e.name}Service. The service's errors (not found, invalid, clashing) reach
 * the error handler of src/http.js, which answers them as problems.
 * @param {import('../services/${e.kebab}-service').${e.name}Service} service
 */
function ${e.name}Handlers(service) {
  return {
    /** GET /api/${e.plural}: 200 and every record */
    list(req, res) {
      sendJson(res, 200, service.list());
    },

    /** GET /api/${e.plural}/:id: 200 and the record, or 404 */
    get(req, res) {
      sendJson(res, 200, service.get(req.params.id));
    },

    /** POST /api/${e.plural}: 201, the record as stored and its Location; 400 or 409 */
    create(req, res) {
      const { key, record } = service.create(req.body);
      res.location(`/api/${e.plural}/${r"${encodeURIComponent(key)}"}`);
      sendJson(res, 201, record);
    },

    /** PUT /api/${e.plural}/:id: 200 and the record as stored; 400, 404 or 409 */
    replace(req, res) {
      sendJson(res, 200, service.replace(req.params.id, req.body));
    },

    /** DELETE /api/${e.plural}/:id: 204, or 404 */
    remove(req, res) {
      service.remove(req.params.id);
      res.status(204).end();
    },
  };
}

module.exports = { ${e.name}Handlers };
