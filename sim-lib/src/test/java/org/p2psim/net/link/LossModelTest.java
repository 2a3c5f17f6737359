package org.p2psim.net.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LossModelTest {
    private static final int N = 200_000;

    /** One long run of one link's state: the loss of each packet in order. */
    private static boolean[] run(LossModel model, long seed) {
        LossModel.State state = model.newState();
        RandomGenerator random = new SplittableRandom(seed);
        boolean[] lost = new boolean[N];
        for (int i = 0; i < N; i++) {
            lost[i] = state.nextLost(random);
        }
        return lost;
    }

    private static int count(boolean[] lost) {
        int n = 0;
        for (boolean l : lost) {
            n += l ? 1 : 0;
        }
        return n;
    }

    /** Number of maximal runs of consecutive losses. */
    private static int bursts(boolean[] lost) {
        int n = 0;
        for (int i = 0; i < lost.length; i++) {
            if (lost[i] && (i == 0 || !lost[i - 1])) {
                n++;
            }
        }
        return n;
    }

    /**
     * Gilbert's model from (average loss L = 0.1, mean burst b = 4): r = 0.25, p = 0.0278. Over
     * 200 000 packets the loss fraction lies within 4 standard deviations of L, the deviation being
     * that of a two-state chain, √(π_B·π_G·(2−p−r)/((p+r)·n)) = 0.0017 (2.5× binomial); the mean
     * run of consecutive losses lies within 4 standard errors of b, a run being geometric with sd
     * √(1−r)/r = 3.46 over about 5 000 runs (±0.2).
     */
    @Test
    void gilbertElliottLongRunLossAndMeanBurstLength() {
        LossModel.GilbertElliott model = LossModel.GilbertElliott.bursty(0.1, 4);
        assertEquals(0.25, model.badToGood(), 1e-12);
        assertEquals(0.1, model.averageLoss(), 1e-12);
        boolean[] lost = run(model, 21);
        double p = model.goodToBad();
        double r = model.badToGood();
        double sdRate = Math.sqrt(0.1 * 0.9 * (2 - p - r) / ((p + r) * N));
        assertEquals(0.1, count(lost) / (double) N, 4 * sdRate);
        int runs = bursts(lost);
        double runSd = Math.sqrt(1 - r) / r;
        assertEquals(4.0, count(lost) / (double) runs, 4 * runSd / Math.sqrt(runs));
    }

    /**
     * Independent loss at 0.1 has mean burst 1/(1−0.1) = 1.11: the bursty model is really different
     * (this guards the test above against a model that ignores its state).
     */
    @Test
    void independentLossHasShortBursts() {
        boolean[] lost = run(LossModel.independent(0.1), 22);
        double meanRun = count(lost) / (double) bursts(lost);
        assertEquals(1 / 0.9, meanRun, 0.02);
    }

    /**
     * The four-parameter model: long-run loss π_G·h_G + π_B·h_B. The tolerance is 4 standard
     * deviations from the law of total variance: n·(π_G·h_G(1−h_G) + π_B·h_B(1−h_B)) for the
     * per-packet draws plus (h_B−h_G)²·π_B·π_G·(2−p−r)/(p+r)·n for the state, over n².
     */
    @Test
    void generalGilbertElliottLossRate() {
        LossModel.GilbertElliott model = new LossModel.GilbertElliott(0.05, 0.3, 0.01, 0.6);
        double bad = 0.05 / 0.35;
        double good = 1 - bad;
        double expected = good * 0.01 + bad * 0.6;
        assertEquals(expected, model.averageLoss(), 1e-12);
        double draws = good * 0.01 * 0.99 + bad * 0.6 * 0.4;
        double chain = 0.59 * 0.59 * bad * good * (2 - 0.35) / 0.35;
        double sd = Math.sqrt((draws + chain) / N);
        assertEquals(expected, count(run(model, 23)) / (double) N, 4 * sd);
    }

    @Test
    void burstyRefusesUnreachableParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossModel.bursty(0.1, 0.5));
        assertEquals("net.burst (mean consecutive losses) must be a finite number >= 1, was 0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LossModel.bursty(0.9, 2));
        assertTrue(e.getMessage().startsWith("net.burst must be >= net.loss/(1 - net.loss) = 9.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LossModel.bursty(1.0, 2));
        assertEquals("net.loss must be in [0, 1) for bursty loss, was 1.0", e.getMessage());
    }

    @Test
    void probabilitiesAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossModel.independent(1.7));
        assertEquals("net.loss must be a probability in [0, 1], was 1.7", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LossModel.GilbertElliott(0.1, 0.2, 0, -0.1));
        assertEquals("net.loss.inBad must be a probability in [0, 1], was -0.1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LossModel.GilbertElliott(0, 0, 0, 1));
        assertTrue(e.getMessage().startsWith("net.loss.goodToBad and net.loss.badToGood cannot both be 0"));
    }

    @Test
    void noLossDrawsNothing() {
        RandomGenerator refuses = () -> {
            throw new AssertionError("a loss of 0 must not draw");
        };
        assertEquals(false, LossModel.NONE.newState().nextLost(refuses));
        assertEquals(true, LossModel.independent(1).newState().nextLost(refuses));
    }
}
