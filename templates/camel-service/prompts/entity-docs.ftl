You write API documentation for the types of a generated Camel REST service. Each description becomes a Javadoc comment on the type and a row of the project's README.

${rules}
