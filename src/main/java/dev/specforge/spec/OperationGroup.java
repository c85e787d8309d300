package dev.specforge.spec;

import java.util.List;

/**
 * The operations that share a tag (the first tag of each operation; untagged ones go to {@code default}).
 *
 * @param name       a neutral type name (PascalCase words), unique in the project, e.g. {@code Pet}
 * @param tag        the tag as written in the spec
 * @param operations the operations, in spec order
 */
public record OperationGroup(String name, String tag, List<Operation> operations) {
    public OperationGroup {
        operations = List.copyOf(operations);
    }
}
