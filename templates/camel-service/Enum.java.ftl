package ${project.packageName}.model;

/**
<#if entity.docLines?has_content>
<#list entity.docLines as line>
 * ${line}
</#list>
<#else>
 * ${entity.name} values.
</#if>
 */
public enum ${entity.name} {
<#list entity.values as v>
    ${v.constant}("${v.javaLiteral}")<#sep>,</#sep>
</#list>;

    private final String value;

    ${entity.name}(String value) {
        this.value = value;
    }

    /** @return the value as written in the spec (and on the wire) */
    @com.fasterxml.jackson.annotation.JsonValue
    public String value() {
        return value;
    }

    /**
     * @param value a value as written in the spec
     * @return the constant
     * @throws IllegalArgumentException when no constant has that value
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ${entity.name} fromValue(String value) {
        for (${entity.name} v : values()) {
            if (v.value.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown ${entity.name} value: " + value);
    }
}
