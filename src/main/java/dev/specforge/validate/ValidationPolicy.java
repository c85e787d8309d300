package dev.specforge.validate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides whether a generated project as a whole is acceptable (seed 004: "95% success rate required", "all
 * critical files must be present"): every critical file must exist and be valid, and at least
 * {@code minValidRatio} of all files must be valid.
 *
 * @param minValidRatio the lowest acceptable share of valid files, 0..1 ({@code specforge.validate.min-valid-ratio},
 *                      default 0.95)
 */
public record ValidationPolicy(double minValidRatio) {

    /** How many failing files a verdict lists by name. */
    private static final int LISTED = 10;

    public ValidationPolicy {
        if (minValidRatio < 0 || minValidRatio > 1) {
            throw new IllegalArgumentException("specforge.validate.min-valid-ratio must be within 0..1, not " + minValidRatio);
        }
    }

    /**
     * One file as the policy sees it.
     *
     * @param path     path in the project
     * @param critical whether it is critical
     * @param valid    whether it rendered and passed its check
     * @param problem  why not, or {@code null}
     */
    public record Outcome(String path, boolean critical, boolean valid, String problem) {
    }

    /**
     * @param files every planned file
     * @return {@code null} when acceptable, else the reason naming the failing files (at most 10 listed)
     */
    public String verdict(List<Outcome> files) {
        List<Outcome> badCritical = files.stream().filter(f -> f.critical() && !f.valid()).toList();
        long valid = files.stream().filter(Outcome::valid).count();
        double ratio = files.isEmpty() ? 1.0 : (double) valid / files.size();
        if (badCritical.isEmpty() && ratio >= minValidRatio) {
            return null;
        }
        List<Outcome> bad = files.stream().filter(f -> !f.valid()).toList();
        String head = !badCritical.isEmpty()
                ? badCritical.size() + " critical file(s) missing or invalid"
                : String.format(java.util.Locale.ROOT, "only %d of %d files valid (%.1f%%, minimum %.1f%%)",
                        valid, files.size(), ratio * 100, minValidRatio * 100);
        String list = (badCritical.isEmpty() ? bad : badCritical).stream().limit(LISTED)
                .map(f -> f.path() + ": " + f.problem())
                .collect(Collectors.joining("; "));
        return head + ": " + list;
    }
}
