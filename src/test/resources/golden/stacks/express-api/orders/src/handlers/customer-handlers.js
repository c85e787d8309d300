'use strict';

const { validate } = require('../models/customer');

/**
 * The Customer request handlers: plain (req, res) functions over a CustomerService, so tests can call them without
 * a server.
 * @param {import('../services/customer-service').CustomerService} service
 */
function CustomerHandlers(service) {
  return {
    list(req, res) {
      res.status(200).json(service.list());
    },

    get(req, res) {
      const item = service.get(req.params.id);
      if (item === undefined) {
        res.status(404).json({ error: 'no Customer with this id' });
        return;
      }
      res.status(200).json(item);
    },

    create(req, res) {
      const item = req.body;
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
        service.assignId(item);
      }
      const problems = validate(item);
      if (problems.length > 0) {
        res.status(400).json({ error: 'the Customer is invalid', details: problems });
        return;
      }
      const id = service.create(item);
      res.set('Location', `/api/customers/${encodeURIComponent(id)}`);
      res.status(201).json(item);
    },

    update(req, res) {
      const problems = validate(req.body);
      if (problems.length > 0) {
        res.status(400).json({ error: 'the Customer is invalid', details: problems });
        return;
      }
      if (!service.update(req.params.id, req.body)) {
        res.status(404).json({ error: 'no Customer with this id' });
        return;
      }
      res.status(200).json(req.body);
    },

    remove(req, res) {
      if (!service.remove(req.params.id)) {
        res.status(404).json({ error: 'no Customer with this id' });
        return;
      }
      res.status(204).end();
    },
  };
}

module.exports = { CustomerHandlers };
