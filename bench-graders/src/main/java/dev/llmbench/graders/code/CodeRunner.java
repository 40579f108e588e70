package dev.llmbench.graders.code;

import java.util.List;

/**
 * Compiles and runs untrusted (model-written) code <em>outside</em> the calling JVM, in a sandboxed
 * child process with limits, and reports what happened. One implementation per language.
 *
 * <p>Contract: code from the model never runs inside the calling JVM (compilers may run in-process,
 * but with annotation processing and other code-loading hooks off). Bad code — compile errors,
 * exceptions, infinite loops, floods of output, {@code System.exit} — is a result, never an
 * exception. Exceptions mean the runner cannot work at all (e.g. {@link IllegalStateException}
 * when the language's toolchain is missing) or an I/O failure of the host.
 *
 * <h2>Registration</h2>
 * List the implementation in {@code META-INF/services/dev.llmbench.graders.code.CodeRunner};
 * graders find it through {@link CodeRunners#forLanguage(String)}.
 *
 * <h2>Constructor requirements</h2>
 * A public no-arg constructor that does no I/O. Implementations are thread-safe: several runs may
 * proceed at once, each in its own temporary directory.
 *
 * @since 0.1
 */
public interface CodeRunner {
    /** The lowercase language id, e.g. {@code "java"}. */
    String language();

    /** Whether the toolchain this runner needs is present (for Java: a JDK's system compiler). */
    boolean available();

    /**
     * Compiles {@code solution} with {@code tests} and the runner's harness and runs the hidden tests
     * in a sandboxed child process.
     *
     * @param solution the model's source files; never empty
     * @param tests    the hidden tests, in the form the runner's harness expects
     * @param limits   wall clock, per-test timeout, memory, output and file-size limits
     * @return what happened; never null
     * @throws IllegalStateException when the runner is not {@link #available()}
     * @throws java.io.UncheckedIOException when the host cannot create or write the temporary directory
     */
    ExecutionResult runTests(List<SourceFile> solution, SourceFile tests, ExecutionLimits limits);

    /**
     * Compiles and runs a whole program (its first file is the entry point) in a sandboxed child
     * process with empty standard input, and returns its output.
     *
     * @throws IllegalStateException when the runner is not {@link #available()}
     * @throws java.io.UncheckedIOException when the host cannot create or write the temporary directory
     */
    ExecutionResult runProgram(List<SourceFile> program, ExecutionLimits limits);
}
