package dev.llmbench.core.results.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportTest {
    private static final RunResult RUN = HostileRun.result(true);

    /** An independent RFC 4180 reader: quoted fields may hold commas, doubled quotes, CR and LF. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(quoted).as("unterminated quote").isFalse();
        assertThat(field).as("last line ends with CRLF").isEmpty();
        assertThat(row).isEmpty();
        return rows;
    }

    @Test
    void quotesOnlyFieldsThatNeedIt() {
        assertThat(CsvReport.field("plain")).isEqualTo("plain");
        assertThat(CsvReport.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvReport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvReport.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvReport.field("cr\r")).isEqualTo("\"cr\r\"");
    }

    @Test
    void writesOneRowPerTrialWhoseTextRoundTrips() {
        List<List<String>> rows = parse(CsvReport.trials(RUN));
        assertThat(rows.get(0)).isEqualTo(CsvReport.TRIAL_COLUMNS);
        List<TrialRecord> trials = RUN.models().stream().flatMap(m -> m.tests().stream())
                .flatMap(t -> t.trials().stream()).toList();
        assertThat(rows).hasSize(trials.size() + 1);
        int response = CsvReport.TRIAL_COLUMNS.indexOf("response");
        int reasoning = CsvReport.TRIAL_COLUMNS.indexOf("reasoning");
        int error = CsvReport.TRIAL_COLUMNS.indexOf("error_message");
        for (int i = 0; i < trials.size(); i++) {
            List<String> r = rows.get(i + 1);
            assertThat(r).hasSize(CsvReport.TRIAL_COLUMNS.size());
            assertThat(r.get(response)).isEqualTo(trials.get(i).response());
            assertThat(r.get(reasoning)).isEqualTo(trials.get(i).reasoning());
            assertThat(r.get(error)).isEqualTo(trials.get(i).error().map(e -> e.message()).orElse(""));
            assertThat(r.get(0)).isEqualTo(trials.get(i).model());
            assertThat(r.get(2)).isEqualTo(trials.get(i).test());
        }
        assertThat(rows.stream().map(r -> r.get(response))).containsAll(HostileRun.PAYLOADS);
    }

    @Test
    void leavesUnknownFiguresEmptyAndListsFailedChecks() {
        List<List<String>> rows = parse(CsvReport.trials(RUN));
        List<String> failedRequest = rows.stream().filter(r -> r.get(CsvReport.TRIAL_COLUMNS.indexOf("error_class"))
                .equals("server_error")).findFirst().orElseThrow();
        assertThat(failedRequest.get(CsvReport.TRIAL_COLUMNS.indexOf("http_status"))).isEqualTo("502");
        assertThat(failedRequest.get(CsvReport.TRIAL_COLUMNS.indexOf("cost_usd"))).isEmpty();
        assertThat(failedRequest.get(CsvReport.TRIAL_COLUMNS.indexOf("ttfr_ms"))).isEmpty();
        List<String> failedGrade = rows.stream().filter(r -> r.get(CsvReport.TRIAL_COLUMNS.indexOf("passed"))
                .equals("false") && r.get(CsvReport.TRIAL_COLUMNS.indexOf("error_class")).isEmpty()).findFirst()
                .orElseThrow();
        assertThat(failedGrade.get(CsvReport.TRIAL_COLUMNS.indexOf("failed_checks"))).startsWith("answer: expected 42 <b>, got ");
        assertThat(failedGrade.get(CsvReport.TRIAL_COLUMNS.indexOf("ttft_ms"))).matches("\\d+(\\.\\d+)?");
    }

    @Test
    void writesOneRowPerTestAndModel() {
        List<List<String>> rows = parse(CsvReport.tests(RUN));
        assertThat(rows.get(0)).isEqualTo(CsvReport.TEST_COLUMNS);
        List<TestResult> tests = RUN.models().stream().flatMap(m -> m.tests().stream()).toList();
        assertThat(rows).hasSize(tests.size() + 1);
        List<String> evil = rows.get(2);
        assertThat(evil.get(2)).isEqualTo(HostileRun.EVIL_TEST);
        assertThat(evil.get(CsvReport.TEST_COLUMNS.indexOf("k"))).isEqualTo("3");
        assertThat(Double.parseDouble(evil.get(CsvReport.TEST_COLUMNS.indexOf("score"))))
                .isEqualTo(tests.get(1).score(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(evil.get(CsvReport.TEST_COLUMNS.indexOf("score_ci_method"))).isEqualTo("bootstrap");
    }

    @Test
    void textThatASpreadsheetWouldEvaluateIsNeutralisedButNumbersAreNot() {
        assertThat(CsvReport.field("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(CsvReport.field("+cmd")).isEqualTo("'+cmd");
        assertThat(CsvReport.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvReport.field("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvReport.field("-0.5")).isEqualTo("-0.5");
        assertThat(CsvReport.field("plain, text")).isEqualTo("\"plain, text\"");
    }
}
