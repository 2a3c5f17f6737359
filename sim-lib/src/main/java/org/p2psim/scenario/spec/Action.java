package org.p2psim.scenario.spec;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.p2psim.net.DeviceLink;
import org.p2psim.net.Network;
import org.p2psim.net.link.Bandwidth;
import org.p2psim.net.link.LinkEditor;

/**
 * Something a scenario's schedule makes happen at a given time. Device actions (leave, reconnect,
 * join, switch) are real-world events: they go through the simulation's timeline and a replay re-enacts
 * them from there. Network actions (partitions, heals, changed conditions) are part of the
 * scenario, and a replay schedules them again from it.
 */
public sealed interface Action {

    /** Whether this action is recorded in the timeline (sim_events) when it happens. */
    default boolean isDeviceAction() {
        return false;
    }

    /** The kind, as the schedule's YAML names it. */
    String kind();

    /** {@code device} goes offline, saying goodbye to its peers when {@code graceful}. */
    record Leave(String device, boolean graceful) implements Action {
        @Override
        public boolean isDeviceAction() {
            return true;
        }

        @Override
        public String kind() {
            return "leave";
        }
    }

    /** {@code device} comes back online. */
    record Reconnect(String device) implements Action {
        @Override
        public boolean isDeviceAction() {
            return true;
        }

        @Override
        public String kind() {
            return "reconnect";
        }
    }

    /**
     * {@code device} moves to another network (Wi-Fi to cellular or back) and gets a new address:
     * peers that still send to the old one lose their packets until they learn it.
     */
    record Switch(String device) implements Action {
        @Override
        public boolean isDeviceAction() {
            return true;
        }

        @Override
        public String kind() {
            return "switch";
        }
    }

    /**
     * A new device {@code device} joins through one bootstrap peer {@code via}, into
     * {@code account}: when that is the account of {@code via}, {@code via} authorises it as a
     * further device of the account; otherwise {@code via} invites it and it starts the account.
     * It follows the behaviour profile {@code profile}, or none when null.
     */
    record Join(String device, String via, String account, String profile) implements Action {
        /** A join into an account of the device's own name, with an invite from {@code via}. */
        public Join(String device, String via) {
            this(device, via, device, null);
        }

        /** A join without a behaviour profile: the new device only does what the scenario scripts. */
        public Join(String device, String via, String account) {
            this(device, via, account, null);
        }

        public Join {
            if (account == null) {
                account = device;
            }
        }

        @Override
        public boolean isDeviceAction() {
            return true;
        }

        @Override
        public String kind() {
            return "join";
        }
    }

    /**
     * Cuts {@code a} and {@code b} apart, both ways; for {@code lasting}, or until a {@link Heal}
     * when {@code lasting} is null.
     */
    record Partition(List<String> a, List<String> b, Duration lasting) implements Action {
        public Partition {
            a = List.copyOf(a);
            b = List.copyOf(b);
        }

        @Override
        public String kind() {
            return "partition";
        }
    }

    /** Cuts {@code group} off from every other device; for {@code lasting}, or until a {@link Heal}. */
    record Isolate(List<String> group, Duration lasting) implements Action {
        public Isolate {
            group = List.copyOf(group);
        }

        @Override
        public String kind() {
            return "isolate";
        }
    }

    /** Ends every partition in force. */
    record Heal() implements Action {
        @Override
        public String kind() {
            return "heal";
        }
    }

    /**
     * Changes network conditions from now on: of every link (no {@code link}, no {@code device}),
     * of both directions between the two devices of {@code link}, or the bandwidth of one
     * {@code device} (or of every device, when neither is given). Null fields stay as they are.
     */
    record NetChange(List<String> link, String device, LatencySpec latency, LossSpec loss, Double duplicate,
                     Double uplink, Double downlink) implements Action {
        public NetChange {
            link = List.copyOf(link);
        }

        @Override
        public String kind() {
            return "net";
        }

        /**
         * Applies this change to {@code network}: link conditions to the defaults or to one link (both
         * directions), bandwidth to one device or to every device (also those that join later). A device
         * with unlimited bandwidth gets a bucket and queue as the scenario's {@code net} section sets them.
         */
        public void applyTo(Network network, NetSpec net) {
            if (latency != null || loss != null || duplicate != null) {
                LinkEditor editor = link.isEmpty() ? network.defaults() : network.link(link.get(0), link.get(1));
                if (latency != null) {
                    editor.latency(latency.model());
                }
                if (loss != null) {
                    editor.loss(loss.model());
                }
                if (duplicate != null) {
                    editor.duplicate(duplicate);
                }
            }
            if (uplink == null && downlink == null) {
                return;
            }
            Consumer<DeviceLink> setting = d -> {
                if (uplink != null) {
                    d.uplink(rate(d.uplink(), uplink, net));
                }
                if (downlink != null) {
                    d.downlink(rate(d.downlink(), downlink, net));
                }
            };
            if (device != null) {
                setting.accept(network.device(device));
            } else {
                network.everyDevice(setting);
            }
        }

        private static Bandwidth rate(Bandwidth current, double rate, NetSpec net) {
            return current.isUnlimited() ? new Bandwidth(rate, net.bucket(), net.queue()) : current.withRate(rate);
        }
    }
}
