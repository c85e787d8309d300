'use strict';

/**
 * The operations tagged pets: each answers 501 Not Implemented until you write it.
 */
module.exports = {
  /** GET /pets: List all pets */
  listPets(req, res) {
    res.status(501).json({ error: "operation listPets is not implemented" });
  },

  /** POST /pets: Create a pet */
  createPets(req, res) {
    res.status(501).json({ error: "operation createPets is not implemented" });
  },

  /** GET /pets/{petId}: Info for a specific pet */
  showPetById(req, res) {
    res.status(501).json({ error: "operation showPetById is not implemented" });
  },
};
