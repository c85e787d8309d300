package dev.specforge.spec;

/**
 * A spec that cannot be turned into a project model: broken syntax, a schema violation, an unknown reference.
 * The message names the problem; {@link #location()} says where.
 */
public class SpecException extends RuntimeException {

    private final String location;

    /**
     * @param location where the problem is: a JSON pointer ({@code /entities/0/fields/1/type}) or
     *                 {@code line L, column C}; {@code null} when the whole document is at fault
     * @param message  what is wrong, in words a spec author can act on
     */
    public SpecException(String location, String message) {
        super(location == null ? message : location + ": " + message);
        this.location = location;
    }

    /** @return where the problem is, or {@code null} */
    public String location() {
        return location;
    }

    /** @return the problem without the location prefix */
    public String problem() {
        String m = getMessage();
        return location == null ? m : m.substring(location.length() + 2);
    }
}
