package dev.specforge.render;

/** A template that could not be loaded or rendered; the message names template, line and column. */
public class RenderException extends RuntimeException {
    /**
     * @param message what failed and where
     * @param cause   the FreeMarker or I/O error
     */
    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
