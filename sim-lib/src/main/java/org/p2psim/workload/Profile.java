package org.p2psim.workload;

import java.time.Duration;
import org.p2psim.workload.presence.Presence;

/**
 * How one kind of simulated person behaves: how often they post, read, share images and answer,
 * how long they take to answer, which files they fetch, when their device is online, and what
 * connection it has. Profiles are data: the built-ins live in {@code scenarios/profiles.yaml} and a
 * scenario's {@code workload.profiles} block adds its own or tweaks a built-in ({@code like:}).
 *
 * <p>All rates are per hour of <em>active</em> time (see {@link Presence}), each a Poisson process
 * restricted to the active intervals. A lurker's 95 % reading and 5 % posting is
 * {@code postsPerHour / (postsPerHour + readsPerHour) = 0.05}.
 *
 * @param name            the profile's name, as devices refer to it
 * @param description     free text for humans
 * @param postsPerHour    new messages (not replies) per active hour
 * @param readsPerHour    scroll-back sessions per active hour: a page of 50 messages, then older pages
 * @param pagesPerRead    mean pages a scroll-back session reads (geometric, at least 1)
 * @param uploadsPerHour  images shared per active hour (picked from {@code datasets/images})
 * @param replies         whether and how fast this person answers messages
 * @param textLength      mean characters of a message (lengths are geometric with this mean)
 * @param downloads       share of shared files this device fetches (1: all; a lurker fetches some)
 * @param presence        when the device is online and its user active
 * @param connection      the device's link: bandwidth and network switches
 */
public record Profile(String name, String description, double postsPerHour, double readsPerHour, double pagesPerRead,
                      double uploadsPerHour, Replies replies, int textLength, double downloads, Presence presence,
                      Connection connection) {

    public Profile {
        requireAtLeast("postsPerHour", postsPerHour, 0);
        requireAtLeast("readsPerHour", readsPerHour, 0);
        requireAtLeast("pagesPerRead", pagesPerRead, 1);
        requireAtLeast("uploadsPerHour", uploadsPerHour, 0);
        if (textLength < 1) {
            throw new IllegalArgumentException("profile " + name + ": textLength must be >= 1, was " + textLength);
        }
        if (!(downloads >= 0 && downloads <= 1)) {
            throw new IllegalArgumentException("profile " + name + ": downloads must be a share in [0, 1], was " + downloads);
        }
    }

    private void requireAtLeast(String field, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("profile " + name + ": " + field + " must be a number >= " + min + ", was " + value);
        }
    }

    /**
     * How a person answers. Seeing a message from someone else while active, they answer it with
     * {@code probability}, unless someone answered it first (a message gets one answer at most, so
     * a conversation is a chain, and it dies out). The answer is sent after a reaction time, drawn
     * log-normal with median {@code after} and shape {@code spread}, plus the time to type it at
     * {@code typingPerSecond} characters a second.
     */
    public record Replies(double probability, Duration after, double spread, double typingPerSecond) {
        public static final Replies NEVER = new Replies(0, Duration.ofSeconds(30), 1, 4);

        public Replies {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("replies.probability must be in [0, 1], was " + probability);
            }
            if (after.isNegative() || !(spread >= 0) || !(typingPerSecond > 0)) {
                throw new IllegalArgumentException("replies need after >= 0, spread >= 0 and typingPerSecond > 0, were "
                        + after + ", " + spread + ", " + typingPerSecond);
            }
        }
    }

    /**
     * The device's connection: its upload and download rates in bytes per second (+∞: unlimited) and
     * how often it switches network (Wi-Fi ↔ cellular), which changes its address.
     */
    public record Connection(double uplink, double downlink, double switchesPerHour) {
        public static final Connection UNLIMITED = new Connection(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0);

        public Connection {
            if (!(uplink > 0) || !(downlink > 0) || !(switchesPerHour >= 0)) {
                throw new IllegalArgumentException("connection rates must be > 0, were uplink " + uplink + ", downlink "
                        + downlink + ", switchesPerHour " + switchesPerHour);
            }
        }

        /** Whether either rate is limited. */
        public boolean limitsBandwidth() {
            return uplink < Double.POSITIVE_INFINITY || downlink < Double.POSITIVE_INFINITY;
        }
    }
}
