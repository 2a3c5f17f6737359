package org.p2psim.device;

import java.net.URI;
import java.util.Base64;
import org.p2psim.crypto.CommunityKey;

/**
 * What a new device needs to join a community (seed 004, §4): the community's pre-shared key and
 * the address of one peer to bootstrap from. As a link: {@code p2psim:join?peer=ADDRESS#KEY}, with
 * the key in unpadded base64url after the {@code #} (a fragment: the part of a link that web
 * servers never see).
 */
public record Invite(CommunityKey communityKey, String bootstrapPeer) {
    private static final String PREFIX = "p2psim:join?peer=";

    public Invite {
        if (bootstrapPeer == null || bootstrapPeer.isBlank()) {
            throw new IllegalArgumentException("an invite needs a bootstrap peer address, was '" + bootstrapPeer + "'");
        }
    }

    public String toLink() {
        return PREFIX + bootstrapPeer + "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(communityKey.bytes());
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
        return new Invite(CommunityKey.of(key), URI.create("x:" + link.substring(PREFIX.length(), hash)).getSchemeSpecificPart());
    }
}
