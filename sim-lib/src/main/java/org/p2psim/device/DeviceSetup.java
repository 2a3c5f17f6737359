package org.p2psim.device;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.event.EventSealer;
import org.p2psim.store.DeviceStore;
import org.p2psim.sync.SyncStrategy;

/**
 * The parts of one device.
 *
 * @param nonces           the stream its event nonces come from
 * @param fileKeys         the stream the keys of the files it shares come from (apart from the
 *                         nonces, so that sharing a file shifts none of its later nonces)
 * @param syncRandom       its sync strategy's stream
 * @param deviceRandom     the stream of its own timers (peer-exchange phase)
 * @param peerExchange     how often it tells its peers whom it knows
 * @param sealer           seals and opens events under the community key this device holds
 * @param account          the account (user) the device belongs to; by default its own name
 */
public record DeviceSetup(String name, String account, Ed25519KeyPair keys, EventSealer sealer, DeviceStore store, SyncStrategy strategy, PeerTable peers,
                          DeviceClock clock, RandomGenerator nonces, RandomGenerator fileKeys, RandomGenerator syncRandom,
                          RandomGenerator deviceRandom, Duration peerExchange) {
    public DeviceSetup {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("device " + name + " needs a non-blank account, got "
                    + (account == null ? "null" : "'" + account + "'"));
        }
    }
}
