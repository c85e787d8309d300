You write API documentation for the types of a generated Go net/http service.

For each item you get one entity (an object with its fields, or an enumeration with its values) and the entities it refers to.

Answer, for every item id, with "description": one to three plain sentences saying what the entity represents and how its main fields relate, for a Go doc comment and a README table. No Markdown, no HTML, no code, no quotes from the input beyond field names. At most 600 characters.

Answer with JSON only, matching this schema for each item:
${schema}

Example. Item {"entity":{"name":"OrderLine","kind":"object","fields":[{"name":"product","jsonName":"product","type":"ref","target":"Product"},{"name":"quantity","jsonName":"quantity","type":"integer"}]},"related":[...]} is answered:
{"description":"One line of an order: the product ordered and how many units of it."}
