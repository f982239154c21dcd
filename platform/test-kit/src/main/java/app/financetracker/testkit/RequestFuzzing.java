package app.financetracker.testkit;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies for fuzz tests (issue 10, ADR 0040): read as a service reads them (Jackson 3 with unknown fields
 * ignored and enums by name only, as {@code service-kit-defaults.yml} sets it, then Bean Validation), and generated half as JSON objects
 * with the request's own field names, half as raw bytes, so that a short fuzzing run gets past the JSON syntax.
 */
public final class RequestFuzzing {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RequestFuzzing() {
    }

    /**
     * The request when its body is readable and valid; empty when a service answers 400 (unreadable JSON, a
     * missing body, a field error). Any other exception is a crash, and is thrown.
     */
    public static <T> Optional<T> readValid(byte[] body, Class<T> type) {
        T request;
        try {
            request = MAPPER.readValue(body, type);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        return request != null && VALIDATOR.validate(request).isEmpty() ? Optional.of(request) : Optional.empty();
    }

    /** A body: a JSON object over {@code fields} (plus an unknown one) with values of any JSON type, or raw bytes. */
    public static byte[] body(FuzzedDataProvider data, String... fields) {
        if (data.consumeBoolean()) {
            return data.consumeRemainingAsBytes();
        }
        ObjectNode object = NODES.objectNode();
        for (String field : fields) {
            if (data.consumeBoolean()) {
                object.set(field, value(data, 2));
            }
        }
        if (data.consumeBoolean()) {
            object.set(data.consumeString(20), value(data, 2));
        }
        return MAPPER.writeValueAsString(object).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode value(FuzzedDataProvider data, int depth) {
        return switch (data.consumeInt(0, depth > 0 ? 9 : 7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(data.consumeBoolean());
            case 2 -> NODES.numberNode(data.consumeLong());
            case 3 -> NODES.numberNode(data.consumeDouble());
            case 4 -> {
                byte[] digits = data.consumeBytes(40);
                yield NODES.numberNode(new BigDecimal(digits.length == 0 ? BigInteger.ONE : new BigInteger(digits),
                        data.consumeInt(-400, 400)));
            }
            case 5 -> NODES.stringNode(data.consumeString(300));
            case 6 -> NODES.stringNode(number(data));
            case 7 -> NODES.stringNode(date(data));
            case 8 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = data.consumeInt(0, 3); i > 0; i--) {
                    array.add(value(data, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                object.set(data.consumeString(10), value(data, depth - 1));
                yield object;
            }
        };
    }

    /** Text a number might be written as: digits, a sign, a point, an exponent. */
    private static String number(FuzzedDataProvider data) {
        return (data.consumeBoolean() ? "-" : "") + data.consumeLong(0, Long.MAX_VALUE)
                + (data.consumeBoolean() ? "." + data.consumeInt(0, 999) : "")
                + (data.consumeBoolean() ? "e" + data.consumeInt(-5000, 5000) : "");
    }

    /** Text a date might be written as, within and far beyond the years a calendar shows. */
    private static String date(FuzzedDataProvider data) {
        long year = data.consumeBoolean() ? data.consumeLong(-1_000_000_000L, 1_000_000_000L) : data.consumeInt(1900, 2100);
        return String.format("%s%04d-%02d-%02d", year > 9999 ? "+" : "", year, data.consumeInt(0, 13),
                data.consumeInt(0, 32));
    }
}
