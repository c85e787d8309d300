<#noparse>
'use strict';

const { randomUUID } = require('node:crypto');
const { jsonNumber, numberText, isJsonObject } = require('../json');
const { integerText } = require('../models/numbers');
const { ValidationError, NotFoundError, ConflictError, violation, childPointer } = require('../errors');

/** The id types the service assigns: uuid and string get a random UUID, integer and long the next number. */
const ID_BITS = Object.freeze({ integer: 32, long: 64 });

/**
 * The create, read, replace and delete logic of one type over a store (src/db/memory-store.js). Records are keyed
 * by their id: its text for uuid and string ids, its plain digits for integer and long ids. A type without an id
 * property is keyed by a UUID the service assigns, which only the Location header shows.
 */
class CrudService {
  /**
   * @param {object} options
   * @param {object} options.model the type's model (src/models/<type>.js): name, fields, validate, normalize
   * @param {'uuid'|'string'|'integer'|'long'|null} options.idType the id property's type, null without one
   * @param {import('../db/memory-store').MemoryStore} options.store where the records live
   */
  constructor({ model, idType, store }) {
    this.model = model;
    this.idType = idType;
    this.store = store;
    /** the largest integer id stored so far: an assigned id is one more, so it never takes one a client chose */
    this.lastId = 0n;
  }

  /** @returns {object[]} every record */
  list() {
    return this.store.list();
  }

  /**
   * @param {string} pathId the id in the request path
   * @returns {object} the record
   * @throws {NotFoundError} when no record has the id
   */
  get(pathId) {
    const key = this.keyOf(pathId);
    const record = key === null ? undefined : this.store.get(key);
    if (record === undefined) {
      throw this.notFound(pathId);
    }
    return record;
  }

  /**
   * Validates and stores a new record; a body without an id (absent or null) gets one.
   * @param {*} body the request body
   * @returns {{key: string, record: object}} the record as stored and its key (for the Location header)
   * @throws {ValidationError} when the body breaks a rule
   * @throws {ConflictError} when its id, or a unique property's value, is taken
   */
  create(body) {
    const input = this.objectOf(body);
    if (this.idType !== null && (input.id === undefined || input.id === null)) {
      input.id = this.nextId();
    }
    this.check(this.model.validate(input));
    const record = this.model.normalize(input);
    const key = this.idType === null ? randomUUID() : this.keyOfValue(record.id);
    const conflicts = this.store.has(key) ? [violation('/id', 'unique', `another ${this.model.name} has this id`)] : [];
    this.save(key, record, conflicts);
    return { key, record };
  }

  /**
   * Validates and replaces a stored record (never creates one); a body without an id takes the path's.
   * @param {string} pathId the id in the request path
   * @param {*} body the request body
   * @returns {object} the record as stored
   * @throws {NotFoundError} when no record has the id
   * @throws {ValidationError} when the body breaks a rule, or names another id
   * @throws {ConflictError} when a unique property's value is taken by another record
   */
  replace(pathId, body) {
    const key = this.keyOf(pathId);
    if (key === null || !this.store.has(key)) {
      throw this.notFound(pathId);
    }
    const input = this.objectOf(body);
    if (this.idType !== null && (input.id === undefined || input.id === null)) {
      input.id = this.idType in ID_BITS ? jsonNumber(key) : key;
    }
    const violations = this.model.validate(input);
    if (this.idType !== null && !violations.some((v) => v.pointer === '/id') && this.keyOfValue(input.id) !== key) {
      violations.push(violation('/id', 'id', `must be the id in the path (${key}) or be left out`));
    }
    this.check(violations);
    const record = this.model.normalize(input);
    this.save(key, record, []);
    return record;
  }

  /**
   * @param {string} pathId the id in the request path
   * @throws {NotFoundError} when no record has the id
   */
  remove(pathId) {
    const key = this.keyOf(pathId);
    if (key === null || !this.store.remove(key)) {
      throw this.notFound(pathId);
    }
  }

  /** Stores the record unless it clashes: conflicts so far plus the unique properties another record holds. */
  save(key, record, conflicts) {
    for (const property of this.store.clashes(record, key)) {
      conflicts.push(violation(childPointer('', property), 'unique', `another ${this.model.name} has this ${property}`));
    }
    if (conflicts.length > 0) {
      throw new ConflictError(`The ${this.model.name} clashes with a stored one.`, conflicts);
    }
    this.store.put(key, record);
    if (this.idType in ID_BITS && BigInt(key) > this.lastId) {
      this.lastId = BigInt(key);
    }
  }

  /** @returns {object} a shallow copy of the body to fill in; throws a ValidationError when it is not an object */
  objectOf(body) {
    if (!isJsonObject(body)) {
      throw new ValidationError(`The body must be a JSON object (a ${this.model.name}).`,
        [violation('', 'type', `must be a JSON object (a ${this.model.name})`)]);
    }
    // spread, not Object.assign: a "__proto__" property stays a property (and is reported as unknown)
    return { ...body };
  }

  check(violations) {
    if (violations.length > 0) {
      const count = violations.length === 1 ? 'a rule' : `${violations.length} rules`;
      throw new ValidationError(`The ${this.model.name} breaks ${count}.`, violations);
    }
  }

  /** @returns {*} the id for a new record: a random UUID, or one more than the largest integer id stored so far */
  nextId() {
    return this.idType in ID_BITS ? jsonNumber((this.lastId + 1n).toString()) : randomUUID();
  }

  /** @returns {string|null} the store key of a path id, or null when it cannot be one (abc for an integer id) */
  keyOf(pathId) {
    if (this.idType in ID_BITS) {
      return /^-?\d{1,20}$/.test(pathId) ? integerText(pathId, ID_BITS[this.idType]) : null;
    }
    return pathId;
  }

  /** @returns {string} the store key of a valid id value */
  keyOfValue(id) {
    return this.idType in ID_BITS ? integerText(numberText(id), ID_BITS[this.idType]) : id;
  }

  notFound(pathId) {
    return new NotFoundError(`No ${this.model.name} has the id ${pathId}.`);
  }
}

module.exports = { CrudService };
</#noparse>
