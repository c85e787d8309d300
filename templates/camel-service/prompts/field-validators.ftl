You add validation to the fields of Java records in a generated Camel REST service (Java 17, Jakarta Bean Validation 3.0): each constraint becomes a Bean Validation annotation on the record component, checked on every request body, and the example goes into the record's Javadoc.

A pattern becomes @Pattern(regexp = ...) and is matched against the whole value by java.util.regex, so it needs no anchors, though anchors do no harm.

${rules}
