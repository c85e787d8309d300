package dev.specforge.cli;

import org.apache.camel.main.Main;

import java.util.Map;

/**
 * Creates the Camel Main that both the daemon and the one-shot CLI run. Its configuration is
 * {@link SpecforgeHome#configuration}: the jar's {@code config/application.properties}, overridden key by key by the
 * home's and by the file the {@code specforge.config} system property / {@code SPECFORGE_CONFIG} environment variable
 * names; it loads the routes (the home's {@code routes/} or the jar's) and the beans from configuration classes in
 * {@code dev.specforge.config} ({@code camel.main.configuration-classes}).
 */
public final class SpecforgeMain {

    private SpecforgeMain() {
    }

    /**
     * @param home      where configuration, routes and templates come from
     * @param overrides properties that win over every other source (e.g. the CLI's output folder)
     * @return a Main, not started
     * @throws IllegalArgumentException when the configuration named by {@code specforge.config} is not a readable
     *                                  file, or the jar carries no configuration
     */
    public static Main create(SpecforgeHome home, Map<String, String> overrides) {
        Main main = new Main();
        // no property files of Camel's own: the merged configuration is the initial properties, which JVM system
        // properties and SPECFORGE_* environment variables override (Camel's properties component)
        main.setPropertyPlaceholderLocations("");
        main.setInitialProperties(home.configuration(explicitConfig()));
        overrides.forEach(main::addOverrideProperty);
        return main;
    }

    /** @return {@code specforge.config} (system property) or {@code SPECFORGE_CONFIG}, or null */
    static String explicitConfig() {
        String location = System.getProperty("specforge.config");
        if (location == null) {
            location = System.getenv("SPECFORGE_CONFIG");
        }
        return location == null || location.isBlank() ? null : location.replaceFirst("^file:", "");
    }
}
