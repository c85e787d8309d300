package dev.specforge;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package boundaries of specforge's main classes (docs/architecture.md), checked on the compiled classes with
 * ArchUnit, so a cycle, a layer used from below or a Camel import in the core fails the build.
 *
 * <p>Layers, bottom to top; a package may use the packages below it, never one above or beside it:
 * <pre>
 *   core (plain Java, no Camel):  io &lt; cache &lt; spec &lt; lang &lt; plan &lt; llm &lt; render &lt; validate &lt; assemble
 *   Camel-facing:                 observe &lt; pipeline &lt; jobs &lt; http, cli &lt; config &lt; dev.specforge (Application)
 * </pre>
 * Why this order: {@code cache} holds the durable stores and content keys ({@code Digest}) everything above keys
 * by; {@code spec} parses into the language-neutral model; {@code lang} turns its names into a language's
 * identifiers; {@code plan} turns a stack (and the enrichment kinds its outputs declare)
 * into file tasks; {@code llm} answers the items those tasks read; {@code render} reads the model, the tasks and the
 * answers (and renders the prompts {@code llm} asks for through {@code llm.PromptRenderer}); {@code validate} checks
 * rendered files; {@code assemble} zips them and writes the report (which carries {@code llm.LlmSummary}). Every
 * Camel-facing package may use the whole core; {@code observe} is below {@code pipeline} (the pipeline records its
 * metrics; observe never reads a run); {@code config} wires everything.
 */
@AnalyzeClasses(packages = "dev.specforge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The core packages, bottom to top. */
    static final List<String> CORE = List.of("io", "cache", "spec", "lang", "plan", "llm", "render", "validate",
            "assemble");
    /** The packages that may import Camel ({@code org.apache.camel..}). */
    static final List<String> CAMEL_FACING = List.of("observe", "pipeline", "jobs", "http", "cli", "config");

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("dev.specforge.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule only_the_camel_facing_packages_import_camel = noClasses()
            .that().resideInAPackage("dev.specforge..")
            .and().resideOutsideOfPackages(packages(CAMEL_FACING))
            .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
            .because("the core (" + String.join(", ", CORE) + ") is plain Java that routes call; only "
                    + String.join(", ", CAMEL_FACING) + " may use Camel");

    @ArchTest
    static final ArchRule packages_use_only_the_layers_below_them = layers();

    /** @return the layering of the class Javadoc: each layer may access only the layers listed below it */
    static LayeredArchitecture layers() {
        LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture();
        for (String p : CORE) {
            arch = arch.layer(p).definedBy("dev.specforge." + p + "..");
        }
        for (String p : CAMEL_FACING) {
            arch = arch.layer(p).definedBy("dev.specforge." + p + "..");
        }
        arch = arch.layer("application").definedBy("dev.specforge");
        for (int i = 0; i < CORE.size(); i++) {
            arch = i == 0 ? arch.whereLayer(CORE.get(0)).mayNotAccessAnyLayer()
                    : arch.whereLayer(CORE.get(i)).mayOnlyAccessLayers(names(CORE.subList(0, i)));
        }
        arch = arch.whereLayer("observe").mayOnlyAccessLayers(names(CORE))
                .whereLayer("pipeline").mayOnlyAccessLayers(names(CORE, "observe"))
                .whereLayer("jobs").mayOnlyAccessLayers(names(CORE, "observe", "pipeline"))
                .whereLayer("http").mayOnlyAccessLayers(names(CORE, "observe", "pipeline", "jobs"))
                .whereLayer("cli").mayOnlyAccessLayers(names(CORE, "observe", "pipeline", "jobs"))
                .whereLayer("config").mayOnlyAccessLayers(names(CORE, "observe", "pipeline", "jobs", "http", "cli"))
                .whereLayer("application").mayOnlyAccessLayers(names(CORE, CAMEL_FACING.toArray(String[]::new)));
        return arch;
    }

    private static String[] names(List<String> layers, String... more) {
        List<String> all = new ArrayList<>(layers);
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(p -> "dev.specforge." + p + "..").toArray(String[]::new);
    }
}
