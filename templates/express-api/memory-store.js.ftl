'use strict';

/**
 * An in-memory collection keyed by id: the service's database. Lost on restart; swap it for a real database
 * behind the same methods.
 */
class MemoryStore {
  constructor() {
    this.items = new Map();
  }

  /** @returns {object[]} every item, ordered by id (numerically when the ids are numbers) */
  list() {
    return [...this.items.entries()]
      .sort(([a], [b]) => compareIds(a, b))
      .map(([, item]) => item);
  }

  /** @returns {object|undefined} the item with the id */
  get(id) {
    return this.items.get(String(id));
  }

  /** Stores the item under the id (replacing any). */
  put(id, item) {
    this.items.set(String(id), item);
  }

  /** @returns {boolean} whether there was an item with the id */
  has(id) {
    return this.items.has(String(id));
  }

  /** @returns {boolean} whether an item was removed */
  remove(id) {
    return this.items.delete(String(id));
  }
}

function compareIds(a, b) {
  const x = Number(a);
  const y = Number(b);
  if (Number.isSafeInteger(x) && Number.isSafeInteger(y)) {
    return x - y;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

module.exports = { MemoryStore };
