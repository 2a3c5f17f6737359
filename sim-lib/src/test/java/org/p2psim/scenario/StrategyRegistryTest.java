package org.p2psim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.p2psim.Simulation;
import org.p2psim.sync.registry.Strategies;
import org.p2psim.sync.bloom.BloomSeedParams;
import org.p2psim.sync.gossip.GossipPushParams;
import org.p2psim.sync.gossip.GossipPushStrategy;
import org.p2psim.sync.naive.NaiveParams;
import org.p2psim.sync.range.RangeReconParams;
import org.p2psim.sync.wantlist.WantListParams;

/** The registry: names, parameter records, binding from scenario files and notebook maps, overrides. */
class StrategyRegistryTest {

    static Stream<String> names() {
        return Strategies.names().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyStrategysParametersSurviveTheRoundTrip(String name) {
        Scenario s = Scenario.load("perfect-sync").with("sync.strategy", name);
        assertEquals(name, s.sync().strategy());
        assertEquals(Strategies.get(name).defaults(), s.sync().params());
        assertEquals(s, Scenario.parse(s.toYaml()));
        assertEquals(Strategies.get(name).parameters(), Strategies.get(name).parameterDocs().keySet().stream().toList());
    }

    static Stream<Arguments> badSync() {
        return Stream.of(
                Arguments.of("sync: {strategy: gossip-push, fanout: 0}", "sync.fanout must be a whole number in [1, 64], was 0"),
                Arguments.of("sync: {strategy: gossip-push, fanout: many}", "sync.fanout must be a whole number, was 'many'"),
                Arguments.of("sync: {strategy: gossip-push, fanuot: 2}",
                        "unknown field sync.fanuot; known: strategy, fanout, antiEntropy, maxEvents"),
                Arguments.of("sync: {strategy: naive, mode: all}", "sync.mode must be one of [ids, events], was 'all'"),
                Arguments.of("sync: {strategy: bloom-salted, targetFpr: 1}", "sync.targetFpr must be a number in (0, 1), was 1"),
                Arguments.of("sync: {strategy: bloom-salted, bytes: 100}", "sync.bytes must be a whole number in [118, 65535], was 100"),
                Arguments.of("sync: {strategy: range-recon, interval: 0s}",
                        "sync.interval must be a duration > 0 such as 250ms, 10s or 5m, was '0s'"),
                Arguments.of("sync: {strategy: want-list, maxWants: -1}", "sync.maxWants must be a whole number >= 1, was -1"),
                Arguments.of("sync: {strategy: bloom-seed, segment: 0}", "sync.segment must be a whole number in [1, 2147483647], was 0"));
    }

    @ParameterizedTest
    @MethodSource("badSync")
    void badParametersAreNamedWithTheirValueAndWhatIsAllowed(String sync, String message) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Scenario.parse("duration: 1m\ndevices: {count: 2}\n" + sync, "x.yaml"));
        assertEquals("x.yaml: " + message, e.getMessage());
    }

    @Test
    void notebooksNameAStrategyAndItsParametersAsAMap(@TempDir Path dir) {
        SyncSpec spec = SyncSpec.of("gossip-push", Map.of("fanout", 4, "antiEntropy", Duration.ofSeconds(20)));
        assertEquals(new GossipPushParams(4, Duration.ofSeconds(20), 100), spec.params());
        assertEquals(NaiveParams.Mode.EVENTS, ((NaiveParams) SyncSpec.of("naive", Map.of("mode", NaiveParams.Mode.EVENTS)).params()).mode());
        ScenarioException e = assertThrows(ScenarioException.class, () -> SyncSpec.of("want-list", Map.of("maxWants", 0)));
        assertEquals("strategy want-list: sync.maxWants must be a whole number >= 1, was 0", e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> SyncSpec.of("gossip"));
        assertEquals("sync.strategy must be one of " + Strategies.names() + ", was 'gossip'", unknown.getMessage());
        try (Simulation sim = Simulation.builder().devices("alice", "bob").strategy("range-recon", Map.of("buckets", 8)).directory(dir).build()) {
            assertEquals("range-recon", sim.device("alice").strategy().name());
        }
    }

    @Test
    void aParameterRecordFindsItsStrategyAndChecksItsOwnRanges() {
        assertEquals("want-list", SyncSpec.of(WantListParams.DEFAULTS).strategy());
        assertEquals("bloom-seed", SyncSpec.of(BloomSeedParams.DEFAULTS).strategy());
        assertEquals("range-recon", SyncSpec.of(RangeReconParams.DEFAULTS).strategy());
        assertInstanceOf(GossipPushStrategy.class, SyncSpec.of(GossipPushParams.DEFAULTS).factory().get());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GossipPushParams(0, Duration.ofSeconds(1), 1));
        assertEquals("sync.fanout must be a whole number in [1, 64], was 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SyncSpec("naive", WantListParams.DEFAULTS));
    }

    /** two-peers carries bloom-seed's parameters; choosing another strategy starts from that one's defaults. */
    @Test
    void choosingAnotherStrategyDropsTheOldOnesParameters() {
        Scenario s = Scenario.load("two-peers").with("sync.strategy", "want-list");
        assertEquals(WantListParams.DEFAULTS, s.sync().params());
        Map<String, String> both = new LinkedHashMap<>();
        both.put("sync.fanout", "5");
        both.put("sync.strategy", "gossip-push");
        assertEquals(5, ((GossipPushParams) Scenario.load("two-peers").with(both).sync().params()).fanout(), "in either order");
        Scenario same = Scenario.load("two-peers").with("sync.strategy", "bloom-seed");
        assertEquals(Scenario.load("two-peers").sync(), same.sync(), "the same strategy keeps its parameters");
    }
}
