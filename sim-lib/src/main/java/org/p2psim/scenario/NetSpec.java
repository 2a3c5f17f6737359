package org.p2psim.scenario;

import java.time.Duration;
import org.p2psim.net.Bandwidth;
import org.p2psim.net.LinkConditions;
import org.p2psim.net.Network;

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
 */
public record NetSpec(LatencySpec latency, LossSpec loss, double duplicate, int mtu,
                      double uplink, double downlink, long bucket, long queue) {

    /** 50 ms, no loss, no duplication, MTU 1400, unlimited bandwidth: the simulator's defaults. */
    public static final NetSpec DEFAULTS = new NetSpec(LatencySpec.fixed(Duration.ofMillis(50)), LossSpec.NONE, 0,
            Network.DEFAULT_MTU, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Bandwidth.DEFAULT_BURST, Bandwidth.DEFAULT_QUEUE);

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

    public NetSpec withLatency(LatencySpec value) {
        return new NetSpec(value, loss, duplicate, mtu, uplink, downlink, bucket, queue);
    }

    public NetSpec withLoss(LossSpec value) {
        return new NetSpec(latency, value, duplicate, mtu, uplink, downlink, bucket, queue);
    }
}
