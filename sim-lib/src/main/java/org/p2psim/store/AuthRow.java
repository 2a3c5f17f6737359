package org.p2psim.store;

import java.util.Objects;

/**
 * A row of {@code auth_graph}: one grant event (an invite, a join, a device authorisation),
 * from its decrypted payload.
 *
 * @param eventId        the grant event's id
 * @param subject        an invite's id, or the device id the grant is about (32 lowercase hex)
 * @param action         {@code invite}, {@code join} or {@code authorize-device}
 * @param authorUser     the account the author acts for
 * @param ts             authored time, µs on the author's clock
 * @param authorDeviceId the device that wrote the grant
 * @param inviteId       for a join: the invite it used, or null
 */
public record AuthRow(String eventId, String subject, String action, String authorUser, long ts, String authorDeviceId,
                      String inviteId) implements IndexRow {

    public AuthRow {
        StoredEvent.requireId(eventId, "eventId");
        StoredEvent.requireId(subject, "subject");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(authorUser, "authorUser");
        Objects.requireNonNull(authorDeviceId, "authorDeviceId");
        if (inviteId != null) {
            StoredEvent.requireId(inviteId, "inviteId");
        }
    }
}
