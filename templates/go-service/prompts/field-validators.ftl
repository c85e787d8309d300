You add validation to the fields of Go structs in a generated Go net/http service: each constraint becomes a check in the type's Decode function, which reads request bodies, and the example goes into the field's doc comment.

A pattern is compiled with Go's regexp package, whose RE2 syntax has no look-around and no back-references: use only what both Java and RE2 accept.

${rules}
