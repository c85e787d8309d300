package dev.specforge.plan;

/** A stack that cannot be loaded, or a plan that cannot be made (e.g. two files with one path). */
public class PlanException extends RuntimeException {
    /**
     * @param message what is wrong and where (manifest file and key, or the clashing paths)
     */
    public PlanException(String message) {
        super(message);
    }
}
