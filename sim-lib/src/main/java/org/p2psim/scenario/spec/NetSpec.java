package org.p2psim.scenario.spec;

import java.time.Duration;
import org.p2psim.net.Network;
import org.p2psim.net.link.Bandwidth;
import org.p2psim.net.link.LinkConditions;

/**
 * The network of a scenario at the start: conditions of every link and every device's connection.
 *
 * @param latency   one-way latency of every link
 * @param loss      packet loss of every directed link
 * @param duplicate probability that the network delivers a packet twice
 * @param mtu       largest packet in bytes
 * @param uplink    every device's upload rate in bytes/s ({@code +∞}: unlimited)
 * @param downlink  every device's download rate in bytes/s ({@code +∞}: unlimited)
 * @param bucket    token bucket size of each direction, bytes
 * @param queue     queue capacity of each direction, bytes
 * @param nat       NATs, hole punching and relays; null: no NATs (the default)
 */
public record NetSpec(LatencySpec latency, LossSpec loss, double duplicate, int mtu,
                      double uplink, double downlink, long bucket, long queue, NatSpec nat) {

    /** 50 ms, no loss, no duplication, MTU 1400, unlimited bandwidth: the simulator's defaults. */
    public static final NetSpec DEFAULTS = new NetSpec(LatencySpec.fixed(Duration.ofMillis(50)), LossSpec.NONE, 0,
            Network.DEFAULT_MTU, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Bandwidth.DEFAULT_BURST, Bandwidth.DEFAULT_QUEUE);

    /** Without NATs. */
    public NetSpec(LatencySpec latency, LossSpec loss, double duplicate, int mtu, double uplink, double downlink, long bucket, long queue) {
        this(latency, loss, duplicate, mtu, uplink, downlink, bucket, queue, null);
    }

    public NetSpec withNat(NatSpec value) {
        return new NetSpec(latency, loss, duplicate, mtu, uplink, downlink, bucket, queue, value);
    }

    /** The conditions every link starts with. */
    public LinkConditions conditions() {
        return new LinkConditions(latency.model(), loss.model(), duplicate);
    }

    public Bandwidth uplinkBandwidth() {
        return new Bandwidth(uplink, bucket, queue);
    }

    public Bandwidth downlinkBandwidth() {
        return new Bandwidth(downlink, bucket, queue);
    }

    public boolean limitsBandwidth() {
        return uplink != Double.POSITIVE_INFINITY || downlink != Double.POSITIVE_INFINITY;
    }

    // ---- fluent changes, for Scenario.withNetwork(n -> n.loss(0.2)); the scenario checks the result ----

    /** Independent loss of {@code rate} on every link. */
    public NetSpec loss(double rate) {
        return withLoss(new LossSpec.Independent(rate));
    }

    /** Bursty loss: long-run {@code rate} in runs of {@code meanBurst} consecutive losses. */
    public NetSpec burstyLoss(double rate, double meanBurst) {
        return withLoss(new LossSpec.Bursty(rate, meanBurst));
    }

    /** A fixed one-way latency. */
    public NetSpec latency(Duration fixed) {
        return withLatency(LatencySpec.fixed(fixed));
    }

    /** A normal one-way latency of this mean and spread. */
    public NetSpec latency(Duration mean, Duration sd) {
        return withLatency(new LatencySpec.Normal(mean, sd));
    }

    public NetSpec duplicate(double probability) {
        return new NetSpec(latency, loss, probability, mtu, uplink, downlink, bucket, queue, nat);
    }

    /** Every device's upload and download rates, bytes per second. */
    public NetSpec bandwidth(double uplinkBytesPerSecond, double downlinkBytesPerSecond) {
        return new NetSpec(latency, loss, duplicate, mtu, uplinkBytesPerSecond, downlinkBytesPerSecond, bucket, queue, nat);
    }

    public NetSpec mtu(int bytes) {
        return new NetSpec(latency, loss, duplicate, bytes, uplink, downlink, bucket, queue, nat);
    }

    public NetSpec withLatency(LatencySpec value) {
        return new NetSpec(value, loss, duplicate, mtu, uplink, downlink, bucket, queue, nat);
    }

    public NetSpec withLoss(LossSpec value) {
        return new NetSpec(latency, value, duplicate, mtu, uplink, downlink, bucket, queue, nat);
    }
}
