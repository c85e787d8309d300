package dev.specforge.cli;

import dev.specforge.io.DisplayText;
import dev.specforge.pipeline.ProgressLog;
import dev.specforge.pipeline.SpecRun;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * The one-shot CLI's progress for one spec (seed 001 #7, seed 002): on a terminal a progress bar (me.tongfei
 * progressbar, on stderr) with files done/total, the phase and LLM calls; otherwise (a pipe, a CI log) plain
 * lines on stdout, one when the phase changes and at most one per {@value #PLAIN_INTERVAL_MS} ms in between. The
 * spec's name is shown with control characters escaped ({@link DisplayText}).
 */
interface CliProgress extends AutoCloseable {

    /** Least time between two plain progress lines of the same phase, in ms. */
    long PLAIN_INTERVAL_MS = 2000;

    /** @param p the run's progress now */
    void update(SpecRun.Progress p);

    @Override
    void close();

    /**
     * @param spec     the spec's name
     * @param terminal whether stdout is a terminal ({@code System.console() != null})
     * @param out      where plain lines go
     * @return the display for one spec
     */
    static CliProgress of(String spec, boolean terminal, PrintWriter out) {
        return terminal ? new Bar(spec, System.err) : new Plain(out);
    }

    /** A progress bar redrawn in place. */
    final class Bar implements CliProgress {
        private final ProgressBar bar;

        Bar(String spec, PrintStream stream) {
            bar = new ProgressBarBuilder().setTaskName(DisplayText.escape(spec)).setInitialMax(1).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200).setConsumer(new ConsoleProgressBarConsumer(stream))
                    .setUnit(" files", 1).build();
        }

        @Override
        public void update(SpecRun.Progress p) {
            bar.maxHint(Math.max(1, p.filesTotal()));
            bar.stepTo(p.filesDone());
            bar.setExtraMessage(p.phase() + ", " + p.llmRequests() + " LLM calls");
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** Plain lines for logs and pipes. */
    final class Plain implements CliProgress {
        private final PrintWriter out;
        private String phase;
        private long last;

        Plain(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void update(SpecRun.Progress p) {
            long now = System.nanoTime() / 1_000_000;
            if (!p.phase().equals(phase) || now - last >= PLAIN_INTERVAL_MS) {
                out.println(ProgressLog.line(p));
                phase = p.phase();
                last = now;
            }
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
