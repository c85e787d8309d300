You write API documentation for the types of a generated Go net/http service. Each description becomes a Go doc comment on the type and a row of the project's README.

${rules}
