package org.p2psim.adversary;

import org.p2psim.event.Event;
import org.p2psim.event.Message;
import org.p2psim.sync.bloom.BloomFilter;
import org.p2psim.sync.bloom.BloomSeedParams;

/**
 * Authors events whose ids are mined against the seed's fixed Bloom hashing (unsalted, the default
 * filter size and hash count): of {@link #CANDIDATES} sealings it keeps the one that sets the most
 * bits not yet set by its earlier ones, so that few events fill honest members' filters and make
 * them claim events they lack (cf. hoytech's automerge-poison). It pushes each to every other device.
 * A salted filter (bloom-salted, or saltEachRound) hashes differently each round: the defence.
 */
final class Poisoner implements Role {
    static final int CANDIDATES = 16;
    private static final int BITS = BloomSeedParams.DEFAULTS.filterBits();
    private static final int HASHES = BloomSeedParams.DEFAULTS.hashes();
    private BloomFilter model = new BloomFilter(BITS, HASHES);
    private long sequence;

    @Override
    public String name() {
        return "poisoner";
    }

    @Override
    public void act(Member member) {
        for (int i = 0; i < member.burst(); i++) {
            if (model.bitCount() > BITS * 0.9) {
                model = new BloomFilter(BITS, HASHES);   // saturated: start filling the next filter
            }
            Event best = null;
            int bestBits = -1;
            for (int c = 0; c < CANDIDATES; c++) {
                Event candidate = member.device().sealUnstored(new Message("general", "poison " + sequence));
                int fresh = model.newBits(candidate.id());
                if (fresh > bestBits) {
                    best = candidate;
                    bestBits = fresh;
                }
            }
            sequence++;
            model.add(best.id());
            member.device().adopt(best);
            member.tally().count(member.name(), name(), "mined-event");
            for (String peer : member.others()) {
                member.push(peer, best, "poison-push");
            }
        }
    }
}
