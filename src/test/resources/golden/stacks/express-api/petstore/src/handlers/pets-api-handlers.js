'use strict';

const { sendProblem } = require('../http');

/**
 * The operations tagged pets: each answers a 501 problem until you write it.
 */
module.exports = {
  /** GET /pets: List all pets */
  listPets(req, res) {
    sendProblem(res, 501, "The operation listPets is not implemented yet.");
  },

  /** POST /pets: Create a pet */
  createPets(req, res) {
    sendProblem(res, 501, "The operation createPets is not implemented yet.");
  },

  /** GET /pets/{petId}: Info for a specific pet */
  showPetById(req, res) {
    sendProblem(res, 501, "The operation showPetById is not implemented yet.");
  },
};
