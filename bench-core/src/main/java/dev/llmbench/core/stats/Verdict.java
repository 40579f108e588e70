package dev.llmbench.core.stats;

/**
 * Who won a paired comparison of model A and model B.
 *
 * @since 0.1
 */
public enum Verdict {
    /** A is better: the 95% CI of the mean difference (A − B) lies above zero. */
    A,
    /** B is better: the interval lies below zero. */
    B,
    /** The interval contains zero: no winner can be named ("tie (n.s.)"). */
    TIE;

    /** The label printed in tables: the model's name, or {@code tie (n.s.)}. */
    public String label(String a, String b) {
        return switch (this) {
            case A -> a;
            case B -> b;
            case TIE -> "tie (n.s.)";
        };
    }
}
