package dev.llmbench.cli;

/**
 * The exit codes of {@code llmbench} (DESIGN.md, "CLI contract"). Scripts and CI depend on them,
 * so they never change.
 *
 * @since 0.1
 */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The command completed but a requested gate failed ({@code --fail-on-error}, a failing grade). */
    public static final int GATE_FAILED = 1;
    /** Bad usage or configuration: one actionable line, printed before any request is sent. */
    public static final int USAGE = 2;
    /** Infrastructure failure: an unwritable directory, a failed request in {@code ask}, a defect. */
    public static final int INFRASTRUCTURE = 3;
    /** The run was interrupted (Ctrl-C); finished trials are journaled and {@code --resume} continues. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
