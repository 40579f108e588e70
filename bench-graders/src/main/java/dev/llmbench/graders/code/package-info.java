/**
 * Sandboxed code execution and the graders built on it.
 *
 * <p>{@link dev.llmbench.graders.code.CodeRunner} is the SPI (discovered with
 * {@link dev.llmbench.graders.code.CodeRunners}); {@link dev.llmbench.graders.code.JavaCodeRunner}
 * compiles Java in-process with {@code javax.tools} (annotation processing off) and runs it in a
 * child JVM. The graders {@link dev.llmbench.graders.code.JavaTestsGraderFactory} ({@code java_tests})
 * and {@link dev.llmbench.graders.code.ProgramOutputGraderFactory} ({@code program_output}) use it.
 * No Python runner ships yet; the SPI leaves room for one.
 *
 * <h2>What the sandbox does and does not isolate</h2>
 * <ul>
 *   <li><b>Isolated:</b> the grader's JVM (model code only runs in a child process); the environment
 *       (cleared, then {@code PATH=/usr/bin:/bin}, {@code LANG=C.UTF-8}, {@code HOME} and
 *       {@code TMPDIR} in the sandbox — no API keys, no {@code JAVA_TOOL_OPTIONS}); time (a
 *       wall-clock limit for the whole child, plus per-test timeouts in the harness); output (stdout
 *       and stderr read on their own threads with bounded memory, the child killed past the cap);
 *       heap ({@code -Xmx}) and metaspace; file size ({@code ulimit -f}, where {@code /bin/sh}
 *       exists; HotSpot then sees {@code EFBIG} as an {@link java.io.IOException}); core dumps off;
 *       result lines (prefixed with a random per-run nonce that reaches the harness on stdin before
 *       any of the model's classes load, so printed fake results do not count — a solution that
 *       deliberately searched its own JVM's memory for the nonce could still forge them).
 *   <li><b>Process tree:</b> on timeout, on the output cap and after every run, the child and every
 *       descendant seen while it ran are killed; on Linux with {@code setsid} the child leads its own
 *       session and every process left in that session is killed too, including re-parented
 *       (daemonised) ones. A process that calls {@code setsid} itself escapes that sweep, and no
 *       limit on the number of processes is set, so a real fork bomb can load the machine until the
 *       wall-clock limit fires.
 *   <li><b>Not isolated:</b> the file system (no jail without root: the working directory and
 *       {@code java.io.tmpdir} are the sandbox, which is deleted afterwards, but the child can read
 *       every file its user can read and write wherever its user may — everywhere, under root); the
 *       network (no network namespace); CPU share (no cgroup); native memory beyond heap and
 *       metaspace (thread stacks, direct buffers). Run untrusted models' code on a machine or in a
 *       container you are willing to lose.
 * </ul>
 * A solution that calls {@code System.exit} ends its child JVM: the test that was running and the
 * ones after it fail, and the grader reports why.
 */
package dev.llmbench.graders.code;
