package dev.llmbench.core.results.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.results.RunResult;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlReportTest {
    private static final RunResult RUN = HostileRun.result(true);
    private static final String HTML = HtmlReport.write(RUN);

    @Nested
    class Escaping {
        @ParameterizedTest
        @ValueSource(strings = {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
            "</details>", "</pre>", "]]>", "'", "&amp;"})
        void escapesEveryMarkupCharacter(String payload) {
            assertThat(Html.esc(payload)).doesNotContain("<", ">", "\"", "'").contains("&");
        }

        @Test
        void escapesTheFiveCharactersAsReferences() {
            assertThat(Html.esc("&<>\"'")).isEqualTo("&amp;&lt;&gt;&quot;&#39;");
        }

        @Test
        void replacesControlCharactersWithVisibleStandIns() {
            assertThat(Html.esc("a\u0000b\u001bc\u007fd\u0085e\ufffef\ud800g")).isEqualTo("a\u2400b\u241bc\u2421d\ufffde\ufffdf\ufffdg");
            assertThat(Html.esc("tab\tnew\nline\r")).isEqualTo("tab\tnew\nline\r");
            assertThat(Html.esc("\ud83d\ude00")).isEqualTo("\ud83d\ude00");
        }

        @Test
        void showsEveryPayloadAsText() {
            for (String p : HostileRun.PAYLOADS) {
                assertThat(HTML).contains(Html.esc(p));
            }
            assertThat(HTML).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                    "&quot;&gt;&lt;svg onload=alert(1)&gt;", Html.esc(HostileRun.EVIL_MODEL), Html.esc(HostileRun.EVIL_TEST));
        }

        @Test
        void emitsNoScriptNoImageNoEventHandlerAndNoExternalReference() {
            for (HtmlChecks.Tag t : HtmlChecks.tags(HTML)) {
                assertThat(t.name()).isNotIn("script", "img", "iframe", "object", "embed", "link", "base", "form",
                        "foreignobject", "use", "image");
                assertThat(t.attributes().toLowerCase().replace(" xmlns=\"http://www.w3.org/2000/svg\"", ""))
                        .doesNotContainPattern("(^|\\s)on[a-z]+\\s*=").doesNotContain("javascript:", "://", "src=");
                if (t.name().equals("a") && !t.end()) {
                    assertThat(t.attributes()).matches(" href=\"#[a-z-]+\"");
                }
            }
            assertThat(HTML.toLowerCase()).doesNotContain("<script", "<img", "@import", "url(");
        }

        @Test
        void setsAStrictContentSecurityPolicyBeforeAnyContent() {
            int csp = HTML.indexOf("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                    + " style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">");
            assertThat(csp).isPositive().isLessThan(HTML.indexOf("<title>")).isLessThan(HTML.indexOf("<style>"));
        }
    }

    @Nested
    class Structure {
        @Test
        void closesEveryElementInOrder() {
            assertThat(HtmlChecks.imbalance(HTML)).isEmpty();
            assertThat(HtmlChecks.count(HTML, "<details")).isEqualTo(HtmlChecks.count(HTML, "</details>"))
                    .isEqualTo(2 * 2 + 2 * 2 * 2 * 3); // a test each, a trial each
            assertThat(HtmlChecks.count(HTML, "<pre")).isEqualTo(HtmlChecks.count(HTML, "</pre>"));
        }

        @Test
        void hasEverySectionInOrder() {
            List<String> ids = List.of("id=\"run\"", "id=\"leaderboard\"", "id=\"head-to-head\"", "id=\"charts\"",
                    "id=\"details\"");
            int last = -1;
            for (String id : ids) {
                int at = HTML.indexOf(id);
                assertThat(at).as(id).isGreaterThan(last);
                last = at;
            }
        }

        @Test
        void bannersASimulatedRunOnly() {
            assertThat(HTML).contains("id=\"simulated\"", "No real model was measured");
            assertThat(HtmlReport.write(HostileRun.result(false))).doesNotContain("id=\"simulated\"");
        }

        @Test
        void leaderboardRanksByQualityAndLabelsTheSeedComposite() {
            String board = HTML.substring(HTML.indexOf("id=\"leaderboard\""), HTML.indexOf("id=\"head-to-head\""));
            assertThat(board.indexOf("sim:oracle")).isLessThan(board.indexOf(Html.esc(HostileRun.EVIL_MODEL)));
            assertThat(board).contains("smf_overall (seed composite)", "quality ± 95% CI", "TTFT p50 / p95 / p99 (ms)");
        }

        @Test
        void headToHeadNamesAWinnerOrATiePerTestAndOverall() {
            String h2h = HTML.substring(HTML.indexOf("id=\"head-to-head\""), HTML.indexOf("id=\"charts\""));
            assertThat(HtmlChecks.count(h2h, "<table class=\"h2h\"")).isEqualTo(1);
            assertThat(h2h).contains("difference A − B [95% CI]", "<strong>overall</strong>");
            assertThat(HtmlChecks.count(h2h, "<tr><td>")).isEqualTo(3);
            assertThat(h2h).containsPattern("<td>(sim:oracle|tie \\(n\\.s\\.\\))</td></tr>");
        }

        @Test
        void headToHeadNeedsTwoModels() {
            RunResult one = new RunResult(RUN.run(), RUN.models().subList(0, 1));
            assertThat(HtmlReport.write(one)).contains("A head-to-head needs two or more models.");
        }

        @Test
        void rendersModelsWithoutTestsTrialsOrHistograms() {
            RunResult bare = HostileRunWithout.histograms(RUN);
            bare = new RunResult(bare.run(), bare.models().stream().map(m -> new dev.llmbench.core.results.ModelResult(
                    m.model(), m.provider(), m.summary(), java.util.List.of())).toList());
            String html = HtmlReport.write(bare);
            assertThat(HtmlChecks.imbalance(html)).isEmpty();
            assertThat(HtmlChecks.count(HtmlChecks.chart(html, "scores"), "class=\"bar\"")).isZero();
            assertThat(html).contains("<strong>overall</strong>");
            assertThat(CsvReport.trials(bare)).isEqualTo(String.join(",", CsvReport.TRIAL_COLUMNS) + "\r\n");
            assertThat(JunitReport.write(bare)).contains("tests=\"0\"");
        }

        @Test
        void itemisesChecksAndErrors() {
            assertThat(HtmlChecks.count(HTML, "<table class=\"checks\">")).isEqualTo(2 * 2 * 3 + 2 * 2 * 2);
            assertThat(HTML).contains("Request failed: <strong>server_error</strong> upstream said &lt;script&gt;")
                    .contains("(HTTP 502)");
        }
    }

    @Nested
    class Charts {
        @ParameterizedTest
        @ValueSource(strings = {"scores", "ttft", "latency", "itl", "tps"})
        void drawsOneSeriesPerModel(String kind) {
            String svg = HtmlChecks.chart(HTML, kind);
            assertThat(svg).startsWith("<svg").endsWith("</svg>");
            assertThat(HtmlChecks.count(svg, "<g class=\"series\"")).isEqualTo(2);
            assertThat(HtmlChecks.imbalance(svg)).isEmpty();
        }

        @Test
        void drawsABarAndAnErrorBarPerTestAndModel() {
            String svg = HtmlChecks.chart(HTML, "scores");
            assertThat(HtmlChecks.count(svg, "class=\"bar\"")).isEqualTo(4);
            assertThat(HtmlChecks.count(svg, "class=\"errorbar\"")).isEqualTo(4);
        }

        @Test
        void percentileCurvesUseTheLogTailAxisUpTo999() {
            String svg = HtmlChecks.chart(HTML, "ttft");
            assertThat(svg).contains(">99.9%<", ">99%<", ">90%<", ">50%<", ">0%<");
            assertThat(HtmlChecks.count(svg, "<polyline")).isEqualTo(2);
        }

        @Test
        void namesModelsWithoutADistribution() {
            RunResult noHistograms = HostileRunWithout.histograms(RUN);
            String html = HtmlReport.write(noHistograms);
            assertThat(HtmlChecks.count(HtmlChecks.chart(html, "ttft"), "<g class=\"series\"")).isZero();
            assertThat(html).contains("No distribution recorded for: sim:oracle");
            assertThat(HtmlChecks.imbalance(html)).isEmpty();
        }
    }
}
