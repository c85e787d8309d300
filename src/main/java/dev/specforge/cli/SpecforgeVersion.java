package dev.specforge.cli;

import picocli.CommandLine;

/**
 * specforge's version, from the jar manifest's {@code Implementation-Version} (the pom's version): for
 * {@code --version}, the daemon's ready line and the capabilities of {@code GET /}.
 */
public final class SpecforgeVersion implements CommandLine.IVersionProvider {

    /** @return e.g. {@code 0.1.0}, or {@code dev} when the classes do not run from the jar (tests) */
    public static String of() {
        String version = SpecforgeVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** @return {@code specforge <version>}, picocli's {@code --version} text */
    @Override
    public String[] getVersion() {
        return new String[] {"specforge " + of()};
    }
}
