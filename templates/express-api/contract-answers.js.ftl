<#noparse>
'use strict';

// The default of every operation nobody implemented: its resource's in-memory repository when the contract wires it
// to one, else the document's answer (first 2xx status, content type and example body), else a 501 problem.

const { randomUUID } = require('node:crypto');
const { isDeepStrictEqual } = require('node:util');
const { MemoryStore } = require('../db/memory-store');
const { send, sendProblem } = require('../http');
const { toJson, numberText, isJsonObject } = require('../json');

/**
 * The in-memory repositories, one per resource of the contract, each seeded with the resource's records.
 */
class Repositories {
  /**
   * @param {Object<string, {idProperty: string, idType: string, seed: object[]}>} resources the contract's resources
   *   (the seeds parsed by src/json.js, numbers exact)
   * @param {object[]} [operations] the contract's operations: a resource's read gives the schema of its records
   */
  constructor(resources, operations = []) {
    /** @type {Map<string, {resource: object, store: MemoryStore}>} */
    this.byName = new Map();
    for (const [name, resource] of Object.entries(resources || {})) {
      const store = new MemoryStore();
      for (const record of resource.seed || []) {
        const id = idOf(record, resource.idProperty);
        if (id !== undefined) {
          store.put(id, record);
        }
      }
      const read = operations.find((o) => o.resource && o.resource.name === name && o.resource.role === 'read'
        && o.answer && o.answer.schema !== null);
      this.byName.set(name, { resource, store, recordSchema: read ? read.answer.schema : undefined });
    }
  }

  /**
   * @param {string} name a resource name of the contract
   * @returns {{resource: object, store: MemoryStore, recordSchema: *}|undefined} its definition, store and the
   *   schema of its records (undefined when no read operation says)
   */
  get(name) {
    return this.byName.get(name);
  }
}

/** @returns {string|undefined} a record's id as a string (the form ids are compared in), or undefined */
function idOf(record, idProperty) {
  if (!isJsonObject(record) || !Object.hasOwn(record, idProperty)) {
    return undefined;
  }
  const value = record[idProperty];
  if (value === null || value === undefined) {
    return undefined;
  }
  const number = numberText(value);
  return number !== null ? number : typeof value === 'string' ? value : toJson(value);
}

/**
 * Answers a request the default way (see the file comment).
 * @param {object} operation the contract's operation (answer bodies parsed by src/json.js)
 * @param {Repositories} repositories the repositories
 * @param {import('express').Request} req the request, validated (req.parameters, req.body)
 * @param {import('express').Response} res the response
 */
function defaultAnswer(operation, repositories, req, res) {
  const { answer, resource } = operation;
  if (answer === null || answer === undefined) {
    sendProblem(res, 501, `The operation ${operation.id} is not implemented: the document gives it no 2xx answer.`);
    return;
  }
  const repository = resource ? repositories.get(resource.name) : undefined;
  if (repository === undefined) {
    writeAnswer(res, answer.status, answer.contentType, answer.body);
    return;
  }
  const { idProperty, idType } = repository.resource;
  const { store } = repository;
  const pathId = resource.idParameter ? String(req.parameters.path[resource.idParameter]) : undefined;
  const echoes = answer.schema !== null && operation.requestBody && isDeepStrictEqual(answer.schema,
    operation.requestBody.schema);
  // replace and update answer the stored record when their answer is the resource (what its read answers)
  const isRecord = echoes || (answer.schema !== null && repository.recordSchema !== undefined
    && isDeepStrictEqual(answer.schema, repository.recordSchema));
  const body = req.body;
  switch (resource.role) {
    case 'create': {
      if (!isJsonObject(body)) {
        writeAnswer(res, answer.status, answer.contentType, answer.body);
        return;
      }
      const record = { ...body };
      let id = idOf(record, idProperty);
      if (id === undefined) {
        record[idProperty] = idType === 'integer' ? nextInteger(store, idProperty) : randomUUID();
        id = idOf(record, idProperty);
      }
      store.put(id, record);
      writeAnswer(res, answer.status, answer.contentType, echoes ? record : answer.body);
      return;
    }
    case 'list': {
      const records = store.list();
      const listed = resource.listProperty && isJsonObject(answer.body)
        ? { ...answer.body, [resource.listProperty]: records }
        : resource.listProperty ? { [resource.listProperty]: records } : records;
      writeAnswer(res, answer.status, answer.contentType, listed);
      return;
    }
    case 'read': {
      const record = store.get(pathId ?? idOf(body, idProperty));
      if (record === undefined) {
        notFound(res, resource, pathId);
        return;
      }
      writeAnswer(res, answer.status, answer.contentType, record);
      return;
    }
    case 'replace':
    case 'update': {
      const id = pathId ?? idOf(body, idProperty);
      const stored = id === undefined ? undefined : store.get(id);
      if (stored === undefined) {
        notFound(res, resource, id);
        return;
      }
      const given = isJsonObject(body) ? body : {};
      const record = resource.role === 'replace' ? { ...given } : { ...stored, ...given };
      if (Object.hasOwn(stored, idProperty)) {
        record[idProperty] = stored[idProperty];
      }
      store.put(id, record);
      writeAnswer(res, answer.status, answer.contentType, isRecord ? record : answer.body);
      return;
    }
    case 'delete': {
      if (pathId === undefined || !store.remove(pathId)) {
        notFound(res, resource, pathId);
        return;
      }
      writeAnswer(res, answer.status, answer.contentType, answer.body);
      return;
    }
    default:
      writeAnswer(res, answer.status, answer.contentType, answer.body);
  }
}

/** @returns {number} one more than the largest integer id stored (1 when none) */
function nextInteger(store, idProperty) {
  let max = 0;
  for (const record of store.list()) {
    const n = Number(numberText(record[idProperty]));
    if (Number.isSafeInteger(n) && n > max) {
      max = n;
    }
  }
  return max + 1;
}

function notFound(res, resource, id) {
  sendProblem(res, 404, `No ${resource.name} has the id ${id === undefined ? '(none given)' : id}.`);
}

/**
 * Writes an answer: JSON for a JSON content type, a string body as it is for another one, no body when null.
 * @param {import('express').Response} res the response
 * @param {number} status the HTTP status
 * @param {string|null} contentType the media type, or null for no content
 * @param {*} body the body (null for none)
 */
function writeAnswer(res, status, contentType, body) {
  if (contentType === null || contentType === undefined || body === null || body === undefined) {
    res.status(status).end();
    return;
  }
  const text = !isJsonType(contentType) && typeof body === 'string' ? body : toJson(body);
  send(res, status, contentType, text);
}

/**
 * @param {string} mediaType a media type, without parameters, lower case
 * @returns {boolean} whether it is JSON (application/json, or a +json suffix)
 */
function isJsonType(mediaType) {
  const type = mediaType.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json') || type === 'text/json';
}

module.exports = { Repositories, defaultAnswer, writeAnswer, isJsonType };
</#noparse>
