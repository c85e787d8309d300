'use strict';

const { CrudService } = require('./crud-service');
const { MemoryStore } = require('../db/memory-store');
const model = require('../models/customer');

/**
 * Customer business logic: validation, ids (uuid: a random UUID when a POST has none),
 * unique email (a 409 when another record has the value),
 * over a store (src/db/memory-store.js, or your database behind the same methods). Add Customer rules here.
 */
class CustomerService extends CrudService {
  /** @param {MemoryStore} [store] where Customer records live (a new memory store by default) */
  constructor(store = new MemoryStore({ unique: ["email"] })) {
    super({ model, idType: "uuid", store });
  }
}

module.exports = { CustomerService };
