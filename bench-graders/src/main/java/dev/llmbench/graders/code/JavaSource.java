package dev.llmbench.graders.code;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a model's Java block into a compilable file of the default package: drops a
 * {@code package} declaration (the hidden tests live in the default package), wraps bare methods in
 * the expected class, and names the file after its public top-level type. Each adjustment is noted
 * so the grade can show it. Stateless and thread-safe.
 */
final class JavaSource {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;\\s*$");
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^\\s*(?:@\\w+\\s+)*(?:(?:public|protected|private|final|abstract|sealed|non-sealed|static|strictfp)\\s+)*"
                    + "(?:class|interface|enum|record)\\s+[A-Za-z_$][\\w$]*");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*public\\s+"
                    + "(?:(?:final|abstract|sealed|non-sealed|static|strictfp)\\s+)*(?:class|interface|enum|record)\\s+"
                    + "([A-Za-z_$][\\w$]*)");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?[\\w.]+(?:\\.\\*)?\\s*;\\s*$");

    private JavaSource() {}

    /** A prepared file and the adjustments made (empty when none). */
    record Prepared(SourceFile file, List<String> notes) {}

    static Prepared prepare(String block, String defaultClass) {
        List<String> notes = new ArrayList<>();
        String code = block;
        if (PACKAGE.matcher(code).find()) {
            code = PACKAGE.matcher(code).replaceAll("");
            notes.add("package declaration removed");
        }
        if (!TYPE.matcher(code).find()) {
            List<String> imports = new ArrayList<>();
            List<String> body = new ArrayList<>();
            for (String line : code.split("\\R", -1)) {
                (IMPORT.matcher(line).matches() ? imports : body).add(line);
            }
            code = String.join("\n", imports) + "\npublic class " + defaultClass + " {\n" + String.join("\n", body)
                    + "\n}\n";
            notes.add("wrapped in class " + defaultClass);
        }
        Matcher m = PUBLIC_TYPE.matcher(code);
        String name = m.find() ? m.group(1) : defaultClass;
        return new Prepared(new SourceFile(name + ".java", code), List.copyOf(notes));
    }
}
