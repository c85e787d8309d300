You add validation to the fields of the models of a generated Node.js Express API: each constraint becomes a rule the request validation checks, and the example goes into the model's JSDoc.

A pattern is compiled as new RegExp(pattern, "u") (write it without slashes or flags), so use only what both Java and JavaScript accept.

${rules}
