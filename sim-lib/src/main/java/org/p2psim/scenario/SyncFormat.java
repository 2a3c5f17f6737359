package org.p2psim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.device.Topology;
import org.p2psim.net.Packet;
import org.p2psim.scenario.spec.Units;
import org.p2psim.sim.SimTime;
import org.p2psim.workload.HistorySpec;
import org.p2psim.workload.MessagesSpec;
import org.p2psim.workload.Profile;
import org.p2psim.workload.WorkloadSpec;
import org.p2psim.sync.Params;
import org.p2psim.sync.StrategyType;
import org.p2psim.sync.registry.Strategies;
import static org.p2psim.scenario.ScenarioFormat.*;
import static org.p2psim.scenario.DeviceFormat.*;
import static org.p2psim.scenario.NetFormat.*;
import static org.p2psim.scenario.WorkloadFormat.*;
import static org.p2psim.scenario.ScheduleFormat.*;
import static org.p2psim.scenario.ExpectFormat.*;

/** The {@code sync} and {@code crypto} sections, both ways; a strategy's parameters bind through its registered type. */
final class SyncFormat {

    private SyncFormat() {}

    /** The {@code sync} section: a registered strategy and its parameters (also used by {@link #spec}). */
    static SyncSpec readSync(Node node) {
        if (node.isMissing()) {
            return SyncSpec.defaults();
        }
        if (!node.isMap()) {
            throw node.mustBe("a map with strategy and its parameters");
        }
        Node strategyNode = node.child("strategy");
        String name = strategyNode.isMissing() ? Strategies.DEFAULT : strategyNode.oneOf(Strategies.names());
        StrategyType<?> type = Strategies.get(name);
        List<String> known = new ArrayList<>();
        known.add("strategy");
        known.addAll(type.parameters());
        Node.Fields f = node.fields("a map", known.toArray(String[]::new));
        return new SyncSpec(name, type.bind(f));
    }

    /**
     * Strategy {@code name} with {@code params} (keys as in a scenario's {@code sync} section; values
     * as Java numbers, booleans, Durations, enums or the text a scenario would hold), checked exactly
     * as a scenario file is: {@code spec("want-list", Map.of("interval", "5s"))}. Missing keys take
     * the defaults.
     */
    static SyncSpec spec(String name, Map<String, ?> params) {
        ObjectNode sync = JSON.objectNode();
        sync.put("strategy", name);
        params.forEach((key, value) -> sync.set(key, ScenarioFiles.YAML.valueToTree(yamlValue(value))));
        return readSync(new Node("strategy " + name, "sync", sync));
    }

    /** A parameter value as a scenario file spells it: durations as text, enums by their label. */
    private static Object yamlValue(Object v) {
        return v instanceof Duration d ? Units.formatDuration(d) : v instanceof Enum<?> e ? Params.label(e) : v;
    }

    static SignatureMode readCrypto(Node node) {
        if (node.isMissing()) {
            return SignatureMode.REAL;
        }
        Node.Fields f = node.fields("a map {signatures: real | fast}", "signatures");
        Node mode = f.get("signatures");
        return mode.isMissing() ? SignatureMode.REAL : SignatureMode.of(mode.oneOf(List.of("real", "fast")));
    }

    static ObjectNode writeSync(SyncSpec spec) {
        ObjectNode sync = JSON.objectNode();
        sync.put("strategy", spec.strategy());
        parameterValues(spec).forEach((k, v) -> sync.set(k, value(v)));
        return sync;
    }

    static LinkedHashMap<String, Object> parameterValues(SyncSpec spec) {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        Strategies.write(spec.type(), spec.params()).forEach((k, v) -> values.put(k, yamlValue(v)));
        return values;
    }

    static ObjectNode writeCrypto(SignatureMode signatures) {
        return JSON.objectNode().put("signatures", signatures.label());
    }
}
