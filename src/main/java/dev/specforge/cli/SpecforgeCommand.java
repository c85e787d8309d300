package dev.specforge.cli;

import org.apache.camel.main.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The command line. No arguments: run the daemon, which watches the inbox (and any other configured trigger)
 * until SIGTERM. {@code generate}: a one-shot run, see {@link GenerateCommand}.
 */
@Command(name = "specforge", mixinStandardHelpOptions = true, version = "specforge 0.1.0",
        description = "Turns spec files (native specforge spec, OpenAPI 3) into generated project zips.%n"
                + "With no command, runs the daemon: watches the inbox until stopped (SIGTERM).",
        subcommands = {GenerateCommand.class})
public final class SpecforgeCommand implements Callable<Integer> {

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
            where.getErr().println(name + ": " + e.getMessage() + " (see " + name + " --help)");
            where.getErr().flush();
            return 2;
        });
        return cli.execute(args);
    }

    /**
     * Runs the daemon until the JVM is asked to stop (SIGTERM, Ctrl-C).
     *
     * @return Camel Main's exit code (0 after a normal shutdown)
     * @throws Exception when Camel fails to start (bad configuration, missing routes or templates)
     */
    @Override
    public Integer call() throws Exception {
        Main main = SpecforgeMain.create(Map.of());
        main.run();
        return main.getExitCode();
    }
}
