package dev.specforge.validate;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A structural check of Go source that needs no Go toolchain (The Go Programming Language Specification: "Source
 * file organization", "Comments", "Rune literals", "String literals"): the first token is the {@code package}
 * keyword followed by an identifier, and {@code ()}, {@code []} and {@code {}} are balanced and properly nested
 * outside comments, interpreted and raw strings and rune literals, which must all be closed. It catches a
 * truncated or mangled file, not a type error; {@code gofmt} does more when it is installed.
 */
public final class GoStructure {

    private GoStructure() {
    }

    /**
     * @param source a Go source file's text
     * @return the first problem, naming line and column ({@code line 3, column 1: unclosed '{' opened at line 2,
     *         column 14}), or {@code null} when the structure is sound
     */
    public static String problem(String source) {
        Deque<int[]> open = new ArrayDeque<>();
        boolean sawPackage = false;
        boolean wantName = false;
        int line = 1;
        int col = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            int startLine = line;
            int startCol = col;
            if (c == '\n') {
                i++;
                line++;
                col = 1;
                continue;
            }
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
                col++;
                continue;
            }
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                if (end < 0) {
                    return at(startLine, startCol, "unclosed block comment");
                }
                int[] pos = skip(source, i, end + 2, line, col);
                i = end + 2;
                line = pos[0];
                col = pos[1];
                continue;
            }
            if (!sawPackage) {
                if (!source.startsWith("package", i) || (i + 7 < n && isIdentPart(source.charAt(i + 7)))) {
                    return at(startLine, startCol, "a Go file must start with a package clause");
                }
                sawPackage = true;
                wantName = true;
                i += 7;
                col += 7;
                continue;
            }
            if (wantName) {
                if (!Character.isLetter(c) && c != '_') {
                    return at(startLine, startCol, "the package clause names no package");
                }
                wantName = false;
            }
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= n || source.charAt(j) != c) {
                    return at(startLine, startCol, (c == '"' ? "unclosed string" : "unclosed rune literal"));
                }
                col += j + 1 - i;
                i = j + 1;
                continue;
            }
            if (c == '`') {
                int end = source.indexOf('`', i + 1);
                if (end < 0) {
                    return at(startLine, startCol, "unclosed raw string");
                }
                int[] pos = skip(source, i, end + 1, line, col);
                i = end + 1;
                line = pos[0];
                col = pos[1];
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                open.push(new int[]{c, startLine, startCol});
            } else if (c == ')' || c == ']' || c == '}') {
                char want = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (open.isEmpty()) {
                    return at(startLine, startCol, "'" + c + "' closes nothing");
                }
                int[] top = open.pop();
                if (top[0] != want) {
                    return at(startLine, startCol, "'" + c + "' closes '" + (char) top[0] + "' opened at line "
                            + top[1] + ", column " + top[2]);
                }
            }
            i++;
            col++;
        }
        if (!sawPackage || wantName) {
            return at(line, col, "a Go file must start with a package clause");
        }
        if (!open.isEmpty()) {
            int[] top = open.peek();
            return at(line, col, "unclosed '" + (char) top[0] + "' opened at line " + top[1] + ", column " + top[2]);
        }
        return null;
    }

    /** @return the line and column after the characters {@code from} (inclusive) to {@code to} (exclusive) */
    private static int[] skip(String source, int from, int to, int line, int col) {
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[]{line, col};
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String at(int line, int col, String problem) {
        return "line " + line + ", column " + col + ": " + problem;
    }
}
