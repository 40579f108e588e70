package dev.llmbench.core.results.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.results.RunResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportTest {
    private static final RunResult RUN = HostileRun.result(true);

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void escapesMarkupCdataTerminatorsAndControlCharacters() {
        assertThat(JunitReport.xml("<a href='x'>&\"]]>")).isEqualTo("&lt;a href=&apos;x&apos;&gt;&amp;&quot;]]&gt;");
        assertThat(JunitReport.xml("a\u0000b\u001bc\ufffed\ud800e")).isEqualTo("a\ufffdb\ufffdc\ufffdd\ufffde");
        assertThat(JunitReport.xml("t\tn\nr\r")).isEqualTo("t&#9;n&#10;r&#13;");
        assertThat(JunitReport.xmlText("t\tn\nr\r")).isEqualTo("t\tn\nr&#13;");
        assertThat(JunitReport.xml("\ud83d\ude00\u0085")).isEqualTo("\ud83d\ude00\u0085");
    }

    @Test
    void parsesWithTheJdkParserAsASuitePerModelAndACasePerTest() throws Exception {
        Document doc = parse(JunitReport.write(RUN));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        Element evil = (Element) suites.item(1);
        assertThat(evil.getAttribute("name")).isEqualTo(HostileRun.EVIL_MODEL);
        NodeList cases = evil.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        Element evilCase = (Element) cases.item(1);
        assertThat(evilCase.getAttribute("classname")).isEqualTo(HostileRun.EVIL_MODEL);
        assertThat(evilCase.getAttribute("name")).isEqualTo(HostileRun.EVIL_TEST);
        assertThat(root.getAttribute("tests")).isEqualTo("4");
    }

    @Test
    void failsANotPassedTestWithItsFailingChecksAndErrorsOnFailedRequests() throws Exception {
        Document doc = parse(JunitReport.write(RUN));
        Element oracle = (Element) doc.getElementsByTagName("testsuite").item(0);
        Element evil = (Element) doc.getElementsByTagName("testsuite").item(1);
        assertThat(oracle.getAttribute("failures")).isEqualTo("1");
        assertThat(oracle.getAttribute("errors")).isEqualTo("0");
        assertThat(evil.getAttribute("failures")).isEqualTo("2");
        assertThat(evil.getAttribute("errors")).isEqualTo("2");
        Element passing = (Element) oracle.getElementsByTagName("testcase").item(0);
        assertThat(passing.getElementsByTagName("failure").getLength()).isZero();
        Element failing = (Element) oracle.getElementsByTagName("testcase").item(1);
        Element failure = (Element) failing.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("pass rate", "failing checks: answer");
        assertThat(failure.getTextContent()).contains("case c1 trial 1: score 0.25",
                "answer (weight 3.00): expected 42 <b>, got ");
        Element errored = (Element) evil.getElementsByTagName("testcase").item(0);
        Element error = (Element) errored.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo("2 of 6 requests failed");
        assertThat(error.getTextContent()).contains("server_error: upstream said <script>alert(5)</script> ]]> \ufffd");
    }

    @Test
    void keepsResponsesWithCdataTerminatorsAndControlCharactersReadable() throws Exception {
        String xml = JunitReport.write(RUN);
        assertThat(xml).doesNotContain("<![CDATA[", "\u0000", "\u001b");
        Document doc = parse(xml);
        String all = doc.getDocumentElement().getTextContent();
        assertThat(all).contains("]]><![CDATA[<x>]]>", "ctl:\ufffd\ufffd\ufffd\ufffd[31mred");
    }
}
