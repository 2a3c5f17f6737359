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
        byte[] plaintext = decrypt(sealed);
        if (authorVerified != null && authorVerified.contains(id)) {
            return EventCodec.parse(plaintext);
        }
        EventContent content = EventCodec.decode(plaintext, authors);
        if (authorVerified != null) {
            authorVerified.add(id);
        }
        return content;
    }

    /**
     * Opens {@code sealed} completely (id, AEAD, the author's signature), touching nothing of this
     * sealer's state: a pure function of the bytes (and of the key directory, which only grows), safe
     * on any thread, so it can be done ahead on another core. {@link #open(Opening)} consumes it.
     */
    public Opening openAhead(byte[] sealed) {
        EventId id = EventId.of(sealed);
        try {
            return new Opening(id, sealed, EventCodec.decode(decrypt(sealed), authors), null);
        } catch (EventRejectedException e) {
            return new Opening(id, sealed, null, e);
        }
    }

    /** The opening of {@code sealed} still to be done: its id only; {@link #open(Opening)} opens it then. */
    public static Opening unopened(byte[] sealed) {
        return new Opening(EventId.of(sealed), sealed, null, null);
    }

    /**
     * What {@link #open(EventId, byte[])} gives for the opening's bytes now, taking the work done
     * ahead when there is some. An author that was unknown when the opening was made is looked up
     * again (a member may have joined since), so the answer never depends on when the work ran.
     */
    public EventContent open(Opening opening) throws EventRejectedException {
        EventRejectedException refusal = opening.refusal();
        if (opening.content() == null && (refusal == null || refusal.reason() == EventRejection.UNKNOWN_AUTHOR)) {
            return open(opening.id(), opening.sealed());
        }
        if (refusal != null) {
            throw refusal;
        }
        if (authorVerified != null) {
            authorVerified.add(opening.id());
        }
        return opening.content();
    }

    private byte[] decrypt(byte[] sealed) throws EventRejectedException {
        byte[] plaintext;
        try {
            plaintext = communityKey.open(sealed);
        } catch (CryptoException e) {
            throw new EventRejectedException(EventRejection.UNDECRYPTABLE, e.getMessage());
        }
        if (plaintext.length < EventCodec.SIGNATURE_BYTES + 2) {
            throw new EventRejectedException(EventRejection.MALFORMED, "plaintext of " + plaintext.length + " bytes is too short");
        }
        return plaintext;
    }

    /**
     * A sealed event opened (or still to be opened): its id, its bytes, and either its content or
     * the reason it is refused; both null when the opening is still to be done.
     */
    public record Opening(EventId id, byte[] sealed, EventContent content, EventRejectedException refusal) {}
}
