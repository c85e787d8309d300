package dev.specforge.config;

/** specforge's version, from the jar manifest's {@code Implementation-Version} (the pom's version). */
final class Version {

    private Version() {
    }

    /** @return e.g. {@code 0.1.0}, or {@code dev} when the classes do not run from the jar (tests) */
    static String of() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
