package dev.specforge.observe;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import dev.specforge.io.DisplayText;

import java.util.Arrays;

/**
 * The {@code %escapedEx} conversion word of {@code logback.xml}: logback's stack trace ({@code %ex}), still one line
 * per frame, with the message of the exception and of each cause and suppressed exception escaped by
 * {@link DisplayText#escape} (issue 23). An exception message often quotes spec text (a parser error, an unknown
 * name); escaped, it cannot send a terminal escape or break the trace into forged lines. Frames and class names come
 * from code and are printed as they are.
 */
public final class EscapedThrowableConverter extends ThrowableProxyConverter {

    /**
     * @param tp a logged throwable
     * @return logback's rendering of it, with every message in its cause chain escaped
     */
    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return super.throwableProxyToString(Escaped.of(tp));
    }

    /** A throwable as logback sees it, with its message and those of its causes and suppressed exceptions escaped. */
    private record Escaped(IThrowableProxy tp) implements IThrowableProxy {

        static IThrowableProxy of(IThrowableProxy tp) {
            return tp == null || tp instanceof Escaped ? tp : new Escaped(tp);
        }

        @Override
        public String getMessage() {
            return tp.getMessage() == null ? null : DisplayText.escape(tp.getMessage());
        }

        @Override
        public String getClassName() {
            return tp.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return tp.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return tp.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return of(tp.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = tp.getSuppressed();
            return suppressed == null ? null : Arrays.stream(suppressed).map(Escaped::of)
                    .toArray(IThrowableProxy[]::new);
        }

        @Override
        public boolean isCyclic() {
            return tp.isCyclic();
        }
    }
}
