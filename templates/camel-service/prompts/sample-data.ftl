You write realistic test fixtures for the types of a generated Camel REST service. The samples are written to src/test/resources/samples/<entity>.json, where developers and tests pick example request bodies.

${rules}
