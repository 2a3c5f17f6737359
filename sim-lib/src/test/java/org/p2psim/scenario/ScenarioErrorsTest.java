package org.p2psim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed scenario is refused with one line naming the file, the field path, the bad value
 * and what is allowed; overrides are checked exactly like the file.
 */
class ScenarioErrorsTest {
    private static final String FILE = "scenarios/x.yaml";
    private static final String BASE = "duration: 5m\ndevices: {names: [alice, bob]}\n";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("probability out of range", BASE + "net: {loss: 1.7}",
                        "net.loss must be a probability in [0, 1], was 1.7"),
                Arguments.of("unknown field", BASE + "net: {los: 0.1}",
                        "unknown field net.los; known: latency, loss, burst, duplicate, mtu, uplink, downlink, bucket, queue, nat"),
                Arguments.of("unknown top-level field", BASE + "durration: 5m",
                        "unknown field durration; known: name, description, duration, seed, devices, topology, net, sync, crypto,"
                                + " workload, schedule, expect, small, hostile"),
                Arguments.of("wrong type", "duration: 5m\ndevices: {count: many}",
                        "devices.count must be a whole number in [1, 10000], was 'many'"),
                Arguments.of("negative count", "duration: 5m\ndevices: {count: -3}",
                        "devices.count must be a whole number in [1, 10000], was -3"),
                Arguments.of("missing required field", "devices: {count: 2}",
                        "duration is required (a duration such as 250ms, 10s, 5m, 1h or 1h30m)"),
                Arguments.of("bad duration", "duration: 10 parsecs\ndevices: {count: 2}",
                        "duration must be a duration such as 250ms, 10s, 5m, 1h or 1h30m, was '10 parsecs'"),
                Arguments.of("zero duration", "duration: 0s\ndevices: {count: 2}",
                        "duration must be a duration > 0 such as 250ms, 10s or 5m, was '0s'"),
                Arguments.of("unknown strategy", BASE + "sync: {strategy: gossip}",
                        "sync.strategy must be one of [bloom-seed, bloom-salted, want-list, gossip-push, range-recon, riblt, hybrid, naive, oracle], was 'gossip'"),
                Arguments.of("strategy parameter out of range", BASE + "sync: {hashes: 40}",
                        "sync.hashes must be a whole number in [1, 32], was 40"),
                Arguments.of("filter packet too small", BASE + "sync: {bytes: 50}",
                        "sync.bytes must be a whole number in [94, 65535], was 50"),
                Arguments.of("bad topology degree", "duration: 5m\ndevices: {count: 20}\ntopology: {kind: random-regular, degree: 25}",
                        "topology.degree must be in [1, 19] with devices × degree even, was 25 (20 devices)"),
                Arguments.of("odd degree sum", "duration: 5m\ndevices: {count: 5}\ntopology: {kind: random-regular, degree: 3}",
                        "topology.degree must be in [1, 4] with devices × degree even, was 3 (5 devices)"),
                Arguments.of("unknown topology", BASE + "topology: {kind: ring}",
                        "topology.kind must be one of [full-mesh, random-regular, star, explicit], was 'ring'"),
                Arguments.of("hub not a device", BASE + "topology: {kind: star, hub: carol}",
                        "topology.hub must be one of the devices (alice, bob), was 'carol'"),
                Arguments.of("field of another topology", BASE + "topology: {kind: full-mesh, degree: 3}",
                        "unknown field topology.degree; known: kind"),
                Arguments.of("unknown crypto mode", BASE + "crypto: {signatures: maybe}",
                        "crypto.signatures must be one of [real, fast], was 'maybe'"),
                Arguments.of("burst without loss", BASE + "net: {burst: 4}",
                        "net.burst needs net.loss beside it (the long-run loss rate)"),
                Arguments.of("burst too short for the loss", BASE + "net: {loss: 0.75, burst: 2}",
                        "net.burst must be a mean run of consecutive losses >= 3.0 for a loss of 0.75, was 2"),
                Arguments.of("mixed latency forms", BASE + "net: {latency: {mean: 50ms, sigma: 1}}",
                        "net.latency mixes mean/sd (a normal latency) with base/median/sigma (a log-normal one); give one set"),
                Arguments.of("bad rate", BASE + "net: {uplink: fast}",
                        "net.uplink must be a rate such as 1Mbit/s, 256kbit/s, 125kB/s, a number of bytes per second, or unlimited,"
                                + " was 'fast'"),
                Arguments.of("device named twice", "duration: 5m\ndevices: {names: [alice, alice]}",
                        "devices.names names 'alice' twice"),
                Arguments.of("schedule after the end", BASE + "schedule: [{at: 6m, leave: alice}]",
                        "schedule[0].at must be within the run (duration 5m), was '6m'"),
                Arguments.of("schedule names a stranger", BASE + "schedule: [{at: 1m, leave: carol}]",
                        "schedule[0].leave names 'carol', which is not a device at 1m; devices then: alice, bob"),
                Arguments.of("joiner used before joining", BASE
                                + "schedule: [{at: 2m, join: carol, via: alice}, {at: 1m, leave: carol}]",
                        "schedule[1].leave names 'carol', which is not a device at 1m; devices then: alice, bob"),
                Arguments.of("join into another device's account", BASE
                                + "schedule: [{at: 1m, join: carol, via: alice, account: bob}]",
                        "schedule[0].account names account 'bob', which belongs to bob at 1m, not to the via device 'alice'"
                                + " (account 'alice'); account must be that of via (a further device of the account) or a new account"),
                Arguments.of("join into an account taken by an earlier joiner", BASE
                                + "schedule: [{at: 1m, join: phone, via: alice, account: team}, {at: 2m, join: tab, via: bob, account: team}]",
                        "schedule[1].account names account 'team', which belongs to phone at 2m, not to the via device 'bob'"
                                + " (account 'bob'); account must be that of via (a further device of the account) or a new account"),
                Arguments.of("bad account name", BASE + "schedule: [{at: 1m, join: carol, via: alice, account: 'a b'}]",
                        "schedule[0].account must be an account name of letters, digits, '-', '_' or '.', was 'a b'"),
                Arguments.of("unknown join field", BASE + "schedule: [{at: 1m, join: carol, via: alice, acount: alice}]",
                        "unknown field schedule[0].acount; known: at, join, via, account, profile"),
                Arguments.of("two actions in one entry", BASE + "schedule: [{at: 1m, leave: alice, reconnect: bob}]",
                        "schedule[0] has both leave and reconnect; give one action per entry"),
                Arguments.of("no action", BASE + "schedule: [{at: 1m, levae: alice}]",
                        "schedule[0] must have one action besides at: one of leave, reconnect, switch, join, partition, isolate, heal, net;"
                                + " unknown field schedule[0].levae"),
                Arguments.of("history of a stranger", BASE + "workload: {history: {count: {zed: 3}}}",
                        "unknown field workload.history.count.zed; known: alice, bob"),
                Arguments.of("negative rate", BASE + "workload: {messages: {ratePerMinute: -1}}",
                        "workload.messages.ratePerMinute must be a number in [0, 10000] per minute, was -1"),
                Arguments.of("history channel not a channel", BASE + "workload: {channels: [general], history: {count: 2, channel: random}}",
                        "workload.history.channel must be one of workload.channels [general], was 'random'"),
                Arguments.of("a list where a map belongs", "duration: 5m\ndevices: [alice, bob]",
                        "devices must be a map with count or names, was a list"),
                Arguments.of("seed not a number", BASE + "seed: lucky",
                        "seed must be a whole number, was 'lucky'"),
                Arguments.of("a profile nobody defined", "duration: 5m\ndevices: {count: 2, profiles: {astronaut: 1}}",
                        "devices.profiles.astronaut names the profile 'astronaut', which is neither built in nor in workload.profiles; known: active, desktop, lurker, mobile-android, mobile-ios, power-user"),
                Arguments.of("a zero weight", "duration: 5m\ndevices: {count: 2, profiles: {active: 0}}",
                        "devices.profiles.active must be a weight in (0, 1e6], was 0"),
                Arguments.of("a negative rate in a profile", BASE + "workload: {profiles: {p: {postsPerHour: -2}}}",
                        "workload.profiles.p.postsPerHour must be a number in [0, 3600] per hour, was -2"),
                Arguments.of("an unknown presence", BASE + "workload: {profiles: {p: {presence: {kind: sometimes}}}}",
                        "workload.profiles.p.presence.kind must be one of [always, hours, mobile], was 'sometimes'"),
                Arguments.of("a time of day that is none", BASE + "workload: {profiles: {p: {presence: {kind: hours, from: '9 o clock', to: '17:00'}}}}",
                        "workload.profiles.p.presence.from must be a time of day HH:MM such as \"09:00\" (quote it in YAML), was '9 o clock'"),
                Arguments.of("working hours backwards", BASE + "workload: {profiles: {p: {presence: {kind: hours, from: '18:00', to: '09:00'}}}}",
                        "workload.profiles.p.presence.to must be after from (18:00), was 09:00"),
                Arguments.of("like an unknown profile", BASE + "workload: {profiles: {p: {like: robot}}}",
                        "workload.profiles.p.like must be one of the profiles [active, lurker, desktop, power-user, mobile-ios, mobile-android], was 'robot'"),
                Arguments.of("a background refresh every 0 s", BASE + "workload: {profiles: {p: {presence: {kind: mobile, refresh: [0s, 10m]}}}}",
                        "workload.profiles.p.presence.refresh[0] must be a duration > 0 such as 250ms, 10s or 5m, was '0s'"),
                Arguments.of("a session range backwards", BASE + "workload: {profiles: {p: {presence: {kind: mobile, session: [5m, 1m]}}}}",
                        "workload.profiles.p.presence.session[1] must be at least the minimum 5m, was 1m"),
                Arguments.of("a share of downloads over 1", BASE + "workload: {profiles: {p: {downloads: 1.5}}}",
                        "workload.profiles.p.downloads must be a probability in [0, 1], was 1.5"),
                Arguments.of("typing at no speed", BASE + "workload: {profiles: {p: {replies: {probability: 0.2, typingPerSecond: 0}}}}",
                        "workload.profiles.p.replies.typingPerSecond must be a number in (0, 1000] (characters a second), was 0"),
                Arguments.of("an unknown profile field", BASE + "workload: {profiles: {p: {postsPerHour: 2, mood: happy}}}",
                        "unknown field workload.profiles.p.mood; known: description, like, postsPerHour, readsPerHour, pagesPerRead, uploadsPerHour, textLength, downloads, replies, presence, connection"),
                Arguments.of("a field of another presence", BASE + "workload: {profiles: {p: {presence: {kind: always, window: 30s}}}}",
                        "unknown field workload.profiles.p.presence.window; known: kind"),
                Arguments.of("a small size that is invalid", BASE + "small: {net.loss: 1.7}",
                        "small makes an invalid scenario: scenario 'x': net.loss must be a probability in [0, 1], was 1.7"),
                Arguments.of("a start of day that is none", BASE + "workload: {startOfDay: noon}",
                        "workload.startOfDay must be a time of day HH:MM such as \"09:00\" (quote it in YAML), was 'noon'"),
                Arguments.of("threads of one message", BASE + "workload: {maxThread: 1}",
                        "workload.maxThread must be a whole number in [2, 1000000], was 1"),
                Arguments.of("a joiner with an unknown profile", BASE + "schedule: [{at: 1m, join: carol, via: alice, profile: alien}]",
                        "schedule[0].profile names the profile 'alien', which is neither built in nor in workload.profiles; known: active, desktop, lurker, mobile-android, mobile-ios, power-user"),
                Arguments.of("an uplink of nothing", BASE + "workload: {profiles: {p: {connection: {uplink: 0}}}}",
                        "workload.profiles.p.connection.uplink must be at least 1 byte per second (or unlimited), was 0"),
                Arguments.of("not a map at all", "just text",
                        "must be a map of scenario fields (name, description, duration, seed, devices, topology, net, sync, crypto,"
                                + " workload, schedule, expect, small, hostile), was 'just text'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void eachMalformedScenarioNamesFileFieldValueAndWhatIsAllowed(String what, String yaml, String problem) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.parse(yaml, FILE));
        assertEquals(FILE + ": " + problem, e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void invalidYamlIsOneLineWithItsPosition() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.parse("duration: 5m\n  devices: [a, b\n", FILE));
        assertTrue(e.getMessage().startsWith(FILE + ": not valid YAML: "), e.getMessage());
        assertTrue(e.getMessage().contains("(line "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void duplicateKeysAreRefused() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.parse(BASE + "duration: 6m\n", FILE));
        assertTrue(e.getMessage().startsWith(FILE + ": not valid YAML: Duplicate field 'duration'"), e.getMessage());
    }

    @Test
    void anOverrideIsCheckedLikeTheFile() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("net.loss", "1.7");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.load("two-peers", overrides));
        assertEquals("scenarios/two-peers.yaml: net.loss must be a probability in [0, 1], was 1.7", e.getMessage());
        assertEquals("net.loss", e.field());

        ScenarioException typo = assertThrows(ScenarioException.class, () -> Scenario.load("two-peers").with("net.los", "0.2"));
        assertEquals("scenario 'two-peers': unknown field net.los; known: latency, loss, burst, duplicate, mtu, uplink, downlink,"
                + " bucket, queue, nat", typo.getMessage());

        ScenarioException duration = assertThrows(ScenarioException.class, () -> Scenario.load("two-peers").with("duration", "10 parsecs"));
        assertEquals("scenario 'two-peers': duration must be a duration such as 250ms, 10s, 5m, 1h or 1h30m, was '10 parsecs'",
                duration.getMessage());
    }

    @Test
    void badOverridePathsSayWhy() {
        Scenario twenty = Scenario.load("twenty-devices");
        assertEquals("scenario 'twenty-devices': --set schedule[5].at=1m: schedule has 2 entries; index 5 is out of range (use 2 to append)",
                assertThrows(ScenarioException.class, () -> twenty.with("schedule[5].at", "1m")).getMessage());
        assertEquals("scenario 'twenty-devices': --set name.first=x: name is 'twenty-devices', not a map",
                assertThrows(ScenarioException.class, () -> twenty.with("name.first", "x")).getMessage());
        assertEquals("--set must be key=value (e.g. net.loss=0.2), was 'net.loss'",
                assertThrows(ScenarioException.class, () -> Overrides.split("net.loss")).getMessage());
        assertEquals("scenario 'twenty-devices': --set net..loss=1: the key must be a field path such as net.loss or schedule[1].at,"
                + " was 'net..loss'", assertThrows(ScenarioException.class, () -> twenty.with("net..loss", "1")).getMessage());
    }

    @Test
    void unknownScenariosListTheBuiltIns() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.load("nope"));
        assertTrue(e.getMessage().startsWith("scenario 'nope' not found; built-ins: "), e.getMessage());
        assertTrue(e.getMessage().contains("two-peers") && e.getMessage().contains("twenty-devices"), e.getMessage());
        assertEquals("scenario file 'no/such.yaml' not found",
                assertThrows(ScenarioException.class, () -> Scenario.load("no/such.yaml")).getMessage());
    }
}
