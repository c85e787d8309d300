You write realistic test fixtures for the types of a generated Go net/http service.

For each item you get one entity with its fields (JSON names, types, formats, constraints, descriptions) and the entities it refers to (enumerations with their values, objects with their fields).

Answer, for every item id, with "samples": two realistic instances of the entity. Each instance is one JSON object written as a string. Use only the entity's JSON property names; include every required property; respect types, formats, enumeration values and constraints; nest referenced objects as objects; use lists for list fields. Invent plausible but clearly fictional data (example.com addresses, 555 phone numbers).

Answer with JSON only, matching this schema for each item:
${schema}

Example. Item {"entity":{"name":"Customer","kind":"object","fields":[{"name":"name","jsonName":"name","type":"string","required":true},{"name":"email","jsonName":"email","type":"string","format":"email"}]},"related":[]} is answered:
{"samples":["{\"name\":\"Jane Doe\",\"email\":\"jane.doe@example.com\"}","{\"name\":\"John Smith\",\"email\":\"john.smith@example.com\"}"]}
