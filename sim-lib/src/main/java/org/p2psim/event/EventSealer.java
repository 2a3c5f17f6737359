package org.p2psim.event;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.CryptoException;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.crypto.SignatureMode;

/**
 * Seals events for a community and opens the ones its devices receive.
 *
 * <p>Authors always sign with Ed25519, so an event's bytes and id are the same in every signature
 * mode. In {@link SignatureMode#FAST fast mode} one sealer serves all devices of a run and checks
 * each event's author signature only the first time any device opens it: the result depends on the
 * sealed bytes alone, which the event id names.
 */
public final class EventSealer {
    private final CommunityKey communityKey;
    private final KeyDirectory authors;
    private final Set<EventId> authorVerified;

    public EventSealer(CommunityKey communityKey, KeyDirectory authors) {
        this(communityKey, authors, SignatureMode.REAL);
    }

    public EventSealer(CommunityKey communityKey, KeyDirectory authors, SignatureMode mode) {
        this.communityKey = communityKey;
        this.authors = authors;
        this.authorVerified = mode == SignatureMode.FAST ? new HashSet<>() : null;
    }

    /** Signs {@code content} as {@code author} and seals it with a nonce drawn from {@code nonces}. */
    public Event seal(EventContent content, Ed25519KeyPair author, RandomGenerator nonces) {
        return Event.of(communityKey.seal(EventCodec.encode(content, author), nonces));
    }

    /** Opens a received event and checks its author's signature; throws with the reason it is refused. */
    public EventContent open(byte[] sealed) throws EventRejectedException {
        return open(EventId.of(sealed), sealed);
    }

    /** As {@link #open(byte[])}, for a caller that already computed the id. */
    public EventContent open(EventId id, byte[] sealed) throws EventRejectedException {
        byte[] plaintext;
        try {
            plaintext = communityKey.open(sealed);
        } catch (CryptoException e) {
            throw new EventRejectedException(EventRejection.UNDECRYPTABLE, e.getMessage());
        }
        if (plaintext.length < EventCodec.SIGNATURE_BYTES + 2) {
            throw new EventRejectedException(EventRejection.MALFORMED, "plaintext of " + plaintext.length + " bytes is too short");
        }
        if (authorVerified != null && authorVerified.contains(id)) {
            return EventCodec.parse(plaintext);
        }
        EventContent content = EventCodec.decode(plaintext, authors);
        if (authorVerified != null) {
            authorVerified.add(id);
        }
        return content;
    }
}
