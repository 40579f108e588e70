package dev.llmbench.core.results.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report of a run with hostile responses in headless Chromium (Debian's {@code chromium}
 * package) and checks the DOM the browser built: every payload is text, no script or image element
 * was injected, no injected handler ran, and the charts are there. Skipped when
 * {@code /usr/bin/chromium} is absent; scripts/check-html-report.sh does the same from a shell.
 */
class HtmlReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    static Path dir;
    static Path report;

    @BeforeAll
    static void writeReport() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium is not installed at " + CHROMIUM);
        report = dir.resolve("report.html");
        Files.writeString(report, HtmlReport.write(HostileRun.result(true)), StandardCharsets.UTF_8);
    }

    /** Runs Chromium headless with networking and background services off; returns its stdout. */
    private static String chromium(String... args) throws Exception {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        cmd.add(report.toUri().toString());
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(Files.createTempFile(dir, "stderr", ".txt").toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("chromium did not finish within " + TIMEOUT_SECONDS + " s");
        }
        assertThat(p.exitValue()).as("chromium exit code").isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void theBrowserShowsEveryPayloadAsTextAndRunsNothing() throws Exception {
        String dom = chromium("--dump-dom");
        assertThat(dom).contains("<section id=\"details\">", "&lt;script&gt;alert(1)&lt;/script&gt;",
                "&lt;img src=x onerror=alert(1)&gt;", "&lt;svg onload=alert(1)&gt;",
                "&lt;/pre&gt;&lt;/details&gt;&lt;/section&gt;&lt;script&gt;alert(2)&lt;/script&gt;",
                "]]&gt;&lt;![CDATA[&lt;x&gt;]]&gt;");
        assertThat(dom.toLowerCase()).doesNotContain("<script", "<img", "<iframe");
        assertThat(dom).contains("<html lang=\"en\">"); // a payload that ran would have added data-pwned here
        for (HtmlChecks.Tag t : HtmlChecks.tags(dom)) {
            assertThat(t.attributes().toLowerCase()).as("<%s%s>", t.name(), t.attributes())
                    .doesNotContainPattern("(^|\\s)on[a-z]+\\s*=").doesNotContain("data-pwned");
        }
    }

    @Test
    void theBrowserBuildsEveryChartWithASeriesPerModel() throws Exception {
        String dom = chromium("--dump-dom");
        for (String kind : List.of("scores", "ttft", "latency", "itl", "tps")) {
            String svg = HtmlChecks.chart(dom, kind);
            assertThat(svg).as(kind).isNotEmpty();
            assertThat(HtmlChecks.count(svg, "<g class=\"series\"")).as(kind).isEqualTo(2);
        }
    }

    @Test
    void theBrowserRendersAScreenshot() throws Exception {
        Path png = dir.resolve("report.png");
        chromium("--hide-scrollbars", "--window-size=1280,3000", "--screenshot=" + png);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat(bytes.length).isGreaterThan(20_000); // a blank 1280×3000 page compresses to a few kB
    }
}
