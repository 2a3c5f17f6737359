package org.p2psim.device;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.p2psim.crypto.Blake3;
import org.p2psim.crypto.CommunityKey;

/**
 * What a new device needs to join a community (seed 004, §4): the community's pre-shared key and
 * the address of one peer to bootstrap from, and a token that tells one invite from another. As a
 * link: {@code p2psim:join?peer=ADDRESS&invite=TOKEN#KEY}, with the key in unpadded base64url
 * after the {@code #} (a fragment: the part of a link that web servers never see). An invite
 * without a token has the link {@code p2psim:join?peer=ADDRESS#KEY}.
 *
 * @param token 32 lowercase hex characters drawn by the inviter, or null
 */
public record Invite(CommunityKey communityKey, String bootstrapPeer, String token) {
    private static final String PREFIX = "p2psim:join?peer=";
    private static final String TOKEN = "&invite=";
    /** Bytes of an invite id: the first 16 bytes of BLAKE3 over the link. */
    public static final int ID_BYTES = 16;

    public Invite {
        if (bootstrapPeer == null || bootstrapPeer.isBlank()) {
            throw new IllegalArgumentException("an invite needs a bootstrap peer address, was '" + bootstrapPeer + "'");
        }
        if (token != null && (token.length() != 32 || !token.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("an invite token is 32 lowercase hex characters, was '" + token + "'");
        }
    }

    /** An invite without a token. */
    public Invite(CommunityKey communityKey, String bootstrapPeer) {
        this(communityKey, bootstrapPeer, null);
    }

    public String toLink() {
        return PREFIX + bootstrapPeer + (token == null ? "" : TOKEN + token) + "#"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(communityKey.bytes());
    }

    /**
     * The invite's id (32 lowercase hex characters): the first 16 bytes of BLAKE3 over its link.
     * It names the invite in grant events without revealing the key it carries.
     */
    public String id() {
        return HexFormat.of().formatHex(Blake3.hash(toLink().getBytes(StandardCharsets.UTF_8), ID_BYTES));
    }

    /** Reads a link made by {@link #toLink()}; the message says what is wrong with any other string. */
    public static Invite parse(String link) {
        int hash = link.indexOf('#');
        if (!link.startsWith(PREFIX) || hash < 0) {
            throw new IllegalArgumentException("an invite link looks like " + PREFIX + "ADDRESS#KEY, got '" + link + "'");
        }
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(link.substring(hash + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key of invite link '" + link + "' is not base64url");
        }
        String query = link.substring(PREFIX.length(), hash);
        int tokenAt = query.indexOf(TOKEN);
        String peer = tokenAt < 0 ? query : query.substring(0, tokenAt);
        String token = tokenAt < 0 ? null : query.substring(tokenAt + TOKEN.length());
        return new Invite(CommunityKey.of(key), URI.create("x:" + peer).getSchemeSpecificPart(), token);
    }
}
