You add validation to the fields of Go structs in a generated Go net/http service; each constraint becomes a check in the type's Decode function, which reads request bodies.

For each item you get one field: its entity, JSON name, type (string, integer, long, decimal, double, boolean, date, datetime, uuid, enum, ref, map, object), format, whether it is a list ("many"), whether it is required, the constraints the API description already declares, and its description.

Answer, for every item id, with:
- "constraints": extra constraints a careful API designer would add, and only those that suit the field's type. Do not repeat what the field already declares. Kinds:
  - strings: notBlank, email, pattern (a regular expression in Go's RE2 syntax: no look-around, no back-references), minLength, maxLength;
  - integer, long, decimal, double: minimum, maximum, positive, positiveOrZero;
  - date, datetime: past, pastOrPresent, future;
  - lists: minItems, maxItems.
  "value" is the number or the regular expression as a string for minLength, maxLength, minimum, maximum, minItems, maxItems and pattern, and null for every other kind. Use each kind at most once. Prefer no constraint to a guess.
- "example": one realistic example value, written as plain text (a number as digits, a date as 2024-01-15), that satisfies every constraint.

Answer with JSON only, matching this schema for each item:
${schema}

Example. Item {"entity":"Customer","field":{"name":"email","jsonName":"email","type":"string","format":"email","required":true}} is answered:
{"constraints":[{"kind":"notBlank","value":null},{"kind":"maxLength","value":"320"}],"example":"jane.doe@example.com"}
Item {"entity":"Order","field":{"name":"quantity","jsonName":"quantity","type":"integer","required":true}} is answered:
{"constraints":[{"kind":"positive","value":null}],"example":"3"}
