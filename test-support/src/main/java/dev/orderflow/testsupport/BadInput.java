package dev.orderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * Generates bad requests for a write endpoint from one good request: every field and path variable in turn replaced by
 * each value that its kind must refuse (control characters escaped and raw, lone surrogates, the wrong JSON type,
 * coerced or rounded numbers, malformed percent-encoding, values over their length), and the body as a whole broken
 * (missing, not JSON, duplicate keys, trailing tokens, wrong media type, over the size limit). Each case must be
 * answered with a 4xx problem+json; the caller checks that nothing was persisted.
 */
public final class BadInput {

    /** What a value is, which decides what must be refused in its place. */
    public enum Kind {
        /** A customer id: letters, digits and {@code . _ @ -}, at most 64. */
        CUSTOMER_ID,
        /** A short required text such as a product code or a location. */
        TEXT,
        /** A required text for people, which may have lines and tabs. */
        FREE_TEXT,
        /** An e-mail address. */
        EMAIL,
        /** A required whole number between 1 and 10,000. */
        QUANTITY,
        /** A required positive amount of money with at most two decimals. */
        AMOUNT,
        /** A required UUID. */
        UUID,
        /** A push token in a path: letters, digits and {@code . _ : -}. */
        TOKEN
    }

    /** One request, sent as written. */
    public record Case(String name, String method, String target, String contentType, byte[] body, boolean chunked) {

        public RawHttp.Response sendWith(RawHttp http) {
            return chunked
                    ? http.sendChunked(method, target, body, 1024)
                    : http.send(method, target, contentType, body);
        }

        @Override
        public String toString() {
            return name + ": " + method + " " + target;
        }
    }

    private record Value(Kind kind, String valid) {}

    private final String method;
    private final String pathTemplate;
    private final Map<String, Value> pathVariables = new LinkedHashMap<>();
    private final Map<String, Value> fields = new LinkedHashMap<>();
    private String bodyTemplate;

    private BadInput(String method, String pathTemplate) {
        this.method = method;
        this.pathTemplate = pathTemplate;
    }

    /** An endpoint such as {@code POST /accounts/{customerId}/deposits}. */
    public static BadInput endpoint(String method, String pathTemplate) {
        return new BadInput(method, pathTemplate);
    }

    /** A path variable of the template, with the value the good request has. */
    public BadInput path(String name, Kind kind, String valid) {
        pathVariables.put(name, new Value(kind, valid));
        return this;
    }

    /** The JSON body, with a {@code ${name}} for every field given by {@link #field}. */
    public BadInput body(String template) {
        this.bodyTemplate = template;
        return this;
    }

    /** A field of the body, with the JSON the good request has there (a string literal includes its quotes). */
    public BadInput field(String name, Kind kind, String validJson) {
        fields.put(name, new Value(kind, validJson));
        return this;
    }

    /** The good request, which the endpoint accepts. */
    public Case valid() {
        return request("valid", validPathValues(), validFieldValues());
    }

    /** Every bad request derived from the good one. */
    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        pathVariables.forEach((name, value) -> {
            for (String bad : badPathValues(value.kind())) {
                Map<String, String> path = validPathValues();
                path.put(name, bad);
                cases.add(request(name + "=" + bad, path, validFieldValues()));
            }
        });
        fields.forEach((name, value) -> {
            for (String bad : badJsonValues(value.kind())) {
                Map<String, String> body = validFieldValues();
                body.put(name, bad);
                cases.add(request(name + "=" + printable(bad), validPathValues(), body));
            }
        });
        if (bodyTemplate != null) {
            cases.addAll(badBodies());
        }
        return cases;
    }

    /** Sends every bad request of each endpoint ({@link #cases()}) as {@link #assertAllRefused(RawHttp, List)} does. */
    public static int assertAllRefused(RawHttp http, BadInput... endpoints) {
        int sent = 0;
        for (BadInput endpoint : endpoints) {
            sent += assertAllRefused(http, endpoint.cases());
        }
        return sent;
    }

    /**
     * Sends every case and asserts, all failures together, that each was answered with a 4xx problem+json.
     *
     * @return how many cases were sent
     */
    public static int assertAllRefused(RawHttp http, List<Case> cases) {
        SoftAssertions softly = new SoftAssertions();
        for (Case c : cases) {
            RawHttp.Response response = c.sendWith(http);
            softly.assertThat(response.status()).as("%s -> %s", c, response).isBetween(400, 499);
            softly.assertThat(response.contentType())
                    .as("%s -> %s", c, response)
                    .startsWith("application/problem+json");
        }
        softly.assertAll();
        assertThat(cases).isNotEmpty();
        return cases.size();
    }

    private List<Case> badBodies() {
        String valid = render(validFieldValues());
        String target = target(validPathValues());
        String firstField = fields.keySet().iterator().next();
        String duplicated = valid.replaceFirst(
                "\\{", "{\"" + firstField + "\":" + fields.get(firstField).valid() + ",");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("no body", method, target, "application/json", null, false));
        cases.add(json("empty body", target, ""));
        cases.add(json("not JSON", target, "not json"));
        cases.add(json("unfinished object", target, valid.substring(0, valid.length() - 1)));
        cases.add(json("array", target, "[" + valid + "]"));
        cases.add(json("null", target, "null"));
        cases.add(json("string", target, "\"" + firstField + "\""));
        cases.add(json("empty object", target, "{}"));
        cases.add(json("trailing tokens", target, valid + " {}"));
        cases.add(json("duplicate key", target, duplicated));
        cases.add(new Case("text/plain", method, target, "text/plain", bytes(valid), false));
        cases.add(new Case("form", method, target, "application/x-www-form-urlencoded", bytes("a=b"), false));
        cases.add(new Case("xml", method, target, "application/xml", bytes("<a/>"), false));
        String padded = valid.replaceFirst("\\{", "{\"padding\":\"" + "x".repeat(70 * 1024) + "\",");
        cases.add(json("over the size limit", target, padded));
        cases.add(new Case("chunked over the size limit", method, target, "application/json", bytes(padded), true));
        return cases;
    }

    private Case json(String name, String target, String body) {
        return new Case(name, method, target, "application/json", bytes(body), false);
    }

    private Case request(String name, Map<String, String> path, Map<String, String> body) {
        return new Case(
                name,
                method,
                target(path),
                "application/json",
                bodyTemplate == null ? null : bytes(render(body)),
                false);
    }

    private Map<String, String> validPathValues() {
        Map<String, String> values = new LinkedHashMap<>();
        pathVariables.forEach((name, value) -> values.put(name, value.valid()));
        return values;
    }

    private Map<String, String> validFieldValues() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, value) -> values.put(name, value.valid()));
        return values;
    }

    private String target(Map<String, String> path) {
        String target = pathTemplate;
        for (Map.Entry<String, String> variable : path.entrySet()) {
            target = target.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        return target;
    }

    private String render(Map<String, String> values) {
        String body = bodyTemplate;
        for (Map.Entry<String, String> field : values.entrySet()) {
            body = body.replace("${" + field.getKey() + "}", field.getValue());
        }
        return body;
    }

    /** Raw path segments, percent-encoded where needed (and malformed on purpose). */
    static List<String> badPathValues(Kind kind) {
        List<String> bad = new ArrayList<>();
        for (int c = 0; c < 0x20; c++) {
            bad.add(String.format("ab%%%02Xcd", c));
        }
        bad.addAll(List.of("ab%7Fcd", "ab%C2%80cd", "ab%C2%85cd", "ab%C2%9Fcd"));
        bad.addAll(List.of("ab%zz", "ab%", "ab%0", "ab%e2%28%a1", "ab%ED%A0%80", "ab%C0%AF", "a%2Fb", "a%20b"));
        if (kind == Kind.CUSTOMER_ID) {
            bad.addAll(List.of("a".repeat(65), "alice!", "al%C3%A4ce", "a%3Cb%3E", "a%22b", "a%27b"));
        } else if (kind == Kind.TOKEN) {
            bad.addAll(List.of("t".repeat(513), "tok%40en", "tok!en"));
        }
        return bad;
    }

    /** JSON literals that a field of the kind must refuse. */
    static List<String> badJsonValues(Kind kind) {
        return switch (kind) {
            case CUSTOMER_ID ->
                texts(
                        false,
                        List.of(
                                "\"\"",
                                "\" \"",
                                "\"a b\"",
                                "\"alice!\"",
                                "\"al\u00e4ce\"",
                                "\"a/b\"",
                                "\"../x\"",
                                "\"<script>\"",
                                "\"" + "a".repeat(65) + "\""));
            case TEXT -> texts(false, List.of("\"\"", "\"   \"", "\"" + "x".repeat(5_000) + "\""));
            case FREE_TEXT -> texts(true, List.of("\"\"", "\"   \"", "\"" + "x".repeat(5_000) + "\""));
            case EMAIL -> texts(false, List.of("\"\"", "\"not-an-email\"", "\"a@\"", "\"@b\"", "\"a b@c.d\""));
            case TOKEN -> texts(false, List.of("\"\""));
            case UUID ->
                texts(
                        false,
                        List.of(
                                "\"\"",
                                "\"not-a-uuid\"",
                                "\"00000000-0000-0000-0000-00000000000g\"",
                                "\"00000000-0000-0000-0000-0000000000000\""));
            case QUANTITY ->
                List.of(
                        "1.5",
                        "\"2\"",
                        "1e2",
                        "1.0",
                        "0",
                        "-1",
                        "10001",
                        "2147483648",
                        "99999999999999999999",
                        "-0.5",
                        "1E400",
                        "true",
                        "null",
                        "[]",
                        "[1]",
                        "{}",
                        "\"abc\"",
                        "\"\"",
                        "NaN",
                        "0x10",
                        "+1",
                        ".5");
            case AMOUNT ->
                List.of(
                        "\"100.00\"",
                        "1.001",
                        "0.001",
                        "1e-3",
                        "0",
                        "0.00",
                        "-1",
                        "-0.01",
                        "1E400",
                        "123456789012345678.00",
                        "true",
                        "null",
                        "[]",
                        "[1]",
                        "{}",
                        "\"abc\"",
                        "\"\"",
                        "NaN",
                        "Infinity",
                        "1.",
                        ".5",
                        "+1",
                        "0x10");
        };
    }

    /**
     * Every control character escaped, every one but NUL raw, lone surrogates, other JSON types, and the kind's own.
     */
    private static List<String> texts(boolean freeText, List<String> own) {
        List<String> bad = new ArrayList<>();
        for (int c = 0; c < 0x20; c++) {
            if (freeText && (c == '\t' || c == '\n' || c == '\r')) {
                continue;
            }
            bad.add(String.format("\"ab\\u%04xcd\"", c));
            if (c > 0) {
                bad.add("\"ab" + (char) c + "cd\"");
            }
        }
        for (int c : new int[] {0x7F, 0x80, 0x85, 0x9F}) {
            bad.add(String.format("\"ab\\u%04xcd\"", c));
            bad.add("\"ab" + (char) c + "cd\"");
        }
        bad.addAll(List.of("\"\\ud800\"", "\"ab\\udfffcd\"", "\"\\ud800\\u0041\""));
        bad.addAll(List.of("123", "1.5", "true", "[]", "[\"a\"]", "{}", "null"));
        bad.addAll(own);
        return bad;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : (text.length() > 40 ? text.substring(0, 40) + "…" : text).toCharArray()) {
            out.append(c < 0x20 || (c >= 0x7F && c <= 0x9F) ? String.format("<%02X>", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
