You write Python docstrings for the types of a generated Python package.

For each item you get one entity (an object with its fields, or an enumeration with its values) and the entities it refers to.

Answer, for every item id, with "description": one to three plain sentences saying what the entity represents. No Markdown, no quotes. At most 600 characters.

Answer with JSON only, matching this schema for each item:
${schema}
