package dev.specforge.spec;

/**
 * The identity of the generated project.
 *
 * @param name        artifact-style name: lower-case letters, digits and dashes, e.g. {@code orders-service}
 * @param group       a Java package-style group id, e.g. {@code com.acme.orders}
 * @param version     the project version, e.g. {@code 0.1.0}
 * @param description verbatim description, or {@code null}
 * @param packageName the Java base package of generated code (valid identifiers only)
 */
public record ProjectInfo(String name, String group, String version, String description, String packageName) {

    /** @return the package as a path, e.g. {@code com/acme/orders} */
    public String packagePath() {
        return packageName.replace('.', '/');
    }
}
