package dev.weir.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.ResolvedPort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code weir nodes}: the node library with ports and params. */
@Command(name = "nodes", mixinStandardHelpOptions = true,
        description = "Lists the node library: every type with its ports and params.")
final class NodesCommand implements Callable<Integer> {

    private final Weir.Context context;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    NodesCommand(Weir.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        NodeRegistry registry = context.registry().get();
        if (json) {
            List<Object> types = new ArrayList<>();
            for (NodeDescriptor d : registry.all()) {
                types.add(describe(d));
            }
            context.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("nodes", types)));
            return ExitCodes.OK;
        }
        for (NodeDescriptor d : registry.all()) {
            context.out().printf(Locale.ROOT, "%s (v%d) [%s] %s%n", d.id(), d.version(), d.category(), d.label());
            context.out().println("    " + d.description());
            var defaults = d.defaults();
            for (ResolvedPort p : d.resolveInputs(defaults)) {
                context.out().printf(Locale.ROOT, "    in  %-10s %s%s%n", p.name(), p.type().describe(),
                        p.optional() ? " (optional)" : "");
            }
            for (ResolvedPort p : d.resolveOutputs(defaults)) {
                context.out().printf(Locale.ROOT, "    out %-10s %s%n", p.name(), p.type().describe());
            }
            for (ParamSpec p : d.params()) {
                context.out().printf(Locale.ROOT, "    param %-10s %s = %s%s%s%n", p.key(), p.type().describe(),
                        p.defaultValue(), p.unit().isEmpty() ? "" : " " + p.unit(), p.hotUpdatable() ? " (live)" : "");
            }
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> describe(NodeDescriptor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("version", d.version());
        m.put("label", d.label());
        m.put("category", d.category());
        m.put("description", d.description());
        m.put("scheduling", d.scheduling().name().toLowerCase(Locale.ROOT));
        m.put("inputs", ports(d.inputs()));
        m.put("outputs", ports(d.outputs()));
        List<Object> params = new ArrayList<>();
        for (ParamSpec p : d.params()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("key", p.key());
            pm.put("label", p.label());
            pm.put("type", p.type().describe());
            pm.put("default", p.defaultValue());
            pm.put("unit", p.unit());
            pm.put("hot_updatable", p.hotUpdatable());
            pm.put("doc", p.doc());
            params.add(pm);
        }
        m.put("params", params);
        return m;
    }

    private static List<Object> ports(List<PortSpec> specs) {
        List<Object> out = new ArrayList<>();
        for (PortSpec p : specs) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("type", p.type().describe());
            pm.put("optional", p.optional());
            pm.put("count", p.count().toString());
            pm.put("doc", p.doc());
            out.add(pm);
        }
        return out;
    }
}
