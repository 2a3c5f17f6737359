package org.p2psim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.net.link.Bandwidth;
import org.p2psim.net.link.LatencyModel;
import org.p2psim.net.link.LinkConditions;
import org.p2psim.net.link.LossModel;
import org.p2psim.sim.Scheduler;

class NetworkTest {
    private static final Ed25519KeyPair KEYS = Ed25519KeyPair.generate(new SplittableRandom(2));
    private static final Packet PACKET = packet(100);
    /** 1 400 bytes on the wire: the default MTU. */
    private static final Packet FULL = packet(Network.DEFAULT_MTU - Packet.OVERHEAD);
    private static final double ONE_MBIT = 125_000;

    private final Scheduler scheduler = new Scheduler();
    private final Network network = new Network(scheduler, new SplittableRandom(1));
    private final List<PacketRecord> records = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();

    NetworkTest() {
        network.attach("a", (from, fromAddress, wire, sentAt) -> Outcome.DELIVERED);
        network.attach("b", (from, fromAddress, wire, sentAt) -> {
            arrivals.add(scheduler.now());
            return Outcome.DELIVERED;
        });
        network.attach("c", (from, fromAddress, wire, sentAt) -> Outcome.DELIVERED);
        network.onPacket(records::add);
    }

    private static Packet packet(int bodyBytes) {
        return Packet.sign(PacketType.EVENT, KEYS, DeviceId.ofPublicKey(KEYS.publicKey()), 0, new byte[bodyBytes]);
    }

    private void sendAt(Duration at, String from, String to) {
        scheduler.at(at.toNanos() / 1_000, () -> network.send(from, to, PACKET));
    }

    private List<Outcome> outcomes() {
        return records.stream().map(PacketRecord::outcome).toList();
    }

    private long count(Outcome outcome) {
        return records.stream().filter(r -> r.outcome() == outcome).count();
    }

    private void run() {
        scheduler.runFor(Duration.ofHours(1));
    }

    // ---- latency ----

    @Test
    void deliversAfterTheLinkLatencyAndLogsBytes() {
        network.defaults(LinkConditions.of(Duration.ofMillis(40), 0));
        network.send("a", "b", PACKET);
        run();
        assertEquals(List.of(40_000L), arrivals);
        assertEquals(1, records.size());
        assertEquals(Packet.OVERHEAD + 100, records.get(0).bytes());
        assertEquals(Outcome.DELIVERED, records.get(0).outcome());
        assertFalse(records.get(0).duplicate());
    }

    /**
     * normal(50 ms, 10 ms) (truncation at 0 is 5σ away, negligible) over 20 000 packets: the sample
     * mean is within 4 standard errors (4·σ/√n = 0.28 ms) and the sample sd within 4·σ/√(2n) = 0.2 ms.
     */
    @Test
    void normalLatencyHasTheConfiguredMeanAndSd() {
        network.defaults().latency(Duration.ofMillis(50), Duration.ofMillis(10));
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            network.send("a", "b", PACKET);
        }
        run();
        double[] latencies = records.stream().mapToDouble(r -> r.doneAt() - r.sentAt()).toArray();
        assertEquals(n, latencies.length);
        double mean = Arrays.stream(latencies).average().orElseThrow();
        double var = Arrays.stream(latencies).map(x -> (x - mean) * (x - mean)).sum() / (n - 1);
        assertEquals(50_000, mean, 4 * 10_000 / Math.sqrt(n));
        assertEquals(10_000, Math.sqrt(var), 4 * 10_000 / Math.sqrt(2.0 * n));
    }

    @Test
    void jitterReordersPackets() {
        network.defaults().latency(Duration.ofMillis(50), Duration.ofMillis(10));
        for (int i = 0; i < 100; i++) {
            sendAt(Duration.ofMillis(i), "a", "b");
        }
        run();
        long overtaken = 0;
        for (int i = 1; i < records.size(); i++) {
            overtaken += records.get(i).sentAt() < records.get(i - 1).sentAt() ? 1 : 0;
        }
        assertTrue(overtaken > 10, "packets 1 ms apart with 10 ms jitter arrive out of order; overtaken: " + overtaken);
    }

    // ---- loss ----

    /** 20 000 packets at 20 % loss: the loss count lies within 4 binomial standard deviations (±226). */
    @Test
    void lossRateWithinABinomialBound() {
        network.defaults().latency(Duration.ofMillis(1)).loss(0.2);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            network.send("a", "b", PACKET);
        }
        run();
        long lost = count(Outcome.LOSS);
        assertEquals(n * 0.2, lost, 4 * Math.sqrt(n * 0.2 * 0.8));
        assertEquals(n - lost, arrivals.size());
    }

    /**
     * Bursty loss (L = 0.1, b = 4) on a↔b with the two directions interleaved packet by packet: each
     * direction's mean run of consecutive losses is b within 4 standard errors (≈ ±0.4 over ~1 250
     * runs). One chain shared by both directions would show runs of about 2.3 here.
     */
    @Test
    void burstyLossKeepsOneStatePerDirectedLink() {
        network.link("a", "b").burstyLoss(0.1, 4);
        for (long i = 0; i < 50_000; i++) {
            scheduler.at(2 * i, () -> network.send("a", "b", PACKET));
            scheduler.at(2 * i + 1, () -> network.send("b", "a", PACKET));
        }
        run();
        for (String from : List.of("a", "b")) {
            List<Boolean> lost = records.stream().filter(r -> r.from().equals(from))
                    .sorted(Comparator.comparingLong(PacketRecord::sentAt)).map(r -> r.outcome() == Outcome.LOSS).toList();
            int losses = 0;
            int runs = 0;
            for (int i = 0; i < lost.size(); i++) {
                losses += lost.get(i) ? 1 : 0;
                runs += lost.get(i) && (i == 0 || !lost.get(i - 1)) ? 1 : 0;
            }
            double sdRun = Math.sqrt(0.75) / 0.25;
            assertEquals(4.0, losses / (double) runs, 4 * sdRun / Math.sqrt(runs), "mean burst " + from);
            double p = 0.25 * 0.1 / 0.9;
            assertEquals(0.1, losses / 50_000.0, 4 * Math.sqrt(0.09 * (2 - p - 0.25) / ((p + 0.25) * 50_000)), "loss rate " + from);
        }
    }

    // ---- duplication ----

    /**
     * 20 000 packets with duplication probability 0.1: the duplications lie within 4 binomial
     * standard deviations (±170), every copy has its own record (marked duplicate, same fingerprint)
     * and its own arrival.
     */
    @Test
    void duplicationRateAndARecordPerCopy() {
        network.defaults().latency(Duration.ofMillis(20), Duration.ofMillis(5)).duplicate(0.1);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            network.send("a", "b", PACKET);
        }
        run();
        long duplications = network.duplications();
        assertEquals(n * 0.1, duplications, 4 * Math.sqrt(n * 0.1 * 0.9));
        assertEquals(n + duplications, records.size());
        assertEquals(duplications, records.stream().filter(PacketRecord::duplicate).count());
        assertEquals(n + duplications, arrivals.size());
        assertEquals(1, records.stream().map(PacketRecord::fingerprint).distinct().count());
        assertTrue(records.stream().filter(PacketRecord::duplicate).anyMatch(r -> r.doneAt() != 20_000), "a copy has its own latency");
    }

    // ---- bandwidth ----

    /** 143 × 1 400 bytes (≈ 200 KB) through a 1 Mbit/s uplink: the last arrives (N − B)/R + latency = 1.5896 s + 10 ms after the first is sent. */
    @Test
    void uplinkSerialisesA200KilobyteBurst() {
        network.defaults().latency(Duration.ofMillis(10));
        network.device("a").uplink(ONE_MBIT);
        for (int i = 0; i < 143; i++) {
            network.send("a", "b", FULL);
        }
        run();
        assertEquals(143, arrivals.size());
        double seconds = arrivals.get(142) / 1e6;
        assertEquals((143 * 1_400 - 1_500) / ONE_MBIT + 0.010, seconds, 0.001);
        assertEquals(1.6, seconds, 0.02);
        assertEquals(10_000, arrivals.get(0));
    }

    /**
     * The same burst through an unlimited uplink and a 1 Mbit/s downlink takes the same time. Behind
     * a 1 Mbit/s uplink, a 0.5 Mbit/s downlink is the bottleneck: (N − B)/R_down + latency = 3.189 s.
     */
    @Test
    void downlinkShapesAfterTheLatency() {
        network.defaults().latency(Duration.ofMillis(10));
        network.device("b").downlink(ONE_MBIT);
        for (int i = 0; i < 143; i++) {
            network.send("a", "b", FULL);
        }
        run();
        assertEquals((143 * 1_400 - 1_500) / ONE_MBIT + 0.010, arrivals.get(142) / 1e6, 0.001);
        arrivals.clear();
        network.device("a").uplink(ONE_MBIT);
        network.device("b").downlink(ONE_MBIT / 2);
        long start = scheduler.now();
        for (int i = 0; i < 143; i++) {
            network.send("a", "b", FULL);
        }
        run();
        assertEquals((143 * 1_400 - 1_500) / (ONE_MBIT / 2) + 0.010, (arrivals.get(142) - start) / 1e6, 0.001);
    }

    /** 1 000 packets of 1 400 bytes through a 1 Mbit/s uplink: delivered throughput within 5 % of 125 000 B/s. */
    @Test
    void longTransferMovesAtTheConfiguredRate() {
        network.device("a").uplink(Bandwidth.megabitsPerSecond(1).withQueue(2_000_000));
        for (int i = 0; i < 1_000; i++) {
            network.send("a", "b", FULL);
        }
        run();
        double seconds = (arrivals.get(999) - arrivals.get(0)) / 1e6;
        assertEquals(ONE_MBIT, 999 * 1_400 / seconds, 0.05 * ONE_MBIT);
    }

    /** A 10 000-byte queue at 1 000 B/s: of 20 packets of 1 400 bytes, 1 leaves at once, 7 wait, 12 are dropped with QUEUE at send. */
    @Test
    void overflowingQueuesDropWithQueue() {
        network.device("a").uplink(Bandwidth.bytesPerSecond(1_000).withQueue(10_000));
        for (int i = 0; i < 20; i++) {
            network.send("a", "b", FULL);
        }
        assertEquals(12, count(Outcome.QUEUE));
        assertTrue(records.stream().allMatch(r -> r.doneAt() == 0));
        assertEquals(9_800, network.device("a").uplinkQueuedBytes());
        run();
        assertEquals(8, count(Outcome.DELIVERED));

        records.clear();
        network.device("a").unlimited();
        network.device("b").downlink(Bandwidth.bytesPerSecond(1_000).withQueue(10_000));
        for (int i = 0; i < 20; i++) {
            network.send("a", "b", FULL);
        }
        run();
        assertEquals(12, count(Outcome.QUEUE));
        assertEquals(8, count(Outcome.DELIVERED));
    }

    @Test
    void everyDeviceAppliesToDevicesAttachedLater() {
        network.everyDevice(d -> d.uplink(ONE_MBIT).queue(64_000));
        network.attach("late", (from, fromAddress, wire, sentAt) -> Outcome.DELIVERED);
        assertEquals(ONE_MBIT, network.device("a").uplink().bytesPerSecond());
        assertEquals(ONE_MBIT, network.device("late").uplink().bytesPerSecond());
        assertEquals(64_000, network.device("late").downlink().queueBytes());
        assertTrue(network.device("late").downlink().isUnlimited());
    }

    // ---- MTU and offline ----

    @Test
    void overTheMtuIsRefusedAtSend() {
        network.send("a", "b", packet(Network.DEFAULT_MTU));
        assertEquals(Outcome.MTU, records.get(0).outcome());
        assertTrue(arrivals.isEmpty());
    }

    @Test
    void offlineEndpointsNeitherSendNorReceive() {
        network.setOnline("b", false);
        network.send("a", "b", PACKET);
        network.send("b", "a", PACKET);
        run();
        assertEquals(List.of(Outcome.OFFLINE, Outcome.OFFLINE), outcomes());
        assertFalse(network.isOnline("b"));
    }

    @Test
    void aPacketStillQueuedWhenItsSenderGoesOfflineIsDropped() {
        network.device("a").uplink(10_000);
        network.send("a", "b", FULL);
        network.send("a", "b", FULL);
        network.device("a").online(false);
        run();
        assertEquals(List.of(Outcome.DELIVERED, Outcome.OFFLINE), outcomes());
        assertEquals(130_000, records.get(1).doneAt(), "dropped when it would have left the uplink");
        assertEquals(1, arrivals.size());
    }

    // ---- addresses ----

    @Test
    void aPacketToAnAddressItsReceiverLeftIsStale() {
        network.defaults(LinkConditions.of(Duration.ofMillis(40), 0));
        assertEquals(Network.FIRST_ADDRESS, network.address("b"));
        network.send("a", "b", PACKET);                                   // in flight when b switches
        scheduler.at(10_000, () -> assertEquals(1, network.switchAddress("b", Duration.ZERO)));
        scheduler.at(20_000, () -> network.send("a", "b", Network.FIRST_ADDRESS, PACKET));  // sent to the old address
        scheduler.at(30_000, () -> network.send("a", "b", 1, PACKET));    // to the new one
        scheduler.at(40_000, () -> network.send("a", "b", PACKET));       // to whatever b has now
        run();
        assertEquals(List.of(Outcome.STALE_ADDRESS, Outcome.STALE_ADDRESS, Outcome.DELIVERED, Outcome.DELIVERED), outcomes());
        assertEquals(List.of(40_000L, 60_000L, 70_000L, 80_000L), records.stream().map(PacketRecord::doneAt).toList(),
                "a stale packet is dropped where it arrives, after the link latency");
        assertEquals(Outcome.Fate.DROPPED, Outcome.STALE_ADDRESS.fate());
        assertEquals("stale-address", Outcome.STALE_ADDRESS.reason());
        assertEquals(2, arrivals.size());
    }

    @Test
    void theReceiverGetsTheSourceAddressThePacketWasSentFrom() {
        List<Integer> sources = new ArrayList<>();
        network.attach("d", (from, fromAddress, wire, sentAt) -> {
            sources.add(fromAddress);
            return Outcome.DELIVERED;
        });
        network.send("a", "d", PACKET);
        network.switchAddress("a", Duration.ZERO);
        network.send("a", "d", PACKET);
        network.switchAddress("a", Duration.ZERO);
        network.send("a", "d", PACKET);
        run();
        assertEquals(List.of(0, 1, 2), sources);
    }

    @Test
    void aPacketStillInTheUplinkWhenItsSenderSwitchesIsStale() {
        network.device("a").uplink(10_000);
        network.send("a", "b", FULL);
        network.send("a", "b", FULL);
        network.switchAddress("a", Duration.ZERO);
        run();
        assertEquals(List.of(Outcome.DELIVERED, Outcome.STALE_ADDRESS), outcomes());
    }

    @Test
    void duringTheHandoverGapADeviceNeitherSendsNorReceives() {
        network.switchAddress("b", Duration.ofSeconds(1));
        assertTrue(network.device("b").inHandover());
        assertTrue(network.isOnline("b"), "still online: only between networks");
        network.send("b", "a", PACKET);
        network.send("a", "b", 1, PACKET);
        scheduler.at(1_000_000, () -> {
            network.send("b", "a", PACKET);
            network.send("a", "b", 1, PACKET);
        });
        run();
        assertEquals(List.of(Outcome.OFFLINE, Outcome.OFFLINE, Outcome.DELIVERED, Outcome.DELIVERED), outcomes());
        assertFalse(network.device("b").inHandover());
    }

    @Test
    void handoverGapsAreDrawnFromTheNetworkStreamWithinTheRange() {
        network.handover(Duration.ofMillis(500), Duration.ofMillis(1500));
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            network.switchAddress("c");
            long gap = 0;
            while (network.device("c").inHandover()) {   // measure the gap by stepping through it
                scheduler.at(scheduler.now() + 1_000, () -> {});
                scheduler.step();
                gap += 1_000;
            }
            gaps.add(gap);
        }
        assertEquals(200, network.address("c"));
        assertTrue(gaps.stream().allMatch(g -> g >= 500_000 && g <= 1_500_000), gaps.toString());
        assertTrue(gaps.stream().distinct().count() > 50, "drawn, not fixed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network.handover(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertEquals("net.handover must be a range 0 <= min <= max, was min PT2S, max PT1S", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> network.switchAddress("c", Duration.ofSeconds(-1)));
        assertEquals("a handover gap must be >= 0, was PT-1S", e.getMessage());
    }

    // ---- partitions ----

    @Test
    void partitionBlocksBothWaysUntilHealed() {
        PartitionHandle cut = network.partition(List.of("a"), List.of("b"));
        network.send("a", "b", PACKET);
        network.send("b", "a", PACKET);
        network.send("a", "c", PACKET);
        run();
        assertEquals(List.of(Outcome.PARTITION, Outcome.PARTITION, Outcome.DELIVERED), outcomes());
        assertTrue(cut.isActive());
        cut.heal();
        records.clear();
        network.send("a", "b", PACKET);
        network.send("b", "a", PACKET);
        run();
        assertEquals(List.of(Outcome.DELIVERED, Outcome.DELIVERED), outcomes());
        assertTrue(network.partitions().isEmpty());
    }

    @Test
    void oneWayPartitionBlocksOneDirection() {
        network.partitionOneWay(List.of("a"), List.of("b", "c"));
        network.send("a", "b", PACKET);
        network.send("b", "a", PACKET);
        network.send("a", "c", PACKET);
        network.send("c", "b", PACKET);
        run();
        assertEquals(List.of(Outcome.PARTITION, Outcome.PARTITION, Outcome.DELIVERED, Outcome.DELIVERED), outcomes());
        assertEquals("b", records.get(2).from());
    }

    @Test
    void isolateCutsAGroupOffFromEveryoneElse() {
        network.isolate(List.of("a"));
        network.send("a", "b", PACKET);
        network.send("c", "a", PACKET);
        network.send("b", "c", PACKET);
        run();
        assertEquals(List.of(Outcome.PARTITION, Outcome.PARTITION, Outcome.DELIVERED), outcomes());
    }

    /** A partition from 1 s for 2 s: packets sent at 0.5 s and 3.5 s pass, one at 1.5 s is blocked. */
    @Test
    void scheduledPartitionStartsAndHealsOnTime() {
        PartitionHandle cut = network.partition(Partition.between(List.of("a"), List.of("b")), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertFalse(cut.isActive());
        for (double t : new double[] {0.5, 1.5, 3.5}) {
            sendAt(Duration.ofMillis((long) (t * 1000)), "a", "b");
        }
        run();
        assertEquals(List.of(Outcome.DELIVERED, Outcome.PARTITION, Outcome.DELIVERED), outcomes());
        assertTrue(cut.isHealed());
    }

    @Test
    void partitionsNameOnlyAttachedDevices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> network.partition(List.of("a"), List.of("zed")));
        assertEquals("no endpoint named 'zed' is attached to the network; attached: [a, b, c]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Partition.between(List.of("a"), List.of("a", "b")));
        assertTrue(e.getMessage().startsWith("device 'a' cannot be on both sides"), e.getMessage());
    }

    // ---- changing conditions ----

    @Test
    void linkSettingsCoverBothDirectionsAndLayerOverDefaults() {
        network.link("a", "b").loss(1.0);
        network.defaults().latency(Duration.ofMillis(80));
        assertEquals(LossModel.independent(1.0), network.conditions("b", "a").loss());
        assertEquals(LatencyModel.fixed(Duration.ofMillis(80)), network.conditions("a", "b").latency());
        network.send("a", "b", PACKET);
        network.send("b", "a", PACKET);
        network.send("a", "c", PACKET);
        run();
        assertEquals(List.of(Outcome.LOSS, Outcome.LOSS, Outcome.DELIVERED), outcomes());
        network.link("a", "b").reset();
        assertEquals(network.defaultConditions(), network.conditions("a", "b"));
    }

    @Test
    void oneWaySettingsChangeOneDirection() {
        network.oneWay("a", "b").loss(1.0).latency(Duration.ofMillis(5));
        network.send("a", "b", PACKET);
        network.send("b", "a", PACKET);
        run();
        assertEquals(List.of(Outcome.LOSS, Outcome.DELIVERED), outcomes());
        assertEquals(LinkConditions.DEFAULT, network.conditions("b", "a"));
    }

    /** A change scheduled for 1 s: the packet sent at 0.5 s arrives after 50 ms, the one at 1.5 s is lost, a latency change at 2 s applies to the packet at 2.5 s. */
    @Test
    void scheduledChangeTakesEffectAtItsTime() {
        network.at(Duration.ofSeconds(1), n -> n.link("a", "b").loss(1.0));
        network.at(Duration.ofSeconds(2), n -> n.link("a", "b").loss(0).latency(Duration.ofMillis(300)));
        for (double t : new double[] {0.5, 1.5, 2.5}) {
            sendAt(Duration.ofMillis((long) (t * 1000)), "a", "b");
        }
        run();
        assertEquals(List.of(Outcome.DELIVERED, Outcome.LOSS, Outcome.DELIVERED), outcomes());
        assertEquals(List.of(550_000L, 2_800_000L), arrivals);
    }

    @Test
    void invalidConditionsNameTheFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> network.link("a", "b").loss(1.7));
        assertEquals("net.loss must be a probability in [0, 1], was 1.7", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> network.defaults().duplicate(-0.5));
        assertEquals("net.duplicate must be a probability in [0, 1], was -0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> network.device("a").uplink(0));
        assertTrue(e.getMessage().startsWith("net.uplink must be at least 1 byte/s"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> network.send("a", "zed", PACKET));
        assertEquals("no endpoint named 'zed' is attached to the network; attached: [a, b, c]", e.getMessage());
    }

    // ---- the packet log ----

    /** Everything at once, three devices sending to each other for 20 simulated seconds. */
    private static List<PacketRecord> busyRun(long seed) {
        Scheduler scheduler = new Scheduler();
        Network network = new Network(scheduler, new SplittableRandom(seed));
        List<PacketRecord> log = new ArrayList<>();
        Map<String, Integer> received = new HashMap<>();
        for (String name : List.of("a", "b", "c")) {
            network.attach(name, (from, fromAddress, wire, sentAt) -> {
                received.merge(name, 1, Integer::sum);
                return Outcome.DELIVERED;
            });
        }
        network.onPacket(log::add);
        network.defaults().latency(LatencyModel.logNormal(Duration.ofMillis(10), Duration.ofMillis(20), 0.8)).burstyLoss(0.05, 3).duplicate(0.02);
        network.link("a", "b").latency(Duration.ofMillis(40), Duration.ofMillis(15));
        network.device("c").uplink(Bandwidth.megabitsPerSecond(0.25).withQueue(20_000)).downlink(ONE_MBIT);
        network.partition(Partition.oneWay(List.of("b"), List.of("c")), Duration.ofSeconds(5), Duration.ofSeconds(5));
        network.at(Duration.ofSeconds(12), n -> n.link("a", "c").loss(0.5));
        network.at(Duration.ofSeconds(15), n -> n.switchAddress("b"));
        int sent = 0;
        for (int i = 0; i < 2_000; i++) {
            String from = List.of("a", "b", "c").get(i % 3);
            String to = List.of("a", "b", "c").get((i + 1 + i / 3 % 2) % 3);
            scheduler.at(i * 10_000L, () -> network.send(from, to, Network.FIRST_ADDRESS, FULL));
            sent++;
        }
        scheduler.runFor(Duration.ofMinutes(5));
        assertEquals(sent + network.duplications(), log.size(), "one record per packet and per copy");
        return log;
    }

    @Test
    void sameSeedSameRecordsOtherSeedOthers() {
        List<PacketRecord> first = busyRun(5);
        assertEquals(first, busyRun(5));
        assertNotEquals(first, busyRun(6));
        for (Outcome outcome : List.of(Outcome.DELIVERED, Outcome.LOSS, Outcome.PARTITION, Outcome.QUEUE, Outcome.STALE_ADDRESS)) {
            assertTrue(first.stream().anyMatch(r -> r.outcome() == outcome), "the busy run exercises " + outcome);
        }
        assertTrue(first.stream().anyMatch(PacketRecord::duplicate));
    }
}
