package dev.specforge;

import dev.specforge.cli.SpecforgeCommand;

/**
 * Entry point of {@code java -jar target/specforge.jar}: with no arguments the daemon (watches the inbox until
 * SIGTERM), with {@code generate SPEC... [-o DIR]} a one-shot run. See {@link SpecforgeCommand}.
 */
public final class Application {

    private Application() {
    }

    /**
     * @param args command line; none for the daemon
     */
    public static void main(String[] args) {
        System.exit(SpecforgeCommand.execute(args));
    }
}
