package org.p2psim.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.p2psim.experiment.ScenarioRun;
import org.p2psim.Simulation;
import org.p2psim.scenario.Scenario;

/** The topology picture: its size, a node's colour by what it holds and whether it is online, and a fixed layout. */
class TopologyPictureTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static int pixelAtNode(BufferedImage image, int index, int count) {
        Point2D.Double p = TopologyPicture.position(index, count, image.getWidth(), image.getHeight());
        return image.getRGB((int) Math.round(p.x), (int) Math.round(p.y)) & 0xFFFFFF;
    }

    @Test
    void convergedAndOfflineDevicesHaveDifferentColours() {
        try (Simulation sim = Simulation.builder().seed(3).devices("alice", "bob", "carol").build()) {
            sim.post("alice", "general", "hello");
            sim.runUntilConverged(Duration.ofMinutes(5));
            sim.leave("carol", true);
            sim.runFor(Duration.ofSeconds(1));

            BufferedImage image = TopologyPicture.of(sim).size(640, 480).render();
            assertEquals(640, image.getWidth());
            assertEquals(480, image.getHeight());
            int alice = pixelAtNode(image, 0, 3);
            int carol = pixelAtNode(image, 2, 3);
            assertEquals(TopologyPicture.COMPLETE.getRGB() & 0xFFFFFF, alice, "alice holds everything: green");
            assertEquals(TopologyPicture.OFFLINE.getRGB() & 0xFFFFFF, carol, "carol is offline: grey");
            assertNotEquals(alice, carol);
            assertEquals(TopologyPicture.IN_SYNC, TopologyPicture.of(sim).linkColor("alice", "bob"));
            assertEquals(TopologyPicture.DORMANT, TopologyPicture.of(sim).linkColor("alice", "carol"));

            // a new message that bob has not received yet: alice and bob differ, bob is partial
            sim.post("alice", "general", "again");
            assertEquals(TopologyPicture.DIFFERENT, TopologyPicture.of(sim).linkColor("alice", "bob"));
            assertEquals(TopologyPicture.PARTIAL, TopologyPicture.of(sim).nodeColor("bob"));
            int bob = pixelAtNode(Plots.topology(sim), 1, 3);
            assertEquals(TopologyPicture.PARTIAL.getRGB() & 0xFFFFFF, bob);
        }
    }

    @Test
    void theSameStateGivesTheSamePictureAndProfilesLabelIt() {
        Scenario s = Scenario.parse("""
                duration: 2m
                devices: {count: 4, profiles: {active: 2, mobile-ios: 2}}
                crypto: {signatures: fast}
                """, "t.yaml");
        BufferedImage[] images = new BufferedImage[2];
        for (int i = 0; i < 2; i++) {
            try (Simulation sim = ScenarioRun.of(s).seed(5).build()) {
                sim.runFor(s.duration());
                images[i] = Plots.topology(sim, s);
            }
        }
        int side = images[0].getWidth(); // sized to the number of devices
        assertEquals(side, images[0].getHeight());
        assertArrayEquals(images[0].getRGB(0, 0, side, side, null, 0, side), images[1].getRGB(0, 0, side, side, null, 0, side));
        assertTrue(hasInk(images[0]), "something is drawn");
        assertThrows(IllegalArgumentException.class, () -> TopologyPicture.of(null).size(10, 10));
    }

    private static boolean hasInk(BufferedImage image) {
        int white = Color.WHITE.getRGB();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                if (image.getRGB(x, y) != white) {
                    return true;
                }
            }
        }
        return false;
    }
}
