package dev.llmbench.core.runner;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The llmbench version, read once from a resource that the build fills in.
 *
 * @since 0.1
 */
public final class Version {
    private static final String VERSION = load();

    private Version() {}

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code "unknown"} outside a built jar. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/llmbench/core/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
