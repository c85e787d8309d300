'use strict';

const { randomUUID } = require('node:crypto');

/**
 * Customer business logic over a store (src/db/memory-store.js or your database behind the same methods).
 */
class CustomerService {
  /** @param {import('../db/memory-store').MemoryStore} store where Customer values live */
  constructor(store) {
    this.store = store;
    this.next = 0;
  }

  /** Gives the item an id when it has none. */
  assignId(item) {
    if (item["id"] === undefined || item["id"] === null) {
      item["id"] = randomUUID();
    }
  }

  /** @returns {object[]} every Customer */
  list() {
    return this.store.list();
  }

  /** @returns {object|undefined} the Customer with the id */
  get(id) {
    return this.store.get(id);
  }

  /** Stores a valid Customer. @returns {string} its id */
  create(item) {
    const id = String(item["id"]);
    this.store.put(id, item);
    return id;
  }

  /** Replaces the Customer with the id. @returns {boolean} whether there was one */
  update(id, item) {
    if (!this.store.has(id)) {
      return false;
    }
    this.store.put(id, item);
    return true;
  }

  /** @returns {boolean} whether a Customer was removed */
  remove(id) {
    return this.store.remove(id);
  }
}

module.exports = { CustomerService };
