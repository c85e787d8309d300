'use strict';

// Every model by type name, for references between types (loaded on first use, so cycles are fine).
module.exports = {
  get String() {
    return require('./string');
  },
  get Holder() {
    return require('./holder');
  },
  get StringType() {
    return require('./string-type');
  },
};
