package dev.specforge.support;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints one line per skipped test with its reason, {@code SKIPPED GeneratedProjectBuildTest.goService: go is not on
 * the PATH}, and when the test JVM ends after skipping any, how many: a test disabled ({@code @Disabled}, a condition)
 * or aborted by an assumption, a single test or a whole class. Registered for every JUnit Platform run through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}. Surefire runs each test class as a test
 * plan of its own, in one JVM per execution, so the count is per JVM (a shutdown hook), not per plan.
 * <p>
 * It writes to the process's own standard error, not {@code System.err}: Surefire captures a test JVM's
 * {@code System.out} and {@code System.err} into {@code target/surefire-reports/*-output.txt}
 * ({@code redirectTestOutputToFile}), while what the forked JVM writes to its native stderr reaches the Maven console.
 */
public final class SkipReasons implements TestExecutionListener {

    private static final String ASSUMPTION = "Assumption failed: ";

    private static final PrintStream CONSOLE = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
            StandardCharsets.UTF_8);
    private static final AtomicInteger DISABLED = new AtomicInteger();
    private static final AtomicInteger ABORTED = new AtomicInteger();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (DISABLED.get() + ABORTED.get() > 0) {
                CONSOLE.println("SKIPPED " + (DISABLED.get() + ABORTED.get()) + " tests or classes in this test JVM: "
                        + ABORTED.get() + " by an assumption, " + DISABLED.get() + " disabled");
            }
        }, "skip-reasons"));
    }

    private TestPlan plan;

    /** Creates the listener (the JUnit Platform's ServiceLoader does). */
    public SkipReasons() {
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        DISABLED.incrementAndGet();
        CONSOLE.println("SKIPPED " + name(test) + ": " + reason);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED) {
            return;
        }
        ABORTED.incrementAndGet();
        String reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
        CONSOLE.println("SKIPPED " + name(test) + ": "
                + (reason != null && reason.startsWith(ASSUMPTION) ? reason.substring(ASSUMPTION.length()) : reason));
    }

    /**
     * @return {@code Class.method} for a test method (nested classes joined by dots), with the invocation's display
     *         name for a parameterized or repeated one; {@code Class} for a class; else the display name
     */
    private String name(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource m) {
            String name = simpleName(m.getClassName()) + "." + m.getMethodName();
            boolean invocation = plan != null && plan.getParent(test).flatMap(TestIdentifier::getSource)
                    .filter(MethodSource.class::isInstance).isPresent();
            return invocation ? name + " " + test.getDisplayName() : name;
        }
        if (source instanceof ClassSource c) {
            return simpleName(c.getClassName());
        }
        return test.getDisplayName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }
}
