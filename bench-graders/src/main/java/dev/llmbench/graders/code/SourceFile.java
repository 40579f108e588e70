package dev.llmbench.graders.code;

import dev.llmbench.core.internal.Checks;

/**
 * One source file to compile or run: a plain file name (no directories) and its text.
 * Immutable and thread-safe.
 *
 * @param name    the file name, e.g. {@code Solution.java}; a plain name without path separators
 * @param content the source text; never null
 * @since 0.1
 */
public record SourceFile(String name, String content) {
    /** Validates the components. */
    public SourceFile {
        Checks.notBlank(name, "name");
        if (!name.matches("[A-Za-z0-9_$][A-Za-z0-9_$.-]*")) {
            throw new IllegalArgumentException("name (" + name + ") must be a plain file name");
        }
        Checks.notNull(content, "content");
    }

    /** The name without its extension: for Java, the top-level class the file must declare. */
    public String baseName() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
