package dev.specforge.render;

import dev.specforge.lang.GoNaming;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;

import java.util.List;
import java.util.Map;

/**
 * The Go view of the template model ({@link GoNaming} gives the identifiers). Adds to an entity map
 * {@code packageName}, the package clause of the entity's folder ({@code internal/<lowerName>}: the lowerName, with
 * {@code pkg} after a Go keyword); to a field map {@code notes} (the generated Go code does not fill defaults, so a
 * default is documented only). A field's exported Go name is the neutral {@code pascalName} ({@code class} is
 * {@code Class}).
 */
final class GoCustomizer implements LanguageCustomizer {

    static final GoCustomizer INSTANCE = new GoCustomizer();

    private GoCustomizer() {
    }

    @Override
    public void entity(Map<String, Object> m, Entity e, Context c) {
        m.put("packageName", GoNaming.packageName((String) m.get("lowerName")));
    }

    @Override
    public void field(Map<String, Object> m, Entity e, Field f, List<Map<String, String>> rules, Context c) {
        m.put("notes", LanguageCustomizer.notes(f, false));
    }
}
