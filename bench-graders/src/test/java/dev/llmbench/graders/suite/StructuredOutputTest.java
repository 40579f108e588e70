package dev.llmbench.graders.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.GraderTesting;
import dev.llmbench.graders.json.JsonGraderFactory;
import org.junit.jupiter.api.Test;

class StructuredOutputTest {
    private static final BenchTest TEST = StructuredOutput.create();

    private static TestCase testCase(String id) {
        return TEST.cases().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void asksWithNativeSchemaEnforcementWithInstructionsOnlyAndInJsonMode() {
        assertThat(testCase("api_review_native").request().responseFormat())
                .isEqualTo(new ResponseFormat.JsonSchema("api_review", StructuredOutput.WIRE_SCHEMA, true));
        assertThat(testCase("api_review_prompt").request().responseFormat()).isEqualTo(ResponseFormat.TEXT);
        assertThat(testCase("api_review_prompt").request().lastUserText()).contains(StructuredOutput.API_SCHEMA);
        assertThat(testCase("incident_extract").request().responseFormat()).isEqualTo(ResponseFormat.JSON);
    }

    @Test
    void theReferenceSatisfiesTheWireSchemaThatIsSentForEnforcement() {
        GraderConfig wire = GraderConfig.of("json").param("schema", StructuredOutput.WIRE_SCHEMA).build();
        for (String reference : testCase("api_review_native").calibration().passing()) {
            Grade g = GraderTesting.grade(new JsonGraderFactory(), wire, reference);
            assertThat(g.passed()).as("%s", g.checks()).isTrue();
        }
    }

    @Test
    void theWireSchemaCannotEnforceTheLimitsSoTheGraderStillChecksThem() {
        String outOfRange = "{\"analysis\": {\"topic\": \"API Design\", \"confidence\": 7, \"tags\": [\"rest\"]},"
                + " \"recommendations\": [{\"priority\": 3, \"action\": \"" + "x".repeat(60) + "\","
                + " \"estimated_hours\": 0}]}";
        GraderConfig wire = GraderConfig.of("json").param("schema", StructuredOutput.WIRE_SCHEMA).build();
        assertThat(GraderTesting.grade(new JsonGraderFactory(), wire, outOfRange).passed()).isTrue();
        Grade full = SuiteTesting.grade(TEST, testCase("api_review_native"), outOfRange);
        assertThat(full.checks()).filteredOn(c -> !c.passed()).extracting(Check::name)
                .containsExactly("schema", "/analysis/confidence<=1", "/analysis/tags#size=3",
                        "/recommendations#size=2", "/recommendations/0/priority=1",
                        "/recommendations/0/action#size<=50",
                        "/recommendations/1/action#size<=50", "/recommendations/1/estimated_hours#type=integer");
    }

    @Test
    void computesTheIncidentDurationFromTheNotesTimes() {
        assertThat(StructuredOutput.DURATION_MINUTES).isEqualTo(75);
        String prompt = testCase("incident_extract").request().lastUserText();
        assertThat(prompt).contains("14:52 UTC", "16:07 UTC", "3,400", "payments-api", "7.4.1");
        assertThat(testCase("incident_extract").graders().get(0).strings("values")).contains("/duration_minutes=75");
    }

    @Test
    void echoingThePromptFailsEveryCase() {
        for (TestCase c : TEST.cases()) {
            Grade g = SuiteTesting.gradeEcho(TEST, c);
            assertThat(g.passed()).as(c.id()).isFalse();
            assertThat(g.score()).as(c.id()).isLessThan(0.2);
        }
    }
}
