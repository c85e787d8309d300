package dev.specforge.cli;

import dev.specforge.io.DisplayText;
import org.apache.camel.main.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The command line. No arguments: run the daemon, which watches the inbox (and any other configured trigger)
 * until SIGTERM. {@code generate}: a one-shot run, see {@link GenerateCommand}.
 */
@Command(name = "specforge", mixinStandardHelpOptions = true, versionProvider = SpecforgeVersion.class,
        description = "Turns spec files (native specforge spec, OpenAPI 3) into generated project zips.%n"
                + "With no command, runs the daemon: watches the inbox until stopped (SIGTERM).",
        subcommands = {GenerateCommand.class, SpecforgeCommand.Serve.class})
public final class SpecforgeCommand implements Callable<Integer> {

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Folder whose config/, routes/ and templates/ override the built-in ones, and that relative "
                    + "folders of the configuration are relative to (default: SPECFORGE_HOME, else the working "
                    + "directory when it has config/application.properties, else none: data in ~/.specforge).")
    Path home;

    /**
     * @return the home this command runs with (see {@link SpecforgeHome})
     * @throws IllegalArgumentException when {@code --home} or {@code SPECFORGE_HOME} names no folder
     */
    SpecforgeHome home() {
        return usable(home);
    }

    /**
     * @param args command-line arguments
     * @return the exit code: 0 on success, 1 when a spec failed, 2 on a usage error (printed as one line on stderr)
     */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new SpecforgeCommand());
        // a usage error is one line, not picocli's message followed by the whole help
        cli.setParameterExceptionHandler((e, ignored) -> {
            CommandLine where = e.getCommandLine();
            String name = where.getCommandSpec().qualifiedName();
            // picocli quotes the arguments, which may be hostile file names: escaped like every CLI line
            where.getErr().println(name + ": " + DisplayText.escape(e.getMessage()) + " (see " + name + " --help)");
            where.getErr().flush();
            return 2;
        });
        // a home that is not a folder is a usage error too: one line, exit 2
        cli.setExecutionExceptionHandler((e, where, parsed) -> {
            if (e instanceof UsageException) {
                where.getErr().println(where.getCommandSpec().qualifiedName() + ": "
                        + DisplayText.escape(e.getMessage()));
                where.getErr().flush();
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /**
     * @param option {@code --home}, or null
     * @return the home
     * @throws UsageException when {@code --home} or {@code SPECFORGE_HOME} names no folder
     */
    static SpecforgeHome usable(Path option) {
        try {
            return SpecforgeHome.current(option);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code specforge serve}: the daemon, named (the same as no command). */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the daemon: watch the inbox and serve the HTTP API and web page until stopped (SIGTERM).")
    static final class Serve implements Callable<Integer> {

        @picocli.CommandLine.ParentCommand
        SpecforgeCommand parent;

        @Override
        public Integer call() throws Exception {
            return parent.call();
        }
    }

    /** A usage error found after parsing (printed as one line, exit code 2). */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Runs the daemon until the JVM is asked to stop (SIGTERM, Ctrl-C).
     *
     * @return Camel Main's exit code (0 after a normal shutdown)
     * @throws Exception when Camel fails to start (bad configuration, missing routes or templates)
     */
    @Override
    public Integer call() throws Exception {
        Main main = SpecforgeMain.create(usable(home), Map.of());
        main.run();
        return main.getExitCode();
    }
}
