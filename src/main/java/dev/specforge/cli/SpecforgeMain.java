package dev.specforge.cli;

import org.apache.camel.main.Main;

import java.util.Map;

/**
 * Creates the Camel Main that both the daemon and the one-shot CLI run: configuration from
 * {@code config/application.properties} (or the file named by the {@code specforge.config} system property /
 * {@code SPECFORGE_CONFIG} environment variable), which loads the routes from {@code routes/} and the beans from
 * configuration classes in {@code dev.specforge.config} ({@code camel.main.configuration-classes}).
 */
public final class SpecforgeMain {

    /** Default configuration file, relative to the working directory. */
    public static final String DEFAULT_CONFIG = "config/application.properties";

    private SpecforgeMain() {
    }

    /**
     * @param overrides properties that win over the configuration file (e.g. the CLI's output folder)
     * @return a Main, not started
     */
    public static Main create(Map<String, String> overrides) {
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + configLocation());
        overrides.forEach(main::addOverrideProperty);
        return main;
    }

    static String configLocation() {
        String location = System.getProperty("specforge.config");
        if (location == null) {
            location = System.getenv("SPECFORGE_CONFIG");
        }
        return location == null ? DEFAULT_CONFIG : location;
    }
}
