package dev.specforge.plan;

import dev.specforge.lang.LanguageNames;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Names;
import dev.specforge.spec.OperationGroup;
import dev.specforge.spec.ProjectModel;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Output path expressions of a manifest: plain text with {@code ${variable}} placeholders from a fixed list.
 * Deliberately not a template language: paths are built from names the model has already made safe, and the
 * result is checked again (relative, no {@code ..}, no backslash, no control characters).
 *
 * <p>Variables: {@code project.name}, {@code project.group}, {@code project.packagePath} (all scopes);
 * {@code entity.name}, {@code entity.kebab}, {@code entity.lowerName} (entity scope); {@code group.name},
 * {@code group.kebab}, {@code group.lowerName} (operation-group scope). {@code name} is the type's identifier in the
 * stack's language ({@link LanguageNames}: {@code StringModel} for a type {@code String} in Java, {@code String} in
 * Go), the same as the template model's; {@code kebab} and {@code lowerName} are made from the neutral name, the
 * same in every language. {@code lowerName} is the name's letters and digits in lower case ({@code OrderItem} gives
 * {@code orderitem}; {@link Names#lowerName}).
 */
final class PathExpression {

    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z.]+)}");
    private static final Set<String> PROJECT_VARS = Set.of("project.name", "project.group", "project.packagePath");

    private PathExpression() {
    }

    static void check(String expression, Scope scope, String at) {
        Matcher m = VAR.matcher(expression);
        while (m.find()) {
            String v = m.group(1);
            boolean ok = PROJECT_VARS.contains(v)
                    || (scope == Scope.ENTITY && Set.of("entity.name", "entity.kebab", "entity.lowerName").contains(v))
                    || (scope == Scope.OPERATION_GROUP && Set.of("group.name", "group.kebab", "group.lowerName").contains(v));
            if (!ok) {
                throw new PlanException(at + ": variable ${" + v + "} is not available in scope " + scope.id());
            }
        }
    }

    /**
     * @param expression a checked path expression
     * @param model      the project model
     * @param names      the model's identifiers in the stack's language
     * @param entity     the entity in scope, or {@code null}
     * @param group      the operation group in scope, or {@code null}
     * @return the path
     * @throws PlanException when the path is not a safe relative path
     */
    static String expand(String expression, ProjectModel model, LanguageNames names, Entity entity,
                         OperationGroup group) {
        Map<String, String> vars = new java.util.HashMap<>();
        vars.put("project.name", model.project().name());
        vars.put("project.group", model.project().group());
        vars.put("project.packagePath", model.project().packagePath());
        if (entity != null) {
            vars.put("entity.name", names.type(entity.name()));
            vars.put("entity.kebab", Names.kebab(entity.name()));
            vars.put("entity.lowerName", Names.lowerName(entity.name()));
        }
        if (group != null) {
            vars.put("group.name", names.group(group.name()));
            vars.put("group.kebab", Names.kebab(group.name()));
            vars.put("group.lowerName", Names.lowerName(group.name()));
        }
        Matcher m = VAR.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(vars.get(m.group(1))));
        }
        m.appendTail(out);
        return safe(out.toString(), expression);
    }

    /** Longest path segment, in UTF-8 bytes: most file systems allow 255, and the zip must unpack anywhere. */
    static final int MAX_SEGMENT_BYTES = 200;

    /**
     * @return the path if it is a safe relative path: not empty or absolute, no drive letter, no backslash, no
     *         control character (NUL included), no empty, {@code .} or {@code ..} segment, no segment over
     *         {@value #MAX_SEGMENT_BYTES} UTF-8 bytes
     * @throws PlanException otherwise
     */
    static String safe(String path, String expression) {
        boolean bad = path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")
                || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || path.matches("^[A-Za-z]:.*");
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
                bad = true;
            }
            if (segment.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw new PlanException("output path '" + path + "' (from '" + expression + "') has a name longer "
                        + "than " + MAX_SEGMENT_BYTES + " bytes, which file systems refuse; shorten the name in the spec");
            }
        }
        if (bad) {
            throw new PlanException("output path '" + path + "' (from '" + expression + "') is not a safe relative path");
        }
        return path;
    }
}
