package dev.specforge.cli;

import dev.specforge.io.BuiltinFolder;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where specforge reads its configuration, routes and templates, and what the relative folders of its
 * configuration are relative to.
 *
 * <p>The jar carries defaults for all three ({@code specforge/config}, {@code specforge/routes},
 * {@code specforge/templates} on the classpath). The <em>home</em> folder overrides them:
 * <ol>
 *   <li>{@code --home DIR}, else the {@code SPECFORGE_HOME} environment variable, else the {@code specforge.home}
 *       system property (the launcher {@code bin/specforge} sets the variable to its installation folder);</li>
 *   <li>else the working directory, when it has a {@code config/application.properties} (a checkout);</li>
 *   <li>else there is no home: the jar's defaults alone, and data under {@code ~/.specforge}.</li>
 * </ol>
 * {@code HOME/config/application.properties} overrides the jar's configuration key by key, a file named by
 * {@code specforge.config} / {@code SPECFORGE_CONFIG} overrides both, and JVM system properties and
 * {@code SPECFORGE_*} environment variables override every file (Camel's properties component). {@code HOME/routes/}
 * replaces the jar's routes when it exists; a stack folder under {@code HOME/templates/} overrides the jar's stack of
 * the same name.
 *
 * <p>Relative folders in a configuration file ({@code specforge.*.dir}, and {@code file:} route patterns) are
 * relative to the home, or to {@code ~/.specforge} when there is none; never to the working directory, so a run from
 * any folder writes nothing there. Paths given on the command line ({@code -o}, {@code -D}) are relative to the
 * working directory, as usual for a command.
 */
public final class SpecforgeHome {

    /** The home's (and the jar's) configuration file, relative to it. */
    public static final String CONFIG_FILE = "config/application.properties";

    /** Configuration keys whose relative values are resolved against the home. */
    static final List<String> FOLDER_KEYS = List.of("specforge.inbox.dir", "specforge.outbox.dir",
            "specforge.deadletter.dir", "specforge.work.dir", "specforge.cache.dir", "specforge.templates.dir");

    static final String ROUTES_KEY = "camel.main.routes-include-pattern";

    private final Path home;
    private final Path base;

    private SpecforgeHome(Path home, Path base) {
        this.home = home;
        this.base = base;
    }

    /**
     * @param option   {@code --home}, or null
     * @param env      the environment ({@code SPECFORGE_HOME})
     * @param system   the system properties ({@code specforge.home}, {@code user.home})
     * @param cwd      the working directory
     * @return the home as the class comment orders it
     * @throws IllegalArgumentException when a home is named but is not a folder (a usage error)
     */
    public static SpecforgeHome resolve(Path option, Map<String, String> env, Properties system, Path cwd) {
        String named = option != null ? option.toString()
                : nonBlank(env.get("SPECFORGE_HOME")).or(() -> nonBlank(system.getProperty("specforge.home"))).orElse(null);
        if (named != null) {
            Path home = cwd.resolve(named).toAbsolutePath().normalize();
            if (!Files.isDirectory(home)) {
                throw new IllegalArgumentException("home " + named + " is not a folder (from "
                        + (option != null ? "--home" : env.get("SPECFORGE_HOME") != null ? "SPECFORGE_HOME"
                        : "-Dspecforge.home") + ")");
            }
            return new SpecforgeHome(home, home);
        }
        Path here = cwd.toAbsolutePath().normalize();
        if (Files.isRegularFile(here.resolve(CONFIG_FILE))) {
            return new SpecforgeHome(here, here);
        }
        return new SpecforgeHome(null, Path.of(system.getProperty("user.home", ".")).toAbsolutePath().resolve(".specforge"));
    }

    /**
     * @param option {@code --home}, or null
     * @return the home of this process: {@link #resolve} with its environment, system properties and working directory
     * @throws IllegalArgumentException when a home is named but is not a folder
     */
    public static SpecforgeHome current(Path option) {
        return resolve(option, System.getenv(), System.getProperties(), Path.of(""));
    }

    /** @return the home folder, absolute; empty when the jar's defaults are used alone */
    public Optional<Path> home() {
        return Optional.ofNullable(home);
    }

    /** @return the folder relative configuration folders are resolved against: the home, or {@code ~/.specforge} */
    public Path base() {
        return base;
    }

    /**
     * The merged configuration: the jar's, then the home's, then the file {@code explicitConfig} names, each key
     * overriding the one before; relative folders resolved against {@link #base()}, the routes pattern pointed at
     * the home's {@code routes/} or the jar's.
     *
     * @param explicitConfig {@code specforge.config} / {@code SPECFORGE_CONFIG}, or null
     * @return the properties for Camel Main (its initial properties: system properties and the environment still
     *         override them)
     * @throws IllegalArgumentException when the jar carries no configuration, or {@code explicitConfig} is not a
     *                                  readable file
     * @throws UncheckedIOException     when a configuration file cannot be read
     */
    public Properties configuration(String explicitConfig) {
        Properties merged = new Properties();
        Path builtin = BuiltinFolder.of("config").orElseThrow(() -> new IllegalArgumentException(
                "this build carries no built-in configuration (" + BuiltinFolder.PREFIX + CONFIG_FILE
                        + " on the class path); rebuild with mvn package"));
        load(merged, builtin.resolve("application.properties"));
        if (home != null && Files.isRegularFile(home.resolve(CONFIG_FILE))) {
            load(merged, home.resolve(CONFIG_FILE));
        }
        if (explicitConfig != null) {
            Path file = Path.of(explicitConfig);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException("configuration file " + explicitConfig + " (specforge.config / "
                        + "SPECFORGE_CONFIG) is not a readable file");
            }
            load(merged, file);
        }
        for (String key : FOLDER_KEYS) {
            String value = merged.getProperty(key);
            if (value != null && !value.isBlank() && !value.contains("{{")) {
                merged.setProperty(key, base.resolve(value.trim()).normalize().toString());
            }
        }
        merged.setProperty(ROUTES_KEY, routes(merged.getProperty(ROUTES_KEY, "")));
        return merged;
    }

    /**
     * @return the routes pattern: relative {@code file:} items point into the home; with no home, or a home without
     *         such a folder, the jar's {@code routes/}
     */
    private String routes(String pattern) {
        StringBuilder out = new StringBuilder();
        for (String item : pattern.split(",")) {
            String p = item.trim();
            if (p.startsWith("file:") && !Path.of(p.substring(5)).isAbsolute()) {
                Path file = base.resolve(p.substring(5)).normalize();
                Path folder = file.getParent();
                p = home != null && folder != null && Files.isDirectory(folder) ? "file:" + file
                        : "classpath:" + BuiltinFolder.PREFIX + base.relativize(file).toString().replace('\\', '/');
            }
            if (!p.isEmpty()) {
                out.append(out.isEmpty() ? "" : ",").append(p);
            }
        }
        return out.toString();
    }

    private static void load(Properties into, Path file) {
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            into.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration " + file, e);
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    @Override
    public String toString() {
        return home == null ? "no home (built-in configuration, data in " + base + ")" : home.toString();
    }
}
