<#-- Go helpers for the go-service templates: types, names and tags. Imported as "go". -->
<#-- the package clause of an entity's folder: the Go customizer's packageName (lowerName, "pkg" after a keyword) -->
<#function pkg entity>
  <#return entity.packageName>
</#function>
<#-- the module path: project.group/project.name, lower case -->
<#function module project>
  <#return (project.group + "/" + project.name)?lower_case>
</#function>
<#-- a single value's Go type, without pointer or slice -->
<#function base type target format valueType>
  <#switch type>
    <#case "string"><#return "string">
    <#case "integer"><#return "int32">
    <#case "long"><#return "int64">
    <#case "decimal"><#return "json.Number">
    <#case "double"><#return "float64">
    <#case "float"><#return "float32">
    <#case "boolean"><#return "bool">
    <#case "date"><#return "string">
    <#case "datetime"><#return "time.Time">
    <#case "uuid"><#return "string">
    <#case "uri"><#return "string">
    <#case "bytes"><#return "[]byte">
    <#case "enum"><#return target>
    <#case "ref"><#return target>
    <#case "map">
      <#-- a union's values stay raw JSON in a map (decode each with Parse<Union>): encoding/json cannot fill an
           interface -->
      <#if valueType?is_hash && valueType.type == "ref" && (valueType.targetKind!"") == "union">
        <#return "map[string]" + valueType.many?then("[]", "") + "json.RawMessage">
      </#if>
      <#if valueType?is_hash>
        <#return "map[string]" + element(valueType)>
      </#if>
      <#return "map[string]any">
    <#default><#return "any">
  </#switch>
</#function>
<#-- a map value or list element: pointers only where Go needs them (a struct inside itself) -->
<#function element t>
  <#local b = base(t.type, t.target, t.format, "")>
  <#return t.many?then("[]" + b, b)>
</#function>
<#-- a field's Go type: a pointer to the value, or to the slice for a list, so that an absent value (nil, left out
     of JSON answers by omitempty) differs from false, 0, "" and [] (which come back as sent) -->
<#function type f>
  <#local b = base(f.type, f.target, f.format, f.valueType)>
  <#return "*" + f.many?then("[]", "") + b>
</#function>
<#-- whether encoding/json takes the field's JSON name as a struct tag name: its isValidTag allows letters (Unicode
     L), digits (Nd) and the punctuation below; quotes, backslash, comma, backtick, combining marks, invisible format
     and control characters are refused, and the tag is then ignored -->
<#function taggable f>
  <#return f.jsonName?matches("[\\p{L}\\p{Nd}!#$%&()*+\\-./:;<=>?@\\[\\]^_{|}~ ]+")>
</#function>
<#-- the struct tag: `json:"name,omitempty"` (every field is a pointer: nil means absent). A type with a name that
     cannot be a tag name writes and reads itself (handWritten), and that field's tag is `json:"-"`. -->
<#function tag f>
  <#if taggable(f)>
    <#return "`json:\"" + f.jsonName + ",omitempty\"`">
  </#if>
  <#return "`json:\"-\"`">
</#function>
<#-- whether the type has MarshalJSON and UnmarshalJSON methods that name every property (see tag) -->
<#function handWritten entity>
  <#return entity.fields?filter(f -> !taggable(f))?has_content>
</#function>
<#-- the model package's function that reads one value of the field (one item of a list) from generic JSON and
     checks its type and format: decodeString, decodeInt64, DecodeCustomer, decodeAs[map[string]string], ... -->
<#function decoder f>
  <#switch f.type>
    <#case "string">
      <#switch f.format>
        <#case "uuid"><#return "decodeUUID">
        <#case "uri"><#return "decodeURI">
        <#case "date"><#return "decodeDate">
        <#case "date-time"><#return "decodeDateTimeText">
        <#default><#return "decodeString">
      </#switch>
    <#case "integer"><#return "decodeInt32">
    <#case "long"><#return "decodeInt64">
    <#case "decimal"><#return "decodeDecimal">
    <#case "double"><#return "decodeFloat64">
    <#case "float"><#return "decodeFloat32">
    <#case "boolean"><#return "decodeBool">
    <#case "date"><#return "decodeDate">
    <#case "datetime"><#return "decodeDateTime">
    <#case "uuid"><#return "decodeUUID">
    <#case "uri"><#return "decodeURI">
    <#case "enum"><#return "Decode" + f.target>
    <#case "ref"><#return "Decode" + f.target>
    <#default><#return "decodeAs[" + base(f.type, f.target, f.format, f.valueType) + "]">
  </#switch>
</#function>
<#-- the package variable holding the compiled pattern of field f of entity e -->
<#function patternVar e f>
  <#return e.varName + f.pascalName?replace("_", "") + "Pattern">
</#function>
<#-- the value of the field's rule of that kind, or "" -->
<#function rule f kind>
  <#list f.rules as r>
    <#if r.kind == kind><#return r.value></#if>
  </#list>
  <#return "">
</#function>
<#-- whether the field has a rule of that kind -->
<#function has f kind>
  <#return f.rules?filter(r -> r.kind == kind)?has_content>
</#function>
<#-- an example number within the field's bounds, as Go literal text (1 when the bounds allow it) -->
<#function exampleNumber f>
  <#local v = 1>
  <#list f.rules as r>
    <#if r.kind == "minimum" && v lt r.value?number><#local v = r.value?number></#if>
    <#if r.kind == "exclusiveMinimum" && v lte r.value?number><#local v = r.value?number + 1></#if>
    <#if r.kind == "positiveOrZero" && v lt 0><#local v = 0></#if>
  </#list>
  <#list f.rules as r>
    <#if r.kind == "maximum" && v gt r.value?number><#local v = r.value?number></#if>
    <#if r.kind == "exclusiveMaximum" && v gte r.value?number><#local v = r.value?number - 1></#if>
  </#list>
  <#if ["integer", "long"]?seq_contains(f.type)><#local v = v?ceiling></#if>
  <#return v?c>
</#function>
<#-- a Go expression of one example value of the field's type (of an item, for a list) that its rules accept -->
<#function example e f>
  <#local future = has(f, "future")>
  <#switch f.type>
    <#case "string">
      <#if f.many><#return goString("example")></#if>
      <#switch f.format>
        <#case "uuid"><#return goString("3fa85f64-5717-4562-b3fc-2c963f66afa6")>
        <#case "date"><#return goString("2020-01-15")>
        <#case "date-time"><#return goString("2020-01-15T09:30:00Z")>
        <#default>
      </#switch>
      <#if f.format == "email" || has(f, "email")>
        <#local fallback = "user@example.com">
      <#elseif f.format == "uri">
        <#local fallback = "https://example.com/">
      <#elseif f.example?has_content>
        <#local fallback = f.example>
      <#else>
        <#local fallback = "example">
      </#if>
      <#local least = rule(f, "minLength")?has_content?then(rule(f, "minLength"), "0")>
      <#local most = rule(f, "maxLength")?has_content?then(rule(f, "maxLength"), "1000")>
      <#return "exampleString(" + has(f, "pattern")?then(patternVar(e, f), "nil") + ", " + least + ", " + most + ", " + goString(fallback) + ")">
    <#case "integer"><#return "int32(" + exampleNumber(f) + ")">
    <#case "long"><#return "int64(" + exampleNumber(f) + ")">
    <#case "decimal"><#return "json.Number(\"" + exampleNumber(f) + "\")">
    <#case "double"><#return "float64(" + exampleNumber(f) + ")">
    <#case "float"><#return "float32(" + exampleNumber(f) + ")">
    <#case "boolean"><#return "true">
    <#case "date"><#return future?then(goString("2999-01-15"), goString("2020-01-15"))>
    <#case "datetime"><#return "time.Date(" + future?then("2999", "2020") + ", time.January, 15, 9, 30, 0, 0, time.UTC)">
    <#case "uuid"><#return goString("3fa85f64-5717-4562-b3fc-2c963f66afa6")>
    <#case "uri"><#return goString("https://example.com/")>
    <#case "enum"><#return "Example" + f.target + "()">
    <#case "ref"><#return "Example" + f.target + "()">
    <#case "map"><#return base(f.type, f.target, f.format, f.valueType) + "{}">
    <#case "bytes"><#return "[]byte(\"example\")">
    <#default><#return "any(map[string]any{})">
  </#switch>
</#function>
<#-- whether the Example function sets the field: the required ones, and the optional plain values (references are
     left out: they may lead back to the entity) -->
<#function inExample e f>
  <#if f.name == "id" && idField(e)?is_hash><#return false></#if>
  <#if has(f, "required")><#return !(f.type == "ref" && f.target == e.name)></#if>
  <#return !["ref", "map", "object", "bytes"]?seq_contains(f.type) && base(f.type, f.target, f.format, f.valueType) != "any">
</#function>
<#-- whether any field of the entity needs the named import -->
<#function needsTime entity>
  <#return entity.fields?filter(f -> f.type == "datetime" || (f.type == "map" && f.valueType.type == "datetime"))?has_content>
</#function>
<#function needsJson entity>
  <#return entity.fields?filter(f -> f.type == "decimal" || (f.type == "map" && f.valueType.type == "decimal")
      || (f.type == "map" && f.valueType.type == "ref" && (f.valueType.targetKind!"") == "union"))?has_content
      || unionFields(entity)?has_content>
</#function>
<#-- the field's JSON pointer in its object (RFC 6901: ~ as ~0, / as ~1), as a Go string literal -->
<#function pointer f>
  <#return goString("/" + f.jsonName?replace("~", "~0")?replace("/", "~1"))>
</#function>
<#-- the fields whose type is a union (an interface: encoding/json cannot fill one without help) -->
<#function unionFields entity>
  <#return entity.fields?filter(f -> f.type == "ref" && f.targetKind == "union")>
</#function>
<#-- An object with union fields reads itself with encoding/json (clients, the generated tests; requests go through
     Decode<Type>): every other field as usual, each union field as raw JSON handed to its union's decoder, which
     finds the type the value holds. -->
<#macro unionJSON e>
<#local us = unionFields(e)>
<#if us?has_content && !handWritten(e)>

// UnmarshalJSON reads a ${e.name} with encoding/json (as clients and tests do; requests go through Decode${e.name}):
// its union field<#if us?size gt 1>s</#if> (<#list us as f>${f.pascalName}<#sep>, </#list>) go through Decode<Union>, which finds the type a value holds.
func (x *${e.name}) UnmarshalJSON(data []byte) error {
	type plain ${e.name}
	aux := struct {
		*plain
<#list us as f>

		${f.pascalName} ${f.many?then("[]", "")}json.RawMessage ${tag(f)}
</#list>
	}{plain: (*plain)(x)}
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	var err error
<#list us as f>
	if x.${f.pascalName}, err = rawUnion${f.many?then("s", "")}(aux.${f.pascalName}, ${pointer(f)}, Decode${f.target}); err != nil {
		return err
	}
</#list>
	return nil
}
</#if>
</#macro>
<#-- A type with a JSON name that encoding/json cannot take as a struct tag (see tag) writes and reads every
     property by name: MarshalJSON with writeObject (set fields, in the spec's order) and UnmarshalJSON with
     readMember, union fields through their union's decoder as unionJSON does. -->
<#macro memberJSON e>
<#if handWritten(e)>
<#local odd = e.fields?filter(f -> !taggable(f))>

// MarshalJSON writes a ${e.name} with every set field under its JSON name: encoding/json cannot take <#list odd as f>${goString(f.jsonName)}<#sep>, </#list>
// as a struct tag name.
func (x ${e.name}) MarshalJSON() ([]byte, error) {
	return writeObject(
<#list e.fields as f>
		memberOf(${goString(f.jsonName)}, x.${f.pascalName}),
</#list>
	)
}

// UnmarshalJSON reads a ${e.name} with encoding/json (as clients and tests do; requests go through Decode${e.name}),
// each property by its JSON name, as MarshalJSON writes them.
func (x *${e.name}) UnmarshalJSON(data []byte) error {
	members, err := readMembers(data)
	if err != nil {
		return err
	}
<#list e.fields as f>
<#local name = goString(f.jsonName)>
<#if f.type == "ref" && f.targetKind == "union">
<#if f.many>
	var raw${f.pascalName} []json.RawMessage
	if err := readMember(members, ${name}, &raw${f.pascalName}); err != nil {
		return err
	}
	if x.${f.pascalName}, err = rawUnions(raw${f.pascalName}, ${pointer(f)}, Decode${f.target}); err != nil {
		return err
	}
<#else>
	if x.${f.pascalName}, err = rawUnion(members[${name}], ${pointer(f)}, Decode${f.target}); err != nil {
		return err
	}
</#if>
<#else>
	if err := readMember(members, ${name}, &x.${f.pascalName}); err != nil {
		return err
	}
</#if>
</#list>
	return nil
}
</#if>
</#macro>
<#-- A type's doc comment. The spec's description goes in a comment of its own above it, detached by a blank
     line: gofmt (Go 1.19 and later) rewrites doc comments (lists, indented lines, headings), but leaves other
     comments alone, so spec text never makes a file that gofmt would change. -->
<#macro typeDoc e summary>
<#if e.docLines?has_content>
// ${e.name}, as the spec describes it:
//
<@doc lines=e.docLines/>

</#if>
// ${e.name} ${summary}
</#macro>
<#-- comment lines: "// " + line, safe text (docLines are comment-safe) -->
<#macro doc lines indent="">
<#list lines as line>
${indent}//<#if line?has_content> ${line}</#if>
</#list>
</#macro>
<#-- the id field when the repository can assign it (string, uuid, integer, long), or "" -->
<#function idField entity>
  <#list entity.fields as f>
    <#if f.name == "id" && !f.many && ["string", "uuid", "integer", "long"]?seq_contains(f.type)><#return f></#if>
  </#list>
  <#return "">
</#function>
<#-- text on one comment line: control and line-separator characters as spaces, trimmed (gofmt drops trailing
     spaces) -->
<#function line text>
  <#return text?replace("[\\p{Cntrl}\\u2028\\u2029]", " ", "r")?trim>
</#function>
<#-- whether a union's value says which type it is: a discriminator, and a value of it for every concrete type -->
<#function tagged e>
  <#return e.discriminator?has_content && e.concrete?has_content && !e.concrete?filter(c -> !c.values?has_content)?has_content>
</#function>
<#-- A union (a oneOf/anyOf, a discriminated supertype, an allOf with a oneOf part) in Go's idiom: an interface
     with an unexported marker method that each concrete type implements (a type switch tells them apart, and
     encoding/json writes a value as the type it holds), Decode<Union> that reads the discriminator (or, without
     one, tries each type in turn) and hands the value to that type's decoder, Parse<Union> from JSON text and
     Example<Union> for the tests. -->
<#macro union e>
<#local names = e.concrete?map(c -> c.name)>
<#local isTagged = tagged(e)>
<#local seen = []>
<#if !names?has_content>

import "encoding/json"

<@typeDoc e=e summary="is a union of the spec with no object type among its branches."/>
//
// It is kept as raw JSON.
type ${e.name} = json.RawMessage

// Decode${e.name} reads a ${e.name}: any JSON value.
func Decode${e.name}(v any, at string) (${e.name}, []FieldError) {
	return decodeAs[${e.name}](v, at)
}

// Example${e.name} returns a ${e.name}, for tests.
func Example${e.name}() ${e.name} {
	return ${e.name}("{}")
}
<#return>
</#if>

<@typeDoc e=e summary="is a union of the spec: a value is one of the types that implement it."/>
//
<#if isTagged>
// It is one of: ${names?join(", ")}, told apart by the property ${goString(e.discriminator)}.
<#else>
// It is one of: ${names?join(", ")}; a JSON value is the first of them it is valid as.
</#if>
// A type switch on a ${e.name} tells which one it holds; encoding/json writes it as that type.
type ${e.name} interface {
	is${e.name}()
}
<#list e.concrete as c>

// is${e.name} makes ${c.name} a ${e.name}.
<#-- gofmt keeps an empty body on the line of a short declaration only (up to about 100 characters) -->
<#if ("func (" + c.name + ") is" + e.name + "() {}")?length <= 100>
func (${c.name}) is${e.name}() {}
<#else>
func (${c.name}) is${e.name}() {
}
</#if>
</#list>

<#if isTagged>
// Decode${e.name} reads a ${e.name} from v, a JSON value decoded with UseNumber: its property ${goString(e.discriminator)}
// says which type it is, and that type's decoder checks it. An absent or unknown value is a violation naming the
// values allowed. at is the JSON pointer of v in the request body ("" for the body itself).
func Decode${e.name}(v any, at string) (${e.name}, []FieldError) {
	tag, errs := discriminator(v, at, ${goString(e.discriminator)}, []string{<#list e.concrete as c><#list c.values as t>${goString(t)}<#sep>, </#list><#sep>, </#list>})
	if errs != nil {
		return nil, errs
	}
	switch tag {
<#list e.concrete as c>
<#local fresh = c.values?filter(t -> !seen?seq_contains(t))>
<#if fresh?has_content>
	case <#list fresh as t>${goString(t)}<#sep>, </#list>:
		return branch[${e.name}](Decode${c.name})(v, at)
</#if>
<#local seen = seen + fresh>
</#list>
	}
	return nil, violation(at, "discriminator", "has no type")
}
<#else>
// Decode${e.name} reads a ${e.name} from v, a JSON value decoded with UseNumber, as the first of its types
// whose decoder accepts it (each refuses properties it does not have and checks its required ones). When none
// does, the violation names them all, followed by the violations of the one that came closest. at is the JSON
// pointer of v in the request body ("" for the body itself).
func Decode${e.name}(v any, at string) (${e.name}, []FieldError) {
	return firstOf(v, at, []string{<#list names as n>${goString(n)}<#sep>, </#list>}<#list names as n>,
		branch[${e.name}](Decode${n})</#list>)
}
</#if>

// Parse${e.name} reads a ${e.name} from JSON text, as Decode${e.name} does; the error lists every violation.
func Parse${e.name}(data []byte) (${e.name}, error) {
	return parse(data, Decode${e.name})
}

<#if isTagged>
// Example${e.name} returns a ${e.name} that Decode${e.name} accepts, the fixture of the generated tests:
// Example${names[0]}() with its property ${goString(e.discriminator)} set to ${goString(e.concrete[0].values[0])}.
<#else>
// Example${e.name} returns a ${e.name} that Decode${e.name} accepts, the fixture of the generated tests:
// Example${names[0]}().
</#if>
func Example${e.name}() ${e.name} {
<#if isTagged>
	return withProperty(Example${names[0]}(), ${goString(e.discriminator)}, ${goString(e.concrete[0].values[0])}, Decode${names[0]})
<#else>
	return Example${names[0]}()
</#if>
}
</#macro>
