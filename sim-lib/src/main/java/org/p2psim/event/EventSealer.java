package org.p2psim.event;

import java.util.random.RandomGenerator;
import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.CryptoException;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.KeyDirectory;

/** Seals events for a community and opens the ones a device receives. */
public final class EventSealer {
    private final CommunityKey communityKey;
    private final KeyDirectory authors;

    public EventSealer(CommunityKey communityKey, KeyDirectory authors) {
        this.communityKey = communityKey;
        this.authors = authors;
    }

    /** Signs {@code content} as {@code author} and seals it with a nonce drawn from {@code nonces}. */
    public Event seal(EventContent content, Ed25519KeyPair author, RandomGenerator nonces) {
        return Event.of(communityKey.seal(EventCodec.encode(content, author), nonces));
    }

    /** Opens a received event and checks its author's signature; throws with the reason it is refused. */
    public EventContent open(byte[] sealed) throws EventRejectedException {
        byte[] plaintext;
        try {
            plaintext = communityKey.open(sealed);
        } catch (CryptoException e) {
            throw new EventRejectedException(EventRejection.UNDECRYPTABLE, e.getMessage());
        }
        if (plaintext.length < EventCodec.SIGNATURE_BYTES + 2) {
            throw new EventRejectedException(EventRejection.MALFORMED, "plaintext of " + plaintext.length + " bytes is too short");
        }
        return EventCodec.decode(plaintext, authors);
    }
}
