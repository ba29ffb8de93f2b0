package dev.weir.app;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code --set node.param=value}. The value is read as a JSON scalar or list when it is one ({@code 2},
 * {@code 2.5}, {@code true}, {@code [1, 2]}, {@code "text"}), and as plain text otherwise, so {@code mode=fast}
 * needs no quotes. The node type's param spec then checks it like any value from a file.
 */
record ParamAssignment(String node, String param, Object value, String text) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);

    /** Lets picocli parse {@code --set} values, so a malformed one is reported as a usage error. */
    static final class Converter implements CommandLine.ITypeConverter<ParamAssignment> {
        @Override
        public ParamAssignment convert(String value) {
            return parse(value);
        }
    }

    /** Parses {@code node.param=value}. */
    static ParamAssignment parse(String text) {
        int eq = text.indexOf('=');
        int dot = eq < 0 ? -1 : text.lastIndexOf('.', eq);
        if (eq < 0 || dot <= 0 || dot == eq - 1) {
            throw new CommandLine.TypeConversionException("--set '" + text + "' must look like node.param=value");
        }
        String raw = text.substring(eq + 1);
        return new ParamAssignment(text.substring(0, dot), text.substring(dot + 1, eq), value(raw, text), text);
    }

    private static Object value(String raw, String whole) {
        JsonNode n;
        try {
            n = JSON.readTree(raw);
        } catch (Exception notJson) {
            return raw;
        }
        if (n == null || n.isMissingNode()) {
            return raw;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonNode e : n) {
                out.add(scalar(e, whole));
            }
            return out;
        }
        return scalar(n, whole);
    }

    private static Object scalar(JsonNode n, String whole) {
        if (n.isIntegralNumber()) {
            if (!n.canConvertToLong()) {
                throw new CommandLine.TypeConversionException("--set '" + whole + "': " + n + " is out of range");
            }
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        throw new CommandLine.TypeConversionException("--set '" + whole + "': values are numbers, booleans, text or"
                + " lists of those");
    }

    /** {@code doc} with this value set. */
    GraphDocument applyTo(GraphDocument doc, String source) {
        NodeInstance n = doc.node(node).orElseThrow(() -> new IllegalArgumentException(
                "--set '" + text + "': " + source + " has no node '" + node + "'"));
        return doc.withNode(n.withParams(n.params().with(param, value)));
    }
}
